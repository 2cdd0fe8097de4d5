import { expect, test } from '@playwright/test';
import { signIn, signedInAs } from './support/app';
import { catalogueCard, catalogueRow, fillItem, openAdminSection, showItems } from './support/catalogue';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();

test('an admin adds a bereavement-suitable item, edits it and retires it; it stays listed as retired', async ({ page }) => {
  const desktop = await stack().desktop('admin');
  await signIn(page, desktop.url, 'admin.mcr');
  await signedInAs(page, 'Tom Fletcher');

  // The section tabs work from the keyboard: one Tab stop, arrows move between them.
  await page.getByRole('tab', { name: 'People and flags' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Goodwill catalogue' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Goodwill catalogue' })).toBeFocused();
  await expect(catalogueRow(page, 'Tree planted in memory')).toContainText('£20.00');

  const card = catalogueCard(page);
  await card.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await fillItem(page, {
    name: 'Remembrance candle',
    kind: 'Gift',
    tone: 'Condolence',
    bereavementSuitable: true,
    from: '12',
    to: '18.50',
    lines: ['Funeral care'],
    fulfilment: 'partner_gift_supplier',
  });
  await expect(page.getByLabel('Reference')).toHaveValue('remembrance-candle');
  await card.getByRole('button', { name: 'Add a field' }).click();
  await page.getByLabel('Field 3 label').fill('In memory of');
  await expect(page.getByLabel('Field 3 key')).toHaveValue('inMemoryOf');
  await page.getByLabel('Template 1', { exact: true }).fill('Dear {recipientName}, remembering {inMemoryOf} with you.');
  await card.getByRole('button', { name: 'Add to catalogue' }).click();

  await expect(card.getByRole('status')).toHaveText('Added “Remembrance candle” to the catalogue.');
  const row = catalogueRow(page, 'Remembrance candle');
  await expect(row).toContainText('£12.00 to £18.50');
  await expect(row).toContainText('Condolence');
  await expect(row).toContainText('Suitable');
  await expect(row).toContainText('Funeral care');

  await row.getByRole('button', { name: 'Edit Remembrance candle' }).click();
  await expect(page.getByLabel('From (£)')).toHaveValue('12');
  await expect(page.getByLabel('To (£)')).toHaveValue('18.50');
  await expect(page.getByLabel('Field 3 key')).toHaveValue('inMemoryOf');
  await fillItem(page, { name: 'Remembrance candle and card', to: '20' });
  await card.getByRole('button', { name: 'Save changes' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved “Remembrance candle and card”.');
  const edited = catalogueRow(page, 'Remembrance candle and card');
  await expect(edited).toContainText('£12.00 to £20.00');

  await edited.getByRole('button', { name: 'Retire Remembrance candle and card' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Retire “Remembrance candle and card”?' });
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(edited).toBeVisible();
  await edited.getByRole('button', { name: 'Retire Remembrance candle and card' }).click();
  await confirm.getByRole('button', { name: 'Retire item' }).click();
  await expect(card.getByRole('status')).toContainText('Retired “Remembrance candle and card”');
  await expect(catalogueRow(page, 'Remembrance candle and card')).toHaveCount(0);
  await expect(catalogueRow(page, 'Tree planted in memory')).toBeVisible();

  await showItems(page, 'Retired');
  await expect(catalogueRow(page, 'Remembrance candle and card')).toContainText('Retired');
  await expect(catalogueRow(page, 'Tree planted in memory')).toHaveCount(0);

  // Still retired after a reload: it came from the hub, not from this page's memory.
  await page.reload();
  await signedInAs(page, 'Tom Fletcher');
  await openAdminSection(page, 'Goodwill catalogue');
  await expect(catalogueRow(page, 'Tree planted in memory')).toBeVisible();
  await expect(catalogueRow(page, 'Remembrance candle and card')).toHaveCount(0);
  await showItems(page, 'All');
  await expect(catalogueRow(page, 'Remembrance candle and card')).toContainText('Retired');
});

test('a celebratory item marked bereavement-suitable is refused, with the reason next to the checkbox', async ({ page }) => {
  const desktop = await stack().desktop('admin');
  await signIn(page, desktop.url, 'head.mcr');
  await signedInAs(page, 'Nadia Rahman');
  await openAdminSection(page, 'Goodwill catalogue');
  const card = catalogueCard(page);
  await expect(catalogueRow(page, 'Tree planted in memory')).toBeVisible();

  await card.getByRole('button', { name: 'Add item' }).click();
  await fillItem(page, {
    name: 'Party box',
    tone: 'Celebratory',
    bereavementSuitable: true,
    from: '15',
    to: '25',
    fulfilment: 'partner_gift_supplier',
  });
  await card.getByRole('button', { name: 'Add to catalogue' }).click();

  const suitable = page.getByLabel('Suitable after a bereavement');
  await expect(suitable).toHaveAttribute('aria-invalid', 'true');
  await expect(suitable).toBeFocused();
  await expect(page.locator('#item-bereavementSuitable-problem')).toHaveText(
    'A celebratory item is never suitable after a bereavement',
  );
  await expect(suitable).toHaveAccessibleDescription(/A celebratory item is never suitable after a bereavement/);
  await expect(card.getByRole('alert')).toContainText('Some fields need attention.');

  // Amounts that are not pounds are caught on the spot, next to their field.
  await fillItem(page, { bereavementSuitable: false, from: '15.999' });
  await card.getByRole('button', { name: 'Add to catalogue' }).click();
  await expect(page.getByLabel('From (£)')).toHaveAccessibleDescription(/two decimal places/);
  await expect(page.getByLabel('From (£)')).toBeFocused();

  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card.getByRole('button', { name: 'Add item' })).toBeFocused();
  await showItems(page, 'All');
  await expect(catalogueRow(page, 'Party box')).toHaveCount(0);
});

test('an admin changes the advisor limit; it is saved on the hub and shows in the audit log', async ({ page }) => {
  const desktop = await stack().desktop('admin');
  await signIn(page, desktop.url, 'head.mcr');
  await signedInAs(page, 'Nadia Rahman');
  await openAdminSection(page, 'Spend, limits and budgets');

  const advisorLimit = page.getByLabel('Advisor limit (£)');
  await expect(advisorLimit).toHaveValue('25');
  await expect(page.getByLabel('Supervisor limit (£)')).toHaveValue('150');
  await expect(page.getByLabel('Customer cap (£)')).toHaveValue('100');

  await advisorLimit.fill('200');
  await page.getByRole('button', { name: 'Save limits and caps' }).click();
  await expect(advisorLimit).toHaveAccessibleDescription(/cannot be above the supervisor limit/i);

  await advisorLimit.fill('30');
  await page.getByRole('button', { name: 'Save limits and caps' }).click();
  await expect(page.getByRole('region', { name: 'Limits and caps' }).getByRole('status')).toContainText(
    'Advisors approve up to £30.00 at once',
  );

  await page.reload();
  await signedInAs(page, 'Nadia Rahman');
  await openAdminSection(page, 'Spend, limits and budgets');
  await expect(page.getByLabel('Advisor limit (£)')).toHaveValue('30');

  await openAdminSection(page, 'Audit log');
  const log = page.getByRole('region', { name: 'Audit log' });
  const first = log.getByRole('row').nth(1);
  await expect(first).toContainText('Nadia Rahman changed the advisor limit from £25 to £30');
  await expect(first).toContainText('Nadia Rahman');
  await expect(first.locator('time')).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
});
