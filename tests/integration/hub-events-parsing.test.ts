import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { CallView } from '../../shared/contract/calls';
import type { PushFrame } from '../../shared/contract/envelope';
import type { HubLiveEvent } from '../../shared/hub/events';
import { hubReplies } from '../../shared/hub/replies';
import { DesktopCore } from '../../electron/core/core';
import { coreHandlers } from '../../electron/core/handlers';
import { HubClient } from '../../electron/core/hub-client';
import { HubLive } from '../../electron/core/hub-live';
import type { CoreLog } from '../../electron/core/log';
import { route } from '../../electron/core/router';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { waitUntil } from '../support/wait';

/** A log that keeps what it was told, so a test can see a dropped event was reported. */
function keptLog() {
  const lines: { level: string; msg: string; obj: Record<string, unknown> }[] = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, msg, obj: obj as Record<string, unknown> });
  const log: CoreLog = { info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

for (const backend of backends()) {
  describe(`live events from a real hub are parsed before the core acts on them, on ${backend.name}`, () => {
    let hub: Hub;
    beforeAll(async () => {
      hub = await testHub(backend);
    });
    afterAll(async () => {
      await hub.close();
      await dropTestSchemas();
    });

    it('drops and logs malformed call, state and knowledge events; the core stays up and the next good event gets through', async () => {
      const { log, lines } = keptLog();
      const core = new DesktopCore({ dataDir: mkdtempSync(join(tmpdir(), 'rapport-events-')), hubUrl: hub.url, log });
      cleanup.push(() => core.stop());
      const pushes: PushFrame[] = [];
      core.onPush((f) => pushes.push(f));
      const call = async (name: string, args: unknown = {}) => (await route(coreHandlers(core), { id: 1, name, args }))!.result;
      expect(await call('session.signIn', { username: 'advisor1.mcr', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
      expect(await call('calls.setSource', { source: 'hub' })).toMatchObject({ ok: true });
      await waitUntil(async () => core.connection.state === 'online', 'the live link open');
      const userId = core.sessionState.signedIn ? core.sessionState.user.id : '';
      const toAdvisor = (name: string, data: Record<string, unknown>) =>
        hub.context.events.publish({ name, data, audience: { kind: 'user', userId } });

      // What a broken or hostile hub might send: wrong types, missing fields, unknown values.
      await toAdvisor('call.signal', { kind: 'offered', callId: 'bad-1', at: Date.now() }); // no direction, from or attached
      await toAdvisor('call.signal', { kind: 'offered', callId: 42, at: 'soon', direction: 'in', from: '07700900001', attached: {} });
      await toAdvisor('call.signal', { kind: 'exploded', callId: 'bad-3', at: Date.now() });
      await toAdvisor('call.signal', { kind: 'offered', callId: 'bad-4', at: Date.now(), direction: 'in', from: '07700900001', attached: { MEMBER_NO: 7 } });
      await toAdvisor('agent.state', { state: 'dancing', reason: null, until: null });
      await toAdvisor('agent.state', { state: 'break', reason: { text: 'x' }, until: 'later' });
      await toAdvisor('customer.changed', { customerId: ['cus_1'] });
      await toAdvisor('knowledge.feedback_replied', { articleId: 17 });
      await toAdvisor('gesture.decided', { requestId: null });
      await toAdvisor('a.future.event', { anything: true }); // a newer hub's: ignored quietly
      // Then good ones, which must still arrive.
      const offered = { kind: 'offered', callId: 'good-1', at: Date.now(), direction: 'in', from: '07700900123', attached: {}, agent: 'Local/1001', extra: 'a newer hub may add fields' };
      await toAdvisor('call.signal', offered);
      await toAdvisor('agent.state', { state: 'not_ready', reason: 'Training', until: null, userId });

      const ringing = await waitUntil(
        async () => pushes.find((p): p is PushFrame & { data: CallView } => p.push === 'call.changed' && (p.data as CallView | null)?.call.callId === 'good-1'),
        'the good call offered',
      );
      expect(ringing.data.call.phase).toBe('offered');
      await waitUntil(async () => pushes.some((p) => p.push === 'agent.state' && (p.data as { reason: string | null }).reason === 'Training'), 'the good state');

      const calls = pushes.filter((p) => p.push === 'call.changed').map((p) => (p.data as CallView | null)?.call.callId);
      expect(calls.filter((id) => id?.startsWith('bad-') || (id as unknown) === 42)).toEqual([]);
      expect(pushes.some((p) => p.push === 'agent.state' && ['dancing', 'break'].includes((p.data as { state: string }).state))).toBe(false);
      expect(pushes.some((p) => p.push === 'publishing.changed' || p.push === 'gestures.changed')).toBe(false);
      const dropped = lines.filter((l) => l.msg.includes('does not understand'));
      expect(dropped.map((l) => l.obj.event)).toEqual([
        'call.signal',
        'call.signal',
        'call.signal',
        'call.signal',
        'agent.state',
        'agent.state',
        'customer.changed',
        'knowledge.feedback_replied',
        'gesture.decided',
      ]);
      // Every field that failed is named, for whoever reads the log.
      expect(dropped[0]!.obj.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^direction: /), expect.stringMatching(/^from: /)]));
      // The core still answers the page.
      const desk = await call('calls.desk');
      expect(desk).toMatchObject({ ok: true, value: { current: { call: { callId: 'good-1' } }, agent: { state: 'not_ready', reason: 'Training' } } });
    });

    it('a malformed knowledge push makes the desktop read the change feed instead, which is parsed page by page', async () => {
      const core = new DesktopCore({ dataDir: mkdtempSync(join(tmpdir(), 'rapport-events-')), hubUrl: hub.url, log: keptLog().log });
      cleanup.push(() => core.stop());
      const call = async (name: string, args: unknown = {}) => (await route(coreHandlers(core), { id: 1, name, args }))!.result;
      await call('session.signIn', { username: 'advisor2.mcr', password: DEMO_PASSWORD });
      await waitUntil(async () => core.connection.state === 'online' && core.connection.lastSyncedAt, 'first sync');
      const first = core.connection.lastSyncedAt!;
      await hub.context.events.publish({ name: 'knowledge.changed', data: { seq: 'latest' }, audience: { kind: 'everyone' } });
      await waitUntil(async () => (core.connection.lastSyncedAt ?? 0) > first, 'a sync from the feed after the bad push');
      expect(core.connection.state).toBe('online');
    });
  });
}

describe('the live link against a WebSocket server speaking the hub protocol', () => {
  let server: Server;
  let wss: WebSocketServer;
  let url: string;
  const sockets: WebSocket[] = [];
  beforeAll(async () => {
    server = createServer();
    wss = new WebSocketServer({ server, path: '/api/live' });
    wss.on('connection', (ws) => sockets.push(ws));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    await new Promise((r) => server.close(r));
  });

  it('survives frames that are not JSON, not frames, or frames without data, and passes the next good event on', async () => {
    const { log, lines } = keptLog();
    const events: HubLiveEvent[] = [];
    let handlerThrew = false;
    const live = new HubLive(url, 'token', {
      onEvent: (e) => {
        if (e.name === 'catalogue.changed' && !handlerThrew) {
          handlerThrew = true;
          throw new Error('a handler that fails');
        }
        events.push(e);
      },
      onOpen: () => undefined,
      onClose: () => undefined,
    }, log);
    live.start();
    cleanup.push(() => live.stop());
    const ws = await waitUntil(async () => sockets[0], 'the desktop connected');
    ws.send('{"type":"hello","instance":"test"}');
    for (const bad of ['not json at all', '[1,2,3]', 'null', '{"type":"event"}', '{"type":"event","name":"call.signal"}', '{"type":"event","name":"telephony.status","data":{"connected":"yes"}}', '{"type":"event","name":"agent.pause_cut_short","data":{"userId":"u1"}}', '\u0000\uffff']) {
      ws.send(bad);
    }
    ws.send(Buffer.from([0xc0, 0xae, 0xff]), { binary: true });
    ws.send(JSON.stringify({ type: 'event', name: 'catalogue.changed', data: { itemId: 'i1' } })); // its handler throws: logged, not fatal
    ws.send(JSON.stringify({ type: 'event', name: 'telephony.status', data: { configured: true, connected: true, state: 'connected', cause: null, reason: null, since: 1, lastEventAt: null, lastEvent: null } }));
    ws.send(JSON.stringify({ type: 'event', name: 'agent.pause_cut_short', data: { userId: 'u1', extension: '1001', reason: 'Bereavement call', until: 2, at: 1 } }));
    await waitUntil(async () => events.length === 2, 'the good events');
    expect(events.map((e) => e.name)).toEqual(['telephony.status', 'agent.pause_cut_short']);
    expect(live.connected).toBe(true);
    expect(lines.filter((l) => l.msg.includes('does not understand')).length).toBe(9);
    expect(lines.some((l) => l.level === 'error' && l.obj.event === 'catalogue.changed')).toBe(true);
  });
});

describe('hub replies the core acts on are parsed', () => {
  it('a malformed reply is logged and refused as hub_bad_reply; a reply with extra fields is accepted without them', async () => {
    const replies: Record<string, string> = {
      '/api/agent/state': JSON.stringify({ state: 'asleep', reason: null, until: null }),
      '/api/version': JSON.stringify({ hub: '9.9.9', minDesktop: '0.1.0', extra: true }),
    };
    const server = createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(replies[req.url ?? ''] ?? '{}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanup.push(() => new Promise((r) => server.close(r)));
    const { log, lines } = keptLog();
    const hub = new HubClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { log });
    await expect(hub.get('/api/agent/state', hubReplies.agentState)).rejects.toMatchObject({ code: 'hub_bad_reply' });
    expect(lines.some((l) => l.msg.includes('does not understand') && l.obj.path === '/api/agent/state')).toBe(true);
    expect(await hub.get('/api/version', hubReplies.version)).toEqual({ hub: '9.9.9', minDesktop: '0.1.0' });
  });
});

describe('hub answers the core passes to the page are parsed on the way', () => {
  it('a malformed answer reaches the page as hub_bad_reply, not as data a screen would break on; extra fields are dropped', async () => {
    const now = Date.now();
    const session = {
      token: 't'.repeat(40),
      expiresAt: now + 3_600_000,
      user: { id: 'usr_1', username: 'advisor1.mcr', displayName: 'Ada Advisor', role: 'advisor', siteId: 'site_mcr', teamId: null, extension: '1001', disabled: false, lockedUntil: null, createdAt: now },
      site: { id: 'site_mcr', name: 'Manchester', kind: 'in_house', partnerName: null, city: 'Manchester' },
    };
    const customer = {
      id: 'cus_1', name: 'Olivia Young', phone: '+447700900001', phoneAlt: null, email: null, membershipNumber: null, postcode: 'M1 1AA',
      flags: { bereaved: false, vulnerable: false, marketingSuppressed: false }, bereavementRef: null, vulnerabilityNote: null,
    };
    const answers: Record<string, unknown> = {
      'POST /api/session': session,
      'GET /api/tasks/due?scope=mine': { tasks: [{ id: 7, due: 'tomorrow' }], now: 'soon' },
      'GET /api/customers?q=Olivia': { customers: [{ ...customer, shoeSize: 9 }], page: { next: null } },
      'GET /api/erasures': { erasures: 'none' },
    };
    const server = createServer((req, res) => {
      const answer = answers[`${req.method} ${req.url}`];
      res.writeHead(answer === undefined ? 404 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(answer ?? { error: { code: 'not_found', message: 'no' } }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanup.push(() => new Promise((r) => server.close(r)));
    const { log } = keptLog();
    const core = new DesktopCore({ dataDir: mkdtempSync(join(tmpdir(), 'rapport-relayed-')), hubUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, log });
    cleanup.push(() => core.stop());
    const call = async (name: string, args: unknown = {}) => (await route(coreHandlers(core), { id: 1, name, args }))!.result;
    expect(await call('session.signIn', { username: 'advisor1.mcr', password: 'whatever-it-is' })).toMatchObject({ ok: true, value: { signedIn: true } });

    expect(await call('cases.due', { scope: 'mine' })).toMatchObject({ ok: false, error: { code: 'hub_bad_reply' } });
    expect(await call('privacy.log')).toMatchObject({ ok: false, error: { code: 'hub_bad_reply' } });
    const found = await call('customers.search', { q: 'Olivia' });
    expect(found).toMatchObject({ ok: true, value: { customers: [{ id: 'cus_1', name: 'Olivia Young', flags: { surveysSuppressed: false } }] } });
    expect(JSON.stringify(found)).not.toContain('shoeSize');
    expect(JSON.stringify(found)).not.toContain('page');
  });
});
