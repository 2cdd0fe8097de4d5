import { z } from 'zod';
import { ADMIN_ROLES, LEAD_ROLES, mayRunSite } from '../../shared/roles';
import { addMonths, formatPence, minimumBudget, monthOf, MONTH_PATTERN } from '../../shared/gestures/policy';
import { budgetQuery, reportCsvQuery, reportQuery, setBudget, updateGestureSettings } from '../../shared/schemas/gestures';
import { audit } from '../audit';
import { createItem, parseItem, retireItem, updateItem } from '../gestures/catalogue';
import { expireOverdue } from '../gestures/decisions';
import { budgetReport, reportCsv } from '../gestures/report';
import { BUDGET_SELECT, ensureMonthlyBudgets, loadSettings, lockBudget, readBudget, saveSettings, toBudgetView } from '../gestures/store';
import { badRequest, forbidden, HttpError, notFound } from '../http/errors';
import { route } from '../http/router';

/** The catalogue's own schema (with its refinements) is applied in the handler, with the id from the path. */
const looseBody = z.record(z.string(), z.unknown());

const checkMonth = (m: string) => {
  if (!MONTH_PATTERN.test(m)) throw badRequest('Give the month as YYYY-MM.', [{ path: 'month', message: 'YYYY-MM' }]);
  return m;
};

export const gestureAdminRoutes = [
  route({
    method: 'POST',
    path: '/api/catalogue/items',
    access: ['org_admin'],
    summary: 'Add a catalogue item',
    body: looseBody,
    async handle({ hub, actor, body }) {
      return { status: 201, body: { item: await createItem(hub, actor, parseItem(body)) } };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/catalogue/items/:id',
    access: ['org_admin'],
    summary: 'Edit a catalogue item (past requests keep what they were given)',
    body: looseBody,
    async handle({ hub, actor, params, body }) {
      const item = parseItem(body, params.id!);
      return { body: { item: await updateItem(hub, actor, item, typeof body.retired === 'boolean') } };
    },
  }),
  route({
    method: 'POST',
    path: '/api/catalogue/items/:id/retire',
    access: ['org_admin'],
    summary: 'Retire a catalogue item; it stays on past requests',
    async handle({ hub, actor, params }) {
      return { body: { item: await retireItem(hub, actor, params.id!) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/gestures/settings',
    access: 'signed_in',
    summary: 'Approval limits, the customer cap, expiry and follow-up timing, default budgets',
    async handle({ hub }) {
      return { body: { settings: await loadSettings(hub.db) } };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/gestures/settings',
    access: ['org_admin'],
    summary: 'Change limits, the customer cap or other gesture settings (only the parts sent)',
    body: updateGestureSettings,
    async handle({ hub, actor, body }) {
      const settings = await hub.db.tx(async (q) => {
        const before = await loadSettings(q);
        const next = { ...before, ...body };
        if (next.limits.advisorPence > next.limits.supervisorPence) {
          throw badRequest('The advisor limit cannot be above the supervisor limit.', [{ path: 'limits.advisorPence', message: 'above the supervisor limit' }]);
        }
        await saveSettings(q, next);
        await audit(q, actor, { action: 'gesture.settings_changed', entity: 'gesture_settings', entityId: null, detail: { before, after: next } });
        return next;
      });
      return { body: { settings } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/gestures/budgets',
    access: LEAD_ROLES,
    summary: 'Every site’s budget for a month (this month unless asked)',
    query: budgetQuery,
    async handle({ hub, query }) {
      await expireOverdue(hub);
      const month = query.month ?? monthOf(Date.now());
      await ensureMonthlyBudgets(hub.db, month);
      const rows = await hub.db.all<Parameters<typeof toBudgetView>[0]>(`${BUDGET_SELECT} WHERE b.month = ? ORDER BY s.kind, s.name`, [month]);
      return { body: { month, budgets: rows.map(toBudgetView) } };
    },
  }),
  route({
    method: 'PUT',
    path: '/api/gestures/budgets/:siteId/:month',
    access: ADMIN_ROLES,
    summary: 'Set a site’s budget for a month (never below what is already reserved or spent); a site admin: their own site',
    body: setBudget,
    async handle({ hub, actor, params, body }) {
      if (!mayRunSite(actor, params.siteId!)) throw forbidden('A site admin sets their own site’s budget only.');
      const month = checkMonth(params.month!);
      if (!(await hub.db.get('SELECT id FROM sites WHERE id = ?', [params.siteId!]))) throw notFound('That site');
      await ensureMonthlyBudgets(hub.db, month);
      await hub.db.tx(async (q) => {
        const before = await lockBudget(q, params.siteId!, month);
        if (body.budgetPence < minimumBudget(before)) {
          throw new HttpError(409, 'budget_below_spend',
            `${formatPence(minimumBudget(before))} is already reserved or spent this month; the budget cannot go below that.`,
            [{ path: 'budgetPence', message: `at least ${minimumBudget(before)}` }]);
        }
        await q.run('UPDATE budgets SET budget_pence = ?, updated_at = ? WHERE site_id = ? AND month = ?', [body.budgetPence, Date.now(), params.siteId!, month]);
        await audit(q, actor, {
          action: 'budget.set',
          entity: 'budget',
          entityId: `${params.siteId}:${month}`,
          siteId: params.siteId!,
          detail: { month, beforePence: before.budgetPence, afterPence: body.budgetPence },
        });
      });
      return { body: { budget: await readBudget(hub.db, params.siteId!, month) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/gestures/report',
    access: LEAD_ROLES,
    summary: 'Spend against budget by site (in-house and partners side by side), line, kind, reason and month',
    query: reportQuery,
    async handle({ hub, query }) {
      await expireOverdue(hub);
      const now = monthOf(Date.now());
      await ensureMonthlyBudgets(hub.db, now);
      return { body: { report: await budgetReport(hub.db, query.from ?? addMonths(now, -5), query.to ?? now) } };
    },
  }),
  route({
    method: 'GET',
    path: '/api/gestures/report.csv',
    access: LEAD_ROLES,
    summary: 'The budget report as CSV (by site, line, kind, reason, month, or one row per request)',
    query: reportCsvQuery,
    async handle({ hub, query }) {
      const now = monthOf(Date.now());
      const from = query.from ?? addMonths(now, -5);
      const to = query.to ?? now;
      return {
        text: await reportCsv(hub.db, from, to, query.by),
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="gestures-${query.by}-${from}-to-${to}.csv"`,
        },
      };
    },
  }),
  route({
    method: 'POST',
    path: '/api/gestures/expire',
    access: ADMIN_ROLES,
    summary: 'Expire waiting requests past their time now (the hub also does this as it goes)',
    async handle({ hub }) {
      return { body: { expired: await expireOverdue(hub) } };
    },
  }),
];
