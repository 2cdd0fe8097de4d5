import type { z } from 'zod';
import { DESKTOP_VERSION_HEADER } from '../../shared/versions';
import { CoreError, hubUnreachable } from './errors';
import { consoleLog, type CoreLog } from './log';
import { DESKTOP_VERSION } from './version';

export interface HubClientOptions {
  timeoutMs?: number;
  log?: CoreLog;
  /** Any answer 426 (this desktop is older than the hub serves), whenever it comes. */
  onUpdateNeeded?: () => void;
}

/**
 * HTTP to the hub with the signed-in person's token; every failure becomes a CoreError. Answers
 * the core acts on are parsed against a schema from shared/hub/replies.ts: a malformed one is
 * logged and fails as `hub_bad_reply`, so it never reaches the call desk or the page.
 */
export class HubClient {
  token: string | null = null;
  private readonly timeoutMs: number;
  private readonly log: CoreLog;

  /** `baseUrl` changes only while nobody is signed in (first run, Settings). */
  constructor(
    public baseUrl: string,
    private readonly opts: HubClientOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.log = opts.log ?? consoleLog;
  }

  /** A reply parsed against `reply`; without one, the hub's JSON is passed through as the contract types it. */
  async request<S extends z.ZodType>(method: string, path: string, body: unknown, reply: S): Promise<z.output<S>>;
  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  async request(method: string, path: string, body?: unknown, reply?: z.ZodType): Promise<unknown> {
    const res = await this.send(method, path, body);
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      this.log.warn({ method, path: routeOf(path), status: res.status }, 'the hub answered with something that is not JSON');
      throw new CoreError('hub_bad_reply', `The hub answered ${res.status} with something that is not JSON.`, undefined, res.status);
    }
    if (!res.ok) {
      if (res.status === 426) this.opts.onUpdateNeeded?.();
      const err = (parsed as { error?: { code?: unknown; message?: unknown; problems?: CoreError['problems'] } } | null)?.error;
      const code = typeof err?.code === 'string' ? err.code : `http_${res.status}`;
      const message = typeof err?.message === 'string' ? err.message : `The hub answered ${res.status}.`;
      throw new CoreError(code, message, Array.isArray(err?.problems) ? err.problems : undefined, res.status);
    }
    if (!reply) return parsed;
    const checked = reply.safeParse(parsed);
    if (checked.success) return checked.data;
    const problems = checked.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(reply)'}: ${i.message}`);
    this.log.warn({ method, path: routeOf(path), problems }, 'the hub sent a reply this desktop does not understand; dropped');
    throw new CoreError('hub_bad_reply', 'The hub sent an answer this desktop does not understand. Try again; if it keeps happening, tell IT.', undefined, res.status);
  }

  get<S extends z.ZodType>(path: string, reply: S): Promise<z.output<S>>;
  get<T = unknown>(path: string): Promise<T>;
  get(path: string, reply?: z.ZodType): Promise<unknown> {
    return reply ? this.request('GET', path, undefined, reply) : this.request('GET', path);
  }

  post<S extends z.ZodType>(path: string, body: unknown, reply: S): Promise<z.output<S>>;
  post<T = unknown>(path: string, body?: unknown): Promise<T>;
  post(path: string, body?: unknown, reply?: z.ZodType): Promise<unknown> {
    return reply ? this.request('POST', path, body, reply) : this.request('POST', path, body);
  }

  put<S extends z.ZodType>(path: string, body: unknown, reply: S): Promise<z.output<S>>;
  put<T = unknown>(path: string, body?: unknown): Promise<T>;
  put(path: string, body?: unknown, reply?: z.ZodType): Promise<unknown> {
    return reply ? this.request('PUT', path, body, reply) : this.request('PUT', path, body);
  }

  /** A text answer (CSV exports). */
  async text(path: string): Promise<string> {
    const res = await this.send('GET', path, undefined);
    if (!res.ok) {
      if (res.status === 426) this.opts.onUpdateNeeded?.();
      throw new CoreError(`http_${res.status}`, `The hub answered ${res.status}.`, undefined, res.status);
    }
    return res.text();
  }

  private async send(method: string, path: string, body: unknown): Promise<Response> {
    try {
      return await fetch(this.baseUrl + path, {
        method,
        headers: {
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          'user-agent': 'Rapport desktop',
          [DESKTOP_VERSION_HEADER]: DESKTOP_VERSION,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw hubUnreachable();
    }
  }
}

/** The path without its query: a search's text or a phone number never goes to the log. */
const routeOf = (path: string) => path.split('?')[0];
