import { afterAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { dropTestSchemas, postgresBackend, sqliteBackend, testHub } from '../support/backends';
import { hubClient, signInAs } from '../support/client';
import { donation, openCase } from '../support/gestures';
import { spawnHub, type Running } from '../support/processes';

const CUSTOMER = 'cus_000321';
const CAP_PENCE = 10_000; // the seed's customer cap
const PER_SITE = 20;
const ADVISORS = { mcr: ['advisor1.mcr', 'advisor2.mcr', 'advisor3.mcr'], lds: ['advisor1.lds', 'advisor2.lds', 'advisor3.lds'] };

/**
 * One customer's 12-month cap, asked for from two sites at once (each site's own budget row, so only
 * the customer's lock stands between them): the cap is never passed, and never needlessly refused.
 */
async function capRace(urls: string[]) {
  const people = await Promise.all(
    [...ADVISORS.mcr, ...ADVISORS.lds].map(async (u, i) => {
      const { token } = await signInAs(urls[0]!, u);
      return hubClient(urls[i % urls.length]!, token);
    }),
  );
  const asks = Array.from({ length: PER_SITE * 2 }, (_, i) => ({ client: people[i % people.length]!, amount: 1000 + ((i * 37) % 16) * 100 }));
  const cases = await Promise.all(asks.map((a) => openCase(a.client, CUSTOMER)));
  const replies = await Promise.all(
    asks.map(async (a, i) => {
      const res = await a.client.post('/api/gestures/requests', donation(cases[i]!, a.amount));
      return { amount: a.amount, status: res.status, code: res.body?.error?.code as string | undefined };
    }),
  );
  const accepted = replies.filter((r) => r.status === 201);
  const refused = replies.filter((r) => r.status === 409);
  expect(replies.filter((r) => r.status !== 201 && r.status !== 409)).toEqual([]);
  expect(new Set(refused.map((r) => r.code))).toEqual(new Set(['customer_cap_reached']));
  const spent = accepted.reduce((s, r) => s + r.amount, 0);
  expect(spent).toBeLessThanOrEqual(CAP_PENCE);
  expect(CAP_PENCE - spent).toBeLessThan(Math.min(...refused.map((r) => r.amount)));
  const history = await people[0]!.get(`/api/customers/${CUSTOMER}/gestures`);
  expect(history.status).toBe(200);
  expect(history.body.gestures.length).toBe(accepted.length);
  expect(history.body.usedPence).toBe(spent);
}

describe('one customer’s cap, asked for from two sites at once', () => {
  let hub: Hub | undefined;
  const spawned: Running[] = [];
  afterAll(async () => {
    await hub?.close();
    await Promise.all(spawned.map((h) => h.stop()));
    await dropTestSchemas();
  });

  it('on SQLite is never passed', { timeout: 60_000 }, async () => {
    hub = await testHub(sqliteBackend);
    await capRace([hub.url]);
  });

  const url = process.env.DATABASE_URL;
  it.skipIf(!url)('on PostgreSQL with two hub processes on one schema is never passed either', { timeout: 120_000 }, async () => {
    const { pgSchema } = await postgresBackend(url!).fresh();
    const env = { DATABASE_URL: url!, RAPPORT_PG_SCHEMA: pgSchema!, RAPPORT_HUB_PORT: '0' };
    spawned.push(await spawnHub(env));
    spawned.push(await spawnHub(env));
    await capRace(spawned.map((h) => h.url));
  });
});
