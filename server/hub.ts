import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
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
import { personaliseKnowledgeChange } from './knowledge/push';
import { startKnowledgeScheduler } from './knowledge/scheduler';
import { routeTable } from './routes';
import { seedIfEmpty } from './seed/seed';
import { endExpiredPauses } from './telephony/agent-states';
import { holdPbxAlone, holdPbxByLock } from './telephony/pbx-holding';
import { sealStoredPbxSecret } from './secrets/pbx-secret';
import { checkSecretKey, loadSecretKey } from './secrets/secret-key';
import type { SecretBox } from './secrets/secret-box';
import { hubLogger } from './ops/log';
import { HubMetrics, observeRequests } from './ops/metrics';
import { opsHandler } from './ops/ops-routes';
import { HUB_VERSION } from './ops/version';
import type { Logger } from 'pino';

export interface HubOptions {
  port?: number;
  host?: string;
  /** PostgreSQL when set; otherwise the SQLite file at `sqlitePath`. */
  databaseUrl?: string;
  pgSchema?: string;
  sqlitePath?: string;
  seed?: boolean;
  config?: Partial<HubConfig>;
  /** Built-in TLS: PEM certificate chain and key (RAPPORT_TLS_CERT / RAPPORT_TLS_KEY in server/main.ts). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** The oldest desktop this hub serves (RAPPORT_MIN_DESKTOP_VERSION); older ones are told to update. */
  minDesktopVersion?: string;
  /** Requires `Authorization: Bearer <token>` on GET /metrics. */
  metricsToken?: string;
  log?: Logger;
  /** RAPPORT_SECRET_KEY; without it the key lives in `secret.key` in `keyDir` (by default the SQLite file's folder). */
  secretKey?: string;
  keyDir?: string;
}

export interface Hub {
  url: string;
  port: number;
  context: HubContext;
  server: Server;
  metrics: HubMetrics;
  close(): Promise<void>;
}

export async function openStorage(opts: HubOptions): Promise<{ db: Db; events: EventBus; pgSchema?: string }> {
  if (opts.databaseUrl) {
    const db = await openPostgres({ url: opts.databaseUrl, schema: opts.pgSchema });
    const events = await postgresBus({ url: opts.databaseUrl, pool: db.pool, channel: `rapport_${db.schema}` });
    return { db, events, pgSchema: db.schema };
  }
  const path = opts.sqlitePath ?? 'hub.sqlite';
  const log = opts.log ? (message: string, err: unknown) => opts.log!.error({ err }, message) : undefined;
  if (path === ':memory:') return { db: openSqlite(path, { log }), events: localBus() };
  // Accounts, customers and cases live here: only the hub's own user may enter the folder or read the file.
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (dirname(path) !== '.') chmodSync(dirname(path), 0o700); // never the working directory
  const db = openSqlite(path, { log });
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
  return { db, events: localBus() };
}

/** The embedded database's folder (0700): where the secret key file lives beside it. */
const sqliteFolder = (opts: HubOptions): string | undefined =>
  !opts.databaseUrl && opts.sqlitePath !== ':memory:' ? dirname(opts.sqlitePath ?? 'hub.sqlite') : undefined;

/** The key that seals the hub's secrets, checked against the database; a PBX secret still in clear is sealed. */
async function openSecrets(db: Db, opts: HubOptions): Promise<SecretBox> {
  const { box, source } = loadSecretKey({ fromEnvironment: opts.secretKey, dir: opts.keyDir ?? sqliteFolder(opts) });
  await checkSecretKey(db, box, source);
  await sealStoredPbxSecret(db, box);
  return box;
}

export async function startHub(opts: HubOptions = {}): Promise<Hub> {
  const { db, events, pgSchema } = await openStorage(opts);
  await migrate(db);
  const config = { ...defaultConfig(newId('hub')), ...opts.config };
  if (opts.seed !== false) await seedIfEmpty(db, { passwordCost: config.passwordCost });
  const secrets = await openSecrets(db, opts).catch(async (err: unknown) => {
    await events.close();
    await db.close();
    throw err;
  });
  const context: HubContext = { db, events, config, telephony: null, secrets };
  // One instance speaks to the PBX; on PostgreSQL the others relay what it publishes.
  context.pbx = opts.databaseUrl && pgSchema ? await holdPbxByLock(context, { url: opts.databaseUrl, schema: pgSchema }) : await holdPbxAlone(context);
  const log = opts.log ?? hubLogger(undefined, process.env.RAPPORT_LOG_LEVEL ?? 'warn');
  const table = routeTable();
  let live: ReturnType<typeof attachLiveEvents> | null = null;
  const metrics = new HubMetrics({ liveSockets: () => live?.sockets() ?? 0, pbxConnected: () => (context.telephony ? context.telephony.connected : null) });
  const version = { hub: HUB_VERSION, minDesktop: opts.minDesktopVersion ?? HUB_VERSION.replace(/\.\d+$/, '.0') };
  const handler = guardedRequests(
    observeRequests(metrics, table, log, opsHandler({ metrics, version, metricsToken: opts.metricsToken }, httpHandler(context, table))),
    (err) => log.error({ err }, 'a request failed unexpectedly'),
  );
  // An https.Server is an http.Server to the code that uses it (requests, upgrades, addresses).
  const server = opts.tls ? (createTlsServer({ cert: opts.tls.cert, key: opts.tls.key, minVersion: 'TLSv1.2' }, handler) as unknown as Server) : createServer(handler);
  live = attachLiveEvents(server, context, { 'knowledge.changed': personaliseKnowledgeChange });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 5782, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // Timed pauses (after-call work, protected pauses) end by themselves, PBX included.
  const sweeper = setInterval(() => void endExpiredPauses(context).catch((err: unknown) => log.error({ err }, 'pause sweep failed')), 5000);
  sweeper.unref();
  const knowledgeSchedule = startKnowledgeScheduler(context, context.config.knowledgeScheduleMs);
  return {
    url: `${opts.tls ? 'https' : 'http'}://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    context,
    server,
    metrics,
    async close() {
      clearInterval(sweeper);
      knowledgeSchedule.stop();
      await context.pbx?.stop();
      live?.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await events.close();
      await db.close();
    },
  };
}
