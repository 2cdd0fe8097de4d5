import { afterAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { dropTestSchemas, postgresBackend, sqliteBackend, testHub } from '../support/backends';
import { hubClient, signInAs } from '../support/client';
import { budgetOf, donation } from '../support/gestures';
import { spawnHub, type Running } from '../support/processes';

const REQUESTS = 200;
const LEFT_AT_START = 60_000;
const REQUESTERS = ['advisor1.lds', 'advisor2.lds', 'advisor3.lds', 'supervisor.lds'];

/**
 * The last £600 of a partner site's month, asked for 200 times at once (£10 to £100 each, some
 * approved at once, most reserving while they wait). The budget must end neither overspent nor
 * needlessly short: what is left must be less than the smallest request that was refused.
 */
async function race(urls: string[]) {
  const admin = await signInAs(urls[0]!, 'admin.lds');
  const tokens = await Promise.all(REQUESTERS.map(async (u) => (await signInAs(urls[0]!, u)).token));
  // Sessions live in the database, so one token works on every hub instance.
  const clients = urls.flatMap((url) => tokens.map((t) => hubClient(url, t)));

  const caseIds: string[] = [];
  for (let i = 0; i < REQUESTS; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, REQUESTS - i) }, (_, k) => {
        const customerId = `cus_${String(i + k + 1).padStart(6, '0')}`;
        return clients[(i + k) % clients.length]!.post('/api/cases', { customerId, channel: 'phone', line: 'food', subject: 'Order problem' });
      }),
    );
    caseIds.push(...batch.map((r) => r.body.case.id as string));
  }

  const start = await budgetOf(admin.client, 'site_lds');
  const budgetPence = start.reservedPence + start.committedPence + LEFT_AT_START;
  const set = await admin.client.put(`/api/gestures/budgets/site_lds/${start.month}`, { budgetPence });
  expect(set.status).toBe(200);

  const amounts = caseIds.map((_, i) => 1000 + ((i * 7919) % 91) * 100);
  const began = Date.now();
  const replies = await Promise.all(
    caseIds.map(async (caseId, i) => {
      const client = clients[i % clients.length]!;
      const res = await Promise.race([
        client.post('/api/gestures/requests', donation(caseId, amounts[i]!)),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`request ${i} hung`)), 60_000)),
      ]);
      return { amount: amounts[i]!, status: res.status, body: res.body };
    }),
  );
  const elapsedMs = Date.now() - began;

  const accepted = replies.filter((r) => r.status === 201);
  const refused = replies.filter((r) => r.status === 409 || r.status === 422);
  const strays = replies.filter((r) => !accepted.includes(r) && !refused.includes(r));
  expect(strays.map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
  for (const r of accepted) expect(['approved', 'pending']).toContain(r.body.request.status);
  for (const r of refused) expect(r.body.error.code).toBe('budget_exhausted');

  const end = await budgetOf(admin.client, 'site_lds');
  const spent = end.reservedPence + end.committedPence;
  const acceptedPence = accepted.reduce((s, r) => s + r.amount, 0);
  const smallestRefused = Math.min(...refused.map((r) => r.amount));
  expect(end.budgetPence).toBe(budgetPence);
  expect(spent).toBeLessThanOrEqual(budgetPence);
  expect(spent - start.reservedPence - start.committedPence).toBe(acceptedPence);
  expect(refused.length).toBeGreaterThan(0);
  expect(end.leftPence).toBeLessThan(smallestRefused);
  const report = await admin.client.get(`/api/gestures/report?from=${start.month}&to=${start.month}`);
  const lds = report.body.report.sites.find((s: { siteId: string }) => s.siteId === 'site_lds');
  expect(lds.requests).toBe(accepted.length);

  const figures = {
    hubs: urls.length,
    requests: REQUESTS,
    accepted: accepted.length,
    approvedAtOnce: accepted.filter((r) => r.body.request.status === 'approved').length,
    pending: accepted.filter((r) => r.body.request.status === 'pending').length,
    refused: refused.length,
    leftPence: end.leftPence,
    smallestRefusedPence: smallestRefused,
    elapsedMs,
  };
  console.log('[gesture race]', JSON.stringify(figures));
  return figures;
}

describe('the last of a budget, asked for 200 times at once', () => {
  let hub: Hub | undefined;
  const spawned: Running[] = [];
  afterAll(async () => {
    await hub?.close();
    await Promise.all(spawned.map((h) => h.stop()));
    await dropTestSchemas();
  });

  it('on SQLite (one hub) is never overspent and never needlessly refused', { timeout: 120_000 }, async () => {
    hub = await testHub(sqliteBackend);
    const figures = await race([hub.url]);
    expect(figures.accepted).toBeGreaterThan(0);
  });

  const url = process.env.DATABASE_URL;
  it.skipIf(!url)('on PostgreSQL with two hub processes on one schema is never overspent either', { timeout: 180_000 }, async () => {
    const { pgSchema } = await postgresBackend(url!).fresh();
    const env = { DATABASE_URL: url!, RAPPORT_PG_SCHEMA: pgSchema!, RAPPORT_HUB_PORT: '0' };
    // One starts first so the schema is migrated and seeded once, then the second joins it.
    spawned.push(await spawnHub(env));
    spawned.push(await spawnHub(env));
    const figures = await race(spawned.map((h) => h.url));
    expect(figures.hubs).toBe(2);
  });
});
