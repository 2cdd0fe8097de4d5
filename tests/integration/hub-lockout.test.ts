import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_COST, verifyPassword } from '../../server/accounts/passwords';
import type { Hub } from '../../server/hub';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { backends, dropTestSchemas, testHub } from '../support/backends';
import { hubClient } from '../support/client';

const signIn = (url: string, username: string, password: string) => hubClient(url).post('/api/session', { username, password });

for (const backend of backends()) {
  describe(`lockout and password hashing on ${backend.name}`, { timeout: 120_000 }, () => {
    let hub: Hub;
    beforeAll(async () => {
      // The production cost: these tests are about hashing under a burst of guesses.
      hub = await testHub(backend, { config: { lockout: { slowAfter: 2, lockAfter: 4, lockMs: 60_000, slowStepMs: 0 }, passwordCost: PASSWORD_COST } });
    });
    afterAll(async () => {
      await hub.close();
      await dropTestSchemas();
    });

    it('locks an account guessed at 40 times at once; the right password is then refused', async () => {
      const guesses = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(hub.url, 'advisor2.lds', `guess-${i}`)));
      expect(guesses.every((g) => g.status === 401)).toBe(true);
      const row = await hub.context.db.get<{ locked_until: number | null; failed_attempts: number }>(
        'SELECT locked_until, failed_attempts FROM users WHERE username = ?',
        ['advisor2.lds'],
      );
      expect(Number(row!.locked_until)).toBeGreaterThan(Date.now());
      expect(Number(row!.failed_attempts)).toBe(40);
      const right = await signIn(hub.url, 'advisor2.lds', DEMO_PASSWORD);
      expect(right.status).toBe(401);
      expect((await hub.context.db.all("SELECT id FROM audit_log WHERE action = 'account.locked' AND entity_id = 'usr_advisor2_lds'")).length).toBe(1);
    });

    it('counts per username, not per address: one office signing in at once locks nobody else', async () => {
      // Six failures from one address, more than lockAfter (4) in all, three per person.
      for (const who of ['advisor1.gla', 'advisor2.gla']) {
        for (let i = 0; i < 3; i++) expect((await signIn(hub.url, who, 'typo-at-shift-start')).status).toBe(401);
      }
      for (const who of ['advisor1.gla', 'advisor3.gla']) {
        expect((await signIn(hub.url, who, DEMO_PASSWORD)).status, who).toBe(201);
      }
      // A success starts the count afresh.
      expect(Number((await hub.context.db.get<{ n: number }>('SELECT failed_attempts AS n FROM users WHERE username = ?', ['advisor1.gla']))!.n)).toBe(0);
    });

    it('rehashes an older, cheaper hash at the next sign-in', async () => {
      const salt = randomBytes(16);
      const old = ['scrypt', 2 ** 14, 8, 1, salt.toString('base64'), scryptSync(DEMO_PASSWORD, salt, 64, { N: 2 ** 14, r: 8, p: 1 }).toString('base64')].join('$');
      await hub.context.db.run('UPDATE users SET password_hash = ? WHERE username = ?', [old, 'advisor3.mcr']);
      expect((await signIn(hub.url, 'advisor3.mcr', DEMO_PASSWORD)).status).toBe(201);
      const now = (await hub.context.db.get<{ h: string }>('SELECT password_hash AS h FROM users WHERE username = ?', ['advisor3.mcr']))!.h;
      expect(now).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(await verifyPassword(DEMO_PASSWORD, now)).toBe(true);
      expect((await signIn(hub.url, 'advisor3.mcr', DEMO_PASSWORD)).status).toBe(201);
    });
  });
}
