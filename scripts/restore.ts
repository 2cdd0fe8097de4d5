import { connect } from 'node:net';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { restoreSqlite } from '../server/ops/backup';

/** `npm run restore -- <backup file>`: puts a checked backup in place of the embedded hub's database. */
const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run restore -- <backup file>   (stop the hub first)');
  process.exit(2);
}
const dataDir = process.env.RAPPORT_DATA_DIR ?? join(homedir(), '.rapport');
const target = join(dataDir, 'hub', 'hub.sqlite');
const port = process.env.RAPPORT_HUB_PORT ?? '5782';
// A running hub would keep writing to the file it has open: refuse rather than lose its writes.
const running = await new Promise<boolean>((resolve) => {
  const socket = connect(Number(port), '127.0.0.1', () => (socket.destroy(), resolve(true)));
  socket.on('error', () => resolve(false));
});
if (running) {
  console.error(`Something (the hub?) is listening on port ${port}: stop it before restoring.`);
  process.exit(1);
}
try {
  const done = restoreSqlite(resolve(file), target);
  console.log(`Restored ${file} to ${target} (${done.migrations.length} migrations).${done.keptAs ? ` The previous database is kept as ${done.keptAs}.` : ''} Start the hub again.`);
} catch (err) {
  console.error(`Restore failed: ${(err as Error).message}`);
  process.exit(1);
}
