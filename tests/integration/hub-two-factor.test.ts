import { describe, expect, it } from 'vitest';
import type { Hub } from '../../server/hub';
import { backends } from '../support/backends';
import { hubClient, signInAs } from '../support/client';
import { hubPerSuite } from '../support/hub-per-suite';
import { codeFor, enrolByApi, passwordStep, secondStep } from '../support/two-factor';

const userId = async (hub: Hub, username: string) => (await hub.context.db.get<{ id: string }>('SELECT id FROM users WHERE username = ?', [username]))!.id;
const audited = async (hub: Hub, action: string, entityId: string) =>
  (await hub.context.db.all('SELECT id FROM audit_log WHERE action = ? AND entity_id = ?', [action, entityId])).length;

/** Turns two-factor sign-in on from Settings, as the person would; the key is offered as an otpauth:// address. */
async function enrol(hub: Hub, username: string) {
  const enrolled = await enrolByApi(hub.url, username);
  expect(enrolled.uri).toBe(`otpauth://totp/Rapport:${username}?secret=${enrolled.secret}&issuer=Rapport&algorithm=SHA1&digits=6&period=30`);
  return enrolled;
}

for (const backend of backends()) {
  describe(`two-factor sign-in on ${backend.name}`, { timeout: 60_000 }, () => {
    const hub = hubPerSuite(backend, { config: { lockout: { slowAfter: 2, lockAfter: 4, lockMs: 60_000, slowStepMs: 0 } } });

    it('enrols with a key kept sealed at rest and recovery codes kept hashed; sign-in then asks for a code', async () => {
      const { secret, recoveryCodes, me } = await enrol(hub(), 'supervisor.mcr');
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
      const id = await userId(hub(), 'supervisor.mcr');
      const stored = await hub().context.db.get<{ secret: string }>('SELECT secret FROM two_factor WHERE user_id = ?', [id]);
      expect(stored!.secret).toMatch(/^enc:v1:/);
      expect(stored!.secret).not.toContain(secret);
      const hashes = await hub().context.db.all<{ code_hash: string }>('SELECT code_hash FROM two_factor_recovery_codes WHERE user_id = ?', [id]);
      expect(hashes).toHaveLength(10);
      for (const h of hashes) for (const c of recoveryCodes) expect(h.code_hash).not.toContain(c.replace('-', ''));
      expect((await me.client.get('/api/me/two-factor')).body).toMatchObject({ enabled: true, required: false, recoveryCodesLeft: 10 });
      expect(await audited(hub(), 'two_factor.enrolled', id)).toBe(1);

      // The password alone no longer opens a session.
      const first = await passwordStep(hub().url, 'supervisor.mcr');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ twoFactor: 'code' });
      expect(first.body).not.toHaveProperty('token');
      // The code that turned it on has been used: the same one is refused.
      expect((await secondStep(hub().url, { challenge: first.body.challenge!, code: codeFor(secret) })).status).toBe(401);
      const next = codeFor(secret, 1);
      const signedIn = await secondStep(hub().url, { challenge: first.body.challenge!, code: next });
      expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(201);
      expect(signedIn.body.user.username).toBe('supervisor.mcr');
      expect((await hubClient(hub().url, signedIn.body.token).get('/api/session')).status).toBe(200);
      // No code works twice, nor a challenge.
      const again = await passwordStep(hub().url, 'supervisor.mcr');
      const replay = await secondStep(hub().url, { challenge: again.body.challenge!, code: next });
      expect(replay.status).toBe(401);
      expect(replay.body.error.code).toBe('wrong_code');
      expect((await secondStep(hub().url, { challenge: first.body.challenge!, code: codeFor(secret, 1) })).body.error.code).toBe('sign_in_expired');
    });

    it('signs in with a recovery code once; the code is then spent', async () => {
      const { recoveryCodes } = await enrol(hub(), 'supervisor.lds');
      const id = await userId(hub(), 'supervisor.lds');
      const first = await passwordStep(hub().url, 'supervisor.lds');
      const typed = recoveryCodes[3]!.toUpperCase().replace('-', ' ');
      const signedIn = await secondStep(hub().url, { challenge: first.body.challenge!, recoveryCode: typed });
      expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(201);
      expect(await audited(hub(), 'two_factor.recovery_code_used', id)).toBe(1);
      const second = await passwordStep(hub().url, 'supervisor.lds');
      expect((await secondStep(hub().url, { challenge: second.body.challenge!, recoveryCode: recoveryCodes[3]! })).status).toBe(401);
      const status = await hubClient(hub().url, signedIn.body.token).get('/api/me/two-factor');
      expect(status.body.recoveryCodesLeft).toBe(9);
      const malformed = await secondStep(hub().url, { challenge: second.body.challenge!, recoveryCode: 'not-a-code!' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.problems[0].path).toBe('recoveryCode');
    });

    it('counts wrong codes like wrong passwords: the account locks and the right code is then refused', async () => {
      const { secret } = await enrol(hub(), 'supervisor.gla');
      const id = await userId(hub(), 'supervisor.gla');
      const first = await passwordStep(hub().url, 'supervisor.gla'); // failure count 1 until the code is right
      for (const wrong of ['000000', '111111', '222222']) {
        const res = await secondStep(hub().url, { challenge: first.body.challenge!, code: wrong === codeFor(secret, 1) ? '333333' : wrong });
        expect(res.status).toBe(401);
      }
      const row = await hub().context.db.get<{ locked_until: number | null }>('SELECT locked_until FROM users WHERE id = ?', [id]);
      expect(Number(row!.locked_until)).toBeGreaterThan(Date.now());
      expect(await audited(hub(), 'account.locked', id)).toBe(1);
      expect(await audited(hub(), 'session.two_factor_failed', id)).toBe(2);
      expect((await secondStep(hub().url, { challenge: first.body.challenge!, code: codeFor(secret, 1) })).status).toBe(401);
      expect((await passwordStep(hub().url, 'supervisor.gla')).status).toBe(401);
    });

    it('requires it of the roles an organisation admin chooses; the person sets it up while signing in; a site admin cannot relax it', async () => {
      const head = await signInAs(hub().url, 'head.mcr');
      const leedsAdmin = await signInAs(hub().url, 'admin.lds');
      expect((await leedsAdmin.client.put('/api/two-factor/policy', { requiredRoles: [] })).status).toBe(403);
      expect((await head.client.put('/api/two-factor/policy', { requiredRoles: ['nobody'] })).status).toBe(400);
      const set = await head.client.put('/api/two-factor/policy', { requiredRoles: ['site_admin', 'supervisor'] });
      expect(set.status).toBe(200);
      expect(set.body.requiredRoles).toEqual(['supervisor', 'site_admin']);
      expect((await leedsAdmin.client.get('/api/two-factor/policy')).body.requiredRoles).toEqual(['site_admin', 'supervisor']);

      // An advisor is not asked; a site admin without an app sets one up before any session exists.
      expect((await passwordStep(hub().url, 'advisor1.lds')).status).toBe(201);
      const first = await passwordStep(hub().url, 'admin.gla');
      expect(first.body).toMatchObject({ twoFactor: 'enrol' });
      const app = await hubClient(hub().url).post('/api/session/two-factor/enrolment', { challenge: first.body.challenge });
      expect(app.status).toBe(200);
      expect((await secondStep(hub().url, { challenge: first.body.challenge!, code: '123456' === codeFor(app.body.secret) ? '654321' : '123456' })).status).toBe(401);
      const done = await secondStep(hub().url, { challenge: first.body.challenge!, code: codeFor(app.body.secret) });
      expect(done.status, JSON.stringify(done.body)).toBe(201);
      expect(done.body.recoveryCodes).toHaveLength(10);
      const glasgow = hubClient(hub().url, done.body.token);
      expect((await glasgow.get('/api/me/two-factor')).body).toMatchObject({ enabled: true, required: true });
      // Required of the role: it cannot be turned off, even with a right code.
      const off = await glasgow.post('/api/me/two-factor/disable', { code: codeFor(app.body.secret, 1) });
      expect(off.status).toBe(403);
      expect(off.body.error.code).toBe('two_factor_required');
      expect((await passwordStep(hub().url, 'admin.gla')).body.twoFactor).toBe('code');
      expect((await head.client.put('/api/two-factor/policy', { requiredRoles: [] })).status).toBe(200);
      expect(await audited(hub(), 'two_factor.policy_changed', 'two_factor')).toBe(2);
      // The head of service resets it (a lost phone); with nothing required, the password is enough again.
      expect((await head.client.del(`/api/users/${await userId(hub(), 'admin.gla')}/two-factor`)).status).toBe(204);
      expect((await passwordStep(hub().url, 'admin.gla')).status).toBe(201);
    });

    it('lets an admin within reach reset someone’s two-factor sign-in (audited; signs them out), and nobody else', async () => {
      const { secret } = await enrol(hub(), 'advisor2.lds');
      const id = await userId(hub(), 'advisor2.lds');
      const first = await passwordStep(hub().url, 'advisor2.lds');
      const session = await secondStep(hub().url, { challenge: first.body.challenge!, code: codeFor(secret, 1) });
      expect(session.status).toBe(201);
      expect((await (await signInAs(hub().url, 'admin.gla')).client.del(`/api/users/${id}/two-factor`)).status).toBe(403);
      expect((await (await signInAs(hub().url, 'advisor1.lds')).client.del(`/api/users/${id}/two-factor`)).status).toBe(403);
      const headId = await userId(hub(), 'head.mcr');
      const leedsAdmin = await signInAs(hub().url, 'admin.lds');
      const twoFactorOn = async () => ((await leedsAdmin.client.get('/api/users')).body.users as { id: string; twoFactorOn: boolean }[]).find((u) => u.id === id)?.twoFactorOn;
      expect(await twoFactorOn()).toBe(true);
      expect((await leedsAdmin.client.del(`/api/users/${headId}/two-factor`)).status).toBe(403);
      expect((await leedsAdmin.client.del(`/api/users/${id}/two-factor`)).status).toBe(204);
      expect(await twoFactorOn()).toBe(false);
      expect(await audited(hub(), 'two_factor.reset', id)).toBe(1);
      expect((await hubClient(hub().url, session.body.token).get('/api/session')).status).toBe(401);
      expect((await passwordStep(hub().url, 'advisor2.lds')).status).toBe(201);
    });

    it('turns off with a right code when the role does not require it; a wrong code is refused', async () => {
      const { secret, me } = await enrol(hub(), 'advisor3.mcr');
      expect((await me.client.post('/api/me/two-factor/disable', { code: '12345' })).status).toBe(400);
      const wrong = codeFor(secret, 1) === '999999' ? '999998' : '999999';
      expect((await me.client.post('/api/me/two-factor/disable', { code: wrong })).status).toBe(401);
      const renewed = await me.client.post('/api/me/two-factor/recovery-codes', { code: codeFor(secret, 1) });
      expect(renewed.body.recoveryCodes).toHaveLength(10);
      expect((await me.client.post('/api/me/two-factor/enrolment')).status).toBe(409);
      // The renewal's code is spent, and a replay counts as a wrong code.
      expect((await me.client.post('/api/me/two-factor/disable', { code: codeFor(secret, 1) })).status).toBe(401);
      expect(Number((await hub().context.db.get<{ n: number }>('SELECT failed_attempts AS n FROM users WHERE username = ?', ['advisor3.mcr']))!.n)).toBe(1);
      expect((await me.client.get('/api/me/two-factor')).body.enabled).toBe(true);
    });
  });
}
