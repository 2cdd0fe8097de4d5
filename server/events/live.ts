import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { resolveSession } from '../accounts/sessions';
import type { HubContext } from '../context';
import type { Actor } from '../http/router';
import { bearerToken } from '../http/serve';
import { reaches, REVOKE_EVENT } from './bus';
import { guarded } from '../../shared/guard';
import { requestPath } from '../../shared/url';

/**
 * Live events at /api/live. A desktop core authenticates with its session's bearer token on the
 * upgrade; each connection only receives events whose audience includes its user.
 */
export function attachLiveEvents(server: Server, hub: HubContext): { close(): void; sockets(): number } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const clients = new Map<WebSocket, Actor>();

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = requestPath(req.url);
    const token = bearerToken(req);
    const actor = path === '/api/live' && token ? await resolveSession(hub, token).catch(() => null) : null;
    if (!actor) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.set(ws, actor);
      let alive = true;
      ws.on('pong', () => (alive = true));
      const ping = setInterval(() => {
        if (!alive) return ws.terminate();
        alive = false;
        ws.ping();
      }, 30_000);
      ws.on('close', () => {
        clearInterval(ping);
        clients.delete(ws);
      });
      ws.on('error', (err) => console.error('[hub] a live connection failed:', err.message));
      ws.on('message', () => undefined); // the hub takes commands over HTTP only
      ws.send(JSON.stringify({ type: 'hello', instance: hub.config.instanceId }));
    });
  };
  server.on(
    'upgrade',
    guarded(upgrade, (err, _req, socket) => {
      console.error('[hub] a live connection could not be set up:', err);
      socket.destroy();
    }),
  );

  const unsubscribe = hub.events.subscribe((event) => {
    if (event.name === REVOKE_EVENT) {
      for (const [ws, actor] of clients) if (actor.tokenHash === event.data.tokenHash) ws.close(4401, 'signed out');
      return;
    }
    const frame = JSON.stringify({ type: 'event', name: event.name, data: event.data });
    for (const [ws, actor] of clients) {
      if (reaches(event.audience, actor) && ws.readyState === ws.OPEN) ws.send(frame);
    }
  });

  return {
    sockets: () => clients.size,
    close() {
      unsubscribe();
      for (const ws of clients.keys()) ws.terminate();
      wss.close();
    },
  };
}
