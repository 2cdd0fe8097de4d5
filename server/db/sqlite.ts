import Database from 'libsql';
import type { Db, Queryable, SqlValue } from './types';
import { DbUnavailable, troubleOf } from './unavailable';

type Statement = { all(p: SqlValue[]): unknown[]; get(p: SqlValue[]): unknown; run(p: SqlValue[]): { changes: number } };
type Native = { prepare(sql: string): Statement; exec(sql: string): void; close(): void; readonly inTransaction: boolean };

/** How long one attempt may block the event loop, and how long a write waits in all for a lock. */
const BUSY_MS = 10;
const LOCK_WAIT_MS = 5000;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The embedded default: one SQLite file in WAL mode. libsql is synchronous, so a transaction
 * holds a queue: other callers wait rather than have their writes land inside someone else's
 * transaction. When another program holds the file's write lock, SQLite's own busy wait would
 * block the event loop (and /health with it) for seconds; instead each attempt waits at most
 * BUSY_MS and the retry waits asynchronously with growing pauses, up to LOCK_WAIT_MS in all, then
 * the request gets a 503 that names the cause.
 */
export function openSqlite(path: string, opts: { lockWaitMs?: number; log?: (message: string, err: unknown) => void } = {}): Db {
  const lockWaitMs = opts.lockWaitMs ?? LOCK_WAIT_MS;
  const log = opts.log ?? ((message, err) => console.error(`[hub] ${message}`, err));
  const classify = (err: unknown, what: string): unknown => {
    const trouble = troubleOf(err);
    if (!trouble) return err;
    log(`SQLite ${path}: ${what} failed (${trouble === 'locked' ? 'database locked' : trouble === 'disk_full' ? 'disk full' : trouble}):`, err);
    return new DbUnavailable(trouble, err, path);
  };
  const native = new Database(path) as unknown as Native;
  // The busy timeout first: the journal-mode pragma itself waits on a locked file.
  native.exec(`PRAGMA busy_timeout = ${BUSY_MS}`);
  const setUp = () => {
    native.exec('PRAGMA journal_mode = WAL');
    native.exec('PRAGMA synchronous = FULL');
    native.exec('PRAGMA foreign_keys = ON');
  };
  try {
    setUp();
  } catch (err) {
    native.close();
    throw classify(err, 'opening');
  }
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

  /** Tries `attempt` until it stops reporting a lock, pausing (not blocking) between tries. */
  const whenUnlocked = async <T>(attempt: () => Promise<T>, what: string): Promise<T> => {
    const started = Date.now();
    for (let n = 0; ; n++) {
      try {
        return await attempt();
      } catch (err) {
        if (troubleOf(err) !== 'locked' || Date.now() - started >= lockWaitMs) throw classify(err, what);
        await pause(Math.min(250, 5 * 2 ** n));
      }
    }
  };

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  /** Ends a failed transaction once: SQLite may have rolled it back itself (a full disk does). */
  const rollBack = (cause: unknown) => {
    if (!native.inTransaction) return;
    try {
      native.exec('ROLLBACK');
    } catch (err) {
      log(`SQLite ${path}: rolling back after ${(cause as Error)?.message ?? cause} failed too:`, err);
    }
  };

  return {
    dialect: 'sqlite',
    describe: `SQLite file ${path}`,
    all: (sql, params) => serial(() => whenUnlocked(() => direct.all(sql, params), 'a read')),
    get: (sql, params) => serial(() => whenUnlocked(() => direct.get(sql, params), 'a read')),
    run: (sql, params) => serial(() => whenUnlocked(() => direct.run(sql, params), 'a write')),
    tx: (work) =>
      serial(async () => {
        // Nothing is done before the write lock is ours, so waiting for it is safe to retry.
        await whenUnlocked(async () => native.exec('BEGIN IMMEDIATE'), 'starting a transaction');
        try {
          const result = await work(direct);
          native.exec('COMMIT');
          return result;
        } catch (err) {
          rollBack(err);
          throw classify(err, 'a transaction');
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
