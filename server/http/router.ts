import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { Role } from '../../shared/roles';
import type { HubContext } from '../context';
import { decodeEscapes } from '../../shared/url';
import { HttpError } from './errors';

/** The signed-in person behind a request, as resolved from their session. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  siteId: string;
  teamId: string | null;
  extension: string | null;
  tokenHash: string;
  /** Recalled from this hub's sightings rather than read (see recallSession): confirmed once its route's transaction has checked it. */
  recalled?: { confirmed: boolean };
}

/** `public`: anyone; `signed_in`: any role; otherwise the roles listed. */
export type Access = 'public' | 'signed_in' | readonly Role[];

export interface Request<B, Q> {
  actor: Actor;
  params: Record<string, string>;
  body: B;
  query: Q;
  hub: HubContext;
  raw: IncomingMessage;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw text (CSV export); otherwise `body` is sent as JSON. */
  text?: string;
}

export interface Route<B = unknown, Q = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  access: Access;
  summary: string;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  /**
   * The handler checks the session inside its transaction (confirmSession) before it changes
   * anything, so the hub may answer on a session it saw lately instead of reading it first.
   */
  checksSession?: boolean;
  handle(req: Request<B, Q>): Promise<Reply>;
}

/** Helps inference: the body and query types flow from the schemas into `handle`. */
export function route<B = undefined, Q = Record<string, string>>(r: Route<B, Q>): Route<B, Q> {
  return r;
}

export function allows(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'signed_in' || access.includes(role);
}

interface Compiled {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export class RouteTable {
  private readonly compiled: Compiled[];
  constructor(readonly routes: readonly Route<any, any>[]) {
    this.compiled = routes.map((r) => {
      const names: string[] = [];
      const source = r.path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { route: r, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /** `pathExists` tells a wrong method (405) from an unknown path (404); a malformed %-escape in a parameter throws a 400. */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | { pathExists: boolean } {
    let pathExists = false;
    for (const c of this.compiled) {
      const m = c.pattern.exec(path);
      if (!m) continue;
      pathExists = true;
      if (c.route.method !== method) continue;
      const params: Record<string, string> = {};
      for (const [i, n] of c.names.entries()) {
        const value = decodeEscapes(m[i + 1] ?? '');
        if (value === null) throw new HttpError(400, 'bad_encoding', `The address holds a malformed %-escape in its ${n}.`);
        params[n] = value;
      }
      return { route: c.route, params };
    }
    return { pathExists };
  }
}
