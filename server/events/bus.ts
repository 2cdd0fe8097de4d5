import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Role } from '../../shared/roles';

/** Who may receive a live event. The hub filters per connection; clients never filter for it. */
export type Audience =
  | { kind: 'everyone' }
  | { kind: 'roles'; roles: Role[] }
  | { kind: 'user'; userId: string }
  | { kind: 'site'; siteId: string; roles?: Role[] };

export interface HubEvent {
  name: string;
  data: Record<string, unknown>;
  audience: Audience;
  /** The hub instance that raised it, for diagnostics across instances. */
  origin?: string;
}

/** Crosses hub instances like any event, but closes sockets instead of reaching clients. */
export const REVOKE_EVENT = 'internal.session_revoked';

export interface EventBus {
  publish(event: HubEvent): Promise<void>;
  subscribe(listener: (event: HubEvent) => void): () => void;
  close(): Promise<void>;
}

/** One process, one SQLite file: events stay in memory. */
export function localBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(event) {
      emitter.emit('event', event);
    },
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/**
 * Several hub instances on one PostgreSQL database: every event goes through NOTIFY, and each
 * instance (the sender too) hears it through its own LISTEN connection, so all deliver alike.
 */
export async function postgresBus(opts: { url: string; channel: string; pool: pg.Pool }): Promise<EventBus> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let closed = false;
  let listener: pg.Client | undefined;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: opts.url });
    client.on('notification', (msg) => {
      if (msg.channel !== opts.channel || !msg.payload) return;
      try {
        emitter.emit('event', JSON.parse(msg.payload) as HubEvent);
      } catch (err) {
        console.error('[hub] dropped a malformed notification:', (err as Error).message);
      }
    });
    client.on('error', (err) => {
      console.error('[hub] event listener lost its connection:', err.message);
      if (!closed) setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${opts.channel}`);
    listener = client;
  };
  await connect();

  return {
    async publish(event) {
      const payload = JSON.stringify(event);
      if (Buffer.byteLength(payload) > 7900) throw new Error(`event ${event.name} is too large to NOTIFY`);
      await opts.pool.query('SELECT pg_notify($1, $2)', [opts.channel, payload]);
    },
    subscribe(fn) {
      emitter.on('event', fn);
      return () => emitter.off('event', fn);
    },
    async close() {
      closed = true;
      emitter.removeAllListeners();
      await listener?.end().catch(() => undefined);
    },
  };
}

export function reaches(audience: Audience, who: { userId: string; role: Role; siteId: string }): boolean {
  switch (audience.kind) {
    case 'everyone':
      return true;
    case 'roles':
      return audience.roles.includes(who.role);
    case 'user':
      return audience.userId === who.userId;
    case 'site':
      return audience.siteId === who.siteId && (!audience.roles || audience.roles.includes(who.role));
  }
}
