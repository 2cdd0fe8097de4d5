import type { SecondStepReply, TwoFactorEnrolment } from '../../shared/schemas/two-factor';
import { audit } from '../audit';
import type { HubContext } from '../context';
import { HttpError } from '../http/errors';
import { sha256 } from '../ids';
import { countAttempt, openSession, refusedUnchecked, refuseWrong } from './sessions';
import { confirmEnrolment, isEnrolled, startEnrolment, takeCode, takeRecoveryCode } from './two-factor';
import { findUser, type UserRow } from './users';

export const WRONG_CODE = () => new HttpError(401, 'wrong_code', 'That code is not right (after several wrong tries an account is locked for a while).');
const EXPIRED = () => new HttpError(401, 'sign_in_expired', 'That sign-in has expired: enter your username and password again.');

interface ChallengeRow {
  user_id: string;
  kind: 'code' | 'enrol';
  expires_at: number | string;
  client: string | null;
}

async function findChallenge(hub: HubContext, token: string, now: number): Promise<ChallengeRow> {
  const row = await hub.db.get<ChallengeRow>('SELECT user_id, kind, expires_at, client FROM sign_in_challenges WHERE token_hash = ?', [sha256(token)]);
  if (!row || Number(row.expires_at) <= now) throw EXPIRED();
  return row;
}

/**
 * Checks a code (or recovery code) against the lockout: the attempt is counted first, as a
 * password's is, and a wrong one is audited, slowed and locks the account at the limit.
 */
async function countedCheck(hub: HubContext, userId: string, now: number, check: (user: UserRow) => Promise<boolean>): Promise<UserRow> {
  const attempt = await countAttempt(hub, 'id', userId, now);
  if (await refusedUnchecked(hub, attempt, now)) throw WRONG_CODE();
  const user = await findUser(hub.db, userId);
  if (user.disabled) throw new HttpError(403, 'account_disabled', 'This account is disabled. Ask an admin.');
  if (!(await check(user))) {
    await refuseWrong(hub, user, attempt!.failed_attempts, now, 'session.two_factor_failed');
    throw WRONG_CODE();
  }
  return user;
}

/** The sign-in's second step: a code from the app, a recovery code, or the first code of a new enrolment. */
export async function finishSignIn(hub: HubContext, input: { challenge: string; code?: string; recoveryCode?: string }): Promise<SecondStepReply> {
  const now = Date.now();
  const ch = await findChallenge(hub, input.challenge, now);
  const how = input.recoveryCode ? 'recovery_code' : ch.kind === 'enrol' ? 'enrolled' : 'code';
  const user = await countedCheck(hub, ch.user_id, now, (u) =>
    hub.db.tx(async (q) => {
      if (input.recoveryCode) return ch.kind === 'code' && takeRecoveryCode(q, u.id, input.recoveryCode);
      // An admin may have reset the app between password and code.
      if (ch.kind === 'code' && !(await isEnrolled(q, u.id))) return false;
      return takeCode(hub, q, u.id, input.code ?? '', now);
    }),
  );
  let recoveryCodes: string[] | undefined;
  const session = await openSession(hub, user, { now, client: ch.client, detail: { twoFactor: how } }, async (q) => {
    const spent = await q.run('DELETE FROM sign_in_challenges WHERE token_hash = ?', [sha256(input.challenge)]);
    if (spent.changes !== 1) throw EXPIRED(); // finished already, by a request sent alongside
    if (ch.kind === 'enrol') {
      recoveryCodes = await confirmEnrolment(q, user.id);
      await audit(q, null, { action: 'two_factor.enrolled', entity: 'user', entityId: user.id, siteId: user.site_id });
    }
    if (how === 'recovery_code') {
      const left = await q.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM two_factor_recovery_codes WHERE user_id = ? AND used_at IS NULL', [user.id]);
      await audit(q, null, { action: 'two_factor.recovery_code_used', entity: 'user', entityId: user.id, siteId: user.site_id, detail: { left: Number(left?.n ?? 0) } });
    }
  });
  return recoveryCodes ? { ...session, recoveryCodes } : session;
}

/** A role that must use two-factor sign-in sets it up during sign-in, before any session exists. */
export async function enrolDuringSignIn(hub: HubContext, token: string): Promise<TwoFactorEnrolment> {
  const ch = await findChallenge(hub, token, Date.now());
  if (ch.kind !== 'enrol') throw new HttpError(409, 'conflict', 'Two-factor sign-in is already set up: enter a code from your app.');
  return startEnrolment(hub, await findUser(hub.db, ch.user_id));
}

/** A signed-in person proves they hold their app (to turn it on, off, or make new recovery codes). */
export async function checkOwnCode(hub: HubContext, userId: string, code: string): Promise<UserRow> {
  const now = Date.now();
  const user = await countedCheck(hub, userId, now, () => hub.db.tx((q) => takeCode(hub, q, userId, code, now)));
  await hub.db.run('UPDATE users SET failed_attempts = 0 WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?)', [userId, now]);
  return user;
}
