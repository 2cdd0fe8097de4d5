import { describe, expect, it } from 'vitest';
import { backends } from '../support/backends';
import { signInAs } from '../support/client';
import { customerPool, hamper, openCase } from '../support/gestures';
import { hubPerSuite } from '../support/hub-per-suite';

for (const backend of backends()) {
  describe(`approvals history on ${backend.name}`, { timeout: 60_000 }, () => {
    const hub = hubPerSuite(backend);

    it('keeps a decided request with who decided, when and why, for its own site only; the pending count follows', async () => {
      const customers = await customerPool(hub().context.db);
      const advisor = await signInAs(hub().url, 'advisor1.mcr');
      const supervisor = await signInAs(hub().url, 'supervisor.mcr');
      const pending = async () => (await supervisor.client.get('/api/overview/team')).body.pendingApprovals as number;
      const before = await pending();
      const asked = await advisor.client.post('/api/gestures/requests', hamper(await openCase(advisor.client, customers.next())));
      expect(asked.status).toBe(201);
      const id = asked.body.request.id as string;
      expect(await pending()).toBe(before + 1);
      expect(((await supervisor.client.get('/api/gestures/decided')).body.gestures as { id: string }[]).some((g) => g.id === id)).toBe(false);

      const at = Date.now();
      expect((await supervisor.client.post(`/api/gestures/requests/${id}/approve`, { reason: 'Second late delivery: fair.' })).status).toBe(200);
      expect(await pending()).toBe(before);
      const decided = (await supervisor.client.get('/api/gestures/decided')).body.gestures as Record<string, unknown>[];
      expect(decided[0]).toMatchObject({ id, status: 'approved', decidedByName: 'Priya Shah', decisionReason: 'Second late delivery: fair.' });
      expect(decided[0]!.decidedAt as number).toBeGreaterThanOrEqual(at - 1000);

      // Another site's supervisor never sees it; a head of service sees every site's, or one site's.
      const glasgow = await signInAs(hub().url, 'supervisor.gla');
      expect(((await glasgow.client.get('/api/gestures/decided')).body.gestures as { id: string }[]).some((g) => g.id === id)).toBe(false);
      const head = await signInAs(hub().url, 'head.mcr');
      expect(((await head.client.get('/api/gestures/decided')).body.gestures as { id: string }[]).some((g) => g.id === id)).toBe(true);
      expect(((await head.client.get('/api/gestures/decided?siteId=site_gla')).body.gestures as { id: string }[]).some((g) => g.id === id)).toBe(false);
      expect((await advisor.client.get('/api/gestures/decided')).status).toBe(403);
    });
  });
}
