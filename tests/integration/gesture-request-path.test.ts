import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { budgetOf, customerPool, flowers, hamper, openCase } from '../support/gestures';

type Session = Awaited<ReturnType<typeof signInAs>>;

/**
 * The request path skips work that only matters when a request would otherwise fail (making a
 * month's budget rows, releasing overdue reservations). These prove that work still happens when
 * it is needed, and that the reply matches what was stored.
 */
for (const backend of backends()) {
  describe(`a gesture request's upkeep on ${backend.name}`, () => {
    let hub: Hub;
    let pool: Awaited<ReturnType<typeof customerPool>>;
    let advisor: Session;
    let admin: Session;

    beforeAll(async () => {
      hub = await testHub(backend);
      pool = await customerPool(hub.context.db);
      [advisor, admin] = (await Promise.all(['advisor1.mcr', 'admin.mcr'].map((u) => signInAs(hub.url, u)))) as [Session, Session];
    });
    afterAll(async () => {
      await hub.close();
      await dropTestSchemas();
    });

    it('makes the month’s budget rows when the first request of the month finds none', async () => {
      await hub.context.db.run('DELETE FROM budgets');
      const res = await advisor.client.post('/api/gestures/requests', flowers(await openCase(advisor.client, pool.next()), 2000));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.budget).toMatchObject({ siteId: 'site_mcr', committedPence: 2000, budgetPence: 200000, leftPence: 198000 });
      const rows = await hub.context.db.all<{ month: string }>("SELECT month FROM budgets WHERE site_id = 'site_mcr' ORDER BY month");
      expect(rows).toHaveLength(2);
    });

    it('releases an overdue reservation when the budget would otherwise refuse, and not before', async () => {
      const start = await budgetOf(admin.client, 'site_mcr');
      const budgetPence = start.reservedPence + start.committedPence + 9000;
      expect((await admin.client.put(`/api/gestures/budgets/site_mcr/${start.month}`, { budgetPence })).status).toBe(200);
      const held = await advisor.client.post('/api/gestures/requests', hamper(await openCase(advisor.client, pool.next()), 7000));
      expect(held.status, JSON.stringify(held.body)).toBe(201);
      await hub.context.db.run('UPDATE gesture_requests SET expires_at = ? WHERE id = ?', [Date.now() - 1000, held.body.request.id]);

      // £15 fits beside the overdue £70: nothing needs releasing, so it is left for the next read.
      const small = await advisor.client.post('/api/gestures/requests', flowers(await openCase(advisor.client, pool.next()), 1500));
      expect(small.status).toBe(201);
      const status = async () => (await hub.context.db.get<{ status: string }>('SELECT status FROM gesture_requests WHERE id = ?', [held.body.request.id]))?.status;
      expect(await status()).toBe('pending');

      // £30 does not fit unless the overdue reservation goes: it expires, and the request succeeds.
      const big = await advisor.client.post('/api/gestures/requests', hamper(await openCase(advisor.client, pool.next()), 3000));
      expect(big.status, JSON.stringify(big.body)).toBe(201);
      expect(await status()).toBe('expired');
      expect(big.body.budget.leftPence).toBe(9000 - 1500 - 3000);

      // Nothing left to release: a refusal is still a refusal.
      const over = await advisor.client.post('/api/gestures/requests', hamper(await openCase(advisor.client, pool.next()), 5000));
      expect(over.status).toBe(409);
      expect(over.body.error.code).toBe('budget_exhausted');
    });

    it('replies with exactly what a later read of the request shows', async () => {
      const res = await advisor.client.post('/api/gestures/requests', hamper(await openCase(advisor.client, pool.next()), 4000));
      expect(res.status).toBe(201);
      const read = await advisor.client.get(`/api/gestures/requests/${res.body.request.id}`);
      expect(read.body.request).toEqual(res.body.request);
      const budget = await budgetOf(admin.client, 'site_mcr');
      expect(res.body.budget).toEqual(budget);
    });
  });
}
