import type { IncomingMessage, ServerResponse } from 'node:http';
import { maskFreeText } from '../../shared/redaction';
import { describeProblems } from '../../shared/schemas/common';
import { recallSession, resolveSession, SessionChanged, signedOut } from '../accounts/session-lookup';
import type { HubContext } from '../context';
import { HttpError } from './errors';
import { DbUnavailable } from '../db/unavailable';
import { allows, type Actor, type Reply, type Route, type RouteTable } from './router';

const MAX_BODY = 1024 * 1024;

export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  if (!h || !h.startsWith('Bearer ')) return null;
  const token = h.slice(7).trim();
  return /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'too_large', 'The request body is larger than 1 MiB.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

/** An absolute-form target that is not a URL (`http://[`) is the caller's mistake, not the hub's. */
function requestUrl(target: string | undefined): URL {
  try {
    return new URL(target ?? '/', 'http://hub.invalid');
  } catch {
    throw new HttpError(400, 'bad_request', 'The request address could not be read.');
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

type Answer = (actor: Actor | null) => Promise<Reply>;

/** The answer on the session as read now; changed again before the route's check, it asks for a fresh sign-in (rare). */
async function answerAfresh(hub: HubContext, token: string | null, answer: Answer): Promise<Reply> {
  try {
    return await answer(token ? await resolveSession(hub, token) : null);
  } catch (err) {
    throw err instanceof SessionChanged ? signedOut() : err;
  }
}

/**
 * For a route that checks the session in its transaction, the answer may start from a session this
 * hub saw lately instead of reading it first; it stands only once that check has confirmed it. Any
 * other outcome (a refusal before the check, a changed session) is answered again on the session
 * read afresh, as if it had never been recalled.
 */
async function answerWithSession(hub: HubContext, route: Route, token: string | null, answer: Answer): Promise<Reply> {
  const recalled = token && route.checksSession ? recallSession(hub, token) : null;
  if (!recalled?.recalled) return answerAfresh(hub, token, answer);
  const check = recalled.recalled;
  let reply: Reply;
  try {
    reply = await answer(recalled);
  } catch (err) {
    if (check.confirmed && !(err instanceof SessionChanged)) throw err;
    return answerAfresh(hub, token, answer);
  }
  if (!check.confirmed) throw new Error(`${route.method} ${route.path} answered without checking the session it says it checks`);
  return reply;
}

/**
 * Order matters: who you are (401), then whether your role may (403), and only then whether the
 * request is well formed (400). A caller without rights learns nothing about the input format.
 */
export function httpHandler(hub: HubContext, table: RouteTable) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = requestUrl(req.url);
      if (url.pathname === '/health') return send(res, 200, { ok: true, instance: hub.config.instanceId, pbxHolder: hub.pbx?.holder ?? false });
      const match = table.match(req.method ?? 'GET', url.pathname);
      if (!('route' in match)) {
        throw match.pathExists
          ? new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here.`)
          : new HttpError(404, 'not_found', `There is no ${url.pathname} on the hub.`);
      }
      const { route, params } = match;
      const token = bearerToken(req);
      let rawBody: { read: unknown } | undefined;
      const answer = async (actor: Actor | null): Promise<Reply> => {
        if (route.access !== 'public' && !actor) throw signedOut();
        if (!allows(route.access, actor?.role ?? null)) throw new HttpError(403, 'forbidden', 'Your role does not allow this.');
        // Card data is masked here, once, before any route, store or audit entry can see the body.
        rawBody ??= { read: maskFreeText(await readBody(req)) };
        let body: unknown = rawBody.read;
        if (route.body) {
          const parsed = route.body.safeParse(rawBody.read ?? {});
          if (!parsed.success) throw new HttpError(400, 'invalid_request', 'Some fields need attention.', describeProblems(parsed.error));
          body = parsed.data;
        }
        let query: unknown = Object.fromEntries(url.searchParams);
        if (route.query) {
          const parsed = route.query.safeParse(query);
          if (!parsed.success) throw new HttpError(400, 'invalid_request', 'The query is not valid.', describeProblems(parsed.error));
          query = parsed.data;
        }
        return route.handle({ actor: actor as Actor, params, body, query, hub, raw: req });
      };
      const reply = await answerWithSession(hub, route, token, answer);
      if (reply.text !== undefined) {
        res.writeHead(reply.status ?? 200, { 'cache-control': 'no-store', ...reply.headers });
        res.end(reply.text);
        return;
      }
      send(res, reply.status ?? 200, reply.body ?? {}, reply.headers);
    } catch (err) {
      if (err instanceof HttpError) {
        send(res, err.status, { error: { code: err.code, message: err.message, problems: err.problems } }, err.headers);
      } else if (err instanceof DbUnavailable) {
        // The cause was logged where it happened; the person is told it in words, and when to retry.
        send(res, 503, { error: { code: `database_${err.trouble}`, message: err.advice } }, { 'retry-after': '5' });
      } else {
        console.error('[hub] unexpected error:', err);
        send(res, 500, { error: { code: 'internal', message: 'The hub hit an unexpected problem; it has been logged.' } });
      }
    }
  };
}
