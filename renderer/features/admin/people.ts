import { mayManageAccount, ROLES, type Placed, type Role } from '../../../shared/roles';
import type { FieldProblem } from '../../../shared/schemas/common';
import type { SiteView, TeamView, UserView } from '../../../shared/schemas/accounts';
import { siteLabel } from '../../../shared/site-label';
import { plainMessage } from './problems';

/** The roles this admin may give someone at this site (the hub checks the same rule). */
export const rolesWithin = (actor: Placed, siteId: string): Role[] => ROLES.filter((role) => mayManageAccount(actor, { role, siteId }));

/** Sites where this admin may place someone at all. */
export const sitesWithin = (actor: Placed, sites: SiteView[]): SiteView[] => sites.filter((s) => rolesWithin(actor, s.id).length > 0);

export const mayManage = (actor: Placed, user: UserView): boolean => mayManageAccount(actor, { role: user.role, siteId: user.siteId });

export function placeOf(user: UserView, sites: Map<string, SiteView>, teams: Map<string, TeamView>): string {
  const site = sites.get(user.siteId);
  const team = user.teamId ? teams.get(user.teamId)?.name : null;
  return [site ? siteLabel(site) : 'Unknown site', team].filter(Boolean).join(' · ');
}

export const isLocked = (user: UserView, now: number): boolean => user.lockedUntil !== null && user.lockedUntil > now;

/** The hub's problems by the form's field names, in plain words. */
export function problemsOf(problems: FieldProblem[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems ?? []) {
    const field = p.path.split('.').pop() || 'form';
    out[field] ??= plainMessage(p.message);
  }
  return out;
}
