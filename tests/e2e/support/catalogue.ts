import { expect, type Locator, type Page } from '@playwright/test';

/** Opens one of the admin home's tabs ("Goodwill catalogue", "Spend, limits and budgets", "Audit log"). */
export async function openAdminSection(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

export const catalogueCard = (page: Page): Locator => page.getByRole('region', { name: 'Goodwill catalogue' });

/** The row of one item in the catalogue table, found by its name in the row header. */
export const catalogueRow = (page: Page, name: string): Locator =>
  catalogueCard(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}\\b`) }) });

export async function showItems(page: Page, which: 'Active' | 'Retired' | 'All'): Promise<void> {
  await catalogueCard(page)
    .getByRole('radio', { name: new RegExp(`^${which}`) })
    .check();
}

export interface ItemInput {
  name?: string;
  tone?: 'Celebratory' | 'Neutral' | 'Condolence';
  kind?: string;
  bereavementSuitable?: boolean;
  from?: string;
  to?: string;
  lines?: string[];
  fulfilment?: string;
}

/** Fills the open item form; only what is given is changed. */
export async function fillItem(page: Page, item: ItemInput): Promise<void> {
  const form = page.getByRole('form', { name: /catalogue item|Edit “/ });
  if (item.name !== undefined) await form.getByLabel('Name', { exact: true }).fill(item.name);
  if (item.kind) await form.getByLabel('Kind', { exact: true }).selectOption({ label: item.kind });
  if (item.tone) await form.getByLabel('Tone', { exact: true }).selectOption({ label: item.tone });
  if (item.bereavementSuitable !== undefined)
    await form.getByLabel('Suitable after a bereavement').setChecked(item.bereavementSuitable);
  if (item.from !== undefined) await form.getByLabel('From (£)').fill(item.from);
  if (item.to !== undefined) await form.getByLabel('To (£)').fill(item.to);
  if (item.lines) {
    for (const line of ['Food', 'Funeral care', 'Membership']) {
      await form.getByRole('group', { name: 'Lines' }).getByLabel(line).setChecked(item.lines.includes(line));
    }
  }
  if (item.fulfilment !== undefined) await form.getByLabel('Fulfilment route').fill(item.fulfilment);
}
