import { REVOKE_EVENT } from '../events/bus';
import type { HubContext } from '../context';
import { read, readOne, type Read } from '../db/together';
import { HttpError } from '../http/errors';
import type { Actor } from '../http/router';
import { sha256 } from '../ids';
import { USER_COLUMNS, type UserRow } from './users';

interface SessionRow extends UserRow {
  created: number;
  expires_at: number;
  last_seen_at: number;
}

/** How long a session's last sighting stands before it is written again (sliding expiry). */
const SEEN_REFRESH_MS = 60_000;

/** The session behind a token hash, with its person. */
export const sessionRead = (tokenHash: string): Read<SessionRow | undefined> =>
  read(
    `SELECT s.created_at AS created, s.expires_at, s.last_seen_at, ${USER_COLUMNS.split(', ')
      .map((c) => `u.${c}`)
      .join(', ')}
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    [tokenHash],
    (rows) => rows[0] as SessionRow | undefined,
  );

/** The person acting, if the session is live: not signed out, not disabled, not expired. */
function actorOf(hub: HubContext, row: SessionRow | undefined, tokenHash: string, now: number): Actor | null {
  if (!row || row.disabled || Number(row.expires_at) <= now || Number(row.created) + hub.config.sessionMaxMs <= now) return null;
  return { userId: row.id, username: row.username, displayName: row.display_name, role: row.role, siteId: row.site_id, teamId: row.team_id, extension: row.extension, tokenHash };
}

/**
 * Sessions this hub read lately, by token hash, for routes that check the session again inside
 * their own transaction (`checksSession`): there the request's first round trip is spared, and a
 * signed-out, disabled or changed person is still caught at once, by that check. Never an answer by
 * itself: every other route reads the session afresh.
 */
interface Sighting {
  actor: Actor;
  seenAt: number;
  expiresAt: number;
  created: number;
}
const sightings = new WeakMap<HubContext, Map<string, Sighting>>();
const MAX_SIGHTINGS = 10_000;

function sightingsOf(hub: HubContext): Map<string, Sighting> {
  let seen = sightings.get(hub);
  if (!seen) {
    const fresh = new Map<string, Sighting>();
    // A sign-out or a disabled account on any hub forgets at once what it can (the check stays the guarantee).
    hub.events.subscribe((e) => {
      if (e.name !== REVOKE_EVENT) return;
      if (typeof e.data.tokenHash === 'string') fresh.delete(e.data.tokenHash);
      else for (const [hash, s] of fresh) if (s.actor.userId === e.data.userId) fresh.delete(hash);
    });
    sightings.set(hub, fresh);
    seen = fresh;
  }
  return seen;
}

/** Sliding expiry, refreshed at most once a minute so reads do not turn into writes. */
export async function resolveSession(hub: HubContext, token: string): Promise<Actor | null> {
  const tokenHash = sha256(token);
  const row = await readOne(hub.db, sessionRead(tokenHash));
  const now = Date.now();
  const actor = actorOf(hub, row, tokenHash, now);
  if (!actor || !row) return null;
  let { last_seen_at: seenAt, expires_at: expiresAt } = row;
  if (now - seenAt > SEEN_REFRESH_MS) {
    seenAt = now;
    expiresAt = Math.min(now + hub.config.sessionIdleMs, Number(row.created) + hub.config.sessionMaxMs);
    await hub.db.run('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?', [now, expiresAt, tokenHash]);
  }
  const seen = sightingsOf(hub);
  if (seen.size >= MAX_SIGHTINGS) seen.clear();
  seen.set(tokenHash, { actor, seenAt: Number(seenAt), expiresAt: Number(expiresAt), created: Number(row.created) });
  return actor;
}

/**
 * The person this hub saw behind the token lately, while the sighting needs no refresh, marked as
 * still to be confirmed: only for a route that checks the session in its transaction.
 */
export function recallSession(hub: HubContext, token: string): Actor | null {
  const tokenHash = sha256(token);
  const s = sightingsOf(hub).get(tokenHash);
  const now = Date.now();
  if (!s || now - s.seenAt > SEEN_REFRESH_MS || s.expiresAt <= now || s.created + hub.config.sessionMaxMs <= now) return null;
  return { ...s.actor, recalled: { confirmed: false } };
}

/** The session changed since it was read (signed out, disabled, another role or site): the request is answered afresh. */
export class SessionChanged extends Error {
  constructor() {
    super('the session changed while the request was being answered');
  }
}

const SAME: readonly (keyof Actor)[] = ['userId', 'username', 'displayName', 'role', 'siteId', 'teamId', 'extension'];

/**
 * The check a `checksSession` route makes inside its transaction, from a sessionRead sent with its
 * other reads: the session is live and the person is who the request was answered as, or the
 * transaction rolls back with SessionChanged.
 */
export function confirmSession(hub: HubContext, actor: Actor, row: SessionRow | undefined): void {
  const now = Date.now();
  const live = actorOf(hub, row, actor.tokenHash, now);
  if (!live || SAME.some((k) => live[k] !== actor[k])) {
    sightingsOf(hub).delete(actor.tokenHash);
    throw new SessionChanged();
  }
  if (actor.recalled) actor.recalled.confirmed = true;
}

export const signedOut = () => new HttpError(401, 'signed_out', 'Sign in first: your session is missing or has expired.');
