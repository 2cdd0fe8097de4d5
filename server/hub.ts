import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultConfig, type HubConfig, type HubContext } from './context';
import { migrate } from './db/migrate';
import { openPostgres } from './db/postgres';
import { openSqlite } from './db/sqlite';
import type { Db } from './db/types';
import { guardedRequests } from '../shared/guard';
import { localBus, postgresBus, type EventBus } from './events/bus';
import { attachLiveEvents } from './events/live';
import { httpHandler } from './http/serve';
import { newId } from './ids';
import { routeTable } from './routes';
import { seedIfEmpty } from './seed/seed';
import { endExpiredPauses } from './telephony/agent-states';
import { connectPbx } from './telephony/pbx-config';

export interface HubOptions {
  port?: number;
  host?: string;
  /** PostgreSQL when set; otherwise the SQLite file at `sqlitePath`. */
  databaseUrl?: string;
  pgSchema?: string;
  sqlitePath?: string;
  seed?: boolean;
  config?: Partial<HubConfig>;
}

export interface Hub {
  url: string;
  port: number;
  context: HubContext;
  server: Server;
  close(): Promise<void>;
}

export async function openStorage(opts: HubOptions): Promise<{ db: Db; events: EventBus }> {
  if (opts.databaseUrl) {
    const db = await openPostgres({ url: opts.databaseUrl, schema: opts.pgSchema });
    const events = await postgresBus({ url: opts.databaseUrl, pool: db.pool, channel: `rapport_${db.schema}` });
    return { db, events };
  }
  const path = opts.sqlitePath ?? 'hub.sqlite';
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return { db: openSqlite(path), events: localBus() };
}

export async function startHub(opts: HubOptions = {}): Promise<Hub> {
  const { db, events } = await openStorage(opts);
  await migrate(db);
  if (opts.seed !== false) await seedIfEmpty(db);
  const context: HubContext = { db, events, config: { ...defaultConfig(newId('hub')), ...opts.config }, telephony: null };
  await connectPbx(context);
  const server = createServer(guardedRequests(httpHandler(context, routeTable()), (err) => console.error('[hub] a request failed unexpectedly:', err)));
  const live = attachLiveEvents(server, context);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 5782, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // Timed pauses (after-call work, protected pauses) end by themselves, PBX included.
  const sweeper = setInterval(() => void endExpiredPauses(context).catch((err) => console.error('[hub] pause sweep failed:', err)), 5000);
  sweeper.unref();
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    context,
    server,
    async close() {
      clearInterval(sweeper);
      await context.telephony?.stop();
      live.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await events.close();
      await db.close();
    },
  };
}
