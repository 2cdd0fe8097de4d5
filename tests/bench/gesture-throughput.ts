import { mkdtempSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openSqlite } from '../../server/db/sqlite';
import { signInAs } from '../support/client';
import { spawnHub, type Running } from '../support/processes';
import { formatMs, machineLoad, summarise } from './stats';

/**
 * Gesture requests per second the hub sustains while p99 stays under 50 ms, on SQLite (one hub) and on
 * PostgreSQL (one hub, then two on one schema). The hubs run as their own processes, as in production;
 * this process is only the load generator: closed-loop clients at rising concurrency over kept-alive
 * connections, each request a real approval-at-once (within the advisor limit) that checks the cap and
 * moves budget in one transaction. "1 at once" is the latency of a single request with nothing queued.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LEVELS = (process.env.BENCH_LEVELS ?? "1,2,4,8,16,32").split(",").map(Number);

interface Setup {
  name: string;
  hubs: number;
  env: () => Record<string, string>;
  customers: (env: Record<string, string>) => Promise<string[]>;
  cleanUp: (env: Record<string, string>) => Promise<void>;
}

const PLAIN = 'SELECT id FROM customers WHERE bereaved = 0 ORDER BY id LIMIT 200';

function setups(): Setup[] {
  const sqlite: Setup = {
    name: 'SQLite',
    hubs: 1,
    env: () => ({ DATABASE_URL: '', RAPPORT_DATA_DIR: mkdtempSync(join(tmpdir(), 'rapport-bench-g-')) }),
    async customers(env) {
      const db = openSqlite(join(env.RAPPORT_DATA_DIR!, 'hub', 'hub.sqlite'));
      try {
        return (await db.all<{ id: string }>(PLAIN)).map((r) => r.id);
      } finally {
        await db.close();
      }
    },
    cleanUp: async () => undefined,
  };
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('  · DATABASE_URL is not set: PostgreSQL is skipped (set it to measure both)');
    return [sqlite];
  }
  const onSchema = async <T>(schema: string, work: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`SET search_path = ${schema}`);
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const postgres = (hubs: number): Setup => ({
    name: hubs === 1 ? 'PostgreSQL, one hub' : `PostgreSQL, ${hubs} hubs`,
    hubs,
    env: () => ({ DATABASE_URL: url, RAPPORT_PG_SCHEMA: `bench_${Date.now().toString(36)}_${hubs}` }),
    customers: (env) => onSchema(env.RAPPORT_PG_SCHEMA!, async (c) => (await c.query<{ id: string }>(PLAIN)).rows.map((r) => r.id)),
    cleanUp: (env) => onSchema('public', async (c) => void (await c.query(`DROP SCHEMA IF EXISTS ${env.RAPPORT_PG_SCHEMA} CASCADE`))),
  });
  return [sqlite, postgres(1), postgres(2)];
}

/** A lean JSON POST over a kept-alive connection, so the figures are the hub's and not a client's. */
function poster(base: string, token: string, agent: Agent) {
  const { hostname, port } = new URL(base);
  return (path: string, body: unknown) =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const payload = JSON.stringify(body);
      const req = request(
        { hostname, port, path, method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
}

type Post = ReturnType<typeof poster>;

/**
 * CPU time the hub processes have used so far, in ms (Linux /proc; NaN elsewhere). Divided by the
 * requests served it is a figure a busy machine does not distort the way it distorts latency.
 */
function hubCpuMs(pids: number[]): number {
  try {
    const tick = 10; // USER_HZ is 100 on Linux
    return pids.reduce((sum, pid) => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) * tick;
    }, 0);
  } catch {
    return Number.NaN;
  }
}

async function prepare(urls: string[], customers: string[]) {
  const admin = await signInAs(urls[0]!, 'admin.mcr');
  const month = new Date().toISOString().slice(0, 7);
  await admin.client.put('/api/gestures/settings', { customerCapPence: 100_000_000 });
  await admin.client.put(`/api/gestures/budgets/site_mcr/${month}`, { budgetPence: 100_000_000 });
  const advisors = await Promise.all(['advisor1.mcr', 'advisor2.mcr', 'advisor3.mcr'].map((u) => signInAs(urls[0]!, u)));
  const cases: string[] = [];
  for (let i = 0; i < customers.length; i++) {
    const res = await advisors[i % 3]!.client.post('/api/cases', { customerId: customers[i], channel: 'phone', line: 'food', subject: 'Late delivery' });
    cases.push(res.body.case.id);
  }
  return { tokens: advisors.map((a) => a.token), cases };
}

async function level(urls: string[], pids: number[], ctx: Awaited<ReturnType<typeof prepare>>, concurrency: number) {
  const cpuBefore = hubCpuMs(pids);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  // Client w talks to hub w mod hubs as advisor w mod 3: with two hubs, half the load goes to each.
  const posts: Post[] = Array.from({ length: concurrency }, (_, w) => poster(urls[w % urls.length]!, ctx.tokens[w % 3]!, agent));
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  let n = 0;
  await Promise.all(
    posts.map(async (post) => {
      while (performance.now() < end) {
        const i = n++;
        const t0 = performance.now();
        const res = await post('/api/gestures/requests', {
          idempotencyKey: `bench-${randomUUID()}`,
          caseId: ctx.cases[i % ctx.cases.length],
          itemId: 'bunch-of-flowers',
          amountPence: 1500,
          personalisation: { recipientName: 'Jo Bloggs', deliveryAddress: '1 High Street, Manchester M1 1AA' },
          message: 'We are sorry your delivery let you down.',
          reasonCode: 'delivery_problem',
          reason: 'Delivery two hours late',
        });
        latencies.push(performance.now() - t0);
        if (res.status !== 201) errors++;
      }
    }),
  );
  agent.destroy();
  const hubCpuPerRequest = (hubCpuMs(pids) - cpuBefore) / latencies.length;
  return { concurrency, perSecond: latencies.length / SECONDS, ...summarise(latencies), errors, hubCpuPerRequest };
}

type Level = Awaited<ReturnType<typeof level>>;

export async function benchGestureThroughput(): Promise<Record<string, { oneAtOnce: Level; best: Level | null }>> {
  const out: Record<string, { oneAtOnce: Level; best: Level | null }> = {};
  for (const setup of setups()) {
    const env = setup.env();
    const hubs: Running[] = [];
    try {
      for (let h = 0; h < setup.hubs; h++) hubs.push(await spawnHub({ ...env, RAPPORT_HUB_PORT: '0' }));
      const urls = hubs.map((h) => h.url);
      const ctx = await prepare(urls, await setup.customers(env));
      console.log(`  · ${setup.name}: ${machineLoad()}`);
      let best: Level | null = null;
      let oneAtOnce: Level | null = null;
      for (const c of LEVELS) {
        const r = await level(urls, hubs.map((h) => h.proc.pid!), ctx, c);
        oneAtOnce ??= r;
        console.log(`  · ${setup.name}, ${String(c).padStart(2)} at once: ${r.perSecond.toFixed(0).padStart(5)} requests/s, p50 ${formatMs(r.p50)}, p99 ${formatMs(r.p99)}, hub CPU ${formatMs(r.hubCpuPerRequest)}/request${r.errors ? `, ${r.errors} not 201` : ''}`);
        if (r.p99 < 50 && r.errors === 0 && (!best || r.perSecond > best.perSecond)) best = r;
      }
      out[setup.name] = { oneAtOnce: oneAtOnce!, best };
      console.log(
        `  → ${setup.name}: one at a time p50 ${formatMs(oneAtOnce!.p50)} (target ≤ 3 ms); ` +
          `${best ? `${best.perSecond.toFixed(0)} gesture requests/s with p99 ${formatMs(best.p99)} (${best.concurrency} at once)` : 'no level kept p99 under 50 ms'}; ${machineLoad()}`,
      );
    } finally {
      for (const h of hubs) await h.stop();
      await setup.cleanUp(env).catch(() => undefined);
    }
  }
  return out;
}
