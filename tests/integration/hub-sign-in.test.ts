import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/accounts/passwords';
import { DEMO_PASSWORD } from '../../server/seed/organisation';
import { backends } from '../support/backends';
import { hubPerSuite } from '../support/hub-per-suite';
import { hubClient, signInAs } from '../support/client';

for (const backend of backends()) {
  describe(`sign-in through HTTP on ${backend.name}`, () => {
    const hub = hubPerSuite(backend);

    it('signs in with the demo password and returns the user, site and a session token', async () => {
      const res = await hubClient(hub().url).post('/api/session', { username: 'Advisor1.MCR', password: DEMO_PASSWORD });
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({ username: 'advisor1.mcr', role: 'advisor', siteId: 'site_mcr' });
      expect(res.body.site).toMatchObject({ kind: 'in_house' });
      expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(res.body.user).not.toHaveProperty('passwordHash');
      const me = await hubClient(hub().url, res.body.token).get('/api/session');
      expect(me.status).toBe(200);
      expect(me.body.user.displayName).toBe('Amira Hussain');
    });

    it('stores a real scrypt hash, never the password, and keeps only a hash of the session token', async () => {
      const row = await hub().context.db.get<{ password_hash: string }>('SELECT password_hash FROM users WHERE username = ?', ['advisor2.mcr']);
      expect(row!.password_hash).toMatch(/^scrypt\$8192\$8\$1\$[A-Za-z0-9+/=]{20,}\$[A-Za-z0-9+/=]{80,}$/);
      expect(row!.password_hash).not.toContain(DEMO_PASSWORD);
      expect(await verifyPassword(DEMO_PASSWORD, row!.password_hash)).toBe(true);
      expect(await verifyPassword('rapport-demo-2025', row!.password_hash)).toBe(false);
      const { token } = await signInAs(hub().url, 'advisor2.mcr');
      const sessions = await hub().context.db.all<{ token_hash: string }>('SELECT token_hash FROM sessions');
      expect(sessions.some((s) => s.token_hash === token)).toBe(false);
      expect(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true);
    });

    it('answers a wrong password and an unknown user alike, with 401', async () => {
      const wrong = await hubClient(hub().url).post('/api/session', { username: 'advisor3.mcr', password: 'not-the-password' });
      const unknown = await hubClient(hub().url).post('/api/session', { username: 'nobody.here', password: 'not-the-password' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.error.message).toBe(unknown.body.error.message);
    });

    it('reports every bad field of a malformed sign-in', async () => {
      const res = await hubClient(hub().url).post('/api/session', { username: '!', password: '' });
      expect(res.status).toBe(400);
      expect([...new Set(res.body.error.problems.map((p: { path: string }) => p.path))].sort()).toEqual(['password', 'username']);
    });

    it('slows repeated wrong passwords, then locks the account, even against the right password', async () => {
      const attempt = async (password: string) => {
        const started = performance.now();
        const res = await hubClient(hub().url).post('/api/session', { username: 'advisor1.lds', password });
        return { status: res.status, ms: performance.now() - started, body: res.body, retry: res.headers.get('retry-after') };
      };
      const first = await attempt('wrong-1');
      await attempt('wrong-2');
      const third = await attempt('wrong-3'); // past slowAfter = 2: delayed by slowStepMs
      expect(first.status).toBe(401);
      expect(third.status).toBe(401);
      // The delay itself is recorded, so this does not hang on how busy the machine is.
      const slowed = await hub().context.db.all<{ detail: string }>(
        "SELECT detail FROM audit_log WHERE action = 'session.sign_in_failed' AND entity_id = 'usr_advisor1_lds' ORDER BY id",
      );
      expect(slowed.map((r) => JSON.parse(r.detail).slowedMs)).toEqual([0, 0, 700]);
      expect(third.ms).toBeGreaterThanOrEqual(700);
      const fourth = await attempt('wrong-4'); // lockAfter = 4
      expect(fourth.status).toBe(401);
      const locked = await attempt(DEMO_PASSWORD);
      // Locked answers as unknown does: nobody learns from the answer which usernames exist.
      const unknown = await hubClient(hub().url).post('/api/session', { username: 'nobody.here', password: DEMO_PASSWORD });
      expect(locked.status).toBe(401);
      expect(locked.body).toEqual(unknown.body);
      const audit = await hub().context.db.all<{ action: string }>("SELECT action FROM audit_log WHERE action = 'account.locked'");
      expect(audit.length).toBe(1);

      // An admin's password reset unlocks the account.
      const admin = await signInAs(hub().url, 'admin.lds');
      const reset = await admin.client.post('/api/users/usr_advisor1_lds/password', { password: 'a-brand-new-passphrase' });
      expect(reset.status).toBe(204);
      expect((await attempt('a-brand-new-passphrase')).status).toBe(201);
    });

    it('signs out: the token stops working at once', async () => {
      const { client } = await signInAs(hub().url, 'supervisor.mcr');
      expect((await client.get('/api/session')).status).toBe(200);
      expect((await client.del('/api/session')).status).toBe(204);
      const after = await client.get('/api/session');
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('signed_out');
    });

    it('refuses a disabled account and ends its sessions', async () => {
      const victim = await signInAs(hub().url, 'advisor3.gla');
      const admin = await signInAs(hub().url, 'admin.gla');
      const res = await admin.client.patch('/api/users/usr_advisor3_gla', { disabled: true });
      expect(res.status).toBe(200);
      expect(res.body.user.disabled).toBe(true);
      expect((await victim.client.get('/api/session')).status).toBe(401);
      const again = await hubClient(hub().url).post('/api/session', { username: 'advisor3.gla', password: DEMO_PASSWORD });
      expect(again.status).toBe(403);
      expect(again.body.error.code).toBe('account_disabled');
    });
  });
}
