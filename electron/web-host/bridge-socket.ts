import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData } from 'ws';
import type { DesktopCore } from '../core/core';
import { route, type Handlers } from '../core/router';
import { sameSecret } from '../core/secrets';
import { guarded } from '../../shared/guard';
import { mayRequest, wantsPush } from '../core/bridge-channels';

/**
 * The bridge contract over a WebSocket on loopback. Only a page this host served may connect:
 * the per-run token must match, and Origin and Host must be this host's own address (so another
 * web page in the same browser cannot drive the core, and DNS rebinding is refused).
 *
 * Bulk knowledge has its own channel (`channel=knowledge`, see core/bridge-channels.ts), opened
 * by the page's search worker; a page that says its worker takes it (`knowledge=worker`) no longer
 * gets the knowledge push on its own socket.
 */
export function attachBridge(server: Server, opts: { core: DesktopCore; handlers: Handlers; token: string; port: number }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const expectedHost = `127.0.0.1:${opts.port}`;
  const allowedOrigins = new Set([`http://${expectedHost}`]);

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', `http://${expectedHost}`);
    const token = url.searchParams.get('token') ?? '';
    const refused = (status: string) => socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    if (url.pathname !== '/bridge') return refused('404 Not Found');
    if (req.headers.host !== expectedHost) return refused('421 Misdirected Request');
    if (!allowedOrigins.has(req.headers.origin ?? '')) return refused('403 Forbidden');
    if (!sameSecret(token, opts.token)) return refused('401 Unauthorized');
    const channel = { knowledgeChannel: url.searchParams.get('channel') === 'knowledge', workerTakesKnowledge: url.searchParams.get('knowledge') === 'worker' };
    wss.handleUpgrade(req, socket, head, (ws) => {
      const unsubscribe = opts.core.onPush((frame) => {
        if (!wantsPush(frame.push, channel)) return;
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
      });
      ws.on('close', unsubscribe);
      ws.on('error', (err) => console.error('[desktop] a page socket failed:', err.message));
      ws.on(
        'message',
        guarded(
          async (raw: RawData) => {
            let frame: unknown;
            try {
              frame = JSON.parse(String(raw));
            } catch {
              return;
            }
            if (!mayRequest(frame, channel.knowledgeChannel)) return;
            const reply = await route(opts.handlers, frame);
            if (reply && ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
          },
          (err) => console.error('[desktop] a bridge request failed unexpectedly:', err),
        ),
      );
      if (channel.knowledgeChannel) return;
      // A page that connects (or reconnects) learns where things stand at once.
      ws.send(JSON.stringify({ push: 'session.changed', data: opts.core.sessionState }));
      ws.send(JSON.stringify({ push: 'connection.changed', data: opts.core.connection }));
    });
  };
  // A bad request line or header must cost that one connection, never the desktop.
  server.on(
    'upgrade',
    guarded(upgrade, (err, _req, socket) => {
      console.error('[desktop] a page connection failed unexpectedly:', err);
      socket.destroy();
    }),
  );
  return { close: () => wss.close() };
}
