import { afterEach, describe, expect, it } from 'vitest';
import { AmiClient, type AmiStateChange } from '../../server/telephony/ami/client';
import type { AmiMessage } from '../../server/telephony/ami/frames';
import { AmiTestServer, type Chunking } from '../support/ami-server';

const fixture = (name: string) => new URL(`../fixtures/ami/${name}.server.txt`, import.meta.url);

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function watch(client: AmiClient) {
  const states: AmiStateChange[] = [];
  const events: AmiMessage[] = [];
  client.on('state', (s) => states.push(s));
  client.on('event', (e) => events.push(e));
  cleanup.push(() => client.stop());
  return { states, events };
}

const server = (transcript: string, more: Partial<ConstructorParameters<typeof AmiTestServer>[0]> = {}) => {
  const s = new AmiTestServer({ transcript: fixture(transcript), username: 'rapport', secret: 'rapport-ami', ...more });
  cleanup.push(() => s.close());
  return s;
};

describe('a PBX that shuts down and restarts, replayed from real captures', () => {
  it.each(['whole', 'every-byte'] satisfies Chunking[])(
    'a login refused because Asterisk is shutting down is no wrong secret: short retries, not the long wait (%s)',
    async (chunking) => {
      const refusing = server('pbx-restart-refused', { refuseLogin: 'Asterisk is shutting down', chunking });
      const port = await refusing.start();
      const client = new AmiClient({ host: '127.0.0.1', port, username: 'rapport', secret: 'rapport-ami', loginRetryMs: 60_000 });
      const { states } = watch(client);
      await expect(client.start()).rejects.toThrow(/shutting down/);
      expect(states.some((s) => s.state === 'login_failed')).toBe(false);
      const down = states.find((s) => s.state === 'disconnected')!;
      expect(down).toMatchObject({ cause: 'shutting_down', reason: 'the phone system is shutting down' });
      expect(down.retryInMs).toBeLessThanOrEqual(3_000);
      // It keeps asking on the short back-off, and never waits as for a wrong secret.
      await until(() => refusing.loginAttempts >= 3, 'three login attempts');
      expect(states.filter((s) => s.retryInMs !== undefined).every((s) => s.retryInMs! <= 3_000)).toBe(true);
    },
  );

  it('a wrong secret still waits long and says so', async () => {
    const pbx = server('pbx-restart-back');
    const port = await pbx.start();
    const client = new AmiClient({ host: '127.0.0.1', port, username: 'rapport', secret: 'wrong', loginRetryMs: 60_000 });
    const { states } = watch(client);
    await expect(client.start()).rejects.toThrow(/Authentication failed/);
    expect(states.at(-1)).toMatchObject({ state: 'login_failed', cause: 'login_refused' });
    expect(states.at(-1)!.retryInMs).toBeGreaterThanOrEqual(30_000);
  });

  it.each(['whole', 'every-byte'] satisfies Chunking[])(
    'follows `core stop gracefully` to the restart: the finishing call is heard, Shutdown then close, refused logins and connections retried within seconds, back on the restarted PBX (%s)',
    async (chunking) => {
      const before = server('pbx-restart', { closeAfterReplay: true, chunking });
      const port = await before.start();
      const client = new AmiClient({ host: '127.0.0.1', port, username: 'rapport', secret: 'rapport-ami', pingMs: 0 });
      const { states, events } = watch(client);
      await client.start();
      await until(() => states.at(-1)?.state === 'disconnected', 'the close after Shutdown', 60_000);
      expect(events.map((e) => e.event)).toContain('AgentComplete');
      expect(events.at(-1)?.event).toBe('Shutdown');
      const afterShutdown = states.at(-1)!;
      expect(afterShutdown).toMatchObject({ cause: 'shutting_down', reason: 'the phone system shut down (restarting)' });
      expect(afterShutdown.retryInMs).toBeLessThanOrEqual(250);
      await before.close();

      // Asterisk is stopped: connections are refused at TCP level, retried on the short back-off.
      await until(() => states.filter((s) => s.cause === 'unreachable').length >= 3, 'three refused connections');
      const back = server('pbx-restart-back', { lists: { QueueStatus: 'queuestatus-1' }, chunking });
      await back.start(port);
      await until(() => states.at(-1)?.state === 'connected', 'logged in to the restarted PBX');
      const waits = states.filter((s) => s.retryInMs !== undefined).map((s) => s.retryInMs!);
      expect(Math.max(...waits)).toBeLessThanOrEqual(3_000);
      const status = await client.list('QueueStatus');
      expect(status.filter((m) => m.event === 'QueueMember').map((m) => `${m.get('Name')} ${m.get('Paused')}`)).toContain('1002 0');
    },
    120_000,
  );

  it('collects a list action’s items by ActionID, at every byte split, without passing them to listeners', async () => {
    const pbx = server('queue-status', { lists: { QueueStatus: 'queuestatus-1', CoreShowChannels: 'coreshowchannels-1' }, chunking: 'every-byte', replay: false });
    const port = await pbx.start();
    const client = new AmiClient({ host: '127.0.0.1', port, username: 'rapport', secret: 'rapport-ami' });
    const { events } = watch(client);
    await client.start();
    const status = await client.list('QueueStatus', {}, { timeoutMs: 30_000 });
    expect(status.map((m) => m.event)).toEqual(['QueueParams', 'QueueMember', 'QueueParams', 'QueueMember', 'QueueEntry', 'QueueParams', 'QueueMember', 'QueueMember']);
    const channels = await client.list('CoreShowChannels', {}, { timeoutMs: 30_000 });
    expect(channels).toHaveLength(4);
    expect(events).toEqual([]);
  }, 60_000);
});
