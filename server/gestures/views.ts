import { mayDecide, type ApproverLevel, type GestureStatus } from '../../shared/gestures/policy';
import type { ApprovalView, CustomerGestureHistory, FollowUpView, GestureRequestView } from '../../shared/schemas/gestures';
import { CASE_SELECT, toCaseView } from '../customers/customers';
import type { Queryable } from '../db/types';
import { gestureSeenBy } from '../access';
import type { Actor } from '../http/router';
import { FOLLOW_UP_SELECT, toFollowUpView } from './records';
import { customerSpend, loadSettings, readBudget, REQUEST_SELECT, toRequestView, type RequestRow } from './store';

/** Everything given to or asked for this customer, from every site, with what is left under the cap. */
export async function customerHistory(q: Queryable, customerId: string): Promise<CustomerGestureHistory> {
  const settings = await loadSettings(q);
  const rows = await q.all<RequestRow>(`${REQUEST_SELECT} WHERE g.customer_id = ? ORDER BY g.created_at DESC LIMIT 50`, [customerId]);
  const used = await customerSpend(q, customerId, settings.capWindowDays);
  return {
    gestures: rows.map(toRequestView),
    usedPence: used,
    capPence: settings.customerCapPence,
    leftPence: Math.max(0, settings.customerCapPence - used),
  };
}

/** The customer's history as this person may see it: other sites' recipients and messages withheld. */
export async function historySeenBy(q: Queryable, actor: Actor, customerId: string): Promise<CustomerGestureHistory> {
  const history = await customerHistory(q, customerId);
  return { ...history, gestures: history.gestures.map((g) => gestureSeenBy(actor, g)) };
}

export async function caseGestures(q: Queryable, caseId: string): Promise<GestureRequestView[]> {
  const rows = await q.all<RequestRow>(`${REQUEST_SELECT} WHERE g.case_id = ? ORDER BY g.created_at DESC`, [caseId]);
  return rows.map(toRequestView);
}

export async function myGestures(q: Queryable, actor: Actor, status: GestureStatus | undefined, limit: number): Promise<GestureRequestView[]> {
  const rows = status
    ? await q.all<RequestRow>(`${REQUEST_SELECT} WHERE g.requested_by = ? AND g.status = ? ORDER BY g.created_at DESC LIMIT ?`, [actor.userId, status, limit])
    : await q.all<RequestRow>(`${REQUEST_SELECT} WHERE g.requested_by = ? ORDER BY g.created_at DESC LIMIT ?`, [actor.userId, limit]);
  return rows.map(toRequestView);
}

/**
 * The approvals inbox: what waits at a supervisor's site, or everywhere for a head of service, oldest
 * first, each with the case, the customer's history and the budget left so the decision is informed.
 * Requests this person may not decide (their own, or above their limit) are shown with the reason.
 */
export async function approvalsInbox(q: Queryable, actor: Actor, siteFilter?: string): Promise<ApprovalView[]> {
  const site = actor.role === 'org_admin' ? siteFilter : actor.siteId;
  const rows = site
    ? await q.all<RequestRow>(`${REQUEST_SELECT} WHERE g.status = 'pending' AND g.site_id = ? ORDER BY g.created_at LIMIT 100`, [site])
    : await q.all<RequestRow>(`${REQUEST_SELECT} WHERE g.status = 'pending' ORDER BY g.created_at LIMIT 100`);
  const out: ApprovalView[] = [];
  for (const row of rows) {
    const caseRow = await q.get<Record<string, unknown>>(`${CASE_SELECT} WHERE c.id = ?`, [row.case_id]);
    const budget = await readBudget(q, row.site_id, row.budget_month);
    if (!caseRow || !budget) continue;
    const verdict = mayDecide(
      { userId: actor.userId, role: actor.role, siteId: actor.siteId },
      { requestedBy: row.requested_by, siteId: row.site_id, level: row.approver_level as ApproverLevel, status: 'pending' },
    );
    out.push({
      request: toRequestView(row),
      case: toCaseView(caseRow),
      history: await historySeenBy(q, actor, row.customer_id),
      budget,
      canDecide: verdict.ok,
      why: verdict.ok ? null : verdict.message,
    });
  }
  return out;
}

/**
 * Decided requests stay on record after they leave the inbox: who decided, when and why, newest
 * decision first. A supervisor sees their own site's; a head of service every site (or one).
 */
export async function decidedRequests(q: Queryable, actor: Actor, siteFilter?: string): Promise<GestureRequestView[]> {
  const site = actor.role === 'org_admin' ? siteFilter : actor.siteId;
  const decided = "g.status IN ('approved', 'rejected') AND g.decided_at IS NOT NULL";
  const rows = site
    ? await q.all<RequestRow>(`${REQUEST_SELECT} WHERE ${decided} AND g.site_id = ? ORDER BY g.decided_at DESC LIMIT 50`, [site])
    : await q.all<RequestRow>(`${REQUEST_SELECT} WHERE ${decided} ORDER BY g.decided_at DESC LIMIT 50`);
  return rows.map(toRequestView);
}

export async function myFollowUps(q: Queryable, actor: Actor, state: 'open' | 'done' | 'all'): Promise<FollowUpView[]> {
  const where = state === 'open' ? ' AND f.done_at IS NULL' : state === 'done' ? ' AND f.done_at IS NOT NULL' : '';
  const rows = await q.all<Record<string, unknown>>(`${FOLLOW_UP_SELECT} WHERE f.advisor_id = ?${where} ORDER BY f.due_at LIMIT 200`, [
    actor.userId,
  ]);
  return rows.map(toFollowUpView);
}

/**
 * Approved gestures still on their way to the customer, oldest first: what a supervisor chases with
 * the supplier or the charity. A supervisor sees their own site; a head of service every site.
 */
export async function fulfilmentQueue(q: Queryable, actor: Actor): Promise<GestureRequestView[]> {
  const open = "g.status = 'approved' AND g.fulfilment_status IN ('approved', 'ordered')";
  const rows =
    actor.role === 'org_admin'
      ? await q.all<RequestRow>(`${REQUEST_SELECT} WHERE ${open} ORDER BY g.created_at LIMIT 100`)
      : await q.all<RequestRow>(`${REQUEST_SELECT} WHERE ${open} AND g.site_id = ? ORDER BY g.created_at LIMIT 100`, [actor.siteId]);
  return rows.map(toRequestView);
}
