import { EventEmitter } from 'node:events';
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { guarded } from '../../../shared/guard';
import { AmiMessage, AmiParser, serialiseAction } from './frames';

export type AmiState = 'connecting' | 'connected' | 'login_failed' | 'disconnected';

export interface AmiStateChange {
  state: AmiState;
  /** Why: the server's login message, the socket error, "stopped"... */
  reason?: string;
  /** When the next attempt is due, if one is scheduled. */
  retryInMs?: number;
}

export interface AmiClientOptions {
  host: string;
  port: number;
  username: string;
  secret: string;
  /** Backoff between reconnects after a drop: exponential from minMs to maxMs, with jitter. */
  reconnect?: { minMs: number; maxMs: number };
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
  private readonly backoff: { minMs: number; maxMs: number };
  private readonly handshakeMs: number;
  /** Per instance, so responses meant for an earlier process or another client never match. */
  private readonly idPrefix = `rapport-${randomBytes(4).toString('hex')}`;
  private nextId = 1;
  private socket: Socket | undefined;
  private pending = new Map<string, Pending>();
  private stopped = true;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private firstLogin: { resolve: () => void; reject: (e: Error) => void } | undefined;

  constructor(options: AmiClientOptions) {
    super();
    this.options = options;
    this.eventFilter = options.events ? new Set(options.events.map((e) => e.toLowerCase())) : undefined;
    this.backoff = options.reconnect ?? { minMs: 500, maxMs: 30_000 };
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
    this.attempt = 0;
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
      this.setState({ state: 'disconnected', reason: 'stopped' });
    }
  }

  /** Sends an action and resolves with its own Response, however events and other responses interleave. */
  action(name: string, fields: Fields = {}, opts: { timeoutMs?: number } = {}): Promise<AmiMessage> {
    if (this.state !== 'connected' || !this.socket) {
      return Promise.reject(new AmiActionError(`AMI action ${name}: not connected (${this.state})`));
    }
    return this.send(this.socket, name, fields, opts.timeoutMs ?? 10_000);
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
      this.attempt = 0;
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
      // Asterisk closes the session after a refusal; close ours and wait long: a wrong secret
      // will not fix itself, and each attempt is a security event in the PBX's log.
      const delay = jittered(Math.max(this.options.loginRetryMs ?? 60_000, this.backoff.maxMs));
      this.socket = undefined;
      this.stopPing();
      this.rejectPending('AMI login refused');
      socket.destroy();
      const reason = error.response.get('Message') ?? 'login refused';
      this.setState({ state: 'login_failed', reason, retryInMs: delay });
      this.scheduleRetry(delay);
      this.settleStart(new AmiActionError(`AMI login refused: ${reason}`, error.response));
    };
    this.sendWith(socket, 'Login', fields, this.handshakeMs, { resolve: accepted, reject: refused });
  }

  private dispatch(message: AmiMessage): void {
    const event = message.event;
    if (event !== undefined) {
      // OriginateResponse carries Response and ActionID too: an event is never an action's answer.
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
    this.pending.delete(actionId);
    clearTimeout(pending.timer);
    if (message.get('Response')?.toLowerCase() === 'error') {
      pending.reject(new AmiActionError(`AMI action ${pending.name} failed: ${message.get('Message') ?? 'no message'}`, message));
    } else {
      pending.resolve(message);
    }
  }

  private dropped(socket: Socket, reason: string): void {
    if (socket !== this.socket) return;
    this.socket = undefined;
    this.stopPing();
    this.rejectPending(`AMI connection lost (${reason})`);
    if (this.stopped) {
      this.setState({ state: 'disconnected', reason: 'stopped' });
      return;
    }
    const { minMs, maxMs } = this.backoff;
    const delay = jittered(Math.min(maxMs, minMs * 2 ** this.attempt));
    this.attempt = Math.min(this.attempt + 1, 30);
    this.setState({ state: 'disconnected', reason, retryInMs: delay });
    this.scheduleRetry(delay);
    this.settleStart(new Error(`AMI connection failed (${reason}); retrying in ${delay} ms`));
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
      this.send(socket, 'Ping', {}, every).catch(() => {
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
