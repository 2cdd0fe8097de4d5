import type { Queryable, SqlValue } from './types';

/** One write: its SQL with `?` placeholders, and the values. */
export type Write = readonly [sql: string, params: readonly SqlValue[]];

/**
 * Several writes whose results nobody reads (inserts, and updates of rows already locked), in one
 * round trip where the database allows it. On PostgreSQL they become one statement of data-modifying
 * WITH clauses, so a gesture's half-dozen writes cost one round trip instead of six; they all see
 * one snapshot, so none may read or change a row another one changes. SQLite runs in-process, so
 * there each write simply runs in turn.
 */
export async function writeTogether(q: Queryable, writes: readonly Write[]): Promise<void> {
  if (q.dialect !== 'postgres' || writes.length < 2) {
    for (const [sql, params] of writes) await q.run(sql, params);
    return;
  }
  const last = writes[writes.length - 1]!;
  const sql = `WITH ${writes
    .slice(0, -1)
    .map(([s], i) => `w${i} AS (${s})`)
    .join(', ')} ${last[0]}`;
  await q.run(sql, writes.flatMap(([, params]) => params));
}
