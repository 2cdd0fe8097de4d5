import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../electron/core/core';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { connectPbx } from '../../server/telephony/pbx-config';
import { readTranscript, type AmiTestServer } from '../support/ami-server';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { amiFixture, capturedPbx, configurePbx, until } from '../support/pbx';

/** The desk end to end: the fake PBX speaks the captured AMI over TCP, the hub relays, each advisor's core follows. */
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** GetConfig's answer for queues.conf, as Asterisk writes it. */
const queuesConf = (wrapUp: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(wrapUp).flatMap(([queue, seconds], i) => {
      const n = String(i).padStart(6, '0');
      return [
        [`Category-${n}`, queue],
        [`Line-${n}-000000`, 'strategy=ringall'],
        [`Line-${n}-000001`, `wrapuptime=${seconds}`],
      ];
    }),
  );

for (const backend of backends()) {
  describe(`the call desk over the PBX, on ${backend.name}`, () => {
    let hub: Hub;
    beforeAll(async () => {
      hub = await testHub(backend);
    });
    afterAll(async () => {
      await hub.close();
      await dropTestSchemas();
    });

    async function start(pbx: AmiTestServer) {
      await hub.context.db.run('DELETE FROM pbx_connections');
      await hub.context.db.run('DELETE FROM agent_states');
      await connectPbx(hub.context);
      cleanup.push(() => pbx.close());
      return pbx.start();
    }

    async function desk(username: string) {
      const core = new DesktopCore({ dataDir: mkdtempSync(join(tmpdir(), 'rapport-desk-')), hubUrl: hub.url, wrapUpSeconds: 60 });
      cleanup.push(() => core.stop());
      await core.signIn({ username, password: DEMO_PASSWORD });
      const session = core.requireSignedIn();
      session.desk.setSource('hub');
      await until(() => session.live.connected, 'live link');
      return session.desk;
    }

    it('a Redirect transfer: the first advisor’s desk ends the call as “Transferred to 1002”; the second advisor gets the screen pop and the call', async () => {
      const pbx = capturedPbx('redirect-transfer');
      const port = await start(pbx);
      const first = await desk('advisor1.mcr');
      const second = await desk('advisor2.mcr');
      await configurePbx(hub, port);
      const mine = await until(() => first.view().history.find((h) => h.callId === '1796503921.0'), 'the transferred call in 1001’s history');
      expect(mine).toMatchObject({ phase: 'ended', outcome: 'Transferred to 1002' });
      const theirs = await until(() => {
        const v = second.liveCallOf('1796503921.0');
        return v && v.lookup !== 'pending' && v.line ? v : undefined;
      }, 'the call popped on 1002’s desk');
      expect(theirs.call.direction).toBe('in');
      expect(theirs.caller).toBe('+447700900123');
      expect(theirs.line).toBe('funeralcare');
      expect(theirs.sensitive).toBe(true);
      expect(theirs.call.attached).toMatchObject({ MEMBER_NO: '100200300' });
      // 1002 answered, talked and hung up: their wrap-up is open, their case opened on answer.
      await until(() => (second.current?.wrapUp && second.current.caseId ? second.current : undefined), '1002 in wrap-up with a case');
      expect(second.current!.call.connectedAt).not.toBeNull();
      // 1001's transferred call is not offered a wrap-up beside anything, and the call is 1002's now.
      expect(hub.context.telephony!.ownerOf('1796503921.0')).toBe('1002');
      // Both parts are call records a supervisor of the site reads; another site's supervisor does not.
      const supervisor = (await signInAs(hub.url, 'supervisor.mcr')).client;
      const records = await until(async () => {
        const r = await supervisor.get('/api/telephony/call-records');
        const mine = (r.body.records as any[]).filter((x) => x.callId === '1796503921.0');
        return mine.length === 2 ? mine : undefined;
      }, 'two call records');
      const byAdvisor = Object.fromEntries(records.map((r) => [r.advisor.name, r]));
      expect(Object.keys(byAdvisor).sort()).toEqual(['Amira Hussain', 'Ben Walsh']);
      expect(byAdvisor['Amira Hussain']).toMatchObject({ outcome: 'Transferred to 1002', queue: 'funeralcare', customerNumber: '+447700900123', source: 'pbx', direction: 'in' });
      expect(byAdvisor['Amira Hussain'].durationSeconds).toEqual(expect.any(Number));
      expect(byAdvisor['Ben Walsh']).toMatchObject({ outcome: 'Answered', phase: 'ended' });
      expect(byAdvisor['Ben Walsh'].siteName).toMatch(/Manchester/);
      // The supervisor's screen filters by outcome: each part under its own.
      const only = async (outcome: string) =>
        ((await supervisor.get(`/api/telephony/call-records?outcome=${outcome}`)).body.records as any[]).filter((x) => x.callId === '1796503921.0').map((x) => x.advisor.name);
      expect(await only('transferred')).toEqual(['Amira Hussain']);
      expect(await only('answered')).toEqual(['Ben Walsh']);
      expect(await only('missed')).toEqual([]);
      expect((await supervisor.get('/api/telephony/call-records?outcome=everything')).status).toBe(400);
      const elsewhere = (await signInAs(hub.url, 'supervisor.lds')).client;
      expect((await elsewhere.get('/api/telephony/call-records')).body.records.some((r: any) => r.callId === '1796503921.0')).toBe(false);
      expect((await (await signInAs(hub.url, 'advisor1.mcr')).client.get('/api/telephony/call-records')).status).toBe(403);
    });

    it('back-to-back calls under a queue with wrapuptime: the first wrap-up waits beside the second call, with the queue’s after-call time', async () => {
      const pbx = capturedPbx('back-to-back-wrapup', {
        onAction: (a) => (a.get('Action') === 'GetConfig' ? { fields: queuesConf({ funeralcare: 10, membership: 10, food: 10 }) } : undefined),
      });
      const port = await start(pbx);
      const advisor = await desk('advisor1.mcr');
      await configurePbx(hub, port);
      const ids = await until(() => {
        const both = advisor.view();
        return both.history.filter((h) => h.phase === 'ended').length === 2 ? both.history.map((h) => h.callId) : undefined;
      }, 'both calls over');
      const [secondId, firstId] = ids;
      const view = await until(() => (advisor.view().current?.wrapUp ? advisor.view() : undefined), 'a wrap-up in hand');
      expect(view.current!.call.callId).toBe(secondId);
      expect(view.wrapUps.map((w) => w.call.callId)).toEqual([firstId]);
      const first = await until(() => (advisor.view().wrapUps[0]?.caseId ? advisor.view().wrapUps[0] : undefined), 'the first call’s case');
      expect(first.call.afterCallSeconds).toBe(10);
      expect(first.wrapUp!.deadline - first.call.endedAt!).toBeGreaterThan(9_000);
      // The first call's case is still open: nothing closed it without its code.
      const open = await hub.context.db.get<{ status: string }>('SELECT status FROM cases WHERE call_id = ?', [firstId!]);
      expect(open?.status).toBe('open');
      const code = first.wrapUp!.codes[0]!.id;
      const after = await advisor.wrapUp(firstId!, code);
      expect(after.wrapUps).toEqual([]);
      expect(after.current?.call.callId).toBe(secondId);
      await until(async () => (await hub.context.db.get<{ status: string }>('SELECT status FROM cases WHERE call_id = ?', [firstId!]))?.status === 'closed', 'first case closed');
      const done = await advisor.wrapUp(secondId!, code);
      expect(done.current).toBeNull();
    });

    it('click-to-dial: the advisor’s own outbound call shows on the desk with the customer’s number, and reaches history as outbound', async () => {
      const { events } = readTranscript(amiFixture('click-to-dial'));
      const pbx: AmiTestServer = capturedPbx('click-to-dial', {
        replay: false,
        onAction: (a) => {
          if (a.get('Action') !== 'Originate') return undefined;
          setImmediate(() => pbx.broadcast(Buffer.concat(events).toString('utf8')));
          return { fields: { Message: 'Originate successfully queued' } };
        },
      });
      const port = await start(pbx);
      const advisor = await desk('advisor1.mcr');
      await configurePbx(hub, port);
      await until(() => hub.context.telephony?.connected, 'PBX connected');
      const me = await signInAs(hub.url, 'advisor1.mcr');
      expect((await me.client.post('/api/telephony/dial', { number: '07700 900964' })).status).toBe(200);
      const originate = pbx.actions.find((a) => a.get('Action') === 'Originate')!;
      expect([originate.get('Channel'), originate.get('Exten'), originate.get('Context')]).toEqual(['Local/1001@agents', '07700900964', 'outbound']);
      const calling = await until(() => advisor.liveCallOf('1796503961.0'), 'the outbound call on the desk');
      expect(calling.call.direction).toBe('out');
      expect(calling.caller).toBe('+447700900964');
      const wrap = await until(() => (advisor.current?.wrapUp && advisor.current.caseId ? advisor.current : undefined), 'wrap-up after the outbound call');
      expect(wrap.call.connectedAt).not.toBeNull();
      expect(wrap.caseId).not.toBeNull();
      const entry = advisor.view().history.find((h) => h.callId === '1796503961.0');
      expect(entry).toMatchObject({ direction: 'out', outcome: 'Outbound: answered', caller: '+447700900964', callBack: false });
    });
  });
}
