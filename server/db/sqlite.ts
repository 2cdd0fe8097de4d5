import Database from 'libsql';
import type { Db, Queryable, SqlValue } from './types';

type Statement = { all(p: SqlValue[]): unknown[]; get(p: SqlValue[]): unknown; run(p: SqlValue[]): { changes: number } };
type Native = { prepare(sql: string): Statement; exec(sql: string): void; close(): void };

/**
 * The embedded default: one SQLite file in WAL mode. libsql is synchronous, so a transaction
 * holds a queue: other callers wait rather than have their writes land inside someone else's
 * transaction.
 */
export function openSqlite(path: string): Db {
  const native = new Database(path) as unknown as Native;
  native.exec('PRAGMA journal_mode = WAL');
  native.exec('PRAGMA synchronous = FULL');
  native.exec('PRAGMA foreign_keys = ON');
  native.exec('PRAGMA busy_timeout = 5000');
  const cache = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = native.prepare(sql);
      if (cache.size > 500) cache.clear();
      cache.set(sql, s);
    }
    return s;
  };
  const direct: Queryable = {
    dialect: 'sqlite',
    async all<T>(sql: string, params: readonly SqlValue[] = []) {
      return prepare(sql).all([...params]).map(stripMeta) as T[];
    },
    async get<T>(sql: string, params: readonly SqlValue[] = []) {
      const row = prepare(sql).get([...params]);
      return (row ? stripMeta(row) : undefined) as T | undefined;
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      return { changes: Number(prepare(sql).run([...params]).changes) };
    },
  };

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    dialect: 'sqlite',
    describe: `SQLite file ${path}`,
    all: (sql, params) => serial(() => direct.all(sql, params)),
    get: (sql, params) => serial(() => direct.get(sql, params)),
    run: (sql, params) => serial(() => direct.run(sql, params)),
    tx: (work) =>
      serial(async () => {
        native.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          native.exec('COMMIT');
          return result;
        } catch (err) {
          native.exec('ROLLBACK');
          throw err;
        }
      }),
    async close() {
      await serial(async () => native.close());
    },
  };
}

function stripMeta(row: unknown): unknown {
  if (row && typeof row === 'object' && '_metadata' in row) {
    const { _metadata, ...rest } = row as Record<string, unknown>;
    void _metadata;
    return rest;
  }
  return row;
}
