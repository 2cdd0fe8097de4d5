import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { DesktopStore } from '../../electron/core/store';
import { migrateStore, STORE_MIGRATIONS, STORE_VERSION, StoreTooNewError, storeVersion } from '../../electron/core/store-migrations';

type Native = { exec(sql: string): void; prepare(sql: string): { get(p?: unknown[]): unknown; all(p?: unknown[]): unknown[]; run(p?: unknown[]): unknown }; close(): void };
const open = (path: string) => new Database(path) as unknown as Native;
const tmp = () => join(mkdtempSync(join(tmpdir(), 'rapport-store-')), 'store.sqlite');

/** Exactly what Rapport 0.1.0 created: tables by CREATE TABLE IF NOT EXISTS, user_version 0. */
const SHIPPED_0_1_0 = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS call_history (call_id TEXT PRIMARY KEY, at INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS call_history_at ON call_history(at);
CREATE TABLE IF NOT EXISTS outbox (id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, body TEXT NOT NULL, summary TEXT NOT NULL, created_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL DEFAULT 'waiting', error TEXT);
CREATE TABLE IF NOT EXISTS note_drafts (call_id TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, title TEXT NOT NULL, data TEXT NOT NULL);`;

/** A store at an earlier schema version, holding one of everything an advisor might have waiting. */
function storeAt(version: number): string {
  const path = tmp();
  const db = open(path);
  if (version === 0) db.exec(SHIPPED_0_1_0);
  else migrateStore(db, STORE_MIGRATIONS.filter((m) => m.version <= version));
  expect(storeVersion(db)).toBe(version);
  db.prepare("INSERT INTO meta (key, value) VALUES ('knowledge_cursor', '42')").run();
  db.prepare('INSERT INTO articles (id, seq, title, data) VALUES (?, ?, ?, ?)').run(['kb-1', 42, 'Funeral care', JSON.stringify({ id: 'kb-1', title: 'Funeral care' })]);
  db.prepare("INSERT INTO outbox (id, idempotency_key, kind, body, summary, created_at) VALUES ('o1', 'k1', 'gesture', '{}', 'Flowers', 1)").run();
  db.prepare("INSERT INTO note_drafts (call_id, body, updated_at) VALUES ('c1', 'Called about the account', 5)").run();
  db.prepare('INSERT INTO call_history (call_id, at, data) VALUES (?, ?, ?)').run(['c1', 7, JSON.stringify({ callId: 'c1', at: 7 })]);
  db.close();
  return path;
}

const indexes = (path: string) => {
  const db = open(path);
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name).sort();
  db.close();
  return names;
};

describe('the desktop store schema migrations', () => {
  it('creates a new store at the latest version', () => {
    const store = new DesktopStore(tmp());
    expect(store.schemaVersion).toBe(STORE_VERSION);
    expect(STORE_VERSION).toBeGreaterThanOrEqual(2);
    store.close();
  });

  for (let from = 0; from < STORE_VERSION; from++) {
    it(`upgrades a store from version ${from}${from === 0 ? ' (as Rapport 0.1.0 left it)' : ''}, keeping everything waiting in it`, () => {
      const path = storeAt(from);
      const store = new DesktopStore(path);
      expect(store.schemaVersion).toBe(STORE_VERSION);
      expect(store.knowledgeCursor).toBe(42);
      expect(store.article('kb-1')).toMatchObject({ title: 'Funeral care' });
      expect(store.outbox('gesture')).toMatchObject([{ id: 'o1', summary: 'Flowers', state: 'waiting' }]);
      expect(store.draft('c1')).toBe('Called about the account');
      expect(store.recentCalls()).toEqual([{ callId: 'c1', at: 7 }]);
      store.close();
      expect(indexes(path)).toEqual(expect.arrayContaining(['articles_seq', 'call_history_at', 'note_drafts_updated', 'outbox_kind_created']));
      // Opening again applies nothing more.
      const db = open(path);
      expect(migrateStore(db)).toEqual([]);
      db.close();
    });
  }

  it('refuses a store written by a newer Rapport, clearly, and leaves it as it was', () => {
    const path = storeAt(STORE_VERSION);
    const db = open(path);
    db.exec('PRAGMA user_version = 99');
    db.close();
    expect(() => new DesktopStore(path)).toThrow(StoreTooNewError);
    expect(() => new DesktopStore(path)).toThrow(/newer Rapport \(schema 99; this one knows \d+\)/);
    const after = open(path);
    expect(storeVersion(after)).toBe(99);
    expect(after.prepare("SELECT title FROM articles WHERE id = 'kb-1'").get()).toMatchObject({ title: 'Funeral care' });
    after.close();
  });

  it('rolls a failing migration back whole, keeping the version it had', () => {
    const path = storeAt(STORE_VERSION);
    const db = open(path);
    const broken = [...STORE_MIGRATIONS, { version: STORE_VERSION + 1, why: 'test', sql: 'CREATE TABLE half_done (x); CREATE TABLE oops (' }];
    expect(() => migrateStore(db, broken)).toThrow(/schema \d+ failed and was rolled back/);
    expect(storeVersion(db)).toBe(STORE_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });
});
