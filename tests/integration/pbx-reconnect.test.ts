import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../electron/core/core';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import type { AmiGateway } from '../../server/telephony/ami-gateway';
import { connectPbx } from '../../server/telephony/pbx-config';
import type { AmiTestServer } from '../support/ami-server';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { listen } from '../support/live';
import { capturedPbx, configurePbx, until } from '../support/pbx';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

let hub: Hub;
async function fresh(pbx: AmiTestServer, port = 0) {
  await hub.context.db.run('DELETE FROM agent_states');
  await hub.context.db.run('DELETE FROM pbx_connections');
  await connectPbx(hub.context);
  cleanup.push(() => pbx.close());
  return pbx.start(port);
}

const signals = (events: { name: string; data: any }[]) => events.filter((e) => e.name === 'call.signal').map((e) => `${e.data.kind}${e.data.cause ? ` ${e.data.cause}` : ''}`);

for (const backend of backends()) {
  describe(`reconciling with the PBX on every (re)connect, on ${backend.name}`, () => {
    beforeAll(async () => {
      hub = await testHub(backend, { config: { pbx: { reconnect: { minMs: 20, maxMs: 200 } } } });
    });
    afterAll(async () => {
      await hub.close();
      await dropTestSchemas();
    });

    it('after a PBX restart that forgot every pause, Rapport pauses its advisors again; everyone hears the link go and come back', async () => {
      const before = capturedPbx('pbx-restart', { closeAfterReplay: true, replayConnections: 1 });
      const advisor2 = await signInAs(hub.url, 'advisor2.mcr');
      const port = await fresh(before);
      expect((await advisor2.client.post('/api/agent/state', { state: 'break', reason: 'Break' })).status).toBe(200);
      const watcher = await listen(hub.url, (await signInAs(hub.url, 'advisor1.mcr')).token);
      cleanup.push(() => watcher.close());
      await configurePbx(hub, port);
      await until(() => before.actions.some((a) => a.get('Action') === 'QueuePause'), 'pause reapplied on connecting');
      await until(() => watcher.events.some((e) => e.name === 'telephony.status' && e.data.cause === 'shutting_down'), 'the shutdown heard');
      await before.close();
      await until(() => hub.context.telephony?.status().cause === 'unreachable', 'Asterisk stopped');
      const after = capturedPbx('pbx-restart-back', { lists: { QueueStatus: 'queuestatus-1' } });
      cleanup.push(() => after.close());
      await after.start(port);
      await until(() => hub.context.telephony?.connected, 'back on the restarted PBX');
      const report = await (hub.context.telephony as AmiGateway).lastReconcile;
      expect(report?.pausesReapplied).toEqual(['1002']);
      const pause = after.actions.find((a) => a.get('Action') === 'QueuePause')!;
      expect([pause.get('Interface'), pause.get('Paused'), pause.get('Reason')]).toEqual(['Local/1002@agents/n', 'true', 'Break']);
      // The restarted PBX listed everyone unpaused: that is the forgetting, not a change to follow.
      expect((await advisor2.client.get('/api/agent/state')).body).toMatchObject({ state: 'break', reason: 'Break' });
      const link = watcher.events.filter((e) => e.name === 'telephony.status').map((e) => `${e.data.state}${e.data.cause ? ` ${e.data.cause}` : ''}`);
      expect(link[0]).toBe('connected');
      expect(link).toContain('disconnected shutting_down');
      expect(link.at(-1)).toBe('connected');
      // The call connected before the stop finished normally on the way down.
      expect(signals(watcher.events)).toEqual(['offered', 'connected', 'ended normal']);
    });

    it('a call ringing when the link dropped, gone when it came back, ends on the desk and reaches history', async () => {
      const pbx = capturedPbx('answered-call', { replayConnections: 1 });
      pbx.options.dropAfterEvent = pbx.eventIndex((f) => f.startsWith('Event: AgentCalled')) + 1;
      const port = await fresh(pbx);
      const core = new DesktopCore({ dataDir: mkdtempSync(join(tmpdir(), 'rapport-desk-')), hubUrl: hub.url, wrapUpSeconds: 60 });
      cleanup.push(() => core.stop());
      await core.signIn({ username: 'advisor1.mcr', password: DEMO_PASSWORD });
      const desk = core.requireSignedIn().desk;
      desk.setSource('hub');
      // Every phase the desk showed: the ringing may be over (the call lost on the reconnect)
      // before a poll of desk.current would see it.
      const shown: string[] = [];
      const accept = desk.accept.bind(desk);
      desk.accept = (signal, from) => {
        const changed = accept(signal, from);
        if (desk.current) shown.push(desk.current.call.phase);
        return changed;
      };
      await until(() => core.requireSignedIn().live.connected, 'live link');
      await configurePbx(hub, port);
      await until(() => shown.includes('offered'), 'ringing on the desk');
      await until(() => pbx.connections >= 2 && hub.context.telephony?.connected, 'reconnected');
      const gone = await until(() => desk.view().history.find((h) => h.callId === '1795332381.0'), 'the call in history');
      expect(gone).toMatchObject({ phase: 'missed', outcome: 'Lost with the phone system', callBack: true });
      expect(desk.current).toBeNull();
    });

    it('a call still there after the reconnect carries on: the leg that rang was answered meanwhile; a pause made at the PBX meanwhile is followed', async () => {
      const pbx = capturedPbx('queue-status', { replayConnections: 1, lists: { QueueStatus: 'queuestatus-1', CoreShowChannels: 'coreshowchannels-1' } });
      pbx.options.dropAfterEvent = pbx.eventIndex((f) => f.startsWith('Event: AgentCalled') && f.includes('Linkedid: 1796503902.4')) + 1;
      const port = await fresh(pbx);
      const advisor1 = await signInAs(hub.url, 'advisor1.mcr');
      const mine = await listen(hub.url, advisor1.token);
      cleanup.push(() => mine.close());
      await configurePbx(hub, port);
      await until(() => pbx.connections >= 2 && hub.context.telephony?.connected, 'reconnected');
      const report = await (hub.context.telephony as AmiGateway).lastReconcile;
      await until(() => report, 'reconciled');
      const second = () => mine.events.filter((e) => e.name === 'call.signal' && e.data.callId === '1796503902.4').map((e) => e.data.kind);
      await until(() => second().length >= 2, 'the answered leg relayed');
      expect(second()).toEqual(['offered', 'connected']);
      expect(report!.callSignals.map((s) => `${s.agent} ${s.kind}`)).toEqual(['1001 connected']);
      // The first caller, who abandoned before the drop, is not touched again.
      expect(signals(mine.events.filter((e) => e.data.callId !== '1796503902.4'))).toEqual(['offered', 'abandoned']);
      const advisor2 = await signInAs(hub.url, 'advisor2.mcr');
      expect((await advisor2.client.get('/api/agent/state')).body).toMatchObject({ state: 'not_ready', reason: 'Training' });
      // The queue list is the PBX's: the waiting caller of the snapshot shows to supervisors.
      expect(hub.context.telephony!.queues().find((q) => q.queue === 'funeralcare')?.waiting).toBe(1);
    });
  });
}
