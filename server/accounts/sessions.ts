import type { SessionView } from '../../shared/schemas/accounts';
import { audit } from '../audit';
import { REVOKE_EVENT } from '../events/bus';
import type { HubContext } from '../context';
import { HttpError } from '../http/errors';
import type { Actor } from '../http/router';
import { newToken, sha256 } from '../ids';
import { burnEquivalentTime, verifyPassword } from './passwords';
import { findSite, toSiteView, toUserView, USER_COLUMNS, type UserRow } from './users';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const WRONG = () => new HttpError(401, 'wrong_credentials', 'That username and password do not match.');

/**
 * Sign-in with slowing and lockout per account. The failure count lives in the database, so
 * every hub instance sees the same count.
 */
export async function signIn(
  hub: HubContext,
  input: { username: string; password: string; client?: string },
): Promise<SessionView> {
  const { lockout } = hub.config;
  const user = await hub.db.get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = ?`, [input.username]);
  if (!user) {
    await burnEquivalentTime(input.password);
    throw WRONG();
  }
  const now = Date.now();
  if (user.locked_until && user.locked_until > now) {
    const minutes = Math.ceil((user.locked_until - now) / 60000);
    throw new HttpError(
      423,
      'account_locked',
      `Too many wrong passwords. This account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}; a supervisor or admin can unlock it sooner by resetting the password.`,
      undefined,
      { 'Retry-After': String(Math.ceil((user.locked_until - now) / 1000)) },
    );
  }
  const ok = await verifyPassword(input.password, user.password_hash);
  if (!ok) {
    const failures = user.failed_attempts + 1;
    const lockedUntil = failures >= lockout.lockAfter ? now + lockout.lockMs : null;
    const slowedMs = failures > lockout.slowAfter ? Math.min(2000, (failures - lockout.slowAfter) * lockout.slowStepMs) : 0;
    await hub.db.tx(async (q) => {
      await q.run('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?', [
        lockedUntil ? 0 : failures,
        lockedUntil,
        user.id,
      ]);
      await audit(q, null, {
        action: lockedUntil ? 'account.locked' : 'session.sign_in_failed',
        entity: 'user',
        entityId: user.id,
        siteId: user.site_id,
        detail: { failures, slowedMs },
      });
    });
    if (slowedMs) await sleep(slowedMs);
    throw WRONG();
  }
  if (user.disabled) throw new HttpError(403, 'account_disabled', 'This account is disabled. Ask an admin.');

  const token = newToken();
  const expiresAt = now + hub.config.sessionIdleMs;
  await hub.db.tx(async (q) => {
    await q.run('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?', [user.id]);
    await q.run(
      'INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, client) VALUES (?, ?, ?, ?, ?, ?)',
      [sha256(token), user.id, now, expiresAt, now, input.client?.slice(0, 120) ?? null],
    );
    await audit(q, null, { action: 'session.signed_in', entity: 'user', entityId: user.id, siteId: user.site_id });
  });
  const site = await findSite(hub.db, user.site_id);
  return { token, expiresAt, user: toUserView(user), site: toSiteView(site) };
}

interface SessionRow extends UserRow {
  created: number;
  expires_at: number;
  last_seen_at: number;
}

/** Sliding expiry, refreshed at most once a minute so reads do not turn into writes. */
export async function resolveSession(hub: HubContext, token: string): Promise<Actor | null> {
  const tokenHash = sha256(token);
  const row = await hub.db.get<SessionRow>(
    `SELECT s.created_at AS created, s.expires_at, s.last_seen_at, ${USER_COLUMNS.split(', ')
      .map((c) => `u.${c}`)
      .join(', ')}
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    [tokenHash],
  );
  const now = Date.now();
  if (!row || row.disabled || row.expires_at <= now || row.created + hub.config.sessionMaxMs <= now) return null;
  if (now - row.last_seen_at > 60_000) {
    const expiresAt = Math.min(now + hub.config.sessionIdleMs, row.created + hub.config.sessionMaxMs);
    await hub.db.run('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?', [
      now,
      expiresAt,
      tokenHash,
    ]);
  }
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    siteId: row.site_id,
    teamId: row.team_id,
    extension: row.extension,
    tokenHash,
  };
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
