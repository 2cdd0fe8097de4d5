import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { AmiTestServer } from '../support/ami-server';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { listen } from '../support/live';

const answered = new URL('../fixtures/ami/answered-call.server.txt', import.meta.url);
const CALL = '1795332381.0'; // the Linkedid of the captured call

for (const backend of backends()) {
  describe(`the hub's telephony gateway on ${backend.name}, against a server speaking AMI`, () => {
    let hub: Hub;
    let pbx: AmiTestServer;
    beforeAll(async () => {
      hub = await testHub(backend);
      pbx = new AmiTestServer({ transcript: answered, username: 'rapport', secret: 's3cret-ami' });
    });
    afterAll(async () => {
      await hub.close();
      await pbx.close();
      await dropTestSchemas();
    });

    it('relays a real captured call to the answering advisor only, and never sends the secret back', async () => {
      const port = await pbx.start();
      const advisor = await signInAs(hub.url, 'advisor1.mcr'); // extension 1001, the captured queue member
      const other = await signInAs(hub.url, 'advisor2.mcr');
      const mine = await listen(hub.url, advisor.token);
      const theirs = await listen(hub.url, other.token);
      const admin = await signInAs(hub.url, 'admin.mcr');
      const configured = await admin.client.put('/api/telephony/pbx', {
        host: '127.0.0.1',
        port,
        username: 'rapport',
        secret: 's3cret-ami',
        interfaceTemplate: 'Local/{ext}@agents/n',
        dialContext: 'from-rapport',
      });
      expect(configured.status).toBe(200);
      expect(JSON.stringify(configured.body)).not.toContain('s3cret-ami');
      const ended = await mine.next('call.signal', 8000).then(async () => {
        for (;;) {
          const e = mine.events.find((x) => x.name === 'call.signal' && x.data.kind === 'ended');
          if (e) return e;
          await new Promise((r) => setTimeout(r, 50));
        }
      });
      const kinds = mine.events.filter((e) => e.name === 'call.signal').map((e) => e.data.kind);
      expect(kinds).toEqual(['offered', 'connected', 'ended']);
      const offered = mine.events.find((e) => e.data.kind === 'offered')!.data;
      expect(offered).toMatchObject({ callId: CALL, from: '07700900123', queue: 'funeralcare', attached: { IVR_INTENT: 'funeralcare', MEMBER_NO: '100200300' } });
      expect(ended.data).toMatchObject({ by: 'agent' });
      expect(theirs.events.filter((e) => e.name === 'call.signal')).toEqual([]);
      const view = await admin.client.get('/api/telephony/pbx');
      expect(view.body).toMatchObject({ configured: true, connected: true, hasSecret: true });
      expect(view.body).not.toHaveProperty('secret');
      mine.close();
      theirs.close();
    });

    it('carries out an advisor’s action on their own call, and refuses and audits one on someone else’s', async () => {
      const advisor = await signInAs(hub.url, 'advisor1.mcr');
      const ok = await advisor.client.post(`/api/telephony/calls/${CALL}/hangup`, {});
      expect(ok.status).toBe(200);
      const hangup = pbx.actions.find((a) => a.get('Action') === 'Hangup')!;
      expect(hangup.get('Channel')).toMatch(/^Local\/1001@agents-/);

      const intruder = await signInAs(hub.url, 'advisor2.mcr');
      const refused = await intruder.client.post(`/api/telephony/calls/${CALL}/transfer`, { target: 'food' });
      expect(refused.status).toBe(403);
      expect(pbx.actions.some((a) => a.get('Action') === 'Redirect')).toBe(false);
      const audit = await hub.context.db.all<{ actor_id: string; entity_id: string }>("SELECT actor_id, entity_id FROM audit_log WHERE action = 'call.action_refused'");
      expect(audit).toEqual([{ actor_id: 'usr_advisor2_mcr', entity_id: CALL }]);
    });

    it('keeps the PBX in step with the advisor’s state through QueuePause, and a protected pause ends by itself', async () => {
      const advisor = await signInAs(hub.url, 'advisor1.mcr');
      const pause = await advisor.client.post('/api/agent/state', { state: 'protected_pause', minutes: 5 });
      expect(pause.body).toMatchObject({ state: 'protected_pause' });
      const paused = pbx.actions.filter((a) => a.get('Action') === 'QueuePause').at(-1)!;
      expect(paused.get('Interface')).toBe('Local/1001@agents/n');
      expect(paused.get('Paused')).toBe('true');
      // Pretend the five minutes have passed.
      await hub.context.db.run('UPDATE agent_states SET until_at = ? WHERE user_id = ?', [Date.now() - 1, 'usr_advisor1_mcr']);
      const { endExpiredPauses } = await import('../../server/telephony/agent-states');
      expect(await endExpiredPauses(hub.context)).toBe(1);
      const unpaused = pbx.actions.filter((a) => a.get('Action') === 'QueuePause').at(-1)!;
      expect(unpaused.get('Paused')).toBe('false');
      expect((await advisor.client.get('/api/agent/state')).body.state).toBe('ready');
    });

    it('shows supervisors their advisors by state', async () => {
      const sup = await signInAs(hub.url, 'supervisor.mcr');
      const live = await sup.client.get('/api/telephony/queues');
      expect(live.status).toBe(200);
      expect(live.body.connected).toBe(true);
      expect(live.body.advisors.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['Amira Hussain', 'Ben Walsh']));
    });
  });
}
