import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from '../support/client';
import { budgetOf, flowers } from '../support/gestures';
import { signIn, signedInAs } from './support/app';
import { answeredCall, currentTab, post } from './support/console';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();

interface Customer {
  id: string;
  name: string;
  phone: string;
}

/** A demo customer with a phone, no flags, and a name nobody else has (so "gone" can only mean them). */
async function onlyOneCalled(hubUrl: string): Promise<Customer> {
  const admin = (await signInAs(hubUrl, 'admin.mcr')).client;
  const found = (await admin.get('/api/customers?q=ar&limit=50')).body.customers as (Customer & { flags: { bereaved: boolean; vulnerable: boolean } })[];
  for (const c of found) {
    if (!c.phone || c.flags.bereaved || c.flags.vulnerable) continue;
    if ((await admin.get(`/api/customers?q=${encodeURIComponent(c.name)}`)).body.customers.length === 1) return c;
  }
  throw new Error('no demo customer with a name of their own');
}

const storeBytes = (dataDir: string) => {
  const path = join(dataDir, 'desktop', 'users', 'usr_advisor1_mcr', 'store.sqlite');
  return [path, `${path}-wal`].filter(existsSync).map((p) => readFileSync(p).toString('utf8')).join('\n');
};

async function shoot(page: Page, name: string) {
  for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/erasure-${name}-${width}x${height}.png` });
  }
}

test('an erased customer is gone from the hub, a second desktop’s store and search, and the budget figures are unchanged', async ({ browser }) => {
  test.setTimeout(180_000); // three desktops and a hub on a shared two-core machine
  const customer = await onlyOneCalled(stack().hub.url);
  const national = `0${customer.phone.slice(3)}`;

  // An advisor takes their call, writes half a note, and a gesture is given on the case.
  const advisor = await browser.newPage();
  await signIn(advisor, (await stack().desktop('advisor')).url, 'advisor1.mcr');
  await signedInAs(advisor, 'Amira Hussain');
  const cti = stack().ctiUrl('advisor');
  await answeredCall(advisor, cti, 'erase-1', national);
  await expect(advisor.getByRole('region', { name: 'Caller' }).getByRole('heading', { name: customer.name })).toBeVisible();
  await currentTab(advisor).getByRole('textbox', { name: 'Case note' }).fill(`Draft: ${customer.name} wants the sapphire-blue hamper`);
  const reference = (await currentTab(advisor).getByText(/^Case RP-\d+$/).first().textContent())!.replace('Case ', '');
  const hubAdvisor = (await signInAs(stack().hub.url, 'advisor1.mcr')).client;
  const theCase = ((await hubAdvisor.get(`/api/customers/${customer.id}`)).body.cases as { id: string; reference: string }[]).find((c) => c.reference === reference)!;
  expect((await hubAdvisor.post('/api/gestures/requests', flowers(theCase.id, 2500, { personalisation: { recipientName: customer.name, deliveryAddress: '3 Sapphire Row, Leeds' } }))).status).toBe(201);
  await post(cti, { event: 'hangup', callId: 'erase-1', direction: 'in', cause: 'normalClearing' });
  const wrapUp = advisor.getByRole('region', { name: 'Wrap-up' });
  await wrapUp.getByLabel('Wrap-up code').selectOption({ index: 1 });
  await wrapUp.getByRole('button', { name: 'Finish wrap-up' }).click();
  await expect(wrapUp).toBeHidden();
  await advisor.getByRole('button', { name: 'Home' }).click();
  const recentCalls = advisor.getByRole('region', { name: 'Recent calls', exact: true });
  await expect(recentCalls).toContainText(customer.name);
  expect(storeBytes(stack().dataDir('advisor'))).toContain(customer.name);

  const supervisor = (await signInAs(stack().hub.url, 'supervisor.mcr')).client;
  const budgetBefore = await budgetOf(supervisor, 'site_mcr');

  // The head of service erases them from another desktop.
  const admin = await browser.newPage();
  await signIn(admin, (await stack().desktop('admin')).url, 'admin.mcr');
  await signedInAs(admin, 'Tom Fletcher');
  await admin.getByRole('tab', { name: 'Data protection' }).click();
  await expect(admin.getByText('No customer has been erased yet')).toBeVisible();
  await expect(admin.getByLabel('Recent calls kept on each computer (days)')).toHaveValue('30');
  const card = admin.getByRole('region', { name: 'Erase a customer’s personal data' });
  await card.getByRole('textbox', { name: 'Customer' }).fill(customer.name);
  await card.getByRole('button', { name: 'Find' }).click();
  await card.getByRole('list', { name: 'Customers found' }).getByRole('button', { name: new RegExp(customer.name) }).click();
  const confirm = card.getByRole('form', { name: 'Confirm the erasure' });
  await expect(confirm).toContainText(reference);
  await expect(confirm).toContainText('£25.00 stays in the budgets');
  await confirm.getByLabel('Case where the request was logged').fill('RP-1');
  await confirm.getByRole('button', { name: 'Erase personal data' }).click();
  await expect(confirm.getByText('That is not one of this customer’s cases.')).toBeVisible();
  await expect(confirm.getByLabel('Case where the request was logged')).toBeFocused();
  await shoot(admin, 'confirm');
  await confirm.getByLabel('Case where the request was logged').fill(reference.toLowerCase());
  await confirm.getByRole('button', { name: 'Erase personal data' }).click();
  await expect(card.getByRole('status')).toContainText('The customer is now E-000001');
  const log = admin.getByRole('region', { name: 'Erasure log' });
  await expect(log.getByRole('row').filter({ hasText: 'E-000001' })).toContainText('Tom Fletcher');
  await expect(log).not.toContainText(customer.name);
  await shoot(admin, 'log');

  // The advisor's desktop heard it: the call history, the store and search no longer know them.
  await expect(recentCalls).not.toContainText(customer.name);
  await expect(recentCalls).toContainText('No calls yet today');
  const bytes = storeBytes(stack().dataDir('advisor'));
  for (const text of [customer.name, customer.phone, 'sapphire-blue hamper']) expect(bytes.includes(text), text).toBe(false);
  await advisor.getByRole('button', { name: 'New case' }).click();
  const open = advisor.getByRole('form', { name: 'Open a case' });
  await open.getByLabel('Customer').fill(customer.name);
  await expect(open.getByRole('list', { name: 'Matching customers' })).toHaveCount(0);
  await open.getByLabel('Customer').fill(national);
  await expect(open.getByRole('list', { name: 'Matching customers' })).toHaveCount(0);

  // The hub: no trace of them by name or number, and the money is where it was.
  expect((await hubAdvisor.get(`/api/customers?q=${encodeURIComponent(customer.name)}`)).body.customers).toEqual([]);
  expect((await hubAdvisor.get(`/api/screen-pop?number=${encodeURIComponent(national)}`)).body.card).toBeNull();
  expect(await budgetOf(supervisor, 'site_mcr')).toEqual(budgetBefore);
  const given = (await supervisor.get(`/api/customers/${customer.id}/gestures`)).body.gestures as { amountPence: number }[];
  expect(given.map((g) => g.amountPence)).toEqual([2500]);
});

test('the retention settings an admin saves reach a signed-in desktop', async ({ browser }) => {
  test.setTimeout(180_000);
  const advisorDesktop = await stack().desktop('advisor');
  const advisor = await browser.newPage();
  await signIn(advisor, advisorDesktop.url, 'advisor2.mcr');
  await signedInAs(advisor, 'Ben Walsh');

  const admin = await browser.newPage();
  await signIn(admin, (await stack().desktop('admin')).url, 'head.mcr');
  await signedInAs(admin, 'Nadia Rahman');
  await admin.getByRole('tab', { name: 'Data protection' }).click();
  const retention = admin.getByRole('form', { name: 'Retention on desktops' });
  await retention.getByLabel('Recent calls kept on each computer (days)').fill('0');
  await retention.getByRole('button', { name: 'Save retention' }).click();
  await expect(retention.getByText(/Out of range/)).toBeVisible();
  await retention.getByLabel('Recent calls kept on each computer (days)').fill('14');
  await retention.getByLabel('Unsent note drafts kept (days)').fill('3');
  await retention.getByRole('checkbox', { name: /Wipe at sign-out/ }).check();
  await retention.getByRole('button', { name: 'Save retention' }).click();
  await expect(retention.getByRole('status')).toContainText('Saved');

  const file = join(stack().dataDir('advisor'), 'desktop', 'retention.json');
  await expect
    .poll(() => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null), { timeout: 20_000 })
    .toEqual({ callHistoryDays: 14, noteDraftDays: 3, wipeAtSignOut: true, erasureDeadlineDays: 30 });
  await admin.reload();
  await admin.getByRole('tab', { name: 'Data protection' }).click();
  await expect(admin.getByLabel('Recent calls kept on each computer (days)')).toHaveValue('14');
  await expect(admin.getByRole('checkbox', { name: /Wipe at sign-out/ })).toBeChecked();
});
