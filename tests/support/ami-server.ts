import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { AmiMessage, AmiParser } from '../../server/telephony/ami/frames';

/**
 * A stand-in Asterisk for tests, over real TCP: the banner from a captured transcript, Login
 * checked like the real thing, every action recorded and answered, and the transcript's events
 * replayed after login, cut into chunks however a test wants.
 */

export type Chunking = 'whole' | 'every-byte' | number[];

/** What to do with an action other than Login/Logoff: answer (maybe late, maybe with extra fields) or stay silent. */
export type ActionReply = { delayMs?: number; fields?: Record<string, string>; error?: string } | 'ignore';

export interface AmiTestServerOptions {
  /** A `*.server.txt` capture: first line the banner, then frames as Asterisk sent them. */
  transcript: URL | string;
  username: string;
  secret: string;
  /** Applies to the replayed events; 'every-byte' applies to everything the server writes. */
  chunking?: Chunking;
  /** On the first connection only, close the socket right after this many replayed events. */
  dropAfterEvent?: number;
  /** Garbage lines, stray blank lines and an unknown event between replayed frames. */
  injectGarbage?: boolean;
  /** Replay the transcript after each login (default true). */
  replay?: boolean;
  onAction?: (action: AmiMessage) => ActionReply | undefined;
  /**
   * Actions answered from the capture itself: action name → the ActionID it had there. The
   * captured Response and list items (`EventList`) are sent with the client's ActionID, and
   * are left out of the replayed events.
   */
  lists?: Record<string, string>;
  /** Answer every Login with this error (as Asterisk does while shutting down: "Asterisk is shutting down"). */
  refuseLogin?: string;
  /** Replay only on the first this many connections (a reconnect then sees a quiet PBX). */
  replayConnections?: number;
  /** List actions answered with no items (`EventList: start`, then `<Action>Complete` with `ListItems: 0`); QueueStatus and CoreShowChannels by default. */
  emptyLists?: string[];
  /** Close each connection once its replay is written, as a PBX that shuts down does. */
  closeAfterReplay?: boolean;
}

const GARBAGE = 'this line is not a header\r\n\r\nEvent: RapportUnknownEvent\r\nPrivilege: call,all\r\nWhatever: 1\r\n\r\n\r\n';

export class AmiTestServer {
  /** Every action received, in order, Login included. */
  readonly actions: AmiMessage[] = [];
  loginAttempts = 0;
  connections = 0;

  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly banner: string;
  private readonly events: Buffer[];
  private readonly listAnswers = new Map<string, Buffer[]>();

  constructor(readonly options: AmiTestServerOptions) {
    const { banner, events, frames } = readTranscript(options.transcript);
    this.banner = banner;
    const listed = new Set<Buffer>();
    for (const [action, capturedId] of Object.entries(options.lists ?? {})) {
      const mine = frames.filter((f) => new RegExp(`^ActionID: ${capturedId}\r$`, 'm').test(f.toString('utf8')));
      for (const f of mine) listed.add(f);
      this.listAnswers.set(action.toLowerCase(), mine);
    }
    this.events = events.filter((e) => !listed.has(e));
    this.server = createServer((socket) => this.accept(socket));
  }

  /** Where the first replayed event matching `test` sits (for dropping the link right after it). */
  eventIndex(test: (frame: string) => boolean): number {
    return this.events.findIndex((e) => test(e.toString('utf8')));
  }

  /** Replayed event frames, exactly as captured. */
  get eventCount(): number {
    return this.events.length;
  }

  /** Listens on `port` (0: any free one), so a test can bring a "restarted PBX" back where it was. */
  async start(port = 0): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  /** Writes raw bytes to every logged-in client (for interleaving extra events). */
  broadcast(raw: string): void {
    for (const socket of this.sockets) if (loggedIn.has(socket)) socket.write(raw);
  }

  /** Cuts every connection, as a PBX restart or a network fault would. */
  dropAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  close(): Promise<void> {
    this.dropAll();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.connections += 1;
    const connection = this.connections;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const out = new Writer(socket, this.options.chunking === 'every-byte');
    out.send(Buffer.from(`${this.banner}\r\n`));
    const parser = new AmiParser({ expectBanner: false });
    socket.on('data', (chunk: Buffer) => {
      for (const action of parser.push(chunk)) this.handle(socket, out, action, connection);
    });
  }

  private handle(socket: Socket, out: Writer, action: AmiMessage, connection: number): void {
    this.actions.push(action);
    const name = (action.get('Action') ?? '').toLowerCase();
    const id = action.get('ActionID');
    // Asterisk echoes ActionID verbatim right after Response, and leaves it out when none was sent.
    const reply = (lines: string[]) =>
      out.send(
        Buffer.from(`${[lines[0], ...(id === undefined ? [] : [`ActionID: ${id}`]), ...lines.slice(1)].join('\r\n')}\r\n\r\n`),
      );

    if (name === 'login') {
      this.loginAttempts += 1;
      if (this.options.refuseLogin) {
        reply(['Response: Error', `Message: ${this.options.refuseLogin}`]);
        return;
      }
      if (action.get('Username') === this.options.username && action.get('Secret') === this.options.secret) {
        loggedIn.add(socket);
        reply(['Response: Success', 'Message: Authentication accepted']);
        const replays = (this.options.replay ?? true) && connection <= (this.options.replayConnections ?? Infinity);
        if (replays) this.replay(socket, out, connection);
      } else {
        reply(['Response: Error', 'Message: Authentication failed']);
        out.then(() => void socket.end()); // as Asterisk does: the session is over
      }
      return;
    }
    if (!loggedIn.has(socket)) {
      reply(['Response: Error', `Message: ${this.options.refuseLogin ?? 'Authentication Required'}`]);
      return;
    }
    const captured = this.listAnswers.get(name);
    if (captured) {
      const own = `ActionID: ${id ?? ''}\r`;
      for (const f of captured) out.send(Buffer.from(f.toString('utf8').replace(/^ActionID: .*\r$/m, own)));
      return;
    }
    if (name === 'logoff') {
      reply(['Response: Goodbye', 'Message: Thanks for all the fish.']);
      out.then(() => void socket.end());
      return;
    }
    const custom = this.options.onAction?.(action);
    if (custom === undefined && (this.options.emptyLists ?? ['QueueStatus', 'CoreShowChannels']).some((l) => l.toLowerCase() === name)) {
      const complete = `${action.get('Action')}Complete`;
      reply(['Response: Success', 'EventList: start', 'Message: list will follow']);
      out.send(Buffer.from(`Event: ${complete}\r\n${id === undefined ? '' : `ActionID: ${id}\r\n`}EventList: Complete\r\nListItems: 0\r\n\r\n`));
      return;
    }
    if (custom === 'ignore') return;
    const lines = custom?.error
      ? ['Response: Error', `Message: ${custom.error}`]
      : ['Response: Success', ...Object.entries(custom?.fields ?? {}).map(([k, v]) => `${k}: ${v}`)];
    if (name === 'ping' && !custom) lines.push('Ping: Pong', `Timestamp: ${(Date.now() / 1000).toFixed(6)}`);
    if (custom?.delayMs) setTimeout(() => reply(lines), custom.delayMs);
    else reply(lines);
  }

  private replay(socket: Socket, out: Writer, connection: number): void {
    const dropAt = connection === 1 ? this.options.dropAfterEvent : undefined;
    const frames = dropAt === undefined ? this.events : this.events.slice(0, dropAt);
    const parts: Buffer[] = [];
    for (const frame of frames) {
      parts.push(frame);
      if (this.options.injectGarbage) parts.push(Buffer.from(GARBAGE));
    }
    const stream = Buffer.concat(parts);
    const chunking = this.options.chunking ?? 'whole';
    if (Array.isArray(chunking)) {
      let from = 0;
      for (const at of [...chunking].sort((a, b) => a - b)) {
        if (at <= from || at >= stream.length) continue;
        out.send(stream.subarray(from, at));
        from = at;
      }
      out.send(stream.subarray(from));
    } else {
      out.send(stream);
    }
    if (dropAt !== undefined) out.then(() => void socket.destroy());
    else if (this.options.closeAfterReplay) out.then(() => void socket.end());
  }
}

/** Sockets that have logged in; a WeakSet so closed sockets need no cleanup. */
const loggedIn = new WeakSet<Socket>();

/**
 * Writes in order, each chunk in its own tick so the client really receives them apart;
 * 'every-byte' sends one byte per write.
 */
class Writer {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: Socket,
    private readonly everyByte: boolean,
  ) {}

  send(bytes: Buffer): void {
    this.then(async () => {
      if (!this.everyByte) return this.write(bytes);
      for (let i = 0; i < bytes.length; i += 1) await this.write(bytes.subarray(i, i + 1));
    });
  }

  then(step: () => void | Promise<void>): void {
    this.queue = this.queue.then(step).catch(() => undefined);
  }

  private write(bytes: Buffer): Promise<void> {
    if (this.socket.destroyed) return Promise.resolve();
    return new Promise<void>((resolve) => this.socket.write(bytes, () => setImmediate(resolve)));
  }
}

/** The banner line, every frame, and those holding an `Event:` line, byte for byte. */
export function readTranscript(path: URL | string): { banner: string; events: Buffer[]; frames: Buffer[] } {
  const bytes = readFileSync(path);
  const firstLf = bytes.indexOf(0x0a);
  const banner = bytes.subarray(0, firstLf).toString('utf8').replace(/\r$/, '');
  const events: Buffer[] = [];
  const frames: Buffer[] = [];
  const separator = Buffer.from('\r\n\r\n');
  let from = firstLf + 1;
  while (from < bytes.length) {
    const end = bytes.indexOf(separator, from);
    const stop = end === -1 ? bytes.length : end + separator.length;
    const frame = bytes.subarray(from, stop);
    frames.push(frame);
    if (/^Event: /m.test(frame.toString('utf8'))) events.push(frame);
    from = stop;
  }
  return { banner, events, frames };
}
