import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { listen } from '../support/live';

for (const backend of backends()) {
  describe(`live sockets end when access does, on ${backend.name}`, () => {
    let hub: Hub;
    let admin: Awaited<ReturnType<typeof signInAs>>;
    beforeAll(async () => {
      hub = await testHub(backend, { config: { liveSessionCheckMs: 200 } });
      admin = await signInAs(hub.url, 'admin.mcr');
    });
    afterAll(async () => {
      await hub.close();
      await dropTestSchemas();
    });

    const closedBy = async (username: string, change: () => Promise<unknown>) => {
      const who = await signInAs(hub.url, username);
      const live = await listen(hub.url, who.token);
      const closed = live.closed();
      await change();
      return closed;
    };
    const id = async (username: string) => (await hub.context.db.get<{ id: string }>('SELECT id FROM users WHERE username = ?', [username]))!.id;

    it('closes a disabled person’s socket', async () => {
      const code = await closedBy('advisor3.mcr', async () => admin.client.patch(`/api/users/${await id('advisor3.mcr')}`, { disabled: true }));
      expect(code).toBe(4401);
    });

    it('closes the socket of someone whose password is reset', async () => {
      const code = await closedBy('advisor2.mcr', async () => admin.client.post(`/api/users/${await id('advisor2.mcr')}/password`, { password: 'a-fresh-passphrase-1' }));
      expect(code).toBe(4401);
    });

    it('closes a demoted supervisor’s socket; reconnecting, they hear only what an advisor hears', async () => {
      const sup = await signInAs(hub.url, 'supervisor.gla');
      const live = await listen(hub.url, sup.token);
      const closed = live.closed();
      expect((await admin.client.patch(`/api/users/${await id('supervisor.gla')}`, { role: 'advisor' })).status).toBe(200);
      expect(await closed).toBe(4401);
      const again = await listen(hub.url, sup.token);
      await hub.context.events.publish({ name: 'team.changed', data: { probe: 1 }, audience: { kind: 'site', siteId: 'site_gla', roles: ['supervisor'] } });
      await hub.context.events.publish({ name: 'probe.done', data: {}, audience: { kind: 'user', userId: await id('supervisor.gla') } });
      await again.next('probe.done');
      expect(again.events.map((e) => e.name)).not.toContain('team.changed');
      again.close();
    });

    it('closes a socket when its session expires', async () => {
      const code = await closedBy('advisor1.gla', async () => hub.context.db.run('UPDATE sessions SET expires_at = ? WHERE user_id = ?', [Date.now() - 1, await id('advisor1.gla')]));
      expect(code).toBe(4401);
    });
  });
}
