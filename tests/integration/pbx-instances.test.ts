import { mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dropTestSchemas, postgresBackend } from '../support/backends';
import { hubClient, signInAs } from '../support/client';
import { listen } from '../support/live';
import { capturedPbx, configurePbx, until } from '../support/pbx';
import { spawnHub, type Running } from '../support/processes';

/**
 * Two hub processes on one PostgreSQL database and one PBX (the AMI test server replaying a captured
 * call over TCP): one instance holds the AMI connection by an advisory lock, the other relays.
 */
const url = process.env.DATABASE_URL;
const CALL = '1795332381.0';

const health = async (hub: Running) => (await hubClient(hub.url).get('/health')).body as { ok: boolean; pbxHolder: boolean };

if (url) {
  describe('two hub instances and one PBX', () => {
    const running: Running[] = [];
    const pbx = capturedPbx('answered-call');
    afterAll(async () => {
      await Promise.all(running.map((h) => h.stop('SIGKILL')));
      await pbx.close();
      await dropTestSchemas();
    });

    it('the holder speaks to the PBX, the other relays each call once, and takes over when the holder dies', { timeout: 240_000 }, async () => {
      const port = await pbx.start();
      const { pgSchema } = await postgresBackend(url).fresh();
      const env = (name: string) => ({
        DATABASE_URL: url,
        RAPPORT_PG_SCHEMA: pgSchema!,
        RAPPORT_HUB_PORT: '0',
        RAPPORT_SECRET_KEY: key,
        RAPPORT_DATA_DIR: mkdtempSync(join(tmpdir(), `rapport-${name}-`)),
      });
      const key = randomBytes(32).toString('base64');
      const holder = await spawnHub(env('holder'));
      running.push(holder);
      await until(async () => (await health(holder)).pbxHolder, 'the first instance to hold the PBX');
      const other = await spawnHub(env('other'));
      running.push(other);
      expect(await health(other)).toMatchObject({ ok: true, pbxHolder: false });

      // The advisor's desktop is connected to the instance that does not hold the PBX.
      const advisor = await signInAs(other.url, 'advisor1.mcr');
      const desk = await listen(other.url, advisor.token);
      const signals = (kind: string) => desk.events.filter((e) => e.name === 'call.signal' && e.data.callId === CALL && e.data.kind === kind).length;

      // Configured on the non-holder: the change reaches the holder, which logs in once.
      await configurePbx(other, port);
      await until(() => signals('ended') === 1, 'the replayed call ending on the desk');
      expect(signals('offered')).toBe(1);
      expect(signals('connected')).toBe(1);
      expect(pbx.loginAttempts).toBe(1);
      expect(pbx.connections).toBe(1);
      // The relay knows the link's state from what the holder published.
      const status = await advisor.client.get('/api/telephony/status');
      expect(status.body).toMatchObject({ configured: true, connected: true });
      // The advisor's actions on the relaying instance are carried out by the holder, its answer coming back.
      const paused = await advisor.client.post('/api/agent/state', { state: 'break' });
      expect(paused.status).toBe(200);
      expect(pbx.actions.filter((a) => a.get('Action') === 'QueuePause').map((a) => [a.get('Interface'), a.get('Paused')])).toContainEqual(['Local/1001@agents/n', 'true']);
      const hangUp = await advisor.client.post(`/api/telephony/calls/${CALL}/hangup`, {});
      expect(hangUp.status).toBe(200);
      expect(pbx.actions.filter((a) => a.get('Action') === 'Hangup').map((a) => a.get('Channel'))).toEqual([expect.stringMatching(/^Local\/1001@agents/)]);
      // Someone else's call is refused on the relaying instance too.
      const colleague = await signInAs(other.url, 'advisor2.mcr');
      expect((await colleague.client.post(`/api/telephony/calls/${CALL}/hangup`, {})).status).toBe(403);

      // The holder dies (its database connection closes with it): the other takes over the lock and the PBX.
      await holder.stop('SIGKILL');
      await until(async () => (await health(other)).pbxHolder, 'the other instance holding the PBX');
      await until(() => signals('ended') === 2, 'the next call (the PBX replays it on the new login) ending on the desk');
      expect(signals('offered')).toBe(2);
      expect(signals('connected')).toBe(2);
      expect(pbx.connections).toBe(2);
      await until(() => desk.events.some((e) => e.name === 'telephony.status' && e.data.connected === true), 'the desk told the link is up');
      desk.close();
    });
  });
}
