import { EventEmitter } from 'node:events';
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { guarded } from '../../../shared/guard';
import { Backoff, type BackoffPolicy } from '../../../shared/retry';
import { AmiMessage, AmiParser, serialiseAction } from './frames';

export type AmiState = 'connecting' | 'connected' | 'login_failed' | 'disconnected';

/**
 * Why the link is not up, told apart because each calls for something different: a wrong secret
 * waits long (it will not fix itself), a PBX shutting down or restarting is retried within seconds.
 */
export type AmiDownCause = 'login_refused' | 'shutting_down' | 'unreachable' | 'lost' | 'stopped';

export interface AmiStateChange {
  state: AmiState;
  /** Why: the server's login message, the socket error, "stopped"... */
  reason?: string;
  cause?: AmiDownCause;
  /** When the next attempt is due, if one is scheduled. */
  retryInMs?: number;
}

/** Asterisk answers every action, Login included, with this while `core stop gracefully` runs. */
export const isShuttingDown = (message: string | undefined): boolean => /shutting down/i.test(message ?? '');

export interface AmiClientOptions {
  host: string;
  port: number;
  username: string;
  secret: string;
  /** Backoff between reconnects after a drop: exponential from minMs to maxMs, with jitter. Short by default: a restarting PBX is back in seconds. */
  reconnect?: BackoffPolicy;
  /** Wait after a refused login: a wrong secret will not fix itself, and Asterisk logs each try. */
  loginRetryMs?: number;
  /** Only these events reach `event` listeners (case-insensitive); all others are dropped early. */
  events?: string[];
  /** No banner or login answer within this long means a dead or wrong server. */
  handshakeTimeoutMs?: number;
  /** A Ping this often notices a half-open connection TCP alone would not; 0 turns it off. */
  pingMs?: number;
}

export type AmiClientEvents = {
  event: [message: AmiMessage];
  state: [change: AmiStateChange];
  /** Framing problems and stray responses: for logs, never fatal. */
  problem: [reason: string];
};

type Fields = Record<string, string | string[]>;
type Callbacks = { resolve: (message: AmiMessage) => void; reject: (error: Error) => void };
type Pending = Callbacks & { name: string; timer: NodeJS.Timeout };

export class AmiActionError extends Error {
  constructor(
    message: string,
    readonly response?: AmiMessage,
  ) {
    super(message);
    this.name = 'AmiActionError';
  }
}

/** One AMI connection that logs in, correlates actions by ActionID and reconnects on its own. */
export class AmiClient extends EventEmitter<AmiClientEvents> {
  state: AmiState = 'disconnected';

  private readonly options: AmiClientOptions;
  private readonly eventFilter: Set<string> | undefined;
  private readonly backoff: Backoff;
  private readonly maxBackoffMs: number;
  private readonly handshakeMs: number;
  /** Per instance, so responses meant for an earlier process or another client never match. */
  private readonly idPrefix = `rapport-${randomBytes(4).toString('hex')}`;
  private nextId = 1;
  private socket: Socket | undefined;
  private pending = new Map<string, Pending>();
  /** List actions (QueueStatus, CoreShowChannels) collecting their items, by ActionID. */
  private lists = new Map<string, AmiMessage[]>();
  private readonly listDone = new Map<string, () => void>();
  private stopped = true;
  /** Set by `Event: Shutdown`: the close that follows is a restart, not a fault. */
  private shutdownSeen = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private firstLogin: { resolve: () => void; reject: (e: Error) => void } | undefined;

  constructor(options: AmiClientOptions) {
    super();
    this.options = options;
    this.eventFilter = options.events ? new Set(options.events.map((e) => e.toLowerCase())) : undefined;
    const policy = options.reconnect ?? { minMs: 250, maxMs: 3_000 };
    this.backoff = new Backoff(policy);
    this.maxBackoffMs = policy.maxMs;
    this.handshakeMs = options.handshakeTimeoutMs ?? 10_000;
  }

  /**
   * Connects, and keeps connecting until stop(). Settles with the first attempt: resolves once
   * logged in, rejects if that login is refused or the connection fails first (so a hub never
   * hangs at boot on an absent PBX). Either way the client goes on retrying; `state` tells how.
   */
  start(): Promise<void> {
    if (!this.stopped) return Promise.resolve();
    this.stopped = false;
    this.backoff.reset();
    const ready = new Promise<void>((resolve, reject) => (this.firstLogin = { resolve, reject }));
    this.open();
    return ready;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.settleStart(new Error('AMI client stopped before it logged in'));
    const socket = this.socket;
    if (socket) {
      // Logoff is a courtesy so Asterisk logs a clean exit; the socket goes either way.
      socket.end(serialiseAction('Logoff', {}, this.newActionId()), () => socket.destroy());
      this.dropped(socket, 'stopped');
    } else {
      this.setState({ state: 'disconnected', reason: 'stopped', cause: 'stopped' });
    }
  }

  /** Sends an action and resolves with its own Response, however events and other responses interleave. */
  action(name: string, fields: Fields = {}, opts: { timeoutMs?: number } = {}): Promise<AmiMessage> {
    if (this.state !== 'connected' || !this.socket) {
      return Promise.reject(new AmiActionError(`AMI action ${name}: not connected (${this.state})`));
    }
    return this.send(this.socket, name, fields, opts.timeoutMs ?? 10_000);
  }

  /**
   * Sends a list action and resolves with its items once `EventList: Complete` arrives. The
   * items are events carrying the action's ActionID; they go to the caller, not to listeners.
   */
  async list(name: string, fields: Fields = {}, opts: { timeoutMs?: number } = {}): Promise<AmiMessage[]> {
    if (this.state !== 'connected' || !this.socket) throw new AmiActionError(`AMI action ${name}: not connected (${this.state})`);
    const socket = this.socket;
    const timeoutMs = opts.timeoutMs ?? 10_000;
    return new Promise<AmiMessage[]>((resolve, reject) => {
      const items: AmiMessage[] = [];
      const actionId = this.newActionId();
      const timer = setTimeout(() => {
        this.pending.delete(actionId);
        this.lists.delete(actionId);
        reject(new AmiActionError(`AMI action ${name} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.lists.set(actionId, items);
      const fail = (error: Error) => {
        clearTimeout(timer);
        this.lists.delete(actionId);
        this.listDone.delete(actionId);
        reject(error);
      };
      // The Response only opens the list; the items and the Complete event follow.
      const done = { resolve: () => undefined, reject: fail };
      this.pending.set(actionId, { name, ...done, timer });
      this.listDone.set(actionId, () => {
        clearTimeout(timer);
        this.pending.delete(actionId);
        this.lists.delete(actionId);
        this.listDone.delete(actionId);
        resolve(items);
      });
      try {
        socket.write(serialiseAction(name, fields, actionId));
      } catch (error) {
        this.pending.delete(actionId);
        this.listDone.delete(actionId);
        fail(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  private send(socket: Socket, name: string, fields: Fields, timeoutMs: number): Promise<AmiMessage> {
    return new Promise<AmiMessage>((resolve, reject) => this.sendWith(socket, name, fields, timeoutMs, { resolve, reject }));
  }

  /** Callbacks run synchronously from the data handler, before any later 'close' can be seen. */
  private sendWith(socket: Socket, name: string, fields: Fields, timeoutMs: number, done: Callbacks): void {
    const actionId = this.newActionId();
    let frame: string;
    try {
      frame = serialiseAction(name, fields, actionId);
    } catch (error) {
      return done.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const timer = setTimeout(() => {
      this.pending.delete(actionId);
      done.reject(new AmiActionError(`AMI action ${name} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    this.pending.set(actionId, { name, ...done, timer });
    socket.write(frame);
  }

  private newActionId(): string {
    return `${this.idPrefix}-${this.nextId++}`;
  }

  private open(): void {
    this.setState({ state: 'connecting' });
    const parser = new AmiParser({ onProblem: (reason) => this.emit('problem', reason) });
    const socket = connect({ host: this.options.host, port: this.options.port });
    this.socket = socket;
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 30_000);
    let loggingIn = false;
    let lastError: string | undefined;
    const handshake = setTimeout(() => socket.destroy(new Error('no banner or login answer in time')), this.handshakeMs);

    socket.on(
      'data',
      guarded(
        (chunk: Buffer) => {
          for (const message of parser.push(chunk)) this.dispatch(message);
          if (parser.banner !== undefined && !loggingIn && socket === this.socket) {
            loggingIn = true;
            this.login(socket, () => clearTimeout(handshake));
          }
        },
        (err) => console.error('[hub] a message from the PBX could not be handled:', err),
      ),
    );
    // 'close' always follows 'error'; keep the reason for the state change it reports.
    socket.on('error', (error) => (lastError = error.message));
    socket.on('close', () => {
      clearTimeout(handshake);
      this.dropped(socket, lastError ?? 'connection closed');
    });
  }

  private login(socket: Socket, done: () => void): void {
    const { username, secret } = this.options;
    const fields = { Username: username, Secret: secret, Events: 'on' };
    const accepted = (response: AmiMessage) => {
      done();
      if (socket !== this.socket) return;
      this.backoff.reset();
      this.shutdownSeen = false;
      this.setState({ state: 'connected', reason: response.get('Message') });
      this.startPing(socket);
      this.settleStart();
    };
    const refused = (error: Error) => {
      done();
      if (socket !== this.socket) return;
      if (!(error instanceof AmiActionError && error.response)) {
        socket.destroy(error); // timed out: an ordinary reconnect
        return;
      }
      const reason = error.response.get('Message') ?? 'login refused';
      // A PBX shutting down refuses every login with this: it is not a wrong secret, and it will
      // be back in seconds. Retry on the ordinary short back-off.
      if (isShuttingDown(reason)) {
        socket.destroy();
        this.dropped(socket, 'the phone system is shutting down', 'shutting_down');
        return;
      }
      // Asterisk closes the session after a refusal; close ours and wait long: a wrong secret
      // will not fix itself, and each attempt is a security event in the PBX's log.
      const delay = jittered(Math.max(this.options.loginRetryMs ?? 60_000, this.maxBackoffMs));
      this.socket = undefined;
      this.stopPing();
      this.rejectPending('AMI login refused');
      socket.destroy();
      this.setState({ state: 'login_failed', reason, cause: 'login_refused', retryInMs: delay });
      this.scheduleRetry(delay);
      this.settleStart(new AmiActionError(`AMI login refused: ${reason}`, error.response));
    };
    this.sendWith(socket, 'Login', fields, this.handshakeMs, { resolve: accepted, reject: refused });
  }

  private dispatch(message: AmiMessage): void {
    const event = message.event;
    if (event !== undefined) {
      // OriginateResponse carries Response and ActionID too: an event is never an action's answer.
      if (event.toLowerCase() === 'shutdown') this.shutdownSeen = true;
      const listId = message.get('ActionID');
      const items = listId === undefined ? undefined : this.lists.get(listId);
      if (items && listId !== undefined) {
        if (message.get('EventList')?.toLowerCase() === 'complete') this.listDone.get(listId)?.();
        else items.push(message);
        return;
      }
      if (this.eventFilter && !this.eventFilter.has(event.toLowerCase())) return;
      try {
        this.emit('event', message);
      } catch (error) {
        // A listener's bug must not take the PBX connection down with it; it is reported instead.
        this.emit('problem', `event listener threw on ${event}: ${error instanceof Error ? error.message : String(error)}`);
      }
      return;
    }
    const actionId = message.get('ActionID');
    const pending = actionId === undefined ? undefined : this.pending.get(actionId);
    if (!pending || actionId === undefined) {
      if (this.stopped) return; // the Goodbye to stop()'s Logoff, which nobody waits for
      this.emit('problem', `response for no pending action (${actionId ?? 'no ActionID'})`);
      return;
    }
    const isList = this.lists.has(actionId);
    if (isList && message.get('Response')?.toLowerCase() !== 'error') return; // items follow
    this.pending.delete(actionId);
    clearTimeout(pending.timer);
    if (isList) this.listDone.delete(actionId);
    if (message.get('Response')?.toLowerCase() === 'error') {
      pending.reject(new AmiActionError(`AMI action ${pending.name} failed: ${message.get('Message') ?? 'no message'}`, message));
    } else {
      pending.resolve(message);
    }
  }

  private dropped(socket: Socket, why: string, given?: AmiDownCause): void {
    if (socket !== this.socket) return;
    this.socket = undefined;
    this.stopPing();
    this.rejectPending(`AMI connection lost (${why})`);
    if (this.stopped) {
      this.setState({ state: 'disconnected', reason: 'stopped', cause: 'stopped' });
      return;
    }
    const restart = this.shutdownSeen;
    this.shutdownSeen = false;
    // A clean shutdown announced itself: the PBX restarts, so the first retry goes at once.
    if (restart) this.backoff.reset();
    const cause: AmiDownCause = given ?? (restart ? 'shutting_down' : /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|no banner/.test(why) ? 'unreachable' : 'lost');
    const reason = restart ? 'the phone system shut down (restarting)' : why;
    const delay = this.backoff.next();
    this.setState({ state: 'disconnected', reason, cause, retryInMs: delay });
    this.scheduleRetry(delay);
    this.settleStart(new Error(`AMI connection failed (${why}); retrying in ${delay} ms`));
  }

  private settleStart(error?: Error): void {
    const first = this.firstLogin;
    this.firstLogin = undefined;
    if (error) first?.reject(error);
    else first?.resolve();
  }

  private rejectPending(reason: string): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) {
      clearTimeout(p.timer);
      p.reject(new AmiActionError(`${reason} before the response to ${p.name}`));
    }
  }

  private scheduleRetry(delay: number): void {
    clearTimeout(this.retryTimer);
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      if (!this.stopped && !this.socket) this.open();
    }, delay);
  }

  private startPing(socket: Socket): void {
    const every = this.options.pingMs ?? 30_000;
    if (every <= 0) return;
    this.pingTimer = setInterval(() => {
      this.send(socket, 'Ping', {}, every).catch((error: unknown) => {
        // An error answer (a PBX shutting down refuses even Ping) proves the link is alive.
        if (error instanceof AmiActionError && error.response) return;
        if (socket === this.socket) socket.destroy(new Error('Ping unanswered'));
      });
    }, every);
    this.pingTimer.unref();
  }

  private stopPing(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = undefined;
  }

  private setState(change: AmiStateChange): void {
    this.state = change.state;
    this.emit('state', change);
  }
}

/** Between half and all of the delay, so many clients that lost the same PBX do not return in step. */
function jittered(ms: number): number {
  return Math.round(ms / 2 + Math.random() * (ms / 2));
}
