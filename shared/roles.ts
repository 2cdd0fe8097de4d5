/**
 * Who someone is in the contact centre decides what the hub lets them do, in rising rank. A site
 * admin runs one site (its people, teams, budget and audit); an organisation admin (head of
 * service) holds what is organisation-wide: catalogue, limits, the PBX, knowledge, every site.
 */
export const ROLES = ['advisor', 'supervisor', 'site_admin', 'org_admin'] as const;
export type Role = (typeof ROLES)[number];

export const ADMIN_ROLES = ['site_admin', 'org_admin'] as const satisfies readonly Role[];
/** Everyone who watches a floor: supervisors and both kinds of admin. */
export const LEAD_ROLES = ['supervisor', 'site_admin', 'org_admin'] as const satisfies readonly Role[];
/** Who approves spend and records its fulfilment: supervisors at their site, heads of service everywhere. */
export const APPROVER_ROLES = ['supervisor', 'org_admin'] as const satisfies readonly Role[];
/** Who takes calls and works cases. */
export const AGENT_ROLES = ['advisor', 'supervisor'] as const satisfies readonly Role[];

export const ROLE_RANK: Record<Role, number> = { advisor: 0, supervisor: 1, site_admin: 2, org_admin: 3 };

export const isAdmin = (role: Role): boolean => role === 'site_admin' || role === 'org_admin';
export const isOrgAdmin = (role: Role): boolean => role === 'org_admin';

export interface Placed {
  role: Role;
  siteId: string;
}

/**
 * Whether `actor` may change this account (create it, edit it, reset its password). Nobody reaches
 * an account of equal or higher rank at another site, or of higher rank at their own; a site admin
 * never reaches another site at all; only admins change accounts.
 */
export function mayManageAccount(actor: Placed, account: Placed): boolean {
  if (!isAdmin(actor.role)) return false;
  const sameSite = actor.siteId === account.siteId;
  if (actor.role === 'site_admin' && !sameSite) return false;
  const rank = ROLE_RANK[account.role] - ROLE_RANK[actor.role];
  return sameSite ? rank <= 0 : rank < 0;
}

/** Whether `actor` may run this site's own business (its teams, its budget, its audit). */
export const mayRunSite = (actor: Placed, siteId: string): boolean =>
  actor.role === 'org_admin' || (actor.role === 'site_admin' && actor.siteId === siteId);

export const SITE_KINDS = ['in_house', 'partner'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** The three lines of business; `all` marks knowledge that serves every line. */
export const LINES = ['food', 'funeralcare', 'membership'] as const;
export type Line = (typeof LINES)[number];

export const LINE_LABELS: Record<Line, string> = {
  food: 'Food',
  funeralcare: 'Funeral care',
  membership: 'Membership',
};

export const CHANNELS = ['phone', 'email', 'chat', 'social', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Open, waiting on the customer, resolved (the advisor's work is done), closed (final): see shared/cases/status-rules.ts. */
export const CASE_STATUSES = ['open', 'waiting', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * What may be done to a case from another site. Reads of a customer's history cross sites, and so do
 * a note or a flag (tell us once: a callback lands anywhere); status, closure, wrap-up, subject,
 * follow-up tasks, gestures and their fulfilment belong to the case's own site (and to the head of service).
 */
export type CaseAction = 'read' | 'add_note' | 'flag_customer' | 'update' | 'follow_up' | 'offer_gesture' | 'fulfil' | 'read_gesture';
const CROSS_SITE_ACTIONS: readonly CaseAction[] = ['read', 'add_note', 'flag_customer'];

export const mayActOnCase = (actor: Placed, caseSiteId: string, action: CaseAction): boolean =>
  CROSS_SITE_ACTIONS.includes(action) || actor.siteId === caseSiteId || actor.role === 'org_admin';
