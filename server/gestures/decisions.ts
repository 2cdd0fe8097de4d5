import {
  formatPence,
  isVerdict,
  mayDecide,
  moveBudget,
  nextFulfilment,
  type ApproverLevel,
  type BudgetState,
  type FulfilmentStatus,
  type GestureStatus,
  type Verdict,
} from '../../shared/gestures/policy';
import type { GestureRequestView } from '../../shared/schemas/gestures';
import { checkCaseAction } from '../access';
import { audit } from '../audit';
import type { HubContext } from '../context';
import type { HubEvent } from '../events/bus';
import type { Queryable } from '../db/types';
import { badRequest, forbidden, HttpError } from '../http/errors';
import type { Actor } from '../http/router';
import { fulfilmentEvent, outcomeEvents, publishAll } from './events';
import { addCaseNote, createFollowUp } from './records';
import { findRequestRow, loadRequest, loadSettings, lockBudget, writeBudget, type RequestRow } from './store';

type Closing = Exclude<GestureStatus, 'pending'>;

/** Moves a pending request's money and status together, under the budget row's lock. */
async function close(
  q: Queryable,
  row: RequestRow,
  budget: BudgetState & { siteId: string; month: string },
  to: Closing,
  by: Actor | null,
  reason: string,
): Promise<void> {
  const amount = Number(row.amount_pence);
  const moved = moveBudget(budget, to === 'approved' ? 'commit_reserved' : 'release', amount);
  if (isVerdict(moved)) throw new Error(`budget out of step for ${row.id}: ${(moved as Extract<Verdict, { ok: false }>).message}`);
  await writeBudget(q, { siteId: budget.siteId, month: budget.month, ...moved });
  const now = Date.now();
  const changed = await q.run(
    `UPDATE gesture_requests SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?, fulfilment_status = ?,
       fulfilment_updated_at = ? WHERE id = ? AND status = 'pending'`,
    [to, by?.userId ?? null, now, reason || null, to === 'approved' ? 'approved' : null, to === 'approved' ? now : null, row.id],
  );
  if (changed.changes !== 1) throw new Error(`gesture request ${row.id} changed under its budget lock`);
  if (to === 'approved') {
    const settings = await loadSettings(q);
    await createFollowUp(q, row.id, row.requested_by, now + settings.followUpDays * 86_400_000);
  }
  const who = by ? by.displayName : 'The hub';
  const words: Record<Closing, string> = {
    approved: `${who} approved the gesture (${row.item_name}, ${formatPence(amount)})`,
    rejected: `${who} did not approve the gesture (${row.item_name}, ${formatPence(amount)})`,
    withdrawn: `${who} withdrew the gesture request (${row.item_name}, ${formatPence(amount)})`,
    expired: `The gesture request (${row.item_name}, ${formatPence(amount)}) expired before anyone decided it; its reservation is released`,
  };
  await addCaseNote(q, row.case_id, by?.userId ?? null, `${words[to]}${reason ? `: ${reason}` : '.'}`);
  await audit(q, by, {
    action: `gesture.${to}`,
    entity: 'gesture_request',
    entityId: row.id,
    siteId: row.site_id,
    detail: { amountPence: amount, level: row.approver_level, reason: reason || null, requestedBy: row.requested_by },
  });
}

/**
 * Reads the request once to learn which budget row guards it, takes that lock, then reads it again:
 * whatever another hub did in between is now visible and cannot change until commit.
 */
async function underLock<T>(
  hub: HubContext,
  id: string,
  work: (q: Queryable, row: RequestRow, budget: BudgetState & { siteId: string; month: string }) => Promise<T>,
): Promise<T> {
  const first = await findRequestRow(hub.db, id);
  return hub.db.tx(async (q) => {
    const budget = await lockBudget(q, first.site_id, first.budget_month);
    const row = await findRequestRow(q, id);
    return work(q, row, budget);
  });
}

const statusOf = (v: Extract<Verdict, { ok: false }>): number => (v.code === 'not_pending' ? 409 : 403);

export async function decideGesture(
  hub: HubContext,
  actor: Actor,
  id: string,
  decision: 'approve' | 'reject',
  reason: string,
): Promise<GestureRequestView> {
  if (decision === 'reject' && !reason.trim()) {
    throw badRequest('Say why the gesture is not approved; the advisor will read it.', [{ path: 'reason', message: 'required when rejecting' }]);
  }
  await expireOverdue(hub);
  const now = Date.now();
  const expired = await underLock(hub, id, async (q, row, budget) => {
    // Its time ran out a moment ago: it expires now rather than being decided late.
    if (row.status === 'pending' && Number(row.expires_at) <= now) {
      await close(q, row, budget, 'expired', null, '');
      return true;
    }
    const verdict = mayDecide(
      { userId: actor.userId, role: actor.role, siteId: actor.siteId },
      { requestedBy: row.requested_by, siteId: row.site_id, level: row.approver_level as ApproverLevel, status: row.status as GestureStatus },
    );
    if (!verdict.ok) throw new HttpError(statusOf(verdict), verdict.code, verdict.message);
    await close(q, row, budget, decision === 'approve' ? 'approved' : 'rejected', actor, reason.trim());
    return false;
  });
  const view = await loadRequest(hub.db, id);
  await publishAll(hub, outcomeEvents(view));
  if (expired) throw new HttpError(409, 'expired', 'This request expired before it was decided; its reservation has been released.');
  return view;
}

/** A sent request is never edited: the advisor withdraws it (releasing its reservation) and asks again. */
export async function withdrawGesture(hub: HubContext, actor: Actor, id: string, reason: string): Promise<GestureRequestView> {
  await underLock(hub, id, async (q, row, budget) => {
    if (row.requested_by !== actor.userId) throw forbidden('Only the person who asked can withdraw a request.');
    if (row.status !== 'pending') throw new HttpError(409, 'not_pending', 'Only a request that is still waiting can be withdrawn.');
    await close(q, row, budget, 'withdrawn', actor, reason.trim());
  });
  const view = await loadRequest(hub.db, id);
  await publishAll(hub, outcomeEvents(view));
  return view;
}

/**
 * Releases reservations nobody decided in time. Called on the way into the routes that read or move
 * money (there is no timer to forget), and safe from several hubs at once: each expiry re-checks
 * under the budget lock.
 */
export async function expireOverdue(hub: HubContext, now = Date.now()): Promise<number> {
  const due = await hub.db.all<{ id: string }>(
    "SELECT id FROM gesture_requests WHERE status = 'pending' AND expires_at <= ? ORDER BY expires_at LIMIT 100",
    [now],
  );
  const events: HubEvent[] = [];
  let count = 0;
  for (const { id } of due) {
    const expired = await underLock(hub, id, async (q, row, budget) => {
      if (row.status !== 'pending' || Number(row.expires_at) > now) return false;
      await close(q, row, budget, 'expired', null, '');
      return true;
    });
    if (!expired) continue;
    count++;
    events.push(...outcomeEvents(await loadRequest(hub.db, id)));
  }
  await publishAll(hub, events);
  return count;
}

export async function updateFulfilment(
  hub: HubContext,
  actor: Actor,
  id: string,
  status: Exclude<FulfilmentStatus, 'approved'>,
  note: string | undefined,
): Promise<GestureRequestView> {
  await hub.db.tx(async (q) => {
    const row = await findRequestRow(q, id);
    checkCaseAction(actor, row.site_id, 'fulfil');
    if (row.status !== 'approved' || !row.fulfilment_status) {
      throw new HttpError(409, 'not_approved', 'Only an approved gesture is ordered and delivered.');
    }
    const allowed = nextFulfilment(row.fulfilment_status as FulfilmentStatus, row.item_kind);
    if (!allowed.includes(status)) {
      throw new HttpError(409, 'fulfilment_order', `This gesture is “${row.fulfilment_status}”; next it can be ${allowed.map((s) => `“${s}”`).join(' or ') || 'nothing: it is complete'}.`);
    }
    // Compare-and-set: two people marking the same step at once cannot both win.
    const changed = await q.run('UPDATE gesture_requests SET fulfilment_status = ?, fulfilment_updated_at = ? WHERE id = ? AND fulfilment_status = ?', [
      status,
      Date.now(),
      id,
      row.fulfilment_status,
    ]);
    if (changed.changes !== 1) throw new HttpError(409, 'fulfilment_order', 'Someone else has just updated this gesture.');
    await addCaseNote(q, row.case_id, actor.userId, `Gesture ${row.item_name}: ${status.replace('_', ' ')}${note ? ` (${note})` : ''}.`);
    await audit(q, actor, { action: 'gesture.fulfilment', entity: 'gesture_request', entityId: id, siteId: row.site_id, detail: { status, note: note ?? null } });
  });
  const view = await loadRequest(hub.db, id);
  await publishAll(hub, [fulfilmentEvent(view)]);
  return view;
}

export async function completeFollowUp(hub: HubContext, actor: Actor, id: string, outcome: string): Promise<void> {
  await hub.db.tx(async (q) => {
    const f = await q.get<{ advisor_id: string; done_at: number | null; request_id: string }>(
      'SELECT advisor_id, done_at, request_id FROM follow_ups WHERE id = ?',
      [id],
    );
    if (!f) throw new HttpError(404, 'not_found', 'That follow-up was not found');
    if (f.advisor_id !== actor.userId) throw forbidden('This follow-up belongs to someone else.');
    if (f.done_at !== null) throw new HttpError(409, 'already_done', 'This follow-up is already done.');
    await q.run('UPDATE follow_ups SET done_at = ?, outcome = ? WHERE id = ? AND done_at IS NULL', [Date.now(), outcome, id]);
    const row = await findRequestRow(q, f.request_id);
    await addCaseNote(q, row.case_id, actor.userId, `Followed up the gesture (${row.item_name}): ${outcome}`);
    await audit(q, actor, { action: 'gesture.follow_up_done', entity: 'follow_up', entityId: id, detail: { requestId: f.request_id } });
  });
}
