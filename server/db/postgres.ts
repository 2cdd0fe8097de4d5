import { createHash } from 'node:crypto';
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
 * from then on.
 */
const MAX_PREPARED = 300;
const prepared = new Map<string, string | null>();

const PREPARABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;

function statementName(text: string): string | undefined {
  if (!PREPARABLE.test(text)) return undefined;
  let name = prepared.get(text);
  if (name === undefined) {
    if (prepared.size >= MAX_PREPARED) return undefined;
    name = `r${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    prepared.set(text, name);
  }
  return name ?? undefined;
}

/** A full disk or an unreachable server becomes a DbUnavailable (503, cause logged); other errors stay as they are. */
function unavailableOr(err: unknown): unknown {
  const trouble = troubleOf(err);
  if (!trouble) return err;
  console.error(`[hub] PostgreSQL: ${trouble === 'disk_full' ? 'disk full' : trouble}:`, (err as Error).message);
  return new DbUnavailable(trouble, err);
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  const run = async (sql: string, params: readonly SqlValue[] = []) => {
    const text = toPgPlaceholders(sql);
    const name = statementName(text);
    try {
      return await client.query({ text, values: params as unknown[], ...(name ? { name } : {}) });
    } catch (err) {
      if (name && (err as { code?: string }).code === '0A000') prepared.set(text, null);
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
    async tx<T>(work: (q: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect().catch((err: unknown) => {
        throw unavailableOr(err);
      });
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
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
