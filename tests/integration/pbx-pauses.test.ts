import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { connectPbx } from '../../server/telephony/pbx-config';
import type { AmiTestServer, Chunking } from '../support/ami-server';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { listen } from '../support/live';
import { capturedPbx, configurePbx, until } from '../support/pbx';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** One hub per backend (starting one takes seconds); each test gives it a PBX of its own and a clean floor. */
let shared: Hub;
async function setup(_backend: unknown, pbx: AmiTestServer) {
  const hub = shared;
  await hub.context.db.run('DELETE FROM agent_states');
  await hub.context.db.run('DELETE FROM pbx_connections');
  await connectPbx(hub.context);
  cleanup.push(() => pbx.close());
  const port = await pbx.start();
  return { hub, port };
}

const states = (events: { name: string; data: any }[]) => events.filter((e) => e.name === 'agent.state').map((e) => `${e.data.state}${e.data.reason ? ` (${e.data.reason})` : ''}`);

for (const backend of backends()) {
  describe(`pauses at the PBX on ${backend.name}, replayed from the real captures`, () => {
    beforeAll(async () => {
      shared = await testHub(backend, { config: { pbx: { reconnect: { minMs: 20, maxMs: 100 } } } });
    });
    afterAll(async () => {
      await shared.close();
      await dropTestSchemas();
    });
    it.each(['whole', 'every-byte'] satisfies Chunking[])('a pause made at the PBX shows on the advisor’s desk at once, and its end too (%s)', async (chunking) => {
      const pbx = capturedPbx('pbx-side-pause', { chunking, replayConnections: 1 });
      const { hub, port } = await setup(backend, pbx);
      const advisor = await signInAs(hub.url, 'advisor1.mcr');
      const supervisor = await signInAs(hub.url, 'supervisor.mcr');
      const desk = await listen(hub.url, advisor.token);
      const floor = await listen(hub.url, supervisor.token);
      cleanup.push(() => desk.close(), () => floor.close());
      await configurePbx(hub, port);
      await until(() => states(desk.events).length >= 2, 'pause and unpause followed');
      expect(states(desk.events)).toEqual(['not_ready (Lunch (set at the PBX))', 'ready']);
      // One QueueMemberPause per queue (funeralcare, membership): followed once each way.
      await until(() => floor.events.filter((e) => e.name === 'team.changed').length >= 2, 'the supervisor’s floor view');
      expect(floor.events.filter((e) => e.name === 'team.changed').map((e) => e.data.state)).toEqual(['not_ready', 'ready']);
      expect((await advisor.client.get('/api/agent/state')).body.state).toBe('ready');
      expect(desk.events.some((e) => e.name === 'agent.pause_cut_short')).toBe(false);
      // The advisor was ready: Rapport had no pause of its own to reapply.
      expect(pbx.actions.filter((a) => a.get('Action') === 'QueuePause')).toEqual([]);
    });

    it('a protected pause is reapplied on connecting, and when the PBX cuts it short the advisor and their supervisor are told', async () => {
      const pbx = capturedPbx('pbx-side-pause', { replayConnections: 1 });
      const { hub, port } = await setup(backend, pbx);
      const advisor = await signInAs(hub.url, 'advisor1.mcr');
      expect((await advisor.client.post('/api/agent/state', { state: 'protected_pause', minutes: 10 })).status).toBe(200);
      const supervisor = await signInAs(hub.url, 'supervisor.mcr');
      const otherSite = await signInAs(hub.url, 'supervisor.lds');
      const desk = await listen(hub.url, advisor.token);
      const floor = await listen(hub.url, supervisor.token);
      const elsewhere = await listen(hub.url, otherSite.token);
      cleanup.push(() => desk.close(), () => floor.close(), () => elsewhere.close());
      await configurePbx(hub, port);
      const cut = await desk.next('agent.pause_cut_short', 20_000);
      expect(cut.data).toMatchObject({ userId: 'usr_advisor1_mcr', extension: '1001', reason: 'Protected pause after a difficult call' });
      expect((await floor.next('agent.pause_cut_short')).data.userId).toBe('usr_advisor1_mcr');
      const reapplied = pbx.actions.find((a) => a.get('Action') === 'QueuePause');
      expect(reapplied?.get('Interface')).toBe('Local/1001@agents/n');
      expect(reapplied?.get('Paused')).toBe('true');
      // The PBX's own pause (echo of Rapport's) changed nothing; its unpause made the advisor ready.
      expect(states(desk.events)).toEqual(['ready']);
      expect((await advisor.client.get('/api/agent/state')).body.state).toBe('ready');
      expect(elsewhere.events.some((e) => e.name === 'agent.pause_cut_short')).toBe(false);
      const audit = await hub.context.db.all<{ entity_id: string }>("SELECT entity_id FROM audit_log WHERE action = 'agent.protected_pause_cut_short'");
      expect(audit).toEqual([{ entity_id: 'usr_advisor1_mcr' }]);
    });

    it('a state change the PBX cannot take is refused with 503 and not accepted; a refusal by the PBX is a 422 with its words', async () => {
      const pbx = capturedPbx('pbx-side-pause', {
        replay: false,
        onAction: (a) => (a.get('Action') === 'QueuePause' && a.get('Interface')?.includes('1002') ? { error: 'Interface not found' } : undefined),
      });
      const { hub, port } = await setup(backend, pbx);
      await configurePbx(hub, port);
      await until(() => hub.context.telephony?.connected, 'connected');
      const refused = await (await signInAs(hub.url, 'advisor2.mcr')).client.post('/api/agent/state', { state: 'break' });
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toContain('Interface not found');
      const advisor = await signInAs(hub.url, 'advisor1.mcr');
      await pbx.close();
      await until(() => !hub.context.telephony?.connected, 'the PBX gone');
      const r = await advisor.client.post('/api/agent/state', { state: 'break', reason: 'Coffee' });
      expect(r.status).toBe(503);
      expect(r.body.error.code).toBe('pbx_unavailable');
      expect(r.headers.get('retry-after')).toBe('5');
      expect((await advisor.client.get('/api/agent/state')).body.state).toBe('ready');
      const status = await advisor.client.get('/api/telephony/status');
      expect(status.body).toMatchObject({ configured: true, connected: false, state: 'disconnected' });
    });
  });
}
