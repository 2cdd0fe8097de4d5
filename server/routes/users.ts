import { z } from 'zod';
import { ADMIN_ROLES, LEAD_ROLES, mayManageAccount, type Placed } from '../../shared/roles';
import { createUserRequest, resetPasswordRequest, updateUserRequest } from '../../shared/schemas/accounts';
import { hashPassword } from '../accounts/passwords';
import { findSite, findUser, PEOPLE_COLUMNS, toUserView, type UserRow } from '../accounts/users';
import { audit } from '../audit';
import type { HubContext } from '../context';
import type { Queryable } from '../db/types';
import { REVOKE_EVENT } from '../events/bus';
import { badRequest, conflict, forbidden } from '../http/errors';
import { route, type Actor } from '../http/router';
import { newId } from '../ids';

const listQuery = z.object({ siteId: z.string().max(64).optional() });

async function checkTeamBelongs(q: Queryable, teamId: string | null | undefined, siteId: string): Promise<void> {
  if (!teamId) return;
  const team = await q.get<{ site_id: string }>('SELECT site_id FROM teams WHERE id = ?', [teamId]);
  if (!team) throw badRequest('That team does not exist.', [{ path: 'teamId', message: 'unknown team' }]);
  if (team.site_id !== siteId) throw badRequest('That team belongs to another site.', [{ path: 'teamId', message: 'team is at another site' }]);
}

/** One rule for every change to an account: the account as it was and as it will be must both be within reach. */
export function checkReach(actor: Actor, ...accounts: Placed[]): void {
  for (const account of accounts) {
    if (mayManageAccount(actor, account)) continue;
    throw forbidden(
      actor.role === 'site_admin' && account.siteId !== actor.siteId
        ? 'A site admin manages the people of their own site only.'
        : 'Nobody changes an account of higher rank than their own, or of equal rank at another site.',
    );
  }
}

/** Every live socket of this person closes; their desktop reconnects as what they now are, or not at all. */
export const revokeLive = (hub: HubContext, userId: string) =>
  hub.events.publish({ name: REVOKE_EVENT, data: { userId }, audience: { kind: 'user', userId } });

async function uniqueOrConflict<T>(work: () => Promise<T>, what: string): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (/unique|duplicate/i.test((err as Error).message)) throw conflict(`${what} is already taken.`);
    throw err;
  }
}

export const userRoutes = [
  route({
    method: 'GET',
    path: '/api/users',
    access: LEAD_ROLES,
    summary: 'Users: every site for organisation admins, their own site for supervisors and site admins',
    query: listQuery,
    async handle({ hub, actor, query }) {
      const siteId = actor.role === 'org_admin' ? query.siteId : actor.siteId;
      const rows = siteId
        ? await hub.db.all<UserRow>(`SELECT ${PEOPLE_COLUMNS} FROM users WHERE site_id = ? ORDER BY display_name`, [siteId])
        : await hub.db.all<UserRow>(`SELECT ${PEOPLE_COLUMNS} FROM users ORDER BY display_name`);
      return { body: { users: rows.map(toUserView) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/users',
    access: ADMIN_ROLES,
    summary: 'Create a user (at or below one’s own rank; a site admin at their own site only)',
    body: createUserRequest,
    async handle({ hub, actor, body }) {
      checkReach(actor, { role: body.role, siteId: body.siteId });
      const id = newId('usr');
      const hash = await hashPassword(body.password, hub.config.passwordCost);
      const now = Date.now();
      await uniqueOrConflict(
        () =>
          hub.db.tx(async (q) => {
            await findSite(q, body.siteId);
            await checkTeamBelongs(q, body.teamId, body.siteId);
            await q.run(
              `INSERT INTO users (id, username, display_name, role, site_id, team_id, extension, password_hash, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              [id, body.username, body.displayName, body.role, body.siteId, body.teamId ?? null, body.extension ?? null, hash, now, now],
            );
            await audit(q, actor, {
              action: 'user.created',
              entity: 'user',
              entityId: id,
              siteId: body.siteId,
              detail: { username: body.username, displayName: body.displayName, role: body.role },
            });
          }),
        'That username or extension',
      );
      return { status: 201, body: { user: toUserView(await findUser(hub.db, id)) } };
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/users/:id',
    access: ADMIN_ROLES,
    summary: 'Change a user: name, role, site, team, extension, disabled',
    body: updateUserRequest,
    async handle({ hub, actor, params, body }) {
      if (params.id === actor.userId && (body.disabled || (body.role && body.role !== actor.role) || (body.siteId && body.siteId !== actor.siteId))) {
        throw badRequest('You cannot disable yourself or change your own role or site.');
      }
      await uniqueOrConflict(
        () =>
          hub.db.tx(async (q) => {
            const before = await findUser(q, params.id!);
            const siteId = body.siteId ?? before.site_id;
            checkReach(actor, { role: before.role, siteId: before.site_id }, { role: body.role ?? before.role, siteId });
            if (body.siteId) await findSite(q, body.siteId);
            const teamId = body.teamId !== undefined ? body.teamId : body.siteId ? null : before.team_id;
            await checkTeamBelongs(q, teamId, siteId);
            await q.run(
              `UPDATE users SET display_name = ?, role = ?, site_id = ?, team_id = ?, extension = ?, disabled = ?, updated_at = ? WHERE id = ?`,
              [
                body.displayName ?? before.display_name,
                body.role ?? before.role,
                siteId,
                teamId,
                body.extension !== undefined ? body.extension : before.extension,
                body.disabled !== undefined ? Number(body.disabled) : Number(before.disabled),
                Date.now(),
                before.id,
              ],
            );
            if (body.disabled) await q.run('DELETE FROM sessions WHERE user_id = ?', [before.id]);
            await audit(q, actor, { action: 'user.updated', entity: 'user', entityId: before.id, siteId, detail: { changes: body } });
          }),
        'That extension',
      );
      if (body.disabled || body.role || body.siteId) await revokeLive(hub, params.id!);
      return { body: { user: toUserView(await findUser(hub.db, params.id!)) } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/users/:id/password',
    access: ADMIN_ROLES,
    summary: 'Reset a password (also unlocks and signs the user out everywhere)',
    body: resetPasswordRequest,
    async handle({ hub, actor, params, body }) {
      checkReach(actor, await findUser(hub.db, params.id!).then((u) => ({ role: u.role, siteId: u.site_id })));
      const hash = await hashPassword(body.password, hub.config.passwordCost);
      await hub.db.tx(async (q) => {
        const user = await findUser(q, params.id!);
        checkReach(actor, { role: user.role, siteId: user.site_id });
        await q.run('UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?', [
          hash,
          Date.now(),
          user.id,
        ]);
        await q.run('DELETE FROM sessions WHERE user_id = ?', [user.id]);
        await audit(q, actor, { action: 'user.password_reset', entity: 'user', entityId: user.id, siteId: user.site_id });
      });
      await revokeLive(hub, params.id!);
      return { status: 204 };
    },
  }),
];
