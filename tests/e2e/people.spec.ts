import { expect, test, type Page } from '@playwright/test';
import { hubClient, signInAs } from '../support/client';
import { signIn, signedInAs } from './support/app';
import { openAdminSection } from './support/catalogue';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();
const SHOTS = process.env.RAPPORT_SHOTS;

const people = (page: Page) => page.getByRole('region', { name: 'People' });
const row = (page: Page, name: string) => people(page).getByRole('row').filter({ hasText: name });

test('a site admin adds a person at their own site, and cannot at another (the hub refuses too)', async ({ page }) => {
  const desktop = await stack().desktop('admin');
  await signIn(page, desktop.url, 'admin.lds');
  await signedInAs(page, 'Hannah Price');
  await openAdminSection(page, 'People');
  // Sites by name, a partner's company said once.
  await expect(row(page, 'Dan Okafor')).toContainText('Leeds (Northpoint Contact)');
  await expect(people(page)).not.toContainText('(Northpoint Contact) (Northpoint Contact)');
  await expect(people(page)).not.toContainText('site_lds');

  await people(page).getByRole('button', { name: 'Add a person' }).click();
  const form = page.getByRole('form', { name: 'Add a person' });
  const site = form.getByLabel('Site');
  // Only their own site is offered, and no role above their own.
  await expect(site.locator('option')).toHaveText(['Leeds (Northpoint Contact)']);
  await expect(form.getByLabel('Role').locator('option')).toHaveText(['Advisor', 'Supervisor', 'Site admin']);
  await form.getByLabel('Full name').fill('Ola Nowak');
  await form.getByLabel('Username').fill('advisor4.lds');
  await form.getByLabel('Team').selectOption({ index: 1 });
  await form.getByLabel('First password (at least 10 characters)').fill('short');
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(form.getByLabel('First password (at least 10 characters)')).toHaveAccessibleDescription(/at least 10 characters/);
  await form.getByLabel('First password (at least 10 characters)').fill('a-long-first-password');
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(people(page).getByRole('status')).toHaveText('Added Ola Nowak. They can sign in as advisor4.lds.');
  await expect(row(page, 'Ola Nowak')).toContainText('Leeds (Northpoint Contact) ·');
  await expect(row(page, 'Ola Nowak')).toContainText('Never');
  if (SHOTS) {
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `${SHOTS}/people-${size.width}.png` });
    }
  }

  // The hub is the gate: the same admin asking for a Glasgow account directly is refused.
  const { token } = await signInAs(stack().hub.url, 'admin.lds');
  const refused = await hubClient(stack().hub.url, token).post('/api/users', {
    username: 'sneaky.gla',
    displayName: 'Not Allowed',
    role: 'advisor',
    siteId: 'site_gla',
    password: 'a-long-first-password',
  });
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toBe('A site admin manages the people of their own site only.');
  await expect(row(page, 'Iona MacLeod')).toHaveCount(0);
});

test('a person locked out by wrong passwords is unlocked by an admin’s reset and signs in with the new one', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const hub = hubClient(stack().hub.url);
  // Guesses sent all at once lock the account as surely as one after another.
  const guesses = await Promise.all(Array.from({ length: 8 }, () => hub.post('/api/session', { username: 'advisor2.lds', password: 'wrong-guess' })));
  expect(guesses.map((g) => g.status)).toEqual(Array(8).fill(401));
  // Locked: even the right password is refused now.
  expect((await hub.post('/api/session', { username: 'advisor2.lds', password: 'rapport-demo-2026' })).status).toBe(401);

  const desktop = await stack().desktop('admin');
  await signIn(page, desktop.url, 'admin.lds');
  await signedInAs(page, 'Hannah Price');
  await openAdminSection(page, 'People');
  await people(page).getByLabel('Show').selectOption({ label: 'Locked out (1)' });
  await expect(people(page).getByRole('row')).toHaveCount(2);
  await expect(row(page, 'Ellie Grant')).toContainText('Locked');
  await row(page, 'Ellie Grant').getByRole('button', { name: 'Reset and unlock: Ellie Grant' }).click();
  const form = page.getByRole('form', { name: 'Reset Ellie Grant’s password' });
  await form.getByLabel('New password (at least 10 characters)').fill('a-brand-new-password');
  await form.getByRole('button', { name: 'Reset password' }).click();
  await expect(people(page).getByRole('status')).toHaveText('Ellie Grant’s password was reset and the account unlocked.');
  await expect(people(page).getByText('Nobody is locked out')).toBeVisible();

  const advisorDesktop = await stack().desktop('advisor');
  const advisor = await (await browser.newContext()).newPage();
  await signIn(advisor, advisorDesktop.url, 'advisor2.lds', 'a-brand-new-password');
  await signedInAs(advisor, 'Ellie Grant');
  await people(page).getByLabel('Show').selectOption('everyone');
  await expect(row(page, 'Ellie Grant')).toContainText('Active');
});
