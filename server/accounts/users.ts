import type { Role, SiteKind } from '../../shared/roles';
import type { SiteView, UserView } from '../../shared/schemas/accounts';
import type { Queryable } from '../db/types';
import { notFound } from '../http/errors';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  site_id: string;
  team_id: string | null;
  extension: string | null;
  password_hash: string;
  disabled: number | boolean;
  failed_attempts: number;
  locked_until: number | null;
  created_at: number;
  /** Only when read with PEOPLE_COLUMNS. */
  last_sign_in_at?: number | string | null;
  /** Only when read with PEOPLE_COLUMNS: 1 when their two-factor sign-in is on. */
  two_factor_on?: number | string;
}

export const USER_COLUMNS =
  'id, username, display_name, role, site_id, team_id, extension, password_hash, disabled, failed_attempts, locked_until, created_at';

/** The columns plus each person's last sign-in (from the audit log) and whether two-factor sign-in is on (read for the admin's list of people). */
export const PEOPLE_COLUMNS = `${USER_COLUMNS}, (SELECT MAX(a.at) FROM audit_log a WHERE a.entity_id = users.id AND a.action = 'session.signed_in') AS last_sign_in_at,
  (SELECT COUNT(*) FROM two_factor t WHERE t.user_id = users.id AND t.confirmed_at IS NOT NULL) AS two_factor_on`;

/** The hash never leaves the hub. */
export function toUserView(row: UserRow): UserView {
  return {
    id: row.id as UserView['id'],
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    siteId: row.site_id as UserView['siteId'],
    teamId: row.team_id as UserView['teamId'],
    extension: row.extension,
    disabled: Boolean(row.disabled),
    lockedUntil: row.locked_until && row.locked_until > Date.now() ? row.locked_until : null,
    createdAt: row.created_at,
    ...(row.last_sign_in_at !== undefined ? { lastSignInAt: row.last_sign_in_at === null ? null : Number(row.last_sign_in_at) } : {}),
    ...(row.two_factor_on !== undefined ? { twoFactorOn: Number(row.two_factor_on) > 0 } : {}),
  };
}

export async function findUser(q: Queryable, id: string): Promise<UserRow> {
  const row = await q.get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`, [id]);
  if (!row) throw notFound('That user');
  return row;
}

export interface SiteRow {
  id: string;
  name: string;
  kind: SiteKind;
  partner_name: string | null;
  city: string;
}

export async function findSite(q: Queryable, id: string): Promise<SiteRow> {
  const row = await q.get<SiteRow>('SELECT id, name, kind, partner_name, city FROM sites WHERE id = ?', [id]);
  if (!row) throw notFound('That site');
  return row;
}

export const toSiteView = (s: SiteRow): SiteView => ({
  id: s.id as SiteView['id'],
  name: s.name,
  kind: s.kind,
  partnerName: s.partner_name,
  city: s.city,
});
