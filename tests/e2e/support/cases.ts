import { expect, type Page } from '@playwright/test';
import { signInAs } from '../../support/client';

/** A demo customer found through the hub, for a test to open a case for by name. */
export async function demoCustomer(hubUrl: string, wanted: { bereaved: boolean }): Promise<{ id: string; name: string }> {
  const admin = await signInAs(hubUrl, 'admin.mcr');
  const found = (await admin.client.get('/api/customers?q=an&limit=50')).body.customers as {
    id: string;
    name: string;
    flags: { bereaved: boolean };
  }[];
  const customer = found.find((c) => c.flags.bereaved === wanted.bereaved);
  if (!customer) throw new Error(`no demo customer with bereaved=${wanted.bereaved}`);
  return customer;
}

/** A demo customer with a UK mobile and no bereavement: the caller in a call scenario ("07…" as they dial it). */
export async function mobileCaller(hubUrl: string): Promise<{ id: string; name: string; phone: string; national: string }> {
  const admin = await signInAs(hubUrl, 'admin.mcr');
  const found = (await admin.client.get('/api/customers?q=an&limit=40')).body.customers as { id: string; name: string; phone: string | null; flags: { bereaved: boolean } }[];
  const customer = found.find((c) => c.phone?.startsWith('+447') && !c.flags.bereaved);
  if (!customer) throw new Error('no demo customer with a mobile and no bereavement');
  return { id: customer.id, name: customer.name, phone: customer.phone!, national: '0' + customer.phone!.slice(3) };
}

/** Opens a case by hand from Recent cases, as an advisor does for a letter or an email. */
export async function openCaseByHand(page: Page, customerName: string, line: string, subject: string): Promise<void> {
  await page.getByRole('button', { name: 'New case' }).click();
  const form = page.getByRole('form', { name: 'Open a case' });
  await form.getByLabel('Customer').fill(customerName);
  await form
    .getByRole('list', { name: 'Matching customers' })
    .getByRole('button', { name: new RegExp(`^${customerName}`) })
    .first()
    .click();
  await form.getByLabel('Line').selectOption({ label: line });
  await form.getByLabel('Subject').fill(subject);
  await form.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByTestId('case-tab-panel').and(page.locator(':not([hidden])')).getByText(/^Case RP-\d+$/)).toBeVisible();
}

export const suggestedGestures = (page: Page) => page.getByRole('list', { name: 'Suggested gestures' }).getByRole('button');

/** Picks an item and fills every field by its label; the message template is left as it is. */
export async function personalise(page: Page, itemName: string, fields: Record<string, string>): Promise<void> {
  // The list and its "Show all" button render together: wait for the list before asking whether
  // the item needs it (counting the button first raced the suggestions on a busy machine).
  await expect(suggestedGestures(page).first()).toBeVisible();
  const wanted = suggestedGestures(page).filter({ hasText: itemName });
  const more = page.getByRole('button', { name: /^Show all \d+ that fit this case$/ });
  if ((await wanted.count()) === 0 && (await more.count()) > 0) await more.click();
  await wanted.click();
  const form = page.getByRole('form', { name: `Personalise ${itemName}` });
  for (const [label, value] of Object.entries(fields)) {
    const field = form.getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption({ label: value });
    else await field.fill(value);
  }
}
