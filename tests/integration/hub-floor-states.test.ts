import { describe, expect, it } from 'vitest';
import { backends } from '../support/backends';
import { signInAs } from '../support/client';
import { hubPerSuite } from '../support/hub-per-suite';

type Advisor = { userId: string; name: string; state: string; reason: string | null; until: number | null; since: number | null };

for (const backend of backends()) {
  describe(`a supervisor sets an advisor’s state from the floor view on ${backend.name}`, { timeout: 60_000 }, () => {
    const hub = hubPerSuite(backend);
    const idOf = async (username: string) => (await hub().context.db.get<{ id: string }>('SELECT id FROM users WHERE username = ?', [username]))!.id;

    it('sets their own site’s advisor, with a reason, audited and shown on the floor; never another site’s', async () => {
      const supervisor = await signInAs(hub().url, 'supervisor.mcr');
      const advisor = await signInAs(hub().url, 'advisor2.mcr');
      const id = await idOf('advisor2.mcr');
      const before = Date.now();
      const set = await supervisor.client.post(`/api/floor/advisors/${id}/state`, { state: 'protected_pause', reason: 'After an abusive caller', minutes: 10 });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      expect(set.body).toMatchObject({ state: 'protected_pause', reason: 'After an abusive caller' });
      // The advisor's own desk reads the same state; the floor view says who and for how long.
      expect((await advisor.client.get('/api/agent/state')).body).toMatchObject({ state: 'protected_pause', reason: 'After an abusive caller' });
      const floor = ((await supervisor.client.get('/api/telephony/queues')).body.advisors as Advisor[]).find((a) => a.userId === id)!;
      expect(floor.state).toBe('protected_pause');
      expect(floor.until! - before).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
      expect(floor.since!).toBeGreaterThanOrEqual(before - 1000);
      const audited = await hub().context.db.all<{ actor_id: string }>("SELECT actor_id FROM audit_log WHERE action = 'agent.state_changed' AND entity_id = ?", [id]);
      expect(audited.map((a) => a.actor_id)).toContain(supervisor.user.id);

      // A reason is required; a not-ready reason comes from the admin's list.
      expect((await supervisor.client.post(`/api/floor/advisors/${id}/state`, { state: 'break' })).status).toBe(400);
      expect((await supervisor.client.post(`/api/floor/advisors/${id}/state`, { state: 'not_ready', reason: 'Made up' })).status).toBe(400);
      // Another site's advisor, a supervisor, an advisor doing it, an admin: refused.
      expect((await supervisor.client.post(`/api/floor/advisors/${await idOf('advisor1.lds')}/state`, { state: 'break', reason: 'Coaching' })).status).toBe(403);
      const leeds = await signInAs(hub().url, 'supervisor.lds');
      expect((await leeds.client.post(`/api/floor/advisors/${id}/state`, { state: 'ready', reason: 'Back' })).status).toBe(403);
      expect((await advisor.client.post(`/api/floor/advisors/${await idOf('advisor1.mcr')}/state`, { state: 'break', reason: 'Coaching' })).status).toBe(403);
      expect((await supervisor.client.post(`/api/floor/advisors/${await idOf('supervisor.mcr')}/state`, { state: 'break', reason: 'Coaching' })).status).toBe(400);
      expect((await advisor.client.get('/api/agent/state')).body.state).toBe('protected_pause');
    });
  });
}
