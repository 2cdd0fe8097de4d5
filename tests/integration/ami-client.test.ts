import { afterEach, describe, expect, it } from 'vitest';
import { AmiClient, type AmiClientOptions, type AmiStateChange } from '../../server/telephony/ami/client';
import type { AmiMessage } from '../../server/telephony/ami/frames';
import { AmiCallNormaliser } from '../../server/telephony/ami/normalise';
import { AmiTestServer, type AmiTestServerOptions } from '../support/ami-server';

const ANSWERED = new URL('../fixtures/ami/answered-call.server.txt', import.meta.url);
const ABANDONED = new URL('../fixtures/ami/abandoned-call.server.txt', import.meta.url);

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup(server: Partial<AmiTestServerOptions> = {}, client: Partial<AmiClientOptions> = {}) {
  const ami = new AmiTestServer({ transcript: ANSWERED, username: 'rapport', secret: 's3cret', ...server });
  const port = await ami.start();
  cleanup.push(() => ami.close());
  const amiClient = new AmiClient({
    host: '127.0.0.1',
    port,
    username: 'rapport',
    secret: 's3cret',
    reconnect: { minMs: 20, maxMs: 100 },
    ...client,
  });
  cleanup.push(() => amiClient.stop());
  const events: AmiMessage[] = [];
  const states: AmiStateChange[] = [];
  const problems: string[] = [];
  amiClient.on('event', (m) => events.push(m));
  amiClient.on('state', (s) => states.push(s));
  amiClient.on('problem', (p) => problems.push(p));
  return { ami, client: amiClient, events, states, problems };
}

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('AmiClient over TCP against the test AMI server', () => {
  it('reads the banner, logs in with an ActionID and receives every replayed event', async () => {
    const { ami, client, events, states } = await setup();
    await client.start();
    expect(states.map((s) => s.state)).toEqual(['connecting', 'connected']);
    const [login] = ami.actions;
    expect(login?.get('Action')).toBe('Login');
    expect(login?.get('Username')).toBe('rapport');
    expect(login?.get('Events')).toBe('on');
    expect(login?.get('ActionID')).toMatch(/^rapport-[0-9a-f]{8}-\d+$/);
    await until(() => events.length === ami.eventCount);
    expect(events[0]?.event).toBe('FullyBooted');
    // OriginateResponse carries Response and ActionID, yet is an event, not an answer.
    expect(events.some((e) => e.event === 'OriginateResponse' && e.get('ActionID') === 'orig-1')).toBe(true);
  });

  it.each([
    ['every byte', { chunking: 'every-byte', injectGarbage: false }],
    [
      'odd split points with garbage and an unknown event between frames',
      { chunking: [1, 2, 3, 700, 701, 4097, 9999, 30001, 30002], injectGarbage: true },
    ],
  ] satisfies [string, Partial<AmiTestServerOptions>][])('survives %s', async (_label, serverOptions) => {
    const { ami, client, events, problems } = await setup({ transcript: ABANDONED, ...serverOptions });
    await client.start();
    const unknown = serverOptions.injectGarbage ? ami.eventCount : 0;
    await until(() => events.length === ami.eventCount + unknown, 20_000);
    expect(events.filter((e) => e.event === 'QueueCallerAbandon')).toHaveLength(1);
    const normaliser = new AmiCallNormaliser();
    expect(events.flatMap((e) => normaliser.push(e)).map((s) => `${s.agent} ${s.kind}`)).toEqual([
      '1001 offered',
      '1001 abandoned',
    ]);
    expect(problems.length).toBe(serverOptions.injectGarbage ? ami.eventCount : 0);
  });

  it('passes on only the events asked for, unknown ones dropped without harm', async () => {
    const { ami, client, events } = await setup(
      { injectGarbage: true },
      { events: ['AgentCalled', 'agentconnect', 'AgentComplete'] },
    );
    await client.start();
    await until(() => events.length === 3);
    await sleep(50);
    expect(events.map((e) => e.event)).toEqual(['AgentCalled', 'AgentConnect', 'AgentComplete']);
    expect(ami.actions).toHaveLength(1);
  });

  it('refused login: login_failed, start() rejects, and no tight retry loop', async () => {
    const { ami, client, states } = await setup({}, { secret: 'wrong', reconnect: { minMs: 1, maxMs: 5 }, loginRetryMs: 400 });
    await expect(client.start()).rejects.toThrow(/AMI login refused: Authentication failed/);
    const failed = states.find((s) => s.state === 'login_failed');
    expect(failed?.reason).toBe('Authentication failed');
    expect(failed?.retryInMs).toBeGreaterThanOrEqual(200);
    await sleep(150);
    expect(ami.loginAttempts).toBe(1);
    // It does try again, but only after the long wait.
    await until(() => states.filter((s) => s.state === 'login_failed').length === 2, 2_000);
    expect(ami.loginAttempts).toBe(2);
  });

  it('no PBX listening: start() rejects at once and the client keeps trying', async () => {
    // A port nobody listens on: a server's, once it has closed.
    const ghost = new AmiTestServer({ transcript: ANSWERED, username: 'rapport', secret: 's3cret' });
    const port = await ghost.start();
    await ghost.close();
    const client = new AmiClient({
      host: '127.0.0.1',
      port,
      username: 'rapport',
      secret: 's3cret',
      reconnect: { minMs: 10, maxMs: 40 },
    });
    cleanup.push(() => client.stop());
    const seen: string[] = [];
    client.on('state', (s) => seen.push(s.state));
    await expect(client.start()).rejects.toThrow(/AMI connection failed \(connect ECONNREFUSED/);
    await until(() => seen.filter((s) => s === 'connecting').length >= 3);
    expect(seen).not.toContain('connected');
  });

  it('correlates responses by ActionID while events interleave and answers come out of order', async () => {
    const { ami, client, events } = await setup({
      onAction: (a) =>
        a.get('Action') === 'QueueStatus'
          ? { delayMs: 150, fields: { Message: 'slow' } }
          : a.get('Action') === 'QueueRemove'
            ? { error: 'Unable to remove interface' }
            : undefined,
    });
    await client.start();
    const order: string[] = [];
    const slow = client.action('QueueStatus', { Queue: 'funeralcare' }).then((r) => (order.push('QueueStatus'), r));
    const fast = client
      .action('QueuePause', { Interface: 'Local/1001@agents/n', Paused: 'true', Reason: 'Wrap-up' })
      .then((r) => (order.push('QueuePause'), r));
    ami.broadcast('Event: RapportInterleaved\r\nActionID: not-yours\r\n\r\n');
    const [slowResponse, fastResponse] = await Promise.all([slow, fast]);
    expect(order).toEqual(['QueuePause', 'QueueStatus']);
    const sent = (name: string) => ami.actions.find((a) => a.get('Action') === name);
    expect(slowResponse.get('ActionID')).toBe(sent('QueueStatus')?.get('ActionID'));
    expect(slowResponse.get('Message')).toBe('slow');
    expect(fastResponse.get('ActionID')).toBe(sent('QueuePause')?.get('ActionID'));
    expect(sent('QueuePause')?.get('Reason')).toBe('Wrap-up');
    expect(events.length).toBeGreaterThan(0);
    await expect(client.action('QueueRemove', { Queue: 'funeralcare', Interface: 'x' })).rejects.toThrow(
      /QueueRemove failed: Unable to remove interface/,
    );
    await expect(client.action('Redirect', { Channel: 'a\r\nAction: Hangup' })).rejects.toThrow(/header injection/);
  });

  it('times an action out and stays usable', async () => {
    const { ami, client } = await setup({ onAction: (a) => (a.get('Action') === 'Redirect' ? 'ignore' : undefined) });
    await client.start();
    await expect(
      client.action('Redirect', { Channel: 'Local/1001@agents-00000001;1', Exten: '2002' }, { timeoutMs: 100 }),
    ).rejects.toThrow(/timed out after 100 ms/);
    expect((await client.action('Ping')).get('Ping')).toBe('Pong');
    expect(ami.actions.map((a) => a.get('Action'))).toEqual(['Login', 'Redirect', 'Ping']);
  });

  it('connection dropped mid-call: reconnects, logs in again and hears the replay again', async () => {
    const { ami, client, events, states } = await setup({ dropAfterEvent: 40 });
    await client.start();
    await until(() => states.filter((s) => s.state === 'connected').length === 2);
    expect(states.map((s) => s.state)).toEqual(['connecting', 'connected', 'disconnected', 'connecting', 'connected']);
    expect(states[2]?.retryInMs).toBeGreaterThanOrEqual(10);
    expect(ami.loginAttempts).toBe(2);
    await until(() => events.length === 40 + ami.eventCount);
  });

  it('rejects pending actions when the connection drops, then recovers', async () => {
    const { ami, client, states } = await setup({
      replay: false,
      onAction: (a) => (a.get('Action') === 'QueueStatus' ? 'ignore' : undefined),
    });
    await client.start();
    const pending = client.action('QueueStatus', {}, { timeoutMs: 5_000 });
    await until(() => ami.actions.length === 2);
    ami.dropAll();
    await expect(pending).rejects.toThrow(/connection lost .* before the response to QueueStatus/);
    await expect(client.action('Ping')).rejects.toThrow(/not connected/);
    await until(() => states.filter((s) => s.state === 'connected').length === 2);
    expect((await client.action('Ping')).get('Response')).toBe('Success');
  });

  it('stop() logs off and stays stopped', async () => {
    const { ami, client, states } = await setup({ replay: false });
    await client.start();
    client.stop();
    await until(() => ami.actions.some((a) => a.get('Action') === 'Logoff'));
    await sleep(100);
    expect(states.map((s) => s.state)).toEqual(['connecting', 'connected', 'disconnected']);
    expect(ami.connections).toBe(1);
  });
});
