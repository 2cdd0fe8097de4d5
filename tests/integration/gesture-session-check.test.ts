import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { hubClient, signInAs } from '../support/client';
import { customerPool, flowers, openCase } from '../support/gestures';

/**
 * A gesture request may be answered on a session its hub saw lately (the session is checked inside
 * the request's transaction instead of read before it). A session signed out, disabled or changed
 * anywhere is still refused at once: on another hub, and even when nothing told this hub.
 */
for (const backend of backends()) {
  describe(`a gesture request on a session this hub saw lately, on ${backend.name}`, () => {
    let one: Hub;
    let two: Hub;
    let pool: Awaited<ReturnType<typeof customerPool>>;
    beforeAll(async () => {
      const opts = await backend.fresh();
      one = await testHub(backend, opts);
      two = await testHub(backend, opts);
      pool = await customerPool(one.context.db);
    });
    afterAll(async () => {
      await two.close();
      await one.close();
      await dropTestSchemas();
    });

    /** An advisor whose session hub one has just used for a gesture request. */
    const seenAdvisor = async (username: string) => {
      const who = await signInAs(one.url, username);
      const caseId = await openCase(who.client, pool.next());
      expect((await who.client.post('/api/gestures/requests', flowers(caseId))).status).toBe(201);
      return { ...who, caseId };
    };
    const written = async (key: string) =>
      Number((await one.context.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM gesture_requests WHERE idempotency_key = ?', [key]))!.n);
    const idOf = async (username: string) => (await one.context.db.get<{ id: string }>('SELECT id FROM users WHERE username = ?', [username]))!.id;

    it('refuses at once a session signed out on the other hub', async () => {
      const advisor = await seenAdvisor('advisor1.mcr');
      expect((await hubClient(two.url, advisor.token).del('/api/session')).status).toBe(204);
      const body = flowers(advisor.caseId);
      const res = await advisor.client.post('/api/gestures/requests', body);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('signed_out');
      expect(await written(body.idempotencyKey)).toBe(0);
    });

    it('refuses at once a session ended where no hub heard of it', async () => {
      const advisor = await seenAdvisor('advisor2.mcr');
      await two.context.db.run('DELETE FROM sessions WHERE user_id = ?', [await idOf('advisor2.mcr')]);
      const body = flowers(advisor.caseId);
      expect((await advisor.client.post('/api/gestures/requests', body)).status).toBe(401);
      expect(await written(body.idempotencyKey)).toBe(0);
      // Who you are still comes before whether the request is well formed.
      expect((await advisor.client.post('/api/gestures/requests', { ...body, amountPence: 'lots' })).status).toBe(401);
    });

    it('refuses at once a person disabled where no hub heard of it', async () => {
      const advisor = await seenAdvisor('advisor3.mcr');
      await two.context.db.run('UPDATE users SET disabled = 1 WHERE username = ?', ['advisor3.mcr']);
      const body = flowers(advisor.caseId);
      expect((await advisor.client.post('/api/gestures/requests', body)).status).toBe(401);
      expect(await written(body.idempotencyKey)).toBe(0);
    });

    it('answers as the person is now when their role changed where no hub heard of it', async () => {
      const advisor = await seenAdvisor('advisor1.lds');
      await two.context.db.run("UPDATE users SET role = 'site_admin' WHERE username = ?", ['advisor1.lds']);
      const body = flowers(advisor.caseId);
      const res = await advisor.client.post('/api/gestures/requests', body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(await written(body.idempotencyKey)).toBe(0);
    });

    it('keeps answering a session that is still good, on either hub', async () => {
      const advisor = await seenAdvisor('advisor2.lds');
      for (const url of [one.url, two.url, one.url]) {
        const res = await hubClient(url, advisor.token).post('/api/gestures/requests', flowers(advisor.caseId));
        expect(res.status).toBe(201);
        expect(res.body.request.requestedByName).toBeTruthy();
      }
    });
  });
}
