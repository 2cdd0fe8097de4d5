import { rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../db/migrate';
import { openStorage } from '../hub';
import { seedIfEmpty } from './seed';

/** `npm run seed` seeds an empty hub; `npm run seed -- --reset` starts the SQLite hub afresh. */
const dataDir = process.env.RAPPORT_DATA_DIR ?? join(homedir(), '.rapport');
const sqlitePath = join(dataDir, 'hub', 'hub.sqlite');
const databaseUrl = process.env.DATABASE_URL || undefined;
if (process.argv.includes('--reset')) {
  if (databaseUrl) {
    console.error('--reset only removes the embedded SQLite hub; drop a PostgreSQL schema yourself.');
    process.exit(2);
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(sqlitePath + suffix, { force: true });
}
const { db, events } = await openStorage({ databaseUrl, sqlitePath, pgSchema: process.env.RAPPORT_PG_SCHEMA || undefined });
await migrate(db);
const summary = await seedIfEmpty(db);
console.log(summary ? `Seeded ${db.describe}: ${JSON.stringify(summary)}` : `${db.describe} already has an organisation; nothing seeded.`);
await events.close();
await db.close();
