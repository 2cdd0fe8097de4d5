import WebSocket from 'ws';
import { parseHubFrame, type HubLiveEvent } from '../../shared/hub/events';
import { Backoff } from '../../shared/retry';
import { consoleLog, type CoreLog } from './log';

export interface LiveHandlers {
  /** Only events that parsed against shared/hub/events.ts arrive here. */
  onEvent(event: HubLiveEvent): void;
  /** An event that did not parse and was dropped, by name when it had one. */
  onDropped?(name: string | null): void;
  onOpen(): void;
  onClose(code: number): void;
}

/**
 * The desktop's one connection to the hub's live events. It reconnects with capped, jittered
 * backoff, so a hub restart does not bring every desktop back at the same instant.
 */
export class HubLive {
  private ws: WebSocket | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly backoff = new Backoff({ minMs: 500, maxMs: 30_000, jitter: 0.25 });
  private stopped = true;

  constructor(
    private readonly hubUrl: string,
    private readonly token: string,
    private readonly handlers: LiveHandlers,
    private readonly log: CoreLog = consoleLog,
  ) {}

  /** Idempotent: a second start while running just retries now if disconnected. */
  start(): void {
    if (!this.stopped) return this.nudge();
    this.stopped = false;
    this.connect();
  }

  private connect(): void {
    if (this.stopped) return;
    const ws = new WebSocket(this.hubUrl.replace(/^http/, 'ws') + '/api/live', {
      headers: { authorization: `Bearer ${this.token}` },
      handshakeTimeout: 10_000,
    });
    this.ws = ws;
    ws.on('open', () => {
      this.backoff.reset();
      this.handlers.onOpen();
    });
    ws.on('message', (raw) => this.take(String(raw)));
    ws.on('error', () => undefined);
    ws.on('unexpected-response', (_req, res) => {
      ws.terminate();
      if (res.statusCode === 401) this.handlers.onClose(4401);
    });
    ws.on('close', (code) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.handlers.onClose(code);
      if (code === 4401) return; // signed out elsewhere: the core decides what next
      this.schedule();
    });
  }

  /** One frame: parsed, then handed on; a malformed one is logged and dropped, never fatal. */
  private take(raw: string): void {
    const frame = parseHubFrame(raw);
    try {
      if (frame.kind === 'malformed') {
        this.log.warn({ event: frame.name, problems: frame.problems }, 'the hub sent a live event this desktop does not understand; dropped');
        this.handlers.onDropped?.(frame.name);
      } else if (frame.kind === 'event') {
        this.handlers.onEvent(frame.event);
      } // hello, or a newer hub's event this desktop has no use for
    } catch (err) {
      this.log.error({ err, event: frame.kind === 'event' ? frame.event.name : null }, 'a live event could not be handled');
    }
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    const delay = this.backoff.next();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect();
    }, delay);
  }

  /** Try now (for example when the advisor presses "Sync now"). */
  nudge(): void {
    if (this.ws || this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.backoff.reset();
    this.connect();
  }

  get connected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ws = this.ws;
    this.ws = null;
    ws?.terminate();
  }
}
