import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushFrame } from '../../shared/contract/envelope';
import type { QueuesChange, QueuesView } from '../../shared/contract/queues';
import { DesktopCore } from '../../electron/core/core';
import { coreHandlers } from '../../electron/core/handlers';
import { route } from '../../electron/core/router';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { AmiTestServer } from '../support/ami-server';
import { queueCallerJoin, queueCallerLeave } from '../support/ami-frames';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { signInAs } from '../support/client';

const waitFor = async <T>(find: () => T | undefined, what: string, ms = 8000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** A supervisor's desktop core, signed in over HTTP and listening to the hub over WebSocket. */
async function supervisorDesktop(hubUrl: string, username: string) {
  const core = new DesktopCore({ dataDir: mkdtempSync(join(tmpdir(), 'rapport-floor-')), hubUrl });
  const pushes: PushFrame[] = [];
  core.onPush((f) => pushes.push(f));
  const call = async (name: string, args: unknown = {}) => (await route(coreHandlers(core), { id: 1, name, args }))!.result;
  await core.signIn({ username, password: DEMO_PASSWORD });
  await waitFor(() => (core.requireSignedIn().live.connected ? true : undefined), `${username}'s live link`);
  const changes = () => pushes.filter((p) => p.push === 'queues.changed').map((p) => p.data as QueuesChange);
  return { core, call, changes };
}

for (const backend of backends()) {
  describe(`the supervisor's live floor on ${backend.name}`, () => {
    let hub: Hub;
    let pbx: AmiTestServer;
    beforeAll(async () => {
      hub = await testHub(backend);
      pbx = new AmiTestServer({
        transcript: new URL('../fixtures/ami/answered-call.server.txt', import.meta.url),
        username: 'rapport',
        secret: 'floor-secret',
        replay: false,
      });
    });
    afterAll(async () => {
      await hub.close();
      await pbx.close();
      await dropTestSchemas();
    });

    it('with no PBX, shows the site’s advisors by state and says the phone system is not connected', async () => {
      const sup = await supervisorDesktop(hub.url, 'supervisor.mcr');
      const floor = await sup.call('telephony.queues');
      if (!floor.ok) throw new Error(floor.error.message);
      const view = floor.value as QueuesView;
      expect(view.connected).toBe(false);
      expect(view.queues).toEqual([]);
      expect(view.advisors.map((a) => a.name)).toEqual(['Amira Hussain', 'Ben Walsh', 'Chloe Davies']);
      expect(view.advisors.every((a) => a.state === 'ready')).toBe(true);
      // Nobody has signed in as these advisors in this hub yet: the floor says so.
      expect(view.advisors.every((a) => a.signedIn === false)).toBe(true);
      const advisor = await signInAs(hub.url, 'advisor1.mcr');
      expect((await advisor.client.get('/api/telephony/queues')).status).toBe(403);
      await sup.core.stop();
    });

    it('pushes an advisor’s new state to their own site’s supervisors only, as it happens', async () => {
      const mcr = await supervisorDesktop(hub.url, 'supervisor.mcr');
      const lds = await supervisorDesktop(hub.url, 'supervisor.lds');
      const advisor = await signInAs(hub.url, 'advisor2.mcr');

      expect((await advisor.client.post('/api/agent/state', { state: 'not_ready', reason: 'Team huddle' })).status).toBe(200);
      // Signing in is news on the floor too: signed out until then, whatever state was saved.
      const signedIn = await waitFor(
        () => mcr.changes().find((c) => c.kind === 'advisor' && c.advisor.signedIn === true),
        'the advisor signing in, at the supervisor',
      );
      expect(signedIn).toMatchObject({ kind: 'advisor', advisor: { userId: 'usr_advisor2_mcr', signedIn: true } });
      const change = await waitFor(
        () => mcr.changes().find((c) => c.kind === 'advisor' && c.advisor.state === 'not_ready'),
        'the advisor’s state at the supervisor',
      );
      expect(change).toEqual({
        kind: 'advisor',
        advisor: { userId: 'usr_advisor2_mcr', state: 'not_ready', reason: 'Team huddle', until: null, since: expect.any(Number) },
      });

      expect((await advisor.client.post('/api/agent/state', { state: 'protected_pause', minutes: 5 })).status).toBe(200);
      const paused = await waitFor(
        () => mcr.changes().find((c) => c.kind === 'advisor' && c.advisor.state === 'protected_pause'),
        'the protected pause at the supervisor',
      );
      if (paused.kind !== 'advisor') throw new Error('unexpected change');
      expect(paused.advisor.until).toBeGreaterThan(Date.now() + 4 * 60_000);
      expect(paused.advisor.reason).toBe('Protected pause after a difficult call');

      // What the supervisor fetches afterwards agrees with what was pushed.
      const floor = await mcr.call('telephony.queues');
      if (!floor.ok) throw new Error(floor.error.message);
      expect((floor.value as QueuesView).advisors.find((a) => a.userId === 'usr_advisor2_mcr')).toMatchObject({
        state: 'protected_pause',
      });
      // Leeds' supervisor hears nothing of Manchester's advisors: once a Leeds advisor's change,
      // made after all of them, has reached it, only that advisor is in what it heard.
      const leedsAdvisor = await signInAs(hub.url, 'advisor1.lds');
      expect((await leedsAdvisor.client.post('/api/agent/state', { state: 'not_ready', reason: 'Coaching' })).status).toBe(200);
      await waitFor(
        () => lds.changes().find((c) => c.kind === 'advisor' && c.advisor.state === 'not_ready'),
        'the Leeds advisor’s state at the Leeds supervisor',
      );
      const heardInLeeds = lds.changes().flatMap((c) => (c.kind === 'advisor' ? [c.advisor.userId] : []));
      expect(new Set(heardInLeeds)).toEqual(new Set(['usr_advisor1_lds']));
      await leedsAdvisor.client.post('/api/agent/state', { state: 'ready' });
      await advisor.client.post('/api/agent/state', { state: 'ready' });
      await mcr.core.stop();
      await lds.core.stop();
    });

    it('pushes calls waiting and the PBX coming online to supervisors as the PBX reports them', async () => {
      const sup = await supervisorDesktop(hub.url, 'supervisor.mcr');
      const port = await pbx.start();
      const admin = await signInAs(hub.url, 'admin.mcr');
      const configured = await admin.client.put('/api/telephony/pbx', {
        host: '127.0.0.1',
        port,
        username: 'rapport',
        secret: 'floor-secret',
        interfaceTemplate: 'Local/{ext}@agents/n',
        dialContext: 'from-rapport',
      });
      expect(configured.status).toBe(200);
      await waitFor(() => sup.changes().find((c) => c.kind === 'queues' && c.connected), 'the PBX connected at the supervisor');

      pbx.broadcast(queueCallerJoin('88001', '07700900123'));
      const joined = await waitFor(
        () =>
          sup.changes().find((c) => c.kind === 'queues' && c.queues.some((q) => q.queue === 'funeralcare' && q.waiting === 1)),
        'a caller waiting at the supervisor',
      );
      expect(joined).toMatchObject({ kind: 'queues', connected: true });
      const floor = await sup.call('telephony.queues');
      if (!floor.ok) throw new Error(floor.error.message);
      const view = floor.value as QueuesView;
      expect(view.connected).toBe(true);
      expect(view.queues.find((q) => q.queue === 'funeralcare')).toMatchObject({ waiting: 1, line: 'funeralcare' });
      expect(view.queues.find((q) => q.queue === 'food')).toMatchObject({ waiting: 0, longestWaitSeconds: 0 });

      pbx.broadcast(queueCallerLeave('88001'));
      await waitFor(
        () =>
          sup.changes().find((c) => c.kind === 'queues' && c.queues.some((q) => q.queue === 'funeralcare' && q.waiting === 0)),
        'the caller leaving the queue at the supervisor',
      );
      await sup.core.stop();
    });
  });
}
