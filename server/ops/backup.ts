import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, copyFileSync } from 'node:fs';
import Database from 'libsql';

type Native = { prepare(sql: string): { all(): unknown[]; get(): unknown }; exec(sql: string): void; close(): void };

export interface BackupCheck {
  ok: boolean;
  problem: string | null;
  migrations: string[];
}

/** Whether a file is a whole, readable hub database: SQLite's integrity check and our migrations table. */
export function checkHubDatabase(path: string): BackupCheck {
  if (!existsSync(path)) return { ok: false, problem: `${path} does not exist`, migrations: [] };
  let db: Native | null = null;
  try {
    db = new Database(path) as unknown as Native;
    const integrity = (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.join() !== 'ok') return { ok: false, problem: `SQLite integrity check failed: ${integrity.slice(0, 3).join('; ')}`, migrations: [] };
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!table) return { ok: false, problem: 'this is an SQLite file but not a Rapport hub database (no schema_migrations table)', migrations: [] };
    const migrations = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: string }[]).map((r) => r.version);
    return { ok: true, problem: null, migrations };
  } catch (err) {
    return { ok: false, problem: `not a readable SQLite database: ${(err as Error).message}`, migrations: [] };
  } finally {
    db?.close();
  }
}

/**
 * An online backup of the hub's SQLite file while the hub keeps running: `VACUUM INTO` writes a
 * consistent snapshot of one read transaction (WAL lets the hub go on writing), compacted, to a new
 * file, which is then checked. An existing file is never overwritten.
 */
export function backupSqlite(source: string, destination: string): { bytes: number; migrations: string[] } {
  if (!existsSync(source)) throw new Error(`There is no hub database at ${source}.`);
  if (existsSync(destination)) throw new Error(`${destination} already exists; choose a new name so no backup is overwritten.`);
  const db = new Database(source) as unknown as Native;
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec(`VACUUM INTO '${destination.replace(/'/g, "''")}'`);
  } finally {
    db.close();
  }
  const check = checkHubDatabase(destination);
  if (!check.ok) {
    rmSync(destination, { force: true });
    throw new Error(`The backup did not check out (${check.problem}); nothing was kept.`);
  }
  return { bytes: statSync(destination).size, migrations: check.migrations };
}

/**
 * Puts a backup in place of the hub's database (with the hub stopped). The backup is checked first;
 * the current file and its WAL are kept beside it as `.before-restore-<time>`, so a restore loses nothing.
 */
export function restoreSqlite(backup: string, target: string, now = new Date()): { keptAs: string | null; migrations: string[] } {
  const check = checkHubDatabase(backup);
  if (!check.ok) throw new Error(`Not restoring ${backup}: ${check.problem}. The hub's database was not touched.`);
  const incoming = `${target}.restoring`;
  copyFileSync(backup, incoming);
  const fd = openSync(incoming, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  let keptAs: string | null = null;
  if (existsSync(target)) {
    keptAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, keptAs);
    for (const side of ['-wal', '-shm']) if (existsSync(target + side)) renameSync(target + side, keptAs + side);
  }
  renameSync(incoming, target);
  return { keptAs, migrations: check.migrations };
}
