import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgres } from '../../server/db/postgres';
import { openSqlite } from '../../server/db/sqlite';
import type { Db } from '../../server/db/types';
import { signInAs } from '../support/client';
import { AUTHOR, REVIEWER, sampleArticle } from '../support/knowledge';
import { spawnHub, type Running } from '../support/processes';
import { formatMs, formatTable, summarise } from './stats';

/**
 * How long a newly published article takes to reach every desktop: 1,000, 3,000 and 10,000
 * desktops, each with its own session and live link, held by generator processes of their own.
 * Timed from the moment the second admin's approval is sent until each desktop has the article
 * (from the push, or from the feed if its cursor had a gap). One hub on SQLite; two hub instances
 * on PostgreSQL (when DATABASE_URL is set), the desktops split between them.
 */
const SIZES = (process.env.BENCH_DESKTOPS ?? '1000,3000,10000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const GENERATORS = Number(process.env.BENCH_GENERATORS ?? 2);
/** `sqlite`, `postgres` or both (PostgreSQL also needs DATABASE_URL): the heavy sizes can be run one backend at a time. */
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',').map((b) => b.trim());

interface Generator {
  proc: ChildProcess;
  next(kind: string): Promise<any>;
  send(msg: unknown): void;
}

function startGenerator(): Generator {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'propagation-desktops.ts')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<string, { resolve: (m: any) => void; reject: (e: Error) => void }>();
  proc.on('message', (m: any) => {
    if (m.kind === 'progress') return console.log(`    generator ${proc.pid}: ${m.count.toLocaleString('en-GB')} of ${m.of.toLocaleString('en-GB')} live links open`);
    if (m.kind === 'error') {
      // Whatever the run waits for will not come: say why now rather than after the time limit.
      console.error(`  generator: ${m.message}`);
      for (const w of waiting.values()) w.reject(new Error(`generator failed: ${m.message}`));
      waiting.clear();
      return;
    }
    waiting.get(m.kind)?.resolve(m);
    waiting.delete(m.kind);
  });
  return {
    proc,
    send: (msg) => proc.send(msg as never),
    next: (kind) =>
      new Promise((resolve, reject) => {
        // Opening ten thousand live links on a busy two-core machine takes minutes, not seconds.
        const timer = setTimeout(() => reject(new Error(`generator gave no ${kind} within 600 s`)), 600_000);
        waiting.set(kind, {
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
      }),
  };
}

/** Desktops as advisors spread over the demo's sites, each with a session of its own, written straight into the hub's tables. */
async function makeSessions(db: Db, n: number): Promise<string[]> {
  const sites = ['site_mcr', 'site_lds', 'site_gla'];
  const now = Date.now();
  const tokens: string[] = [];
  for (let i = 0; i < n; i += 500) {
    const rows = Array.from({ length: Math.min(500, n - i) }, (_, j) => i + j);
    await db.tx(async (q) => {
      const users = rows.map((k) => [`usr_bench_${k}`, `bench.${k}`, `Bench advisor ${k}`, 'advisor', sites[k % 3]!, 'x', now, now]);
      await q.run(
        `INSERT INTO users (id, username, display_name, role, site_id, password_hash, created_at, updated_at) VALUES ${users.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        users.flat(),
      );
      const sessions = rows.map((k) => {
        const token = randomBytes(32).toString('base64url');
        tokens.push(token);
        return [createHash('sha256').update(token).digest('hex'), `usr_bench_${k}`, now, now + 86_400_000, now];
      });
      await q.run(
        `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) VALUES ${sessions.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        sessions.flat(),
      );
    });
  }
  return tokens;
}

async function runBackend(name: string, hubs: Running[], db: Db): Promise<string[][]> {
  const tokens = await makeSessions(db, Math.max(...SIZES));
  const author = (await signInAs(hubs[0]!.url, AUTHOR)).client;
  const reviewer = (await signInAs(hubs[0]!.url, REVIEWER)).client;
  const rows: string[][] = [];
  for (const size of SIZES) {
    const gens = Array.from({ length: GENERATORS }, startGenerator);
    try {
      const cursor = Number((await db.get<{ value: number }>("SELECT value FROM counters WHERE name = 'knowledge'"))!.value);
      const share = Math.ceil(size / GENERATORS);
      const openedAt = Date.now();
      const opened = gens.map((g) => g.next('open'));
      for (const p of opened) p.catch(() => undefined); // the first failure is reported once, below
      gens.forEach((g, i) => g.send({ kind: 'open', hubUrls: hubs.map((h) => h.url), tokens: tokens.slice(i * share, Math.min(size, (i + 1) * share)), cursor }));
      const retried = (await Promise.all(opened)).reduce((n, m: { retried: number }) => n + m.retried, 0);
      console.log(`  ${name}: ${size} live links open in ${((Date.now() - openedAt) / 1000).toFixed(1)} s (${retried} needed a second try)`);
      const latencies: number[] = [];
      let fromFeed = 0;
      const cpu: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const made = await author.post('/api/knowledge/articles', sampleArticle(`Propagation check ${name} ${size} ${round} ${Date.now()}`));
        const id = made.body.entry.id as string;
        await author.post(`/api/knowledge/articles/${id}/submit`);
        const seq = Number((await db.get<{ value: number }>("SELECT value FROM counters WHERE name = 'knowledge'"))!.value) + 1;
        const armed = gens.map((g) => g.next('armed'));
        gens.forEach((g) => g.send({ kind: 'arm', seq }));
        await Promise.all(armed);
        const arrived = gens.map((g) => g.next('arrived'));
        for (const p of arrived) p.catch(() => undefined);
        const t0 = Date.now();
        const approved = await reviewer.post(`/api/knowledge/articles/${id}/review`, { decision: 'approve' });
        if (approved.status !== 200) throw new Error(`approval failed: ${approved.status}`);
        for (const a of await Promise.all(arrived)) {
          latencies.push(...(a.times as number[]).map((t) => t - t0));
          fromFeed += a.fromFeed as number;
          if (round === ROUNDS - 1) cpu.push(`${Math.round((a.cpuMs / Math.max(1, a.wallMs)) * 100)}%`);
        }
      }
      const s = summarise(latencies);
      rows.push([`${name}, ${hubs.length} hub${hubs.length > 1 ? 's' : ''}`, size.toLocaleString('en-GB'), formatMs(s.p50), formatMs(s.p99), formatMs(s.max), String(fromFeed), cpu.join(' / ')]);
      console.log(`  ${name}: ${size} desktops, ${ROUNDS} publications: p50 ${formatMs(s.p50)}, p99 ${formatMs(s.p99)}, max ${formatMs(s.max)}`);
    } finally {
      for (const g of gens) g.send({ kind: 'close' });
      await Promise.all(gens.map((g) => new Promise<void>((r) => (g.proc.exitCode !== null ? r() : g.proc.once('exit', () => r())))));
    }
  }
  return rows;
}

export async function benchPropagation(): Promise<void> {
  const rows: string[][] = [];
  console.log(`  sizes ${SIZES.join(', ')}; backends ${BACKENDS.join(', ')}; ${GENERATORS} generators (BENCH_DESKTOPS, BENCH_BACKENDS, BENCH_GENERATORS, BENCH_ROUNDS)`);
  if (BACKENDS.includes('sqlite')) {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-bench-propagation-'));
    const sqliteHub = await spawnHub({ RAPPORT_DATA_DIR: dataDir, RAPPORT_HUB_PORT: '0', DATABASE_URL: '' });
    const sqlite = openSqlite(join(dataDir, 'hub', 'hub.sqlite'));
    try {
      rows.push(...(await runBackend('SQLite', [sqliteHub], sqlite)));
    } finally {
      await sqlite.close();
      await sqliteHub.stop();
    }
  }
  const url = process.env.DATABASE_URL;
  const postgres = BACKENDS.includes('postgres');
  if (postgres && url) {
    const schema = `bench_propagation_${Date.now().toString(36)}`;
    const env = { DATABASE_URL: url, RAPPORT_PG_SCHEMA: schema, RAPPORT_HUB_PORT: '0' };
    const first = await spawnHub(env); // migrates and seeds before the second starts
    const hubs = [first, await spawnHub(env)];
    const pg = await openPostgres({ url, schema });
    try {
      rows.push(...(await runBackend('PostgreSQL', hubs, pg)));
    } finally {
      await Promise.all(hubs.map((h) => h.stop()));
      await pg.run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pg.close();
    }
  } else if (postgres) {
    console.log('  (PostgreSQL skipped: set DATABASE_URL to measure two hub instances)');
  }
  console.log(`\nA published article reaching every desktop (${ROUNDS} publications per size; ${GENERATORS} generator processes):\n`);
  console.log(formatTable(['backend', 'desktops', 'p50', 'p99', 'max', 'read the feed', 'generator CPU (last round)'], rows));
}
