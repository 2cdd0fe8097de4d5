import { DESKTOP_VERSION_HEADER } from '../../shared/versions';
import { CoreError, hubUnreachable } from './errors';
import { DESKTOP_VERSION } from './version';

/** HTTP to the hub with the signed-in person's token; every failure becomes a CoreError. */
export class HubClient {
  token: string | null = null;
  /** Changes only on the first-run screen, while nobody is signed in. */
  constructor(public baseUrl: string, private readonly timeoutMs = 15_000) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.baseUrl + path, {
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
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      throw new CoreError('hub_bad_reply', `The hub answered ${res.status} with something that is not JSON.`, undefined, res.status);
    }
    if (!res.ok) {
      const err = (parsed as { error?: { code?: string; message?: string; problems?: CoreError['problems'] } }).error;
      throw new CoreError(err?.code ?? `http_${res.status}`, err?.message ?? `The hub answered ${res.status}.`, err?.problems, res.status);
    }
    return parsed as T;
  }

  get = <T>(path: string) => this.request<T>('GET', path);

  /** A text answer (CSV exports). */
  async text(path: string): Promise<string> {
    let res: Response;
    try {
      res = await fetch(this.baseUrl + path, { headers: this.token ? { authorization: `Bearer ${this.token}` } : {}, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch {
      throw hubUnreachable();
    }
    if (!res.ok) throw new CoreError(`http_${res.status}`, `The hub answered ${res.status}.`, undefined, res.status);
    return res.text();
  }
  post = <T>(path: string, body?: unknown) => this.request<T>('POST', path, body);
  put = <T>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
}
