import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { resolveSession } from '../accounts/session-lookup';
import type { HubContext } from '../context';
import type { Actor } from '../http/router';
import { bearerToken } from '../http/serve';
import { reaches, REVOKE_EVENT, type HubEvent } from './bus';
import { guarded } from '../../shared/guard';
import { requestPath } from '../../shared/url';

/**
 * Builds an event's data per connection, for events whose content depends on who reads it. It
 * runs once per event per instance; the function it returns runs per connection and its frames are
 * shared between readers of the same role and site.
 */
export type Personaliser = (hub: HubContext, event: HubEvent) => Promise<(actor: Actor) => Record<string, unknown>>;

/**
 * Live events at /api/live. A desktop core authenticates with its session's bearer token on the
 * upgrade; each connection only receives events whose audience includes its user.
 */
export function attachLiveEvents(
  server: Server,
  hub: HubContext,
  personalisers: Record<string, Personaliser> = {},
): { close(): void; sockets(): number } {
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

  const deliver = async (event: HubEvent): Promise<void> => {
    const personalise = personalisers[event.name];
    if (!personalise) {
      const frame = JSON.stringify({ type: 'event', name: event.name, data: event.data });
      for (const [ws, actor] of clients) if (reaches(event.audience, actor) && ws.readyState === ws.OPEN) ws.send(frame);
      return;
    }
    const dataFor = await personalise(hub, event);
    const frames = new Map<string, Buffer>();
    for (const [ws, actor] of clients) {
      if (!reaches(event.audience, actor) || ws.readyState !== ws.OPEN) continue;
      const key = `${actor.role}|${actor.siteId}`;
      let frame = frames.get(key);
      if (!frame) frames.set(key, (frame = Buffer.from(JSON.stringify({ type: 'event', name: event.name, data: dataFor(actor) }))));
      ws.send(frame, { binary: false });
    }
  };
  // Events leave in the order they arrived, even when one needs a read first.
  let queue = Promise.resolve();
  const unsubscribe = hub.events.subscribe((event) => {
    if (event.name === REVOKE_EVENT) {
      // One session signed out, or every session of a person whose access changed (disabled, a new
      // password, a new role or site): the desktop reconnects and is let in only as what it now is.
      const data = event.data as { tokenHash?: string; userId?: string };
      for (const [ws, actor] of clients) {
        if (data.tokenHash ? actor.tokenHash === data.tokenHash : actor.userId === data.userId) ws.close(4401, 'access changed');
      }
      return;
    }
    if (event.name.startsWith('internal.')) return; // between hub instances only
    queue = queue.then(() => deliver(event)).catch((err) => console.error(`[hub] could not deliver ${event.name}:`, (err as Error).message));
  });

  // A session that runs out (or is deleted on another hub instance) takes its sockets with it.
  const sweep = setInterval(
    () =>
      void closeExpired(hub, clients).catch((err: unknown) => console.error('[hub] live session sweep failed:', (err as Error).message)),
    hub.config.liveSessionCheckMs,
  );
  sweep.unref();

  return {
    sockets: () => clients.size,
    close() {
      clearInterval(sweep);
      unsubscribe();
      for (const ws of clients.keys()) ws.terminate();
      wss.close();
    },
  };
}

async function closeExpired(hub: HubContext, clients: Map<WebSocket, Actor>): Promise<void> {
  if (clients.size === 0) return;
  const hashes = [...new Set([...clients.values()].map((a) => a.tokenHash))];
  const now = Date.now();
  const rows = await hub.db.all<{ token_hash: string }>(
    `SELECT token_hash FROM sessions WHERE token_hash IN (${hashes.map(() => '?').join(', ')}) AND expires_at > ? AND created_at > ?`,
    [...hashes, now, now - hub.config.sessionMaxMs],
  );
  const live = new Set(rows.map((r) => r.token_hash));
  for (const [ws, actor] of clients) if (!live.has(actor.tokenHash)) ws.close(4401, 'session expired');
}
