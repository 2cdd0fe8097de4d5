import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { backupSqlite } from '../server/ops/backup';

/**
 * `npm run backup [-- <file>]`: an online backup of the embedded SQLite hub, safe while it runs.
 * For PostgreSQL use pg_dump (README "Running the hub").
 */
if (process.env.DATABASE_URL) {
  console.error('This hub runs on PostgreSQL: back it up with pg_dump (see README "Backups"). npm run backup is for the embedded SQLite hub.');
  process.exit(2);
}
const dataDir = process.env.RAPPORT_DATA_DIR ?? join(homedir(), '.rapport');
const source = join(dataDir, 'hub', 'hub.sqlite');
const destination = resolve(process.argv[2] ?? join(dataDir, 'backups', `hub-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`));
try {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(destination, '..'), { recursive: true });
  const done = backupSqlite(source, destination);
  console.log(`Backed up ${source} to ${destination} (${(done.bytes / 1024).toFixed(0)} KiB, ${done.migrations.length} migrations, integrity checked).`);
} catch (err) {
  console.error(`Backup failed: ${(err as Error).message}`);
  process.exit(1);
}
