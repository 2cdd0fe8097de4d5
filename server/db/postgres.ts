import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import pg from 'pg';
import type { Db, Queryable, SqlValue } from './types';
import { DbUnavailable, troubleOf } from './unavailable';

// BIGINT columns hold epoch milliseconds and pence: safe as JS numbers.
pg.types.setTypeParser(20, (v) => Number(v));

/** `?` placeholders become `$1..$n`; our SQL never puts a `?` inside a string literal. */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * Statements are prepared once per connection and reused by name, so PostgreSQL parses and plans a
 * gesture's dozen statements once rather than on every request. SQL built with a varying shape
 * beyond the first few hundred texts runs unprepared, so the server's per-connection cache stays
 * small; a statement whose result columns changed under it (another hub migrating) runs unprepared
 * from then on. The `$n` text and the name are worked out once per SQL text.
 */
const MAX_PREPARED = 300;
interface Statement {
  text: string;
  name: string | undefined;
}
const prepared = new Map<string, Statement>();

const PREPARABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;

function statementFor(sql: string): Statement {
  const known = prepared.get(sql);
  if (known) return known;
  const text = toPgPlaceholders(sql);
  const statement = { text, name: PREPARABLE.test(text) ? `r${createHash('sha1').update(text).digest('hex').slice(0, 16)}` : undefined };
  if (prepared.size < MAX_PREPARED) prepared.set(sql, statement);
  else statement.name = undefined;
  return statement;
}

/** pg's words when the server's side of a connection went away mid-conversation (it gives no code). */
const CUT_OFF = /^Connection terminated/;

const logged = new WeakSet<Error>();

/** A full disk or an unreachable server becomes a DbUnavailable (503, cause logged); other errors stay as they are. */
function unavailableOr(err: unknown): unknown {
  const trouble = troubleOf(err) ?? (err instanceof Error && CUT_OFF.test(err.message) ? 'unreachable' : null);
  if (!trouble) return err;
  // One lost connection fails every statement sent on it: its cause is logged once.
  if (!(err instanceof Error) || !logged.has(err)) console.error(`[hub] PostgreSQL: ${trouble === 'disk_full' ? 'disk full' : trouble}:`, (err as Error).message);
  if (err instanceof Error) logged.add(err);
  return new DbUnavailable(trouble, err);
}

/** A promise's failure as a value (null when it succeeded), so nothing is left rejecting unheard. */
const failureOf = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => null,
    (err: unknown) => err ?? new Error('failed'),
  );

/**
 * Statements sent in one turn of the event loop leave in one packet: the connection's socket is
 * corked until the turn's callbacks and promise reactions have run.
 */
function sendingTogether(client: pg.PoolClient): () => void {
  const stream = (client as unknown as { connection?: { stream?: Partial<Socket> } }).connection?.stream;
  let held = false;
  return () => {
    if (held || !stream?.cork || !stream.uncork) return;
    held = true;
    stream.cork();
    process.nextTick(() => {
      held = false;
      stream.uncork!();
    });
  };
}

/**
 * Inside a transaction, `began` is the BEGIN sent just before the first statements without waiting
 * for its answer (a statement sent with it fails with BEGIN's failure), and `hold` gathers the
 * statements of one turn into one packet.
 */
function queryable(client: pg.Pool | pg.PoolClient, inside?: { began: Promise<unknown>; hold: () => void }): Queryable {
  const began = inside?.began;
  const run = async (sql: string, params: readonly SqlValue[] = []) => {
    const statement = statementFor(sql);
    const { text, name } = statement;
    inside?.hold();
    const sent = client.query({ text, values: params as unknown[], ...(name ? { name } : {}) });
    try {
      if (began) {
        const [failed, result] = await Promise.all([began, sent]);
        if (failed) throw failed;
        return result;
      }
      return await sent;
    } catch (err) {
      if (name && (err as { code?: string }).code === '0A000') statement.name = undefined;
      throw unavailableOr(err);
    }
  };
  return {
    dialect: 'postgres',
    async all<T>(sql: string, params?: readonly SqlValue[]) {
      return (await run(sql, params)).rows as T[];
    },
    async get<T>(sql: string, params?: readonly SqlValue[]) {
      return (await run(sql, params)).rows[0] as T | undefined;
    },
    async run(sql: string, params?: readonly SqlValue[]) {
      return { changes: (await run(sql, params)).rowCount ?? 0 };
    },
  };
}

/**
 * One transaction on one pooled connection. The connection pipelines (pg's `pipeline` mode: a
 * statement is sent without waiting for the answers to those before it, which still run in order),
 * so BEGIN goes out with the work's first statement, reads sent together cost one round trip (see
 * readTogether), and the closing writes go out with the COMMIT (see closingWrites).
 */
async function transaction<T>(pool: pg.Pool, work: (q: Queryable) => Promise<T>): Promise<T> {
  const client = await pool.connect().catch((err: unknown) => {
    throw unavailableOr(err);
  });
  // A connection lost while the transaction holds it fails the statements in flight; it must not
  // also be an unheard 'error' event (the pool listens only while a connection is idle), and it is
  // not given back for reuse.
  let lost: Error | undefined;
  const onLost = (err: Error) => {
    lost = err;
  };
  client.on('error', onLost);
  const hold = sendingTogether(client);
  hold();
  const began = failureOf(client.query('BEGIN'));
  const closing: Promise<unknown>[] = [];
  const inside: Queryable = {
    ...queryable(client, { began, hold }),
    writeBeforeCommit(sql, params) {
      closing.push(failureOf(inside.run(sql, params)));
    },
  };
  const closingFailure = async () => (await Promise.all(closing)).find(Boolean);
  try {
    const result = await work(inside);
    hold();
    const [committed, closed] = await Promise.all([failureOf(client.query('COMMIT')), closingFailure()]);
    // A closing write that failed turned the COMMIT into a rollback: its failure is the transaction's.
    const failure = closed ?? (committed ? unavailableOr(committed) : null);
    if (failure) throw failure;
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw (await closingFailure()) ?? err;
  } finally {
    client.off('error', onLost);
    client.release(lost);
  }
}

export interface PostgresOptions {
  url: string;
  /** Tests give each hub its own schema in the shared `test` database. */
  schema?: string;
  max?: number;
}

export async function openPostgres(opts: PostgresOptions): Promise<Db & { pool: pg.Pool; schema: string }> {
  const schema = opts.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    pipeline: true,
    options: `-c search_path=${schema}`,
  });
  pool.on('error', (err) => console.error('[hub] postgres pool error:', err.message));
  if (schema !== 'public') await createSchemaOnce(pool, schema);
  const direct = queryable(pool);
  return {
    ...direct,
    pool,
    schema,
    describe: `PostgreSQL ${redactUrl(opts.url)} schema ${schema}`,
    tx: (work) => transaction(pool, work),
    async close() {
      await pool.end();
    },
  };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * `CREATE SCHEMA IF NOT EXISTS` is not safe when two hub instances start at once on a new schema
 * (both pass the check, one fails on pg_namespace's unique index), so the creation holds the same
 * advisory lock the migrations take.
 */
async function createSchemaOnce(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(5782)');
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
