import { describe, expect, it } from 'vitest';
import { addMonths, monthOf } from '../../shared/gestures/policy';
import { backends } from '../support/backends';
import { signInAs } from '../support/client';
import { customerPool, hamper, openCase } from '../support/gestures';
import { hubPerSuite } from '../support/hub-per-suite';

type SiteRow = { siteId: string; budgetPence: number };

for (const backend of backends()) {
  describe(`goodwill spend report on ${backend.name}`, { timeout: 60_000 }, () => {
    const hub = hubPerSuite(backend);

    it('weighs each period against the budget for the same period, not one month’s', async () => {
      const supervisor = await signInAs(hub().url, 'supervisor.mcr');
      const to = monthOf(Date.now());
      const budgets = async (from: string) =>
        new Map(((await supervisor.client.get(`/api/gestures/report?from=${from}&to=${to}`)).body.report.sites as SiteRow[]).map((s) => [s.siteId, s.budgetPence]));
      const month = await budgets(to);
      const year = await budgets(addMonths(to, -11));
      const quarter = await budgets(addMonths(to, -2));
      expect(month.get('site_mcr')).toBeGreaterThan(0);
      for (const [site, monthly] of month) {
        expect(year.get(site)).toBe(12 * monthly);
        expect(quarter.get(site)).toBe(3 * monthly);
      }
      // A month whose budget an admin changed counts at its own figure.
      const head = await signInAs(hub().url, 'head.mcr');
      expect((await head.client.put(`/api/gestures/budgets/site_lds/${to}`, { budgetPence: 123_400 })).status).toBe(200);
      expect((await budgets(addMonths(to, -11))).get('site_lds')).toBe(11 * month.get('site_lds')! + 123_400);
    });

    it('names people, not ids, in the per-request spend CSV', async () => {
      const advisor = await signInAs(hub().url, 'advisor1.mcr');
      const supervisor = await signInAs(hub().url, 'supervisor.mcr');
      const customers = await customerPool(hub().context.db);
      const asked = await advisor.client.post('/api/gestures/requests', hamper(await openCase(advisor.client, customers.next())));
      expect((await supervisor.client.post(`/api/gestures/requests/${asked.body.request.id}/approve`, { reason: 'Fair.' })).status).toBe(200);
      const csv = String((await supervisor.client.get('/api/gestures/report.csv?by=request')).body);
      const [header, ...rows] = csv.trim().split(/\r\n/);
      expect(header).toMatch(/,requested_by,decided_by$/);
      const row = rows.find((r) => r.startsWith(`${asked.body.request.id as string},`))!;
      expect(row).toMatch(/,Amira Hussain,Priya Shah$/);
      expect(csv).not.toMatch(/usr_/);
    });
  });
}
