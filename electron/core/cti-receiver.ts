import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardedRequests } from '../../shared/guard';
import { requestPath } from '../../shared/url';
import { describeProblems } from '../../shared/schemas/common';
import { parseWebhookBody, webhookEvent, type WebhookEvent } from '../../shared/telephony/webhook';
import { sameSecret } from './secrets';

/** What the receiver asks the desk to do with a well-formed event. */
export type WebhookVerdict = { status: 200; reply: Record<string, string> } | { status: 404 | 409 | 422; error: string };

export interface WebhookHandler {
  (event: WebhookEvent, receivedAt: number): WebhookVerdict;
}

const MAX_BODY = 64 * 1024;

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * A softphone or a PBX script sends neither header; a browser sends at least one of them on a
 * cross-site POST (a form, a `no-cors` fetch). The webhook has no pages, so no browser request
 * is ever legitimately ours: a page that learnt the token must not ring, answer or hang up calls.
 */
export function fromAnotherSite(headers: IncomingHttpHeaders, ownOrigin: string): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return true;
  const origin = headers.origin;
  return origin !== undefined && origin !== ownOrigin;
}

/** The body, or null once it has passed `MAX_BODY` (the rest is not read). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A softphone on this PC tells Rapport about calls at http://127.0.0.1:<port>/api/v1/cti/<token>,
 * answering as Zammad does: `{}` or a reject action; a wrong token is 401; a browser request from
 * another site is 403; anything malformed or out of protocol gets a 4xx that says what is wrong.
 * Loopback only. Nothing a request holds (a bad escape, a broken body) can stop the desktop.
 */
export async function startCtiReceiver(opts: { port: number; token: string; handle: WebhookHandler }): Promise<{ port: number; server: Server; close(): Promise<void> }> {
  let ownOrigin = '';
  const server = createServer(
    guardedRequests(
      async (req: IncomingMessage, res: ServerResponse) => {
        const receivedAt = Date.now();
        if (fromAnotherSite(req.headers, ownOrigin)) return reply(res, 403, { error: 'The softphone webhook does not take requests from web pages.' });
        const path = requestPath(req.url);
        if (path === null) return reply(res, 400, { error: 'The address holds a malformed %-escape.' });
        const m = /^\/api\/v1\/cti\/([^/]+)\/?$/.exec(path);
        if (!m) return reply(res, 404, { error: 'The CTI webhook lives at /api/v1/cti/<token>.' });
        if (!sameSecret(m[1]!, opts.token)) return reply(res, 401, { error: 'Wrong CTI token: copy it from Rapport’s settings.' });
        if (req.method !== 'POST') return reply(res, 405, { error: 'Send webhook events with POST.' });
        const text = await readBody(req);
        if (text === null) {
          res.once('finish', () => req.destroy());
          return reply(res, 413, { error: 'The webhook body is over 64 KiB.' });
        }
        let raw: unknown;
        try {
          raw = parseWebhookBody(req.headers['content-type'] ?? '', text);
        } catch (err) {
          const unreadable = err instanceof SyntaxError || err instanceof URIError;
          return reply(res, unreadable ? 400 : 415, { error: unreadable ? 'The body could not be read as JSON or a form.' : (err as Error).message });
        }
        const parsed = webhookEvent.safeParse(raw);
        if (!parsed.success) {
          return reply(res, 400, { error: 'This is not a valid CTI event.', problems: describeProblems(parsed.error) });
        }
        const verdict = opts.handle(parsed.data, receivedAt);
        if ('error' in verdict) return reply(res, verdict.status, { error: verdict.error });
        reply(res, 200, verdict.reply);
      },
      (err) => console.error('[desktop] the softphone webhook failed on a request:', err),
    ),
  );
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, '127.0.0.1', () => ok());
  });
  ownOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    port: (server.address() as AddressInfo).port,
    server,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
