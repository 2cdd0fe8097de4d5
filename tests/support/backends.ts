import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startHub, type Hub, type HubOptions } from '../../server/hub';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Options that point a hub at a fresh database of this backend. */
  fresh(): Promise<HubOptions>;
}

export const sqliteBackend: Backend = {
  name: 'sqlite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-hub-'));
    return { sqlitePath: join(dir, 'hub.sqlite') };
  },
};

const schemas: string[] = [];

export function postgresBackend(url: string): Backend {
  return {
    name: 'postgres',
    async fresh() {
      const schema = `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
      schemas.push(schema);
      return { databaseUrl: url, pgSchema: schema };
    },
  };
}

/** The hub's tests run on SQLite always, and on PostgreSQL whenever DATABASE_URL is set (CI sets it). */
export function backends(): Backend[] {
  const url = process.env.DATABASE_URL;
  return url ? [sqliteBackend, postgresBackend(url)] : [sqliteBackend];
}

export async function dropTestSchemas(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const s of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await client.end();
}

/**
 * scrypt at a sixteenth of the production cost for hubs that are not about hashing: hundreds of
 * sign-ins on a busy two-core machine would otherwise take minutes. hub-lockout.test.ts runs at the
 * real cost (PASSWORD_COST).
 */
export const TEST_PASSWORD_COST = { N: 2 ** 13, r: 8, p: 1 };

/** A hub on an ephemeral port with fast lockout timing and a cheap password hash for tests. */
export async function testHub(backend: Backend, extra: Partial<HubOptions> = {}): Promise<Hub> {
  const opts = await backend.fresh();
  const config = { lockout: { slowAfter: 2, lockAfter: 4, lockMs: 60_000, slowStepMs: 700 }, passwordCost: TEST_PASSWORD_COST, ...extra.config };
  return startHub({ port: 0, ...opts, ...extra, config });
}
