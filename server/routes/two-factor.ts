import { ADMIN_ROLES, ROLES } from '../../shared/roles';
import { codeRequest, twoFactorPolicy } from '../../shared/schemas/two-factor';
import { checkOwnCode } from '../accounts/two-factor-sign-in';
import { confirmEnrolment, isEnrolled, isRequiredFor, newRecoveryCodes, removeTwoFactor, requiredRoles, startEnrolment, twoFactorStatus } from '../accounts/two-factor';
import { findUser } from '../accounts/users';
import { audit } from '../audit';
import { HttpError } from '../http/errors';
import { route } from '../http/router';
import { checkReach, revokeLive } from './users';

/** Two-factor sign-in: one's own (Settings), the per-role requirement and an admin's reset. */
export const twoFactorRoutes = [
  route({
    method: 'GET',
    path: '/api/me/two-factor',
    access: 'signed_in',
    summary: 'Whether my two-factor sign-in is on, required of my role, and recovery codes left',
    async handle({ hub, actor }) {
      return { body: await twoFactorStatus(hub.db, { id: actor.userId, role: actor.role }) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/me/two-factor/enrolment',
    access: 'signed_in',
    summary: 'Start setting up an authenticator app: a new key, as text and otpauth:// address',
    async handle({ hub, actor }) {
      return { body: await startEnrolment(hub, { id: actor.userId, username: actor.username }) };
    },
  }),
  route({
    method: 'POST',
    path: '/api/me/two-factor/confirm',
    access: 'signed_in',
    summary: 'Turn two-factor sign-in on with the first code from the app; answers the recovery codes, once',
    body: codeRequest,
    async handle({ hub, actor, body }) {
      if (await isEnrolled(hub.db, actor.userId)) throw new HttpError(409, 'conflict', 'Two-factor sign-in is already on.');
      await checkOwnCode(hub, actor.userId, body.code);
      const recoveryCodes = await hub.db.tx(async (q) => {
        const codes = await confirmEnrolment(q, actor.userId);
        await audit(q, actor, { action: 'two_factor.enrolled', entity: 'user', entityId: actor.userId });
        return codes;
      });
      return { body: { recoveryCodes } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/me/two-factor/recovery-codes',
    access: 'signed_in',
    summary: 'New recovery codes (the old ones stop working), with a code from the app',
    body: codeRequest,
    async handle({ hub, actor, body }) {
      if (!(await isEnrolled(hub.db, actor.userId))) throw new HttpError(409, 'conflict', 'Turn two-factor sign-in on first.');
      await checkOwnCode(hub, actor.userId, body.code);
      const recoveryCodes = await hub.db.tx(async (q) => {
        const codes = await newRecoveryCodes(q, actor.userId);
        await audit(q, actor, { action: 'two_factor.recovery_codes_renewed', entity: 'user', entityId: actor.userId });
        return codes;
      });
      return { body: { recoveryCodes } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/me/two-factor/disable',
    access: 'signed_in',
    summary: 'Turn my two-factor sign-in off, with a code from the app (not when my role requires it)',
    body: codeRequest,
    async handle({ hub, actor, body }) {
      if (await isRequiredFor(hub.db, actor.role)) throw new HttpError(403, 'two_factor_required', 'Your role must use two-factor sign-in; an admin can reset it if the phone is lost.');
      if (!(await isEnrolled(hub.db, actor.userId))) throw new HttpError(409, 'conflict', 'Two-factor sign-in is not on.');
      await checkOwnCode(hub, actor.userId, body.code);
      await hub.db.tx(async (q) => {
        await removeTwoFactor(q, actor.userId);
        await audit(q, actor, { action: 'two_factor.disabled', entity: 'user', entityId: actor.userId });
      });
      return { status: 204 };
    },
  }),
  route({
    method: 'GET',
    path: '/api/two-factor/policy',
    access: ADMIN_ROLES,
    summary: 'The roles that must use two-factor sign-in',
    async handle({ hub }) {
      return { body: { requiredRoles: await requiredRoles(hub.db) } };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/two-factor/policy',
    access: ['org_admin'],
    summary: 'Set the roles that must use two-factor sign-in (organisation admins only: a site admin may not relax it)',
    body: twoFactorPolicy,
    async handle({ hub, actor, body }) {
      const wanted = ROLES.filter((r) => body.requiredRoles.includes(r));
      await hub.db.tx(async (q) => {
        const before = await requiredRoles(q);
        await q.run('DELETE FROM two_factor_required_roles');
        for (const role of wanted) await q.run('INSERT INTO two_factor_required_roles (role, set_by, set_at) VALUES (?, ?, ?)', [role, actor.userId, Date.now()]);
        await audit(q, actor, { action: 'two_factor.policy_changed', entity: 'organisation', entityId: 'two_factor', detail: { before, after: wanted } });
      });
      return { body: { requiredRoles: wanted } };
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/users/:id/two-factor',
    access: ADMIN_ROLES,
    summary: 'Reset someone’s two-factor sign-in (a lost phone): they set it up again at their next sign-in; signs them out',
    async handle({ hub, actor, params }) {
      await hub.db.tx(async (q) => {
        const user = await findUser(q, params.id!);
        checkReach(actor, { role: user.role, siteId: user.site_id });
        const had = await removeTwoFactor(q, user.id);
        await q.run('DELETE FROM sign_in_challenges WHERE user_id = ?', [user.id]);
        await q.run('DELETE FROM sessions WHERE user_id = ?', [user.id]);
        await audit(q, actor, { action: 'two_factor.reset', entity: 'user', entityId: user.id, siteId: user.site_id, detail: { had } });
      });
      await revokeLive(hub, params.id!);
      return { status: 204 };
    },
  }),
];
