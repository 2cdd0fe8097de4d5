import { expect, test, type Page } from '@playwright/test';
import { signIn, signedInAs } from './support/app';
import { openAdminSection } from './support/catalogue';
import { approveAs, pendingHamper } from './support/people';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();
const SHOTS = process.env.RAPPORT_SHOTS;

const log = (page: Page) => page.getByRole('region', { name: 'Audit log' });

async function search(page: Page, words: string): Promise<void> {
  await log(page).getByLabel('Search', { exact: true }).fill(words);
  await log(page).getByLabel('Search', { exact: true }).press('Enter');
}

test('an audit search finds an approval by the customer’s name, in words; a partner site’s admin does not see it', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { requestId, customerName, caseReference } = await pendingHamper(stack().hub.url);
  await approveAs(stack().hub.url, 'supervisor.mcr', requestId, 'A fair gesture for a spoilt delivery');
  const surname = customerName.split(' ').pop()!;

  const desktop = await stack().desktop('head');
  await signIn(page, desktop.url, 'head.mcr');
  await signedInAs(page, 'Nadia Rahman');
  await openAdminSection(page, 'Audit log');
  await search(page, surname);
  const approval = log(page).getByRole('row').filter({ hasText: 'approved' });
  await expect(approval).toHaveCount(1);
  await expect(approval).toContainText(
    `Priya Shah approved a £60 hamper of local produce for ${customerName} (${caseReference}): “A fair gesture for a spoilt delivery”`,
  );
  await expect(approval).toContainText('Manchester');
  // The request, the approval and the case that was opened: all about this customer, nothing else.
  for (const text of await log(page).getByRole('row').allInnerTexts()) if (!/^when/i.test(text)) expect(text).toContain(customerName);

  // Narrowed to one person and one kind, the same entry is still there; a date range before it, not.
  await log(page).getByLabel('Person').selectOption({ label: 'Priya Shah' });
  await log(page).getByLabel('Kind').selectOption({ label: 'Gesture requests' });
  await expect(log(page).getByRole('row')).toHaveCount(2);
  // Dates read and typed as dd/mm/yyyy, not the browser's mm/dd/yyyy.
  await expect(log(page).getByLabel('To')).toHaveAttribute('placeholder', 'dd/mm/yyyy');
  await log(page).getByLabel('To').fill('31/01/2020');
  await expect(log(page).getByText('Nothing matches these filters')).toBeVisible();
  await log(page).getByLabel('To').fill('');
  await expect(log(page).getByRole('row')).toHaveCount(2);
  await log(page).getByLabel('To').fill('12/31/2020');
  await expect(log(page).getByLabel('To')).toHaveAccessibleDescription('Type a date as dd/mm/yyyy');
  await expect(log(page).getByRole('row')).toHaveCount(2);
  const today = new Date();
  const dd = (n: number) => String(n).padStart(2, '0');
  await log(page).getByLabel('From').fill(`${dd(today.getDate())}/${dd(today.getMonth() + 1)}/${today.getFullYear()}`);
  await log(page).getByLabel('To').fill('');
  await expect(log(page).getByRole('row')).toHaveCount(2);
  await log(page).getByLabel('From').fill('');

  const download = page.waitForEvent('download');
  await log(page).getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(csv).toContain('When (UK time),Who,Role,Site,What happened,Customer,Case,Kind,Action');
  expect(csv).toMatch(new RegExp(`\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2},Priya Shah,supervisor,Manchester,`));
  expect(csv).toContain(`${customerName},${caseReference},gesture request,gesture.approved`);
  expect(csv).not.toContain('usr_');

  if (SHOTS) {
    await log(page).getByLabel('Person').selectOption({ label: 'Anyone' });
    await log(page).getByLabel('Kind').selectOption({ label: 'Everything' });
    await search(page, '');
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `${SHOTS}/audit-${size.width}.png` });
    }
  }

  // A partner site's admin reads their own site's log only.
  const leeds = await (await browser.newContext()).newPage();
  await signIn(leeds, (await stack().desktop('leeds-admin')).url, 'admin.lds');
  await signedInAs(leeds, 'Hannah Price');
  await openAdminSection(leeds, 'Audit log');
  await expect(log(leeds).getByRole('row').nth(1)).toBeVisible();
  await search(leeds, surname);
  await expect(log(leeds).getByText('Nothing matches these filters')).toBeVisible();
});
