import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/roles';
import type { TwoFactorEnrolment, TwoFactorStatus } from '../../shared/schemas/two-factor';
import type { HubContext } from '../context';
import type { Queryable } from '../db/types';
import { conflict } from '../http/errors';
import { sha256 } from '../ids';
import { base32Decode, base32Encode, matchingStep, newTotpSecret, otpauthUri } from './totp';

export const RECOVERY_CODES = 10;

interface TwoFactorRow {
  secret: string;
  confirmed_at: number | string | null;
  last_step: number | string | null;
}

const purpose = (userId: string) => `totp:${userId}`;

export async function requiredRoles(q: Queryable): Promise<Role[]> {
  const rows = await q.all<{ role: Role }>('SELECT role FROM two_factor_required_roles ORDER BY role');
  return rows.map((r) => r.role);
}

export async function isRequiredFor(q: Queryable, role: Role): Promise<boolean> {
  return Boolean(await q.get('SELECT role FROM two_factor_required_roles WHERE role = ?', [role]));
}

async function row(q: Queryable, userId: string): Promise<TwoFactorRow | undefined> {
  return q.get<TwoFactorRow>('SELECT secret, confirmed_at, last_step FROM two_factor WHERE user_id = ?', [userId]);
}

export async function isEnrolled(q: Queryable, userId: string): Promise<boolean> {
  const r = await row(q, userId);
  return Boolean(r?.confirmed_at);
}

export async function twoFactorStatus(q: Queryable, user: { id: string; role: Role }): Promise<TwoFactorStatus> {
  const r = await row(q, user.id);
  const left = await q.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM two_factor_recovery_codes WHERE user_id = ? AND used_at IS NULL', [user.id]);
  return {
    enabled: Boolean(r?.confirmed_at),
    required: await isRequiredFor(q, user.role),
    confirmedAt: r?.confirmed_at ? Number(r.confirmed_at) : null,
    recoveryCodesLeft: r?.confirmed_at ? Number(left?.n ?? 0) : 0,
  };
}

/**
 * A new key for the person's app, sealed before it is written. Until a code from it is accepted it
 * is only pending: starting again replaces it, and sign-in does not ask for it.
 */
export async function startEnrolment(hub: HubContext, user: { id: string; username: string }): Promise<TwoFactorEnrolment> {
  const secret = newTotpSecret();
  await hub.db.tx(async (q) => {
    if (await isEnrolled(q, user.id)) throw conflict('Two-factor sign-in is already on; an admin can reset it if the phone is lost.');
    await q.run('DELETE FROM two_factor WHERE user_id = ?', [user.id]);
    await q.run('INSERT INTO two_factor (user_id, secret, confirmed_at, last_step, created_at) VALUES (?, ?, NULL, NULL, ?)', [
      user.id,
      hub.secrets.seal(secret, purpose(user.id)),
      Date.now(),
    ]);
  });
  return { secret, uri: otpauthUri(secret, user.username) };
}

/**
 * Whether this code is right for the person's key (pending or confirmed) and newer than the last
 * one accepted; the step is taken in the same statement, so a code is accepted once, even when sent
 * to two hub instances at once.
 */
export async function takeCode(hub: HubContext, q: Queryable, userId: string, code: string, now = Date.now()): Promise<boolean> {
  const r = await row(q, userId);
  if (!r) return false;
  const step = matchingStep(base32Decode(hub.secrets.open(r.secret, purpose(userId))), code, now);
  if (step === null) return false;
  const taken = await q.run('UPDATE two_factor SET last_step = ? WHERE user_id = ? AND (last_step IS NULL OR last_step < ?)', [step, userId, step]);
  return taken.changes === 1;
}

/** Spends one recovery code; each works once. */
export async function takeRecoveryCode(q: Queryable, userId: string, code: string): Promise<boolean> {
  const spent = await q.run('UPDATE two_factor_recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL', [
    Date.now(),
    userId,
    recoveryHash(userId, code),
  ]);
  return spent.changes === 1;
}

/**
 * Ten codes of 50 random bits each: too many to guess within the lockout, so a fast hash (salted
 * with the person's id) is enough at rest. Shown once; earlier codes stop working.
 */
export async function newRecoveryCodes(q: Queryable, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODES }, () => base32Encode(randomBytes(7)).slice(0, 10).toLowerCase());
  await q.run('DELETE FROM two_factor_recovery_codes WHERE user_id = ?', [userId]);
  await q.run(
    `INSERT INTO two_factor_recovery_codes (user_id, code_hash, used_at) VALUES ${codes.map(() => '(?, ?, NULL)').join(', ')}`,
    codes.flatMap((c) => [userId, recoveryHash(userId, c)]),
  );
  return codes.map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
}

const recoveryHash = (userId: string, code: string) => sha256(`${userId}:${code.replace(/[\s-]/g, '').toLowerCase()}`);

/** The pending key becomes the person's; recovery codes are made. */
export async function confirmEnrolment(q: Queryable, userId: string): Promise<string[]> {
  await q.run('UPDATE two_factor SET confirmed_at = ? WHERE user_id = ?', [Date.now(), userId]);
  return newRecoveryCodes(q, userId);
}

export async function removeTwoFactor(q: Queryable, userId: string): Promise<boolean> {
  const removed = await q.run('DELETE FROM two_factor WHERE user_id = ?', [userId]);
  await q.run('DELETE FROM two_factor_recovery_codes WHERE user_id = ?', [userId]);
  return removed.changes > 0;
}

/** How long a right password waits for its code, and for a person setting up their app. */
export const CODE_CHALLENGE_MS = 5 * 60 * 1000;
export const ENROL_CHALLENGE_MS = 15 * 60 * 1000;

/** What a right password leads to: a code (set up), setting it up (required of the role), or nothing more. */
export async function secondStepFor(q: Queryable, user: { id: string; role: Role }): Promise<'code' | 'enrol' | null> {
  if (await isEnrolled(q, user.id)) return 'code';
  return (await isRequiredFor(q, user.role)) ? 'enrol' : null;
}
