import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { redactUrl } from './db/postgres';
import { startHub } from './hub';
import { hubLogger } from './ops/log';
import { parseVersion } from '../shared/versions';

/** The hub as its own process: `npm run hub`, or started by `npm start`. */
const log = hubLogger();
const fail = (message: string): never => {
  log.fatal(message);
  console.error(message);
  process.exit(2);
};

const dataDir = process.env.RAPPORT_DATA_DIR ?? join(homedir(), '.rapport');
const port = Number(process.env.RAPPORT_HUB_PORT ?? 5782);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`RAPPORT_HUB_PORT must be a port number, not "${process.env.RAPPORT_HUB_PORT}"`);
const databaseUrl = process.env.DATABASE_URL || undefined;

/** Built-in TLS from two PEM files; one without the other is a mistake worth stopping for. */
function tlsFiles(): { cert: Buffer; key: Buffer } | undefined {
  const { RAPPORT_TLS_CERT: cert, RAPPORT_TLS_KEY: key } = process.env;
  if (!cert && !key) return undefined;
  if (!cert || !key) return fail('Set both RAPPORT_TLS_CERT and RAPPORT_TLS_KEY (PEM files), or neither.');
  try {
    return { cert: readFileSync(cert), key: readFileSync(key) };
  } catch (err) {
    return fail(`Cannot read the TLS certificate or key: ${(err as Error).message}`);
  }
}

const minDesktopVersion = process.env.RAPPORT_MIN_DESKTOP_VERSION || undefined;
if (minDesktopVersion && !parseVersion(minDesktopVersion)) fail(`RAPPORT_MIN_DESKTOP_VERSION must look like 1.4.0, not "${minDesktopVersion}"`);

const hub = await startHub({
  port,
  host: process.env.RAPPORT_HUB_HOST ?? '127.0.0.1',
  databaseUrl,
  pgSchema: process.env.RAPPORT_PG_SCHEMA || undefined,
  sqlitePath: join(dataDir, 'hub', 'hub.sqlite'),
  // Seals the PBX secret and two-factor keys; every instance on one PostgreSQL needs the same key.
  secretKey: process.env.RAPPORT_SECRET_KEY || undefined,
  keyDir: join(dataDir, 'hub'),
  tls: tlsFiles(),
  minDesktopVersion,
  metricsToken: process.env.RAPPORT_METRICS_TOKEN || undefined,
  log,
}).catch((err: unknown) => fail(`The hub could not start: ${(err as Error).message}`));
// Tests and `npm start` wait for this line; it is also the log's first record.
console.log(`[hub] listening on ${hub.url} (${databaseUrl ? `PostgreSQL ${redactUrl(databaseUrl)}` : hub.context.db.describe})`);
log.info({ url: hub.url, storage: databaseUrl ? 'postgresql' : 'sqlite' }, 'hub started');

const stop = async () => {
  await hub.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
