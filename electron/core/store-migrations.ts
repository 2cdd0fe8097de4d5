/**
 * The desktop store's schema, as numbered migrations recorded in SQLite's `user_version`. Each
 * runs once, in a transaction with the version bump, so a crash mid-way leaves the previous
 * version intact. Never edit a shipped migration: add the next one.
 */
type Db = { exec(sql: string): void; prepare(sql: string): { get(p?: unknown[]): unknown } };

export const STORE_MIGRATIONS: readonly { version: number; why: string; sql: string }[] = [
  {
    version: 1,
    why: 'the tables Rapport 0.1.0 created (its files have user_version 0 and already have them)',
    sql: `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS call_history (call_id TEXT PRIMARY KEY, at INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS call_history_at ON call_history(at);
CREATE TABLE IF NOT EXISTS outbox (
  id TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  summary TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'waiting',
  error TEXT
);
CREATE TABLE IF NOT EXISTS note_drafts (call_id TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, title TEXT NOT NULL, data TEXT NOT NULL);`,
  },
  {
    version: 2,
    why: 'indexes for what the store is asked most: the outbox by kind in order, old drafts to prune, articles in feed order',
    sql: `
CREATE INDEX IF NOT EXISTS outbox_kind_created ON outbox(kind, created_at);
CREATE INDEX IF NOT EXISTS note_drafts_updated ON note_drafts(updated_at);
CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq);`,
  },
  {
    version: 3,
    why: 'the last copy of each case the advisor opened, so a case tab still reads while the hub is away',
    sql: `
CREATE TABLE IF NOT EXISTS case_cache (case_id TEXT PRIMARY KEY, body TEXT NOT NULL, saved_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS case_cache_saved ON case_cache(saved_at);`,
  },
];

export const STORE_VERSION = STORE_MIGRATIONS[STORE_MIGRATIONS.length - 1]!.version;

export class StoreTooNewError extends Error {
  constructor(readonly found: number) {
    super(`This offline store was written by a newer Rapport (schema ${found}; this one knows ${STORE_VERSION}). Update Rapport, or sign out to start a fresh store.`);
  }
}

export function storeVersion(db: Db): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
}

/** Brings a store at any earlier version up to STORE_VERSION; returns the versions applied. */
export function migrateStore(db: Db, migrations = STORE_MIGRATIONS): number[] {
  const from = storeVersion(db);
  const latest = migrations[migrations.length - 1]!.version;
  if (from > latest) throw new StoreTooNewError(from);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(m.sql);
      db.exec(`PRAGMA user_version = ${m.version}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw new Error(`Updating the offline store to schema ${m.version} failed and was rolled back: ${(err as Error).message}`);
    }
    applied.push(m.version);
  }
  return applied;
}
