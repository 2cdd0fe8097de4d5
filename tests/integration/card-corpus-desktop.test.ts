import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DesktopCore } from '../../electron/core/core';
import { coreHandlers } from '../../electron/core/handlers';
import { route } from '../../electron/core/router';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { sqliteBackend, testHub } from '../support/backends';
import { CLEAN, corpusTexts, judge, sqliteBytes } from '../support/card-corpus';
import { flowers } from '../support/gestures';
import { tcpProxy } from '../support/tcp-proxy';

const waitFor = async <T>(find: () => T | undefined, what: string, ms = 20_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/**
 * The corpus (28 card numbers, 3 security codes, 13 look-alikes) typed into every free-text path of
 * the desktop while the hub is away, so each lands in this computer's store; then the store file and
 * its WAL are read byte for byte, and everything the core logged.
 */
describe('the card corpus through every free-text path of the desktop', () => {
  let hub: Hub;
  let core: DesktopCore;
  let proxy: Awaited<ReturnType<typeof tcpProxy>>;
  let down = false;
  let dataDir: string;
  let caseId: string;
  const logged: string[] = [];
  const call = async (name: string, args: unknown) => (await route(coreHandlers(core), { id: 1, name, args }))!.result;

  beforeAll(async () => {
    for (const method of ['log', 'error', 'warn', 'info'] as const) {
      const original = console[method].bind(console);
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
        original(...args);
      });
    }
    hub = await testHub(sqliteBackend);
    proxy = await tcpProxy(hub.url, () => down);
    dataDir = mkdtempSync(join(tmpdir(), 'rapport-corpus-desk-'));
    core = new DesktopCore({ dataDir, hubUrl: proxy.url });
    await core.signIn({ username: 'advisor1.mcr', password: DEMO_PASSWORD });
    core.webhook({ event: 'newCall', from: '07700900123', to: '08081570001', direction: 'in', callId: 'corpus-1' }, Date.now());
    core.webhook({ event: 'answer', callId: 'corpus-1' }, Date.now());
    caseId = await waitFor(() => core.requireSignedIn().desk.liveCallOf('corpus-1')?.caseId ?? undefined, 'a case for the call');
    down = true;
    proxy.dropAll();
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await core.stop();
    await proxy.close();
    await hub.close();
  });

  let n = 0;
  const gesture = async (extra: Record<string, unknown>) => {
    const reply = await call('gestures.send', { ...flowers(caseId, 2000, { idempotencyKey: `corpus-${++n}-${Date.now()}` }), itemName: 'Flowers', ...extra });
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    expect('queued' in (reply as { value: object }).value).toBe(true);
  };
  const paths: [tag: string, max: number, send: (text: string) => Promise<void>][] = [
    ['reason', 1000, (text) => gesture({ reason: text })],
    ['message', 2000, (text) => gesture({ message: text })],
    ['deceased', 120, (text) => gesture({ deceasedName: text })],
    ['personalisation', 2000, (text) => gesture({ personalisation: { recipientName: 'Jo Bloggs', deliveryAddress: text } })],
    ['note', 10_000, async (text) => {
      const reply = await call('calls.addNote', { callId: 'corpus-1', body: text });
      expect(reply).toMatchObject({ ok: true, value: { state: 'saved' } });
    }],
    ['draft', 10_000, async (text) => expect(await call('notes.saveDraft', { callId: 'corpus-1', body: text })).toEqual({ ok: true, value: { ok: true } })],
  ];

  for (const [tag, max, send] of paths) {
    it(`${tag}: 28/28 cards and 3/3 codes masked, 0 look-alikes changed, in the store file, its WAL and the log`, async () => {
      for (const text of corpusTexts(tag, max)) await send(text);
      const store = join(dataDir, 'users', 'usr_advisor1_mcr', 'store.sqlite');
      expect(judge(sqliteBytes(store), tag)).toEqual(CLEAN());
      const logs = join(dataDir, 'logs');
      const files = existsSync(logs) ? readdirSync(logs).map((f) => readFileSync(join(logs, f), 'utf8')) : [];
      expect(judge([...logged, ...files].join('\n'), tag)).toMatchObject({ cardsInClear: [], codesInClear: [] });
    });
  }
});
