import { KIND_LABELS, REASON_LABELS } from '../../shared/gestures/labels';
import { addMonths, budgetLeft } from '../../shared/gestures/policy';
import { LINE_LABELS, type Line } from '../../shared/roles';
import type { BudgetReport, SpendRow } from '../../shared/schemas/gestures';
import type { Queryable } from '../db/types';
import { badRequest } from '../http/errors';
import { csv } from '../http/csv';
import { loadSettings } from './store';

const sentence = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, ' ');
const monthLabel = (m: string) => new Date(`${m}-15T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const GROUPS = {
  line: { column: 'line', label: (k: string) => LINE_LABELS[k as Line] ?? k },
  kind: { column: 'item_kind', label: (k: string) => KIND_LABELS[k as keyof typeof KIND_LABELS] ?? sentence(k) },
  reason: { column: 'reason_code', label: (k: string) => REASON_LABELS[k as keyof typeof REASON_LABELS] ?? sentence(k) },
  month: { column: 'budget_month', label: monthLabel },
} as const;

/** Spend that counts: approved (committed) and pending (reserved). Rejected, withdrawn and expired spent nothing. */
async function spendBy(q: Queryable, group: keyof typeof GROUPS, from: string, to: string): Promise<SpendRow[]> {
  const g = GROUPS[group];
  const rows = await q.all<{ key: string; committed: number | string | null; reserved: number | string | null; n: number | string }>(
    `SELECT ${g.column} AS key,
       SUM(CASE WHEN status = 'approved' THEN amount_pence ELSE 0 END) AS committed,
       SUM(CASE WHEN status = 'pending' THEN amount_pence ELSE 0 END) AS reserved,
       COUNT(*) AS n
     FROM gesture_requests WHERE budget_month >= ? AND budget_month <= ? AND status IN ('pending', 'approved')
     GROUP BY ${g.column} ORDER BY ${g.column}`,
    [from, to],
  );
  return rows.map((r) => ({
    key: r.key,
    label: g.label(r.key),
    committedPence: Number(r.committed ?? 0),
    reservedPence: Number(r.reserved ?? 0),
    requests: Number(r.n),
  }));
}

/** How many months the range spans, both ends included ("2026-01" to "2026-12" is 12). */
function monthsIn(from: string, to: string): number {
  let n = 0;
  for (let m = from; m <= to && n < 1200; m = addMonths(m, 1)) n++;
  return n;
}

export async function budgetReport(q: Queryable, from: string, to: string): Promise<BudgetReport> {
  if (from > to) throw badRequest('The report starts after it ends.', [{ path: 'from', message: 'after `to`' }]);
  // A month's budget row appears the first time someone needs it; a month of the period without one
  // had the standing monthly budget, so spend over a period is weighed against that period's budget.
  const months = monthsIn(from, to);
  const { budgetDefaults } = await loadSettings(q);
  // In-house first, then partners: the comparison the contact centre asks for, side by side.
  const sites = await q.all<Record<string, unknown>>(
    `SELECT s.id, s.name, s.kind, s.partner_name,
       COALESCE(SUM(b.budget_pence), 0) AS budget, COUNT(b.month) AS budgeted_months, COALESCE(SUM(b.reserved_pence), 0) AS reserved, COALESCE(SUM(b.committed_pence), 0) AS committed,
       (SELECT COUNT(*) FROM gesture_requests g WHERE g.site_id = s.id AND g.budget_month >= ? AND g.budget_month <= ?
          AND g.status IN ('pending', 'approved')) AS requests
     FROM sites s LEFT JOIN budgets b ON b.site_id = s.id AND b.month >= ? AND b.month <= ?
     GROUP BY s.id, s.name, s.kind, s.partner_name ORDER BY s.kind, s.name`,
    [from, to, from, to],
  );
  return {
    from,
    to,
    sites: sites.map((s) => {
      const standing = s.kind === 'partner' ? budgetDefaults.partnerPence : budgetDefaults.inHousePence;
      const budgetPence = Number(s.budget) + Math.max(0, months - Number(s.budgeted_months)) * standing;
      const state = { budgetPence, reservedPence: Number(s.reserved), committedPence: Number(s.committed) };
      return {
        siteId: String(s.id),
        siteName: String(s.name),
        siteKind: s.kind as 'in_house' | 'partner',
        partnerName: (s.partner_name as string | null) ?? null,
        ...state,
        leftPence: budgetLeft(state),
        requests: Number(s.requests),
      };
    }),
    byLine: await spendBy(q, 'line', from, to),
    byKind: await spendBy(q, 'kind', from, to),
    byReason: await spendBy(q, 'reason', from, to),
    byMonth: await spendBy(q, 'month', from, to),
  };
}

const pounds = (p: number) => (p / 100).toFixed(2);

export type CsvGrouping = 'site' | 'line' | 'kind' | 'reason' | 'month' | 'request';

export async function reportCsv(q: Queryable, from: string, to: string, by: CsvGrouping): Promise<string> {
  if (by === 'request') {
    const rows = await q.all<Record<string, unknown>>(
      `SELECT g.id, g.created_at, g.budget_month, s.name AS site_name, s.kind AS site_kind, g.line, g.item_name, g.item_kind, g.reason_code,
         g.amount_pence, g.status, g.fulfilment_status, g.approver_level, r.display_name AS requested_by, d.display_name AS decided_by
       FROM gesture_requests g JOIN sites s ON s.id = g.site_id
         LEFT JOIN users r ON r.id = g.requested_by LEFT JOIN users d ON d.id = g.decided_by WHERE g.budget_month >= ? AND g.budget_month <= ? ORDER BY g.created_at`,
      [from, to],
    );
    return csv([
      ['request_id', 'created_at', 'month', 'site', 'site_kind', 'line', 'item', 'kind', 'reason', 'amount_pence', 'amount_gbp', 'status',
        'fulfilment', 'approver_level', 'requested_by', 'decided_by'],
      ...rows.map((r) => [String(r.id), new Date(Number(r.created_at)).toISOString(), String(r.budget_month), String(r.site_name),
        String(r.site_kind), String(r.line), String(r.item_name), String(r.item_kind), String(r.reason_code), Number(r.amount_pence),
        pounds(Number(r.amount_pence)), String(r.status), (r.fulfilment_status as string | null) ?? null, String(r.approver_level),
        (r.requested_by as string | null) ?? null, (r.decided_by as string | null) ?? null]),
    ]);
  }
  const report = await budgetReport(q, from, to);
  if (by === 'site') {
    return csv([
      ['site', 'site_kind', 'partner', 'from', 'to', 'budget_pence', 'committed_pence', 'reserved_pence', 'left_pence', 'budget_gbp',
        'committed_gbp', 'reserved_gbp', 'left_gbp', 'requests'],
      ...report.sites.map((s) => [s.siteName, s.siteKind, s.partnerName, from, to, s.budgetPence, s.committedPence, s.reservedPence,
        s.leftPence, pounds(s.budgetPence), pounds(s.committedPence), pounds(s.reservedPence), pounds(s.leftPence), s.requests]),
    ]);
  }
  const rows = { line: report.byLine, kind: report.byKind, reason: report.byReason, month: report.byMonth }[by];
  return csv([
    [by, 'label', 'from', 'to', 'committed_pence', 'reserved_pence', 'committed_gbp', 'reserved_gbp', 'requests'],
    ...rows.map((r) => [r.key, r.label, from, to, r.committedPence, r.reservedPence, pounds(r.committedPence), pounds(r.reservedPence), r.requests]),
  ]);
}
