import { homedir } from 'node:os';
import { join } from 'node:path';
import { redactUrl } from './db/postgres';
import { startHub } from './hub';

/** The hub as its own process: `npm run hub`, or started by `npm start`. */
const dataDir = process.env.RAPPORT_DATA_DIR ?? join(homedir(), '.rapport');
const port = Number(process.env.RAPPORT_HUB_PORT ?? 5782);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`RAPPORT_HUB_PORT must be a port number, not "${process.env.RAPPORT_HUB_PORT}"`);
  process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL || undefined;

const hub = await startHub({
  port,
  host: process.env.RAPPORT_HUB_HOST ?? '127.0.0.1',
  databaseUrl,
  pgSchema: process.env.RAPPORT_PG_SCHEMA || undefined,
  sqlitePath: join(dataDir, 'hub', 'hub.sqlite'),
});
console.log(
  `[hub] listening on ${hub.url} (${databaseUrl ? `PostgreSQL ${redactUrl(databaseUrl)}` : hub.context.db.describe})`,
);

const stop = async () => {
  await hub.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
