import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { sqliteBackend, testHub } from '../support/backends';
import { bridgeSocket } from '../support/bridge-socket';
import { signInAs } from '../support/client';
import { customerPool, flowers, openCase } from '../support/gestures';
import { spawnDesktop, type Running } from '../support/processes';
import { tcpProxy } from '../support/tcp-proxy';

const waitFor = async <T>(find: () => Promise<T | undefined>, what: string, ms = 45_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/**
 * The worst moment to lose the desktop: the hub has committed the gesture, the reply is on its way,
 * and the core process dies (SIGKILL). The page said "did not answer, try again"; the retry must be
 * the same request at the hub, never a second approved gesture.
 */
describe('a gesture retried after the desktop core died once the hub had committed it', () => {
  let hub: Hub;
  let desktop: Running | null = null;
  beforeAll(async () => {
    hub = await testHub(sqliteBackend);
  });
  afterAll(async () => {
    await desktop?.stop();
    await hub.close();
  });

  it('reaches the hub exactly once', { timeout: 180_000 }, async () => {
    let holdReplies = true;
    const proxy = await tcpProxy(hub.url, () => false, (head) => holdReplies && head === 'POST /api/gestures/requests');
    const env = { RAPPORT_DATA_DIR: mkdtempSync(join(tmpdir(), 'rapport-crash-')), RAPPORT_PORT: '0', RAPPORT_HUB_URL: proxy.url };
    const advisor = await signInAs(hub.url, 'advisor1.mcr');
    const caseId = await openCase(advisor.client, (await customerPool(hub.context.db)).next());
    const form = { ...flowers(caseId, 2000), itemName: 'Bunch of flowers' };
    const requestsOnCase = async () => (await hub.context.db.all<{ id: string }>('SELECT id FROM gesture_requests WHERE case_id = ?', [caseId])).map((r) => r.id);

    desktop = await spawnDesktop(env);
    let page = await bridgeSocket(desktop.url);
    expect((await page.call('session.signIn', { username: 'advisor1.mcr', password: DEMO_PASSWORD })).ok).toBe(true);
    void page.call('gestures.send', form); // its reply is held back: the page never hears
    const committed = await waitFor(async () => ((await requestsOnCase()).length ? await requestsOnCase() : undefined), 'the hub to commit the request');
    await desktop.stop('SIGKILL');
    page.close();

    holdReplies = false;
    desktop = await spawnDesktop(env);
    page = await bridgeSocket(desktop.url);
    const status = await page.call('session.status');
    if (!status.value?.signedIn) expect((await page.call('session.signIn', { username: 'advisor1.mcr', password: DEMO_PASSWORD })).ok).toBe(true);
    const retry = await page.call('gestures.send', form);
    expect(retry.ok, JSON.stringify(retry)).toBe(true);
    expect(retry.value.sent).toMatchObject({ replayed: true, request: { id: committed[0], idempotencyKey: form.idempotencyKey } });
    expect(await requestsOnCase()).toEqual(committed);
    expect(committed).toHaveLength(1);
    // Nothing is left waiting on this computer to be sent a third time.
    expect((await page.call('gestures.outbox')).value).toEqual([]);
    page.close();
    await desktop.stop();
    desktop = null;
    await proxy.close();
  });
});
