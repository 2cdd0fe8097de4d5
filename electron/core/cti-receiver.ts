import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeProblems } from '../../shared/schemas/common';
import { parseWebhookBody, webhookEvent, type WebhookEvent } from '../../shared/telephony/webhook';

/** What the receiver asks the desk to do with a well-formed event. */
export type WebhookVerdict = { status: 200; reply: Record<string, string> } | { status: 404 | 409 | 422; error: string };

export interface WebhookHandler {
  (event: WebhookEvent, receivedAt: number): WebhookVerdict;
}

const MAX_BODY = 64 * 1024;
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * A softphone on this PC tells Rapport about calls at http://127.0.0.1:<port>/api/v1/cti/<token>,
 * answering as Zammad does: `{}` or a reject action; a wrong token is 401; anything malformed or
 * out of protocol gets a 4xx that says what is wrong. Loopback only.
 */
export async function startCtiReceiver(opts: { port: number; token: string; handle: WebhookHandler }): Promise<{ port: number; server: Server; close(): Promise<void> }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const receivedAt = Date.now();
    const m = /^\/api\/v1\/cti\/([^/?#]+)\/?$/.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!m) return reply(res, 404, { error: 'The CTI webhook lives at /api/v1/cti/<token>.' });
    if (!same(decodeURIComponent(m[1]!), opts.token)) return reply(res, 401, { error: 'Wrong CTI token: copy it from Rapport’s settings.' });
    if (req.method !== 'POST') return reply(res, 405, { error: 'Send webhook events with POST.' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reply(res, 413, { error: 'The webhook body is over 64 KiB.' });
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      let raw: unknown;
      try {
        raw = parseWebhookBody(req.headers['content-type'] ?? '', Buffer.concat(chunks).toString('utf8'));
      } catch (err) {
        return reply(res, err instanceof SyntaxError || err instanceof URIError ? 400 : 415, {
          error: err instanceof SyntaxError || err instanceof URIError ? 'The body could not be read as JSON or a form.' : (err as Error).message,
        });
      }
      const parsed = webhookEvent.safeParse(raw);
      if (!parsed.success) {
        return reply(res, 400, { error: 'This is not a valid CTI event.', problems: describeProblems(parsed.error) });
      }
      const verdict = opts.handle(parsed.data, receivedAt);
      if ('error' in verdict) return reply(res, verdict.status, { error: verdict.error });
      reply(res, 200, verdict.reply);
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, '127.0.0.1', () => ok());
  });
  return {
    port: (server.address() as AddressInfo).port,
    server,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
