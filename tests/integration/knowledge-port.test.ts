import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, type MessagePort as NodePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopCore } from '../../electron/core/core';
import { coreHandlers } from '../../electron/core/handlers';
import { consoleLog } from '../../electron/core/log';
import { servePort, type FramePort } from '../../electron/core/port-bridge';
import { route } from '../../electron/core/router';
import { openPortLink, type LinkFrame } from '../../renderer/features/knowledge/knowledge-link';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { sqliteBackend, testHub } from '../support/backends';
import { waitUntil } from '../support/wait';

/** Node's MessagePort as the core's port bridge takes Electron's MessagePortMain. */
const asFramePort = (port: NodePort): FramePort => ({
  postMessage: (frame) => port.postMessage(frame),
  onMessage: (cb) => port.on('message', cb),
  onClose: (cb) => port.on('close', cb),
  start: () => port.start(),
});

/**
 * Electron's two ports, with real message ports and a real core and hub (Electron itself cannot
 * run here): the window's bridge, and the search worker's own knowledge port.
 */
describe('the search worker’s own port to the core (Electron)', () => {
  let hub: Hub;
  let core: DesktopCore;
  beforeAll(async () => {
    hub = await testHub(sqliteBackend);
    core = new DesktopCore({ dataDir: mkdtempSync(join(tmpdir(), 'rapport-port-')), hubUrl: hub.url });
    const signIn = await route(coreHandlers(core), { id: 1, name: 'session.signIn', args: { username: 'advisor1.mcr', password: DEMO_PASSWORD } });
    expect(signIn!.result).toMatchObject({ ok: true });
    await waitUntil(async () => core.connection.state === 'online' && core.connection.lastSyncedAt, 'the first sync');
  });
  afterAll(async () => {
    await core.stop();
    await hub.close();
  });

  it('carries article pages and knowledge pushes to the worker; the window’s bridge no longer gets the push; a new port after a restart carries on', async () => {
    const handlers = coreHandlers(core);
    const windowSide = new MessageChannel();
    const windowFrames: { push?: string }[] = [];
    servePort(asFramePort(windowSide.port1), core, handlers, { knowledgeChannel: false, workerTakesKnowledge: true }, consoleLog);
    windowSide.port2.on('message', (f: { push?: string }) => windowFrames.push(f));
    windowSide.port2.start();

    const pushes: LinkFrame[] = [];
    let reopened = 0;
    const link = openPortLink({ onPush: (f) => pushes.push(f), onReopened: () => reopened++ });
    // Asked before the port has arrived: held, then sent.
    const firstPage = link.call('knowledge.page', { offset: 0, limit: 3 });
    const first = new MessageChannel();
    servePort(asFramePort(first.port1), core, handlers, { knowledgeChannel: true, workerTakesKnowledge: false }, consoleLog);
    link.attach(first.port2 as unknown as MessagePort);
    const page = (await firstPage) as { result: { ok: boolean; value: { articles: { id: string }[]; total: number } } };
    expect(page.result.ok).toBe(true);
    expect(page.result.value.articles).toHaveLength(3);
    expect(page.result.value.total).toBeGreaterThan(3);

    // The knowledge port answers knowledge only: anything else is not even answered.
    const refused = link.call('session.signOut' as 'knowledge.page', {});
    const manifest = (await link.call('knowledge.manifest', {})) as { result: { value: { ids: string[] } } };
    expect(manifest.result.value.ids.length).toBe(page.result.value.total);
    expect(core.sessionState.signedIn).toBe(true);

    core.emit('knowledge.changed', { upserts: [], removed: ['gone-1'], cursor: 99 });
    await waitUntil(async () => pushes.length === 1, 'the push on the worker’s port');
    expect(pushes[0]).toMatchObject({ push: 'knowledge.changed', data: { removed: ['gone-1'] } });
    core.emit('connection.changed', core.connection);
    await waitUntil(async () => windowFrames.some((f) => f.push === 'connection.changed'), 'the window hears other pushes');
    expect(windowFrames.some((f) => f.push === 'knowledge.changed')).toBe(false);

    // The core restarts: main hands over a new port; what was waiting on the old one fails, and the worker is told to catch up.
    const second = new MessageChannel();
    servePort(asFramePort(second.port1), core, handlers, { knowledgeChannel: true, workerTakesKnowledge: false }, consoleLog);
    link.attach(second.port2 as unknown as MessagePort);
    await expect(refused).rejects.toThrow(/Lost the connection/);
    expect(reopened).toBe(1);
    const again = (await link.call('knowledge.page', { offset: 0, limit: 1 })) as { result: { value: { articles: unknown[] } } };
    expect(again.result.value.articles).toHaveLength(1);
    link.close();
    windowSide.port2.close();
  });
});
