import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addMonths, monthOf } from '../../shared/gestures/policy';
import type { BudgetReport } from '../../shared/schemas/gestures';
import { signInAs } from '../support/client';
import { signIn, signedInAs } from './support/app';
import { raiseGoodwill } from './support/goodwill';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();

const gbp = (pence: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100);
const monthName = (m: string) =>
  new Date(`${m}-15T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

type Site = BudgetReport['sites'][number];
const SITES = ['Manchester', 'Glasgow (Meridian BPO)', 'Leeds (Northpoint Contact)'];

/** The sentence each site's bar gives a screen reader, from the hub's own figures. */
function barLabel(s: Site): string {
  if (s.budgetPence <= 0) {
    return `${s.siteName}: ${gbp(s.committedPence)} committed and ${gbp(s.reservedPence)} reserved; no budget set for this period`;
  }
  const left = s.leftPence < 0 ? `over budget by ${gbp(-s.leftPence)}` : `${gbp(s.leftPence)} left`;
  return `${s.siteName}: ${gbp(s.committedPence)} committed and ${gbp(s.reservedPence)} reserved of ${gbp(s.budgetPence)}; ${left}`;
}

async function expectSites(spend: Locator, sites: Site[]): Promise<void> {
  for (const s of sites) {
    const card = spend.getByRole('article', { name: s.siteName, exact: true });
    await expect(card.getByRole('img')).toHaveAttribute('aria-label', barLabel(s));
    await expect(card.getByText(gbp(s.committedPence), { exact: true }).first()).toBeVisible();
  }
}

async function download(page: Page, spend: Locator, breakdown: string): Promise<{ name: string; text: string }> {
  await spend.getByLabel('CSV breakdown').selectOption({ label: breakdown });
  const saved = page.waitForEvent('download');
  await spend.getByRole('button', { name: 'Export CSV' }).click();
  const file = await saved;
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

test('a supervisor compares the sites’ goodwill spend side by side, changes the period and exports CSV', async ({ page }) => {
  const now = monthOf(Date.now());
  const head = await signInAs(stack().hub.url, 'admin.mcr');
  const report = async (from: string, to = from) => {
    const res = await head.client.get(`/api/gestures/report?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    return res.body.report as BudgetReport;
  };
  const before = await report(now);
  await raiseGoodwill(stack().hub.url);
  const site = (r: BudgetReport, name: string) => r.sites.find((s) => s.siteName === name)!;

  // What the gestures just raised add: approved ones are committed, the one waiting is reserved, the rejected one nothing.
  const thisMonth = await report(now);
  const added = (name: string) => ({
    committed: site(thisMonth, name).committedPence - site(before, name).committedPence,
    reserved: site(thisMonth, name).reservedPence - site(before, name).reservedPence,
  });
  expect(added('Manchester')).toEqual({ committed: 2000, reserved: 5000 });
  expect(added('Leeds (Northpoint Contact)')).toEqual({ committed: 5000, reserved: 0 });
  expect(added('Glasgow (Meridian BPO)')).toEqual({ committed: 1500, reserved: 0 });

  const desktop = await stack().desktop('supervisor');
  await signIn(page, desktop.url, 'supervisor.mcr');
  await signedInAs(page, 'Priya Shah');
  const spend = page.getByRole('region', { name: 'Goodwill spend' });

  // This month by default: in-house first, partners beside it, each against its own budget.
  await expect(spend.getByRole('button', { name: 'This month' })).toHaveAttribute('aria-pressed', 'true');
  await expect(spend.getByText(`${monthName(now)}:`)).toBeVisible();
  await expect(spend.getByRole('article').getByRole('heading')).toHaveText(SITES);
  await expect(spend.getByRole('article', { name: 'Manchester', exact: true })).toContainText('In-house');
  await expect(spend.getByRole('article', { name: 'Leeds (Northpoint Contact)', exact: true })).toContainText('Partner');
  await expectSites(spend, thisMonth.sites);
  await expect(spend.getByRole('article', { name: 'Manchester', exact: true })).toContainText(
    gbp(site(thisMonth, 'Manchester').reservedPence),
  );
  const complaints = thisMonth.byReason.find((r) => r.key === 'complaint')!;
  await expect(spend.getByRole('table', { name: 'By reason' }).getByRole('row', { name: /^Complaint/ })).toContainText(
    `${gbp(complaints.committedPence)}${gbp(complaints.reservedPence)}${complaints.requests}`,
  );

  // A request raised on the floor shows up while the supervisor watches: no reload.
  await raiseGoodwill(
    stack().hub.url,
    [
      {
        advisor: 'advisor3.mcr',
        line: 'food',
        itemId: 'local-produce-hamper',
        amountPence: 4000,
        reasonCode: 'product_quality',
        personalisation: {
          recipientName: 'Jo Bloggs',
          deliveryAddress: '1 High Street, Manchester M1 1AA',
          dietaryNeeds: 'None',
          message: 'Sorry.',
        },
      },
    ],
    10,
  );
  const live = await report(now);
  expect(site(live, 'Manchester').reservedPence).toBe(site(thisMonth, 'Manchester').reservedPence + 4000);
  await expectSites(spend, [site(live, 'Manchester')]);

  // Last month holds none of this month's spend.
  const lastMonth = addMonths(now, -1);
  await spend.getByRole('button', { name: 'Last month' }).click();
  await expect(spend.getByRole('button', { name: 'Last month' })).toHaveAttribute('aria-pressed', 'true');
  await expect(spend.getByText(`${monthName(lastMonth)}:`)).toBeVisible();
  const previous = await report(lastMonth);
  expect(site(previous, 'Manchester').committedPence).not.toBe(site(live, 'Manchester').committedPence);
  await expectSites(spend, previous.sites);

  // From the keyboard: the next quick pick is one Tab away.
  await spend.getByRole('button', { name: 'Last month' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(spend.getByRole('button', { name: 'Last 3 months' })).toHaveAttribute('aria-pressed', 'true');
  const from = addMonths(now, -2);
  const quarter = await report(from, now);
  // Three months of spend against three months of budget, not one month's.
  for (const name of SITES) expect(site(quarter, name).budgetPence).toBe(3 * site(thisMonth, name).budgetPence);
  await expectSites(spend, quarter.sites);
  await expect(spend.getByRole('list', { name: 'By month' }).getByRole('listitem')).toHaveCount(3);
  await expect(spend.getByRole('list', { name: 'By month' }).getByRole('listitem').last()).toContainText(
    `${monthName(now)}: ${gbp(quarter.byMonth.find((m) => m.key === now)!.committedPence)} committed`,
  );

  // The CSV is the period on screen, as the hub reports it, with a byte-order mark for Excel.
  const bySite = await download(page, spend, 'By site');
  expect(bySite.name).toBe(`goodwill-site-${from}-${now}.csv`);
  expect(bySite.text.charCodeAt(0)).toBe(0xfeff);
  const lines = bySite.text.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'site,site_kind,partner,from,to,budget_pence,committed_pence,reserved_pence,left_pence,budget_gbp,committed_gbp,reserved_gbp,left_gbp,requests',
  );
  const mcr = site(quarter, 'Manchester');
  expect(lines).toContain(
    `Manchester,in_house,,${from},${now},${mcr.budgetPence},${mcr.committedPence},${mcr.reservedPence},${mcr.leftPence},` +
      `${(mcr.budgetPence / 100).toFixed(2)},${(mcr.committedPence / 100).toFixed(2)},${(mcr.reservedPence / 100).toFixed(2)},${(mcr.leftPence / 100).toFixed(2)},${mcr.requests}`,
  );
  expect(lines.filter((l) => /^(Leeds|Glasgow) \(.+\),partner,(Northpoint Contact|Meridian BPO),/.test(l))).toHaveLength(2);
  await expect(spend.getByText(`Downloaded ${bySite.name}`)).toBeVisible();

  const byReasonCsv = await download(page, spend, 'By reason');
  expect(byReasonCsv.name).toBe(`goodwill-reason-${from}-${now}.csv`);
  const hubCsv = await head.client.get(`/api/gestures/report.csv?by=reason&from=${from}&to=${now}`);
  expect(byReasonCsv.text).toBe(`\uFEFF${hubCsv.body as string}`);
  expect(byReasonCsv.text.split('\r\n')[0]).toBe(
    '\uFEFFreason,label,from,to,committed_pence,reserved_pence,committed_gbp,reserved_gbp,requests',
  );
  const c = quarter.byReason.find((r) => r.key === 'complaint')!;
  expect(byReasonCsv.text).toContain(
    `\r\ncomplaint,Complaint,${from},${now},${c.committedPence},${c.reservedPence},${(c.committedPence / 100).toFixed(2)},${(c.reservedPence / 100).toFixed(2)},${c.requests}\r\n`,
  );
});
