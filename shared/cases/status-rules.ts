import { mayActOnCase, type CaseStatus, type Placed } from '../roles';

/** How each status reads on screen. */
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  waiting: 'Waiting on customer',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** An old desktop's outbox may still say "pending": it is "waiting" now. */
export const caseStatusFrom = (value: unknown): unknown => (value === 'pending' ? 'waiting' : value);

export interface CaseActor extends Placed {
  userId: string;
}

export interface CaseInHand {
  siteId: string;
  ownerId: string | null;
  status: CaseStatus;
}

export interface StatusMove {
  to: CaseStatus;
  /** The wrap-up code the case will have after the change. */
  wrapupCode: string | null;
  reason?: string | null | undefined;
}

export interface StatusRefusal {
  status: 400 | 403;
  code: 'other_site' | 'wrapup_needed' | 'reason_needed' | 'reopen_needs_supervisor' | 'close_needs_supervisor';
  message: string;
}

/** Back from done: a resolved case to open or waiting, or a closed case to anything. */
export const isReopening = (from: CaseStatus, to: CaseStatus): boolean =>
  from !== to && (from === 'closed' || (from === 'resolved' && (to === 'open' || to === 'waiting')));

/** A supervisor of the case's own site, or the head of service anywhere. */
const leadsCase = (actor: CaseActor, c: CaseInHand): boolean =>
  actor.role === 'org_admin' || (actor.role === 'supervisor' && actor.siteId === c.siteId);

/** Shortest reason for reopening that says anything. */
export const REOPEN_REASON_MIN = 3;

/**
 * The rules a supervisor expects of case status, in one place (the hub enforces them; the desk
 * offers only what would be taken):
 * - status, wrap-up and subject belong to the case's own site;
 * - resolving or closing needs a wrap-up code;
 * - an advisor closes the cases they own (their own call's case at wrap-up); anyone else's they
 *   resolve, and a supervisor of the site closes it;
 * - reopening needs a reason; a closed case is reopened only by a supervisor of its site.
 */
export function statusChangeRefusal(actor: CaseActor, c: CaseInHand, move: StatusMove): StatusRefusal | null {
  if (!mayActOnCase(actor, c.siteId, 'update'))
    return { status: 403, code: 'other_site', message: 'This case belongs to another site: its status is changed there. You can add a note.' };
  if (move.to === c.status) return null;
  if ((move.to === 'resolved' || move.to === 'closed') && !move.wrapupCode)
    return { status: 400, code: 'wrapup_needed', message: 'Choose a wrap-up code before the case is resolved or closed.' };
  if (isReopening(c.status, move.to)) {
    if ((move.reason?.trim().length ?? 0) < REOPEN_REASON_MIN)
      return { status: 400, code: 'reason_needed', message: 'Say why the case is reopened: the reason is kept with the case.' };
    if (c.status === 'closed' && !leadsCase(actor, c))
      return { status: 403, code: 'reopen_needs_supervisor', message: 'A closed case is reopened by a supervisor of its site: ask yours, or open a new case.' };
  }
  if (move.to === 'closed' && !(leadsCase(actor, c) || c.ownerId === actor.userId))
    return { status: 403, code: 'close_needs_supervisor', message: 'You close the cases you own: resolve this one and a supervisor of its site closes it.' };
  return null;
}

export interface StatusChoice {
  status: CaseStatus;
  /** Allowed for this person on this case (given a wrap-up code and, for a reopening, a reason). */
  allowed: boolean;
  needsReason: boolean;
  needsWrapup: boolean;
  /** Why not, when not allowed. */
  refusal: string | null;
}

/** What the case screen offers: every status with whether this person may move the case there. */
export function statusChoices(actor: CaseActor, c: CaseInHand): StatusChoice[] {
  return (['open', 'waiting', 'resolved', 'closed'] as const).map((to) => {
    const refusal = statusChangeRefusal(actor, c, { to, wrapupCode: 'any', reason: 'a reason' });
    return {
      status: to,
      allowed: refusal === null,
      needsReason: isReopening(c.status, to),
      needsWrapup: to === 'resolved' || to === 'closed',
      refusal: refusal?.message ?? null,
    };
  });
}
