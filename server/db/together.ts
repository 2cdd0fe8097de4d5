import type { Queryable, SqlValue } from './types';

/** One write: its SQL with `?` placeholders, and the values. */
export type Write = readonly [sql: string, params: readonly SqlValue[]];

/** One read: its SQL and values, and what its rows mean. */
export interface Read<T> {
  sql: string;
  params: readonly SqlValue[];
  meaning(rows: unknown[]): T;
}

export const read = <T>(sql: string, params: readonly SqlValue[], meaning: (rows: unknown[]) => T): Read<T> => ({ sql, params, meaning });

export async function readOne<T>(q: Queryable, r: Read<T>): Promise<T> {
  return r.meaning(await q.all(r.sql, r.params));
}

type Meanings<R extends readonly Read<unknown>[]> = { [K in keyof R]: R[K] extends Read<infer T> ? T : never };

/**
 * Several reads sent at once and answered in order, each running after the one before has finished
 * (so a read may rely on a row lock the one before it took, and sees what was committed while it
 * waited). Inside a PostgreSQL transaction they cost one round trip together (the connection
 * pipelines); SQLite runs them in turn.
 */
export async function readTogether<const R extends readonly Read<unknown>[]>(q: Queryable, reads: R): Promise<Meanings<R>> {
  const rows = await Promise.all(reads.map((r) => q.all(r.sql, r.params)));
  return reads.map((r, i) => r.meaning(rows[i]!)) as Meanings<R>;
}

/** Several writes as one statement of data-modifying WITH clauses (PostgreSQL), or each in turn. */
function together(q: Queryable, writes: readonly Write[]): Write[] {
  if (q.dialect !== 'postgres' || writes.length < 2) return [...writes];
  const last = writes[writes.length - 1]!;
  const sql = `WITH ${writes
    .slice(0, -1)
    .map(([s], i) => `w${i} AS (${s})`)
    .join(', ')} ${last[0]}`;
  return [[sql, writes.flatMap(([, params]) => params)]];
}

/**
 * Several writes whose results nobody reads (inserts, and updates of rows already locked), in one
 * round trip where the database allows it. On PostgreSQL they become one statement of data-modifying
 * WITH clauses, so a gesture's half-dozen writes cost one round trip instead of six; they all see
 * one snapshot, so none may read or change a row another one changes. SQLite runs in-process, so
 * there each write simply runs in turn.
 */
export async function writeTogether(q: Queryable, writes: readonly Write[]): Promise<void> {
  for (const [sql, params] of together(q, writes)) await q.run(sql, params);
}

/**
 * A transaction's last writes, as writeTogether; inside a PostgreSQL transaction they go out with
 * the COMMIT in one round trip, and a failure among them is the transaction's (its tx rejects with
 * it, rolled back). The work must end after them: nothing it does afterwards may assume they held.
 */
export async function closingWrites(q: Queryable, writes: readonly Write[]): Promise<void> {
  const send = q.writeBeforeCommit?.bind(q);
  if (!send) return writeTogether(q, writes);
  for (const [sql, params] of together(q, writes)) send(sql, params);
}
