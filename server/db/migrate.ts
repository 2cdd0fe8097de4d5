import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './types';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Splits a migration file into statements; ours never hold a `;` inside a literal. */
function statements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Applies each not-yet-applied migration of this dialect in its own transaction. On PostgreSQL an
 * advisory lock lets several hub instances start at once without racing each other.
 */
export async function migrate(db: Db, opts: { before?: string } = {}): Promise<string[]> {
  if (db.dialect === 'postgres') return applyPending(db, opts.before);
  // SQLite changes a constraint by rebuilding the table (sqlite.org/lang_altertable.html §7): with
  // foreign keys off for the rebuild, and every reference checked before they are on again.
  await db.run('PRAGMA foreign_keys = OFF');
  try {
    const applied = await applyPending(db, opts.before);
    const broken = await db.all<Record<string, unknown>>('PRAGMA foreign_key_check');
    if (broken.length) throw new Error(`migration left ${broken.length} broken references, e.g. ${JSON.stringify(broken[0])}`);
    return applied;
  } finally {
    await db.run('PRAGMA foreign_keys = ON');
  }
}

/** `before` stops short of a migration (tests of a migration start from the schema it meets). */
function applyPending(db: Db, before?: string): Promise<string[]> {
  const dir = join(here, 'migrations', db.dialect);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql') && (before === undefined || f < before))
    .sort();
  return db.tx(async (q) => {
    if (q.dialect === 'postgres') await q.run('SELECT pg_advisory_xact_lock(5782)');
    await q.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    const done = new Set(
      (await q.all<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      for (const stmt of statements(readFileSync(join(dir, file), 'utf8'))) await q.run(stmt);
      await q.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [file, Date.now()]);
      applied.push(file);
    }
    return applied;
  });
}
