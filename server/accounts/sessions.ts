import type { SessionView } from '../../shared/schemas/accounts';
import type { SignInReply, TwoFactorChallenge } from '../../shared/schemas/two-factor';
import { audit } from '../audit';
import { REVOKE_EVENT } from '../events/bus';
import type { HubContext } from '../context';
import type { Queryable } from '../db/types';
import { HttpError } from '../http/errors';
import type { Actor } from '../http/router';
import { newToken, sha256 } from '../ids';
import { burnEquivalentTime, hashPassword, needsRehash, verifyPassword } from './passwords';
import { CODE_CHALLENGE_MS, ENROL_CHALLENGE_MS, secondStepFor } from './two-factor';
import { findSite, toSiteView, toUserView, USER_COLUMNS, type UserRow } from './users';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const WRONG = () => new HttpError(401, 'wrong_credentials', 'That username and password do not match (after several wrong tries an account is locked for a while).');

interface Attempt {
  id: string;
  failed_attempts: number;
  locked_until: number | null;
}

/**
 * Counts this attempt before any hashing or code check, in one statement, so guesses sent all at
 * once are counted one by one: the attempt that finds the count already at the limit is refused
 * unchecked. A lock that has run out starts the count afresh. Wrong two-factor codes count here too.
 */
export async function countAttempt(hub: HubContext, by: 'username' | 'id', who: string, now: number): Promise<Attempt | undefined> {
  return hub.db.get<Attempt>(
    `UPDATE users SET
       failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN 1 ELSE failed_attempts + 1 END,
       locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN NULL ELSE locked_until END
     WHERE ${by === 'id' ? 'id' : 'username'} = ? RETURNING id, failed_attempts, locked_until`,
    [now, now, who],
  );
}

/** Locked, or past the limit: refused without checking anything (and locked if not yet). */
export async function refusedUnchecked(hub: HubContext, attempt: Attempt | undefined, now: number): Promise<boolean> {
  const locked = Boolean(attempt?.locked_until && Number(attempt.locked_until) > now);
  if (attempt && !locked && attempt.failed_attempts <= hub.config.lockout.lockAfter) return false;
  if (attempt && !locked) await lock(hub, attempt.id, now, attempt.failed_attempts);
  return true;
}

/** A wrong password or code: audited, slowed past a few, and the account locked at the limit. */
export async function refuseWrong(hub: HubContext, user: UserRow, failures: number, now: number, action: string): Promise<void> {
  const { lockout } = hub.config;
  const slowedMs = failures > lockout.slowAfter ? Math.min(2000, (failures - lockout.slowAfter) * lockout.slowStepMs) : 0;
  if (failures >= lockout.lockAfter) await lock(hub, user.id, now, failures);
  else await hub.db.tx((q) => audit(q, null, { action, entity: 'user', entityId: user.id, siteId: user.site_id, detail: { failures, slowedMs } }));
  if (slowedMs) await sleep(slowedMs);
}

/**
 * Sign-in with slowing and lockout per account (never per address: a partner site signs in from
 * behind one address at shift start). The count lives in the database, so every hub instance sees
 * it. An unknown, a locked and a wrong password answer alike, and take as long. With two-factor
 * sign-in the right password only earns a challenge (see two-factor-sign-in.ts), and the count
 * stays until the code is right too, so codes cannot be guessed between right passwords.
 */
export async function signIn(
  hub: HubContext,
  input: { username: string; password: string; client?: string },
): Promise<SignInReply> {
  const now = Date.now();
  const attempt = await countAttempt(hub, 'username', input.username, now);
  if (await refusedUnchecked(hub, attempt, now)) {
    await burnEquivalentTime(input.password, hub.config.passwordCost);
    throw WRONG();
  }
  const user = (await hub.db.get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`, [attempt!.id]))!;
  const ok = await verifyPassword(input.password, user.password_hash);
  if (!ok) {
    await refuseWrong(hub, user, attempt!.failed_attempts, now, 'session.sign_in_failed');
    throw WRONG();
  }
  if (user.disabled) throw new HttpError(403, 'account_disabled', 'This account is disabled. Ask an admin.');
  const rehashed = needsRehash(user.password_hash, hub.config.passwordCost) ? await hashPassword(input.password, hub.config.passwordCost) : null;
  const client = input.client?.slice(0, 120) ?? null;
  const second = await secondStepFor(hub.db, user);
  if (second) return challenge(hub, user, second, { now, client, rehashed });
  return openSession(hub, user, { now, client, rehashed });
}

/** Writes a new password hash made at today's cost, unless the password changed meanwhile. */
async function keepRehash(q: Queryable, user: UserRow, rehashed: string | null | undefined): Promise<void> {
  if (rehashed) await q.run('UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?', [rehashed, user.id, user.password_hash]);
}

async function challenge(
  hub: HubContext,
  user: UserRow,
  kind: 'code' | 'enrol',
  at: { now: number; client: string | null; rehashed: string | null },
): Promise<TwoFactorChallenge> {
  const token = newToken();
  const expiresAt = at.now + (kind === 'code' ? CODE_CHALLENGE_MS : ENROL_CHALLENGE_MS);
  await hub.db.tx(async (q) => {
    const locked = await q.get('SELECT id FROM users WHERE id = ? AND locked_until > ?', [user.id, at.now]);
    if (locked) throw WRONG();
    await keepRehash(q, user, at.rehashed);
    await q.run('DELETE FROM sign_in_challenges WHERE expires_at <= ?', [at.now]);
    await q.run('INSERT INTO sign_in_challenges (token_hash, user_id, kind, expires_at, client) VALUES (?, ?, ?, ?, ?)', [
      sha256(token),
      user.id,
      kind,
      expiresAt,
      at.client,
    ]);
    await audit(q, null, { action: 'session.password_accepted', entity: 'user', entityId: user.id, siteId: user.site_id, detail: { twoFactor: kind } });
  });
  return { twoFactor: kind, challenge: token, expiresAt };
}

/**
 * A new session, with the failure count cleared. `also` runs in the same transaction (the second
 * step spends its challenge and confirms an enrolment there).
 */
export async function openSession(
  hub: HubContext,
  user: UserRow,
  at: { now: number; client: string | null; rehashed?: string | null; detail?: Record<string, unknown> },
  also?: (q: Queryable) => Promise<void>,
): Promise<SessionView> {
  const token = newToken();
  const expiresAt = at.now + hub.config.sessionIdleMs;
  await hub.db.tx(async (q) => {
    // A guess racing alongside may have locked the account while this password was being checked.
    const cleared = await q.run('UPDATE users SET failed_attempts = 0 WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?)', [user.id, at.now]);
    if (cleared.changes !== 1) throw WRONG();
    await keepRehash(q, user, at.rehashed);
    await also?.(q);
    await q.run(
      'INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, client) VALUES (?, ?, ?, ?, ?, ?)',
      [sha256(token), user.id, at.now, expiresAt, at.now, at.client],
    );
    await audit(q, null, { action: 'session.signed_in', entity: 'user', entityId: user.id, siteId: user.site_id, detail: at.detail });
  });
  const site = await findSite(hub.db, user.site_id);
  return { token, expiresAt, user: toUserView(user), site: toSiteView(site) };
}

async function lock(hub: HubContext, userId: string, now: number, failures: number): Promise<void> {
  await hub.db.tx(async (q) => {
    const locked = await q.run('UPDATE users SET locked_until = ? WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?)', [
      now + hub.config.lockout.lockMs,
      userId,
      now,
    ]);
    if (!locked.changes) return;
    const site = await q.get<{ site_id: string }>('SELECT site_id FROM users WHERE id = ?', [userId]);
    await audit(q, null, { action: 'account.locked', entity: 'user', entityId: userId, siteId: site?.site_id ?? null, detail: { failures } });
  });
}

export async function signOut(hub: HubContext, actor: Actor): Promise<void> {
  await hub.db.tx(async (q) => {
    await q.run('DELETE FROM sessions WHERE token_hash = ?', [actor.tokenHash]);
    await audit(q, actor, { action: 'session.signed_out', entity: 'user', entityId: actor.userId });
  });
  await hub.events.publish({
    name: REVOKE_EVENT,
    data: { tokenHash: actor.tokenHash },
    audience: { kind: 'user', userId: actor.userId },
  });
}
