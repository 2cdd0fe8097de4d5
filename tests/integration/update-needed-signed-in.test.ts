import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SetupStatus } from '../../shared/contract/setup';
import type { PushFrame } from '../../shared/contract/envelope';
import { DesktopCore } from '../../electron/core/core';
import { coreHandlers } from '../../electron/core/handlers';
import { route } from '../../electron/core/router';
import { startHub, type Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { backends, dropTestSchemas, TEST_PASSWORD_COST } from '../support/backends';
import { waitUntil } from '../support/wait';

afterAll(async () => {
  await dropTestSchemas();
});

for (const backend of backends()) {
  describe(`a hub upgraded under a signed-in desktop, on ${backend.name}`, () => {
    const hubs: Hub[] = [];
    afterAll(async () => {
      for (const h of hubs) await h.close().catch(() => undefined);
    });

    it('answers 426 and the app says "update needed" at once, without signing the person out', async () => {
      const db = await backend.fresh();
      const config = { passwordCost: TEST_PASSWORD_COST };
      const before = await startHub({ port: 0, ...db, config });
      hubs.push(before);
      const core = new DesktopCore({ dataDir: mkdtempSync(join(tmpdir(), 'rapport-update-')), hubUrl: before.url });
      const pushes: PushFrame[] = [];
      core.onPush((f) => pushes.push(f));
      const call = async (name: string, args: unknown = {}) => (await route(coreHandlers(core), { id: 1, name, args }))!.result as { ok: boolean; value?: any; error?: any };
      try {
        expect((await call('session.signIn', { username: 'advisor1.mcr', password: DEMO_PASSWORD })).ok).toBe(true);
        expect((await call('setup.status')).value.updateNeeded).toBeNull();
        await waitUntil(async () => core.connection.state === 'online', 'online');

        // IT upgrades the hub overnight: same address, same database, and it now serves only 9.0.0 and later.
        const port = Number(new URL(before.url).port);
        await before.close();
        const after = await startHub({ port, ...db, config, minDesktopVersion: '9.0.0' });
        hubs.push(after);

        const told = await waitUntil(
          async () => pushes.find((p) => p.push === 'setup.changed' && (p.data as SetupStatus).updateNeeded?.minDesktop === '9.0.0'),
          'the app told an update is needed',
        );
        expect((told.data as SetupStatus).updateNeeded).toEqual({ minDesktop: '9.0.0' });
        // A request the page makes now gets the hub's own words, and the person stays signed in.
        const home = await call('home.advisor');
        expect(home.error).toMatchObject({ code: 'update_needed', message: expect.stringContaining('Ask IT to update Rapport') });
        expect(core.sessionState.signedIn).toBe(true);
      } finally {
        await core.stop();
      }
    });
  });
}
