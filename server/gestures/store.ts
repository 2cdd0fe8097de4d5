import { addMonths, budgetLeft, monthOf, type GestureLimits } from '../../shared/gestures/policy';
import type { BudgetView, GestureRequestView, GestureSettings } from '../../shared/schemas/gestures';
import { read, readOne, type Write } from '../db/together';
import type { Db, Dialect, Queryable } from '../db/types';
import { HttpError, notFound } from '../http/errors';

export const REQUEST_SELECT = `SELECT g.*, c.reference AS case_reference, cu.name AS customer_name, s.name AS site_name,
  ru.display_name AS requested_by_name, du.display_name AS decided_by_name
  FROM gesture_requests g
  LEFT JOIN cases c ON c.id = g.case_id LEFT JOIN customers cu ON cu.id = g.customer_id LEFT JOIN sites s ON s.id = g.site_id
  LEFT JOIN users ru ON ru.id = g.requested_by LEFT JOIN users du ON du.id = g.decided_by`;

export type RequestRow = Record<string, unknown> & {
  id: string;
  requested_by: string;
  site_id: string;
  budget_month: string;
  status: string;
  approver_level: string;
  amount_pence: number | string;
  case_id: string;
  customer_id: string;
  item_kind: string;
  item_name: string;
  fulfilment_status: string | null;
};

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export const toRequestView = (r: RequestRow): GestureRequestView =>
  ({
    id: r.id,
    idempotencyKey: String(r.idempotency_key),
    caseId: r.case_id,
    caseReference: str(r.case_reference),
    customerId: r.customer_id,
    customerName: str(r.customer_name),
    itemId: String(r.item_id),
    itemName: r.item_name,
    kind: r.item_kind,
    tone: String(r.item_tone),
    amountPence: Number(r.amount_pence),
    personalisation: JSON.parse(String(r.personalisation)) as Record<string, string>,
    message: String(r.message),
    reasonCode: String(r.reason_code),
    reason: String(r.reason),
    sensitive: Boolean(Number(r.sensitive)),
    status: r.status,
    approverLevel: r.approver_level,
    requestedBy: r.requested_by,
    requestedByName: str(r.requested_by_name),
    siteId: r.site_id,
    siteName: str(r.site_name),
    line: String(r.line),
    budgetMonth: r.budget_month,
    decidedBy: str(r.decided_by),
    decidedByName: str(r.decided_by_name),
    decidedAt: num(r.decided_at),
    decisionReason: str(r.decision_reason),
    fulfilmentStatus: r.fulfilment_status,
    expiresAt: Number(r.expires_at),
    createdAt: Number(r.created_at),
  }) as GestureRequestView;

export async function findRequestRow(q: Queryable, id: string): Promise<RequestRow> {
  const row = await q.get<RequestRow>(`${REQUEST_SELECT} WHERE g.id = ?`, [id]);
  if (!row) throw notFound('That gesture request');
  return row;
}

export const loadRequest = async (q: Queryable, id: string): Promise<GestureRequestView> => toRequestView(await findRequestRow(q, id));

// ----- Settings -----

/** What each setting is when its row is missing. */
const SETTING_DEFAULTS: Record<string, number> = {
  'limit:advisor': 2500,
  'limit:supervisor': 15000,
  customer_cap_pence: 10000,
  cap_window_days: 365,
  pending_expiry_hours: 120,
  follow_up_days: 7,
  budget_default_in_house: 200000,
  budget_default_partner: 150000,
};

/** Limits and settings in one read (this runs inside every gesture transaction). */
export const settingsRead = read(
  "SELECT 'limit:' || role AS key, limit_pence AS value FROM gesture_limits UNION ALL SELECT key, value FROM gesture_settings",
  [],
  (rows): GestureSettings => {
    const v = (key: string) => Number((rows as { key: string; value: number | string }[]).find((x) => x.key === key)?.value ?? SETTING_DEFAULTS[key]);
    return {
      limits: { advisorPence: v('limit:advisor'), supervisorPence: v('limit:supervisor') },
      customerCapPence: v('customer_cap_pence'),
      capWindowDays: v('cap_window_days'),
      pendingExpiryHours: v('pending_expiry_hours'),
      followUpDays: v('follow_up_days'),
      budgetDefaults: { inHousePence: v('budget_default_in_house'), partnerPence: v('budget_default_partner') },
    };
  },
);

export const loadSettings = (q: Queryable): Promise<GestureSettings> => readOne(q, settingsRead);

export const limitsOf = (s: GestureSettings): GestureLimits => s.limits;

export async function saveSettings(q: Queryable, s: GestureSettings): Promise<void> {
  const now = Date.now();
  await q.run('UPDATE gesture_limits SET limit_pence = ?, updated_at = ? WHERE role = ?', [s.limits.advisorPence, now, 'advisor']);
  await q.run('UPDATE gesture_limits SET limit_pence = ?, updated_at = ? WHERE role = ?', [s.limits.supervisorPence, now, 'supervisor']);
  const pairs: [string, number][] = [
    ['customer_cap_pence', s.customerCapPence],
    ['cap_window_days', s.capWindowDays],
    ['pending_expiry_hours', s.pendingExpiryHours],
    ['follow_up_days', s.followUpDays],
    ['budget_default_in_house', s.budgetDefaults.inHousePence],
    ['budget_default_partner', s.budgetDefaults.partnerPence],
  ];
  for (const [key, value] of pairs) await q.run('UPDATE gesture_settings SET value = ?, updated_at = ? WHERE key = ?', [value, now, key]);
}

// ----- Budgets -----

interface BudgetRow {
  site_id: string;
  site_name: string;
  site_kind: string;
  month: string;
  budget_pence: number | string;
  reserved_pence: number | string;
  committed_pence: number | string;
}

export const BUDGET_SELECT = `SELECT b.site_id, s.name AS site_name, s.kind AS site_kind, b.month, b.budget_pence, b.reserved_pence,
  b.committed_pence FROM budgets b JOIN sites s ON s.id = b.site_id`;

export function toBudgetView(r: BudgetRow): BudgetView {
  const state = { budgetPence: Number(r.budget_pence), reservedPence: Number(r.reserved_pence), committedPence: Number(r.committed_pence) };
  return {
    siteId: r.site_id,
    siteName: r.site_name,
    siteKind: r.site_kind as BudgetView['siteKind'],
    month: r.month,
    ...state,
    leftPence: budgetLeft(state),
  };
}

/**
 * Budgets are per site per month, and a month's rows appear the first time anyone needs them (the
 * migration cannot know the month it runs in, nor later sites). `ON CONFLICT DO NOTHING` lets two
 * hub instances do this at once; the current month and the next are made together so an admin can
 * set next month's figure ahead.
 */
export async function ensureMonthlyBudgets(db: Db, month: string): Promise<void> {
  const months = [month, addMonths(month, 1)];
  const have = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM budgets WHERE month IN (?, ?)', months);
  const sites = await db.all<{ id: string; kind: string }>('SELECT id, kind FROM sites ORDER BY id');
  if (Number(have?.n ?? 0) >= sites.length * months.length) return;
  await db.tx(async (q) => {
    const s = await loadSettings(q);
    const now = Date.now();
    for (const m of months) {
      for (const site of sites) {
        const amount = site.kind === 'partner' ? s.budgetDefaults.partnerPence : s.budgetDefaults.inHousePence;
        await q.run(
          'INSERT INTO budgets (site_id, month, budget_pence, reserved_pence, committed_pence, updated_at) VALUES (?, ?, ?, 0, 0, ?) ON CONFLICT (site_id, month) DO NOTHING',
          [site.id, m, amount, now],
        );
      }
    }
  });
}

export const currentMonth = (now = Date.now()): string => monthOf(now);

/**
 * Takes the budget row's lock for the rest of the transaction. Every change to a site-month's
 * requests goes through this row, so it is the one place concurrent hubs queue. SQLite's
 * BEGIN IMMEDIATE has already serialised the whole transaction. As a read to send with others
 * (see readTogether), budgetOrRefusal makes it an answer.
 */
export const budgetLock = (dialect: Dialect, siteId: string, month: string) =>
  read(`${BUDGET_SELECT} WHERE b.site_id = ? AND b.month = ?${dialect === 'postgres' ? ' FOR UPDATE OF b' : ''}`, [siteId, month], (rows) =>
    rows[0] ? toBudgetView(rows[0] as BudgetRow) : null,
  );

export function budgetOrRefusal(budget: BudgetView | null, month: string): BudgetView {
  if (!budget) throw new HttpError(409, 'no_budget', `There is no gesture budget for this site in ${month}.`);
  return budget;
}

export async function lockBudget(q: Queryable, siteId: string, month: string): Promise<BudgetView> {
  return budgetOrRefusal(await readOne(q, budgetLock(q.dialect, siteId, month)), month);
}

export async function readBudget(q: Queryable, siteId: string, month: string): Promise<BudgetView | null> {
  const row = await q.get<BudgetRow>(`${BUDGET_SELECT} WHERE b.site_id = ? AND b.month = ?`, [siteId, month]);
  return row ? toBudgetView(row) : null;
}

export async function writeBudget(q: Queryable, b: { siteId: string; month: string; reservedPence: number; committedPence: number }): Promise<void> {
  await q.run(...budgetWrite(b));
}

export function budgetWrite(b: { siteId: string; month: string; reservedPence: number; committedPence: number }): Write {
  return [
    'UPDATE budgets SET reserved_pence = ?, committed_pence = ?, updated_at = ? WHERE site_id = ? AND month = ?',
    [b.reservedPence, b.committedPence, Date.now(), b.siteId, b.month],
  ];
}

/** Pending and approved requests for a customer since a time: the cap's sum, with the two left to fill in. */
const spendSince = (customer: string, since: string) =>
  `SELECT SUM(amount_pence) AS total FROM gesture_requests WHERE customer_id = ${customer} AND status IN ('pending', 'approved') AND created_at > ${since}`;
const spendOf = (rows: unknown[]): number => Number((rows[0] as { total: number | string | null } | undefined)?.total ?? 0);

/** Pending and approved requests for this customer inside the cap window, from every site. */
export async function customerSpend(q: Queryable, customerId: string, windowDays: number, now = Date.now()): Promise<number> {
  return spendOf(await q.all(spendSince('?', '?'), [customerId, now - windowDays * 86_400_000]));
}

/**
 * customerSpend for the customer on a case, inside the cap window as the settings have it then: a
 * read to send with others (see readTogether), after the one that locks the customer.
 */
export const caseCustomerSpend = (caseId: string, now: number) =>
  read(
    spendSince(
      '(SELECT customer_id FROM cases WHERE id = ?)',
      "? - COALESCE((SELECT value FROM gesture_settings WHERE key = 'cap_window_days'), ?) * 86400000",
    ),
    [caseId, now, SETTING_DEFAULTS.cap_window_days!],
    spendOf,
  );
