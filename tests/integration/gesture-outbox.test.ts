import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'libsql';
import { DesktopCore } from '../../electron/core/core';
import { coreHandlers } from '../../electron/core/handlers';
import { route } from '../../electron/core/router';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { sqliteBackend, testHub } from '../support/backends';
import { signInAs } from '../support/client';
import { customerPool, flowers, openCase } from '../support/gestures';
import { tcpProxy } from '../support/tcp-proxy';

describe('a gesture requested while the hub is away waits in the outbox and is sent once', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await testHub(sqliteBackend);
  });
  afterAll(async () => {
    await hub.close();
  });

  it('queues with its idempotency key, masks card data before writing, and sends exactly once', async () => {
    let down = false;
    const proxy = await tcpProxy(hub.url, () => down);
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-outbox-'));
    const core = new DesktopCore({ dataDir, hubUrl: proxy.url });
    await core.signIn({ username: 'advisor1.lds', password: DEMO_PASSWORD });
    const advisor = await signInAs(hub.url, 'advisor1.lds');
    const customerId = (await customerPool(hub.context.db)).next();
    const caseId = await openCase(advisor.client, customerId);
    const draft = flowers(caseId, 2000, { message: 'Sorry. Card 4111 1111 1111 1111 was charged twice.' });

    down = true;
    const { outbox } = core.requireSignedIn();
    // Through the bridge, as the page sends it: the core masks card data where it enters.
    const queued = (await route(coreHandlers(core), { id: 1, name: 'gestures.send', args: { ...draft, itemName: 'Bunch of flowers' } }))!.result;
    expect(queued.ok && 'queued' in (queued.value as object)).toBe(true);
    const entries = outbox.entries();
    expect(entries).toHaveLength(1);
    // The key the form brought, written before the first try.
    expect(entries[0]).toMatchObject({ state: 'waiting', amountPence: 2000, caseId, idempotencyKey: draft.idempotencyKey, attempts: 1 });
    // Pressing send again on the same form is the same row, not a second one.
    await route(coreHandlers(core), { id: 2, name: 'gestures.send', args: { ...draft, itemName: 'Bunch of flowers' } });
    expect(outbox.entries()).toHaveLength(1);
    // Nothing on disk holds the card number.
    const file = new Database(join(dataDir, 'users', 'usr_advisor1_lds', 'store.sqlite')) as unknown as { prepare(s: string): { all(): { body: string }[] } };
    const bodies = file.prepare('SELECT body FROM outbox').all().map((r) => r.body).join(' ');
    expect(bodies).toContain('411111••••••1111');
    expect(bodies).not.toContain('4111 1111 1111 1111');

    await outbox.flush(); // still down: stays waiting
    // At least the three tries made here; the core may have tried once more on its own meanwhile
    // (it sends what waits whenever it looks for the hub), which a busy machine makes likely.
    expect(outbox.entries()[0]).toMatchObject({ state: 'waiting' });
    expect(outbox.entries()[0]!.attempts).toBeGreaterThanOrEqual(3);
    down = false;
    await outbox.flush();
    await outbox.flush();
    expect(outbox.entries()).toEqual([]);
    const rows = await hub.context.db.all<{ idempotency_key: string; status: string; message: string }>(
      'SELECT idempotency_key, status, message FROM gesture_requests WHERE case_id = ?',
      [caseId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ idempotency_key: entries[0]!.idempotencyKey, status: 'approved' });
    expect(rows[0]!.message).toContain('411111••••••1111');
    // Had the reply been lost, sending the same key again is the same request, not a second one.
    const again = await advisor.client.post('/api/gestures/requests', { ...draft, message: rows[0]!.message, idempotencyKey: entries[0]!.idempotencyKey });
    expect(again.status).toBe(200);
    expect(again.body.replayed).toBe(true);
    expect(await hub.context.db.all('SELECT id FROM gesture_requests WHERE case_id = ?', [caseId])).toHaveLength(1);
    await core.stop();
    await proxy.close();
  });
});
