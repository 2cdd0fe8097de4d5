import type { Queryable } from './db/types';

/**
 * Next value of a named counter, inside the caller's transaction. The row lock is held until
 * commit, so values become visible in the order they were taken: a reader following a cursor
 * never skips a change that commits late (a bare sequence would not promise that).
 */
export async function nextCounter(q: Queryable, name: string): Promise<number> {
  const row = await q.get<{ value: number }>('UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value', [name]);
  if (!row) throw new Error(`counter ${name} is missing`);
  return Number(row.value);
}
