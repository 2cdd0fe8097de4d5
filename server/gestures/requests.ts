import {
  amountProblems,
  budgetLeft,
  capVerdict,
  formatPence,
  isVerdict,
  monthOf,
  moveBudget,
  personalisationProblems,
  renderTemplate,
  requiredLevel,
  sensitiveWordingProblems,
  suitability,
  type Verdict,
} from '../../shared/gestures/policy';
import type { Line } from '../../shared/roles';
import type { FieldProblem } from '../../shared/schemas/common';
import type { BudgetView, CreateGestureRequest, CreateGestureResult, GestureRequestView } from '../../shared/schemas/gestures';
import { checkCaseAction } from '../access';
import { confirmSession, sessionRead } from '../accounts/session-lookup';
import { audit, auditWrite } from '../audit';
import { closingWrites, read, readOne, readTogether } from '../db/together';
import type { HubContext } from '../context';
import type { Dialect, Queryable } from '../db/types';
import { HttpError, notFound } from '../http/errors';
import type { Actor } from '../http/router';
import { newId } from '../ids';
import { itemOrNotFound, itemRead, type Item } from './catalogue';
import { expireOverdue } from './decisions';
import { publishAll, requestedEvents } from './events';
import { caseNotesRead, SENSITIVITY_COLUMNS, SENSITIVITY_JOIN, sensitivityOf, type SensitivityRow } from './sensitivity';
import { caseNoteWrites, followUpWrite } from './records';
import {
  budgetLock,
  budgetOrRefusal,
  budgetWrite,
  caseCustomerSpend,
  ensureMonthlyBudgets,
  loadRequest,
  readBudget,
  settingsRead,
  toRequestView,
  type RequestRow,
} from './store';

const refusal = (status: number, v: Extract<Verdict, { ok: false }>, problems?: FieldProblem[]) =>
  new HttpError(status, v.code, v.message, problems);

const isUniqueViolation = (err: unknown): boolean =>
  (err as { code?: string }).code === '23505' || /UNIQUE constraint failed/i.test(String((err as Error).message));

/** The message as it will be sent: the advisor's words, or the chosen template filled in. */
function composeMessage(item: Item, input: CreateGestureRequest, values: Record<string, string>): string {
  if (input.message.trim()) return input.message.trim();
  if (input.templateIndex === undefined) return '';
  const template = item.templates[input.templateIndex];
  if (template === undefined) {
    throw new HttpError(422, 'unknown_template', 'This item has no template with that number.', [{ path: 'templateIndex', message: 'no such template' }]);
  }
  return renderTemplate(template, values);
}

/** The case and its customer, with what its sensitivity is worked out from. */
interface CaseFacts extends SensitivityRow {
  site_id: string;
  reference: string | null;
  line: Line;
  customer_id: string;
  customer_name: string | null;
}

/**
 * The case and its customer in one read. On PostgreSQL the customer row is locked too: it is the
 * cap's lock, so two sites asking for one customer at once queue here (after the budget row).
 */
const caseFactsRead = (dialect: Dialect, caseId: string) =>
  read(
    `SELECT ${SENSITIVITY_COLUMNS}, c.site_id, c.reference, cu.name AS customer_name
     FROM cases c JOIN customers cu ON cu.id = c.customer_id ${SENSITIVITY_JOIN} WHERE c.id = ?${dialect === 'postgres' ? ' FOR UPDATE OF cu' : ''}`,
    [caseId],
    (rows) => rows[0] as CaseFacts | undefined,
  );

/** The case's facts if this person may offer a gesture on it; otherwise why not. */
async function checkCaseFacts(q: Queryable, actor: Actor, caseId: string, facts: CaseFacts | undefined): Promise<CaseFacts> {
  if (facts) {
    checkCaseAction(actor, facts.site_id, 'offer_gesture');
    return facts;
  }
  const bare = await q.get<{ site_id: string }>('SELECT site_id FROM cases WHERE id = ?', [caseId]);
  if (!bare) throw notFound('That case');
  checkCaseAction(actor, bare.site_id, 'offer_gesture');
  throw new HttpError(422, 'no_customer', 'Link the case to a customer before offering a gesture.');
}

/** Every rule that does not depend on money, checked before any money is touched. */
function checkItem(item: Item, facts: CaseFacts, actor: Actor, input: CreateGestureRequest, sensitive: boolean) {
  if (item.retired) throw new HttpError(422, 'item_retired', 'This item has been retired from the catalogue.');
  if (!item.lines.includes(facts.line)) throw new HttpError(422, 'not_on_this_line', 'This item is not offered on this case’s line of business.');
  if (item.sites.length && !item.sites.includes(actor.siteId)) throw new HttpError(422, 'not_at_this_site', 'This item is not available at your site.');
  const fit = suitability(item, sensitive);
  if (!fit.ok) throw refusal(422, fit, [{ path: 'itemId', message: 'not suitable after a bereavement' }]);
  const amount = amountProblems(input.amountPence, item);
  if (amount) throw new HttpError(422, 'amount_out_of_range', amount, [{ path: 'amountPence', message: amount }]);
  // Only the item's own fields are kept: nothing unexpected rides along to the supplier.
  const known = new Set(item.fields.map((f) => f.key));
  const values = Object.fromEntries(
    Object.entries(input.personalisation).filter(([k]) => known.has(k)).map(([k, v]) => [k, v.trim()]),
  );
  const message = composeMessage(item, input, values);
  if (item.fields.some((f) => f.key === 'message') && !values.message) values.message = message;
  const problems = personalisationProblems(item.fields, values, message);
  if (sensitive) {
    const deceasedNames = [input.deceasedName, values.inMemoryOf].filter((n): n is string => Boolean(n));
    problems.push(...sensitiveWordingProblems({ recipientName: values.recipientName, deceasedNames, message }));
  }
  if (problems.length) throw new HttpError(422, 'personalisation_incomplete', 'The personalisation needs attention before this can be sent.', problems);
  return { values, message };
}

interface Prior {
  id: string;
  case_id: string;
  item_id: string;
  amount_pence: number;
}

const priorRead = (actor: Actor, input: CreateGestureRequest) =>
  read(
    'SELECT id, case_id, item_id, amount_pence FROM gesture_requests WHERE requested_by = ? AND idempotency_key = ?',
    [actor.userId, input.idempotencyKey],
    (rows) => rows[0] as Prior | undefined,
  );

/** The original's id when this key was sent before; refused when the key came with a different request. */
function replayOf(prior: Prior | undefined, input: CreateGestureRequest): string | null {
  if (!prior) return null;
  if (prior.case_id !== input.caseId || prior.item_id !== input.itemId || Number(prior.amount_pence) !== input.amountPence) {
    throw new HttpError(409, 'idempotency_key_reused', 'That idempotency key was already used for a different request.');
  }
  return prior.id;
}

const replay = async (q: Queryable, actor: Actor, input: CreateGestureRequest) => replayOf(await readOne(q, priorRead(actor, input)), input);

const REQUEST_COLUMNS = [
  'id', 'idempotency_key', 'requested_by', 'requester_role', 'case_id', 'customer_id', 'item_id', 'item_name', 'item_kind', 'item_tone',
  'amount_pence', 'personalisation', 'message', 'reason_code', 'reason', 'sensitive', 'status', 'approver_level', 'site_id', 'line',
  'budget_month', 'decided_at', 'decision_reason', 'fulfilment_status', 'expires_at', 'created_at',
] as const;
const INSERT_REQUEST = `INSERT INTO gesture_requests (${REQUEST_COLUMNS.join(', ')}) VALUES (${REQUEST_COLUMNS.map(() => '?').join(', ')})`;

type Recorded = { id: string; replayed: true } | { id: string; replayed: false; request: GestureRequestView; budget: BudgetView };

/**
 * The whole decision in one transaction. Everything it reads goes in one round trip, answered in
 * order: the session (checked here, so the hub need not read it before: see checksSession), the
 * budget row locked first, then the original if this key was sent before (read once the
 * budget lock is held), the case with its customer locked for the cap (and what the case's
 * sensitivity is worked out from), its latest notes, the item, the settings, and the customer's
 * spend (read once the customer lock is held). The rules are then checked in that order, so the
 * answers and refusals are those of reading one at a time.
 */
async function record(hub: HubContext, q: Queryable, actor: Actor, input: CreateGestureRequest, now: number, month: string): Promise<Recorded> {
  const [session, budgetRow, priorRow, factsRow, notes, itemRow, settings, spend] = await readTogether(q, [
    sessionRead(actor.tokenHash),
    budgetLock(q.dialect, actor.siteId, month),
    priorRead(actor, input),
    caseFactsRead(q.dialect, input.caseId),
    caseNotesRead(input.caseId),
    itemRead(input.itemId),
    settingsRead,
    caseCustomerSpend(input.caseId, now),
  ]);
  confirmSession(hub, actor, session);
  const budget = budgetOrRefusal(budgetRow, month);
  const prior = replayOf(priorRow, input);
  if (prior) return { id: prior, replayed: true };

  const facts = await checkCaseFacts(q, actor, input.caseId, factsRow);
  // The same rule as the suggestions: a case that says someone has died is sensitive too.
  const sensitive = sensitivityOf(facts, notes).sensitive;
  const item = itemOrNotFound(itemRow);
  const { values, message } = checkItem(item, facts, actor, input, sensitive);

  const cap = capVerdict(spend, input.amountPence, settings.customerCapPence);
  if (!cap.ok) throw refusal(409, cap, [{ path: 'amountPence', message: 'over the customer’s 12-month cap' }]);

  const level = requiredLevel(input.amountPence, settings.limits);
  const atOnce = level === 'advisor';
  const moved = moveBudget(budget, atOnce ? 'commit_direct' : 'reserve', input.amountPence);
  if (isVerdict(moved)) throw refusal(409, moved as Extract<Verdict, { ok: false }>, [{ path: 'amountPence', message: 'over the site’s budget left this month' }]);

  const id = newId('gst');
  const row: Record<(typeof REQUEST_COLUMNS)[number], string | number | null> = {
    id, idempotency_key: input.idempotencyKey, requested_by: actor.userId, requester_role: actor.role, case_id: facts.id,
    customer_id: facts.customer_id, item_id: item.id, item_name: item.name, item_kind: item.kind, item_tone: item.tone,
    amount_pence: input.amountPence, personalisation: JSON.stringify(values), message, reason_code: input.reasonCode,
    reason: input.reason, sensitive: Number(sensitive), status: atOnce ? 'approved' : 'pending', approver_level: level,
    site_id: actor.siteId, line: facts.line, budget_month: month, decided_at: atOnce ? now : null,
    decision_reason: atOnce ? 'Within the advisor limit: approved at once.' : null, fulfilment_status: atOnce ? 'approved' : null,
    expires_at: now + settings.pendingExpiryHours * 3_600_000, created_at: now,
  };
  const waiting = level === 'supervisor' ? 'Waiting for a supervisor to approve.' : 'Waiting for a head of service to approve.';
  const why = input.reason.replace(/[.!?\s]+$/, '');
  const note = `Gesture of goodwill requested: ${item.name}, ${formatPence(input.amountPence)}. Reason: ${why}. ${atOnce ? 'Approved at once (within the advisor limit).' : waiting}`;
  const detail = { caseId: facts.id, customerId: facts.customer_id, itemId: item.id, amountPence: input.amountPence, level, sensitive, month };
  const requested = { action: 'gesture.requested', entity: 'gesture_request', entityId: id, detail };
  // Every row this request writes, in one statement sent with the COMMIT: the budget row and the customer are locked already.
  await closingWrites(q, [
    budgetWrite({ siteId: actor.siteId, month, ...moved }),
    [INSERT_REQUEST, REQUEST_COLUMNS.map((c) => row[c])],
    ...caseNoteWrites(facts.id, actor.userId, note),
    auditWrite(actor, atOnce ? [requested, { ...requested, action: 'gesture.approved', detail: { ...detail, automatic: true } }] : [requested]),
    ...(atOnce ? [followUpWrite(id, actor.userId, now + settings.followUpDays * 86_400_000)] : []),
  ]);
  // The view is what was just written, with the names already read: no second read of the row.
  const request = toRequestView({
    ...row, decided_by: null, fulfilment_updated_at: null, case_reference: facts.reference, customer_name: facts.customer_name,
    site_name: budget.siteName, requested_by_name: actor.displayName, decided_by_name: null,
  } as RequestRow);
  return { id, replayed: false, request, budget: { ...budget, ...moved, leftPence: budgetLeft(moved) } };
}

/**
 * Work that only matters when a request would otherwise fail, kept off the ordinary path: a month's
 * budget rows are made the first time they are missing, and reservations nobody decided in time are
 * released when the budget or the customer's cap would say no. True when it is worth trying again.
 */
async function repairBeforeRetry(hub: HubContext, err: unknown, month: string, now: number): Promise<boolean> {
  if (!(err instanceof HttpError)) return false;
  if (err.code === 'no_budget') {
    await ensureMonthlyBudgets(hub.db, month);
    return true;
  }
  if (err.code === 'budget_exhausted' || err.code === 'customer_cap_reached') return (await expireOverdue(hub, now)) > 0;
  return false;
}

/**
 * Records a gesture request. The budget row is locked before anything else is read, so the check
 * and the reservation are one step however many hubs and desktops ask at once, and a resent
 * idempotency key always finds the original after the lock.
 */
export async function requestGesture(hub: HubContext, actor: Actor, input: CreateGestureRequest): Promise<{ status: number; body: CreateGestureResult }> {
  const now = Date.now();
  const month = monthOf(now);
  let outcome: Recorded | undefined;
  for (let attempt = 0; !outcome; attempt++) {
    try {
      outcome = await hub.db.tx((q) => record(hub, q, actor, input, now, month));
    } catch (err) {
      if (attempt < 2 && (await repairBeforeRetry(hub, err, month, now))) continue;
      if (isUniqueViolation(err)) {
        // Two sends of one key raced past each other's read (a month boundary between them): the first won.
        const prior = await hub.db.tx((q) => replay(q, actor, input));
        if (!prior) throw err;
        outcome = { id: prior, replayed: true };
      } else {
        if (err instanceof HttpError && (err.status === 409 || err.status === 422)) await auditRefusal(hub, actor, input, err);
        throw err;
      }
    }
  }
  if (outcome.replayed) {
    const request = await loadRequest(hub.db, outcome.id);
    const budget = await readBudget(hub.db, request.siteId, request.budgetMonth);
    return { status: 200, body: { request, replayed: true, budget: budget! } };
  }
  const { request, budget } = outcome;
  if (request.status === 'pending') await publishAll(hub, requestedEvents(request, budget.leftPence));
  return { status: 201, body: { request, replayed: false, budget } };
}

/** A refusal is a decision too: it is written down, outside the transaction that was rolled back. */
async function auditRefusal(hub: HubContext, actor: Actor, input: CreateGestureRequest, err: HttpError): Promise<void> {
  await hub.db
    .tx((q) =>
      audit(q, actor, {
        action: 'gesture.refused',
        entity: 'gesture_request',
        entityId: null,
        detail: { code: err.code, caseId: input.caseId, itemId: input.itemId, amountPence: input.amountPence, idempotencyKey: input.idempotencyKey },
      }),
    )
    .catch((e: unknown) => console.error('[hub] could not audit a refused gesture:', (e as Error).message));
}
