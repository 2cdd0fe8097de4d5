import { expect, test, type Page } from '@playwright/test';
import { signInAs } from '../support/client';
import { codeFor, enrolByApi, passwordStep } from '../support/two-factor';
import { signIn, signedInAs } from './support/app';
import { openAdminSection } from './support/catalogue';
import { screenshots as shots } from './support/shots';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();
/** Not any code the app shows around now (a wrong code must be wrong). */
const wrongCode = (secret: string) => ['000000', '111111', '222222'].find((c) => ![-1, 0, 1, 2].some((s) => codeFor(secret, s) === c))!;

const secondStep = (page: Page) => page.getByRole('form', { name: 'Two-factor sign-in' });

test('an advisor turns two-factor sign-in on in Settings, then signs in with a code from the app and with a recovery code; a wrong code is refused', async ({ page }) => {
  test.setTimeout(120_000);
  const desktop = await stack().desktop('advisor');
  await signIn(page, desktop.url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const card = settings.getByRole('region', { name: 'Two-factor sign-in' });
  await expect(card).toContainText('Off.');
  await card.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  const secret = (await card.getByTestId('two-factor-secret').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(card.getByTestId('two-factor-uri')).toHaveText(`otpauth://totp/Rapport:advisor1.mcr?secret=${secret}&issuer=Rapport&algorithm=SHA1&digits=6&period=30`);
  await card.getByLabel('Six-digit code from your app').fill('12');
  await card.getByRole('button', { name: 'Turn on' }).click();
  await expect(card.getByLabel('Six-digit code from your app')).toHaveAccessibleDescription('Type the six digits your app shows now.');
  await card.getByLabel('Six-digit code from your app').fill(codeFor(secret));
  await card.getByRole('button', { name: 'Turn on' }).click();
  const codes = card.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recoveryCodes = await codes.allInnerTexts();
  await shots(page, 'two-factor-settings');
  await card.getByRole('button', { name: 'I have kept them' }).click();
  await expect(card.getByTestId('two-factor-status')).toHaveText(/^On since \d{1,2} [A-Z][a-z]{2} \d{4}\. 10 recovery codes left\.$/);
  await settings.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();

  // Password, then a wrong code, then the right one.
  await signIn(page, desktop.url, 'advisor1.mcr');
  await expect(page.getByRole('heading', { name: 'Two-factor sign-in' })).toBeVisible();
  await expect(secondStep(page).getByLabel('Six-digit code from your app')).toBeFocused();
  await shots(page, 'two-factor-sign-in');
  await secondStep(page).getByLabel('Six-digit code from your app').fill(wrongCode(secret));
  await secondStep(page).getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(secondStep(page).getByRole('alert')).toContainText('That code is not right');
  await secondStep(page).getByLabel('Six-digit code from your app').fill(codeFor(secret, 1));
  await secondStep(page).getByRole('button', { name: 'Sign in', exact: true }).click();
  await signedInAs(page, 'Amira Hussain');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // A recovery code, typed as printed; it then works no more.
  await signIn(page, desktop.url, 'advisor1.mcr');
  await secondStep(page).getByRole('button', { name: 'Use a recovery code' }).click();
  await secondStep(page).getByLabel('Recovery code').fill(recoveryCodes[0]!);
  await secondStep(page).getByRole('button', { name: 'Sign in', exact: true }).click();
  await signedInAs(page, 'Amira Hussain');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, desktop.url, 'advisor1.mcr');
  await secondStep(page).getByRole('button', { name: 'Use a recovery code' }).click();
  await secondStep(page).getByLabel('Recovery code').fill(recoveryCodes[0]!);
  await secondStep(page).getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(secondStep(page).getByRole('alert')).toContainText('That code is not right');
  await secondStep(page).getByRole('button', { name: 'Back to username and password' }).click();
  await expect(page.getByLabel('Username')).toBeVisible();
});

test('a supervisor whose role must use it sets up the app while signing in and keeps the recovery codes before the console opens', async ({ page }) => {
  test.setTimeout(120_000);
  const head = await signInAs(stack().hub.url, 'admin.mcr');
  expect((await head.client.put('/api/two-factor/policy', { requiredRoles: ['supervisor'] })).status).toBe(200);
  const desktop = await stack().desktop('supervisor');
  await signIn(page, desktop.url, 'supervisor.mcr');
  await expect(page.getByRole('heading', { name: 'Set up two-factor sign-in' })).toBeVisible();
  const secret = (await page.getByTestId('two-factor-secret').innerText()).replace(/\s/g, '');
  await shots(page, 'two-factor-enrol');
  await secondStep(page).getByLabel('The six-digit code your app now shows').fill(codeFor(secret));
  await secondStep(page).getByRole('button', { name: 'Turn on and sign in' }).click();
  await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await page.getByRole('button', { name: 'I have kept my recovery codes' }).click();
  await signedInAs(page, 'Priya Shah');
});

test('a site admin sees who has two-factor sign-in on and resets it for someone at their site who lost their phone', async ({ page }) => {
  test.setTimeout(120_000);
  await enrolByApi(stack().hub.url, 'advisor2.lds');
  const desktop = await stack().desktop('admin');
  await signIn(page, desktop.url, 'admin.lds');
  await signedInAs(page, 'Hannah Price');
  await openAdminSection(page, 'People');
  const people = page.getByRole('region', { name: 'People' });
  await people.getByLabel('Show').selectOption('twoFactor');
  const rows = people.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(rows).toHaveCount(1);
  const person = rows.first();
  const name = (await person.getByRole('cell').first().innerText()).split('\n')[0]!;
  await expect(person).toContainText('Two-factor on');
  await shots(page, 'two-factor-people');
  await person.getByRole('button', { name: `Reset two-factor: ${name}` }).click();
  const form = page.getByRole('form', { name: `Reset ${name}’s two-factor sign-in` });
  await expect(form.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await form.getByRole('button', { name: 'Reset two-factor' }).click();
  await expect(people.getByRole('status')).toHaveText(`${name}’s two-factor sign-in was reset: they set up their app again at their next sign-in.`);
  await expect(people.getByText('Nobody matches')).toBeVisible();
  await people.getByLabel('Show').selectOption('everyone');
  await expect(people.getByRole('row').filter({ hasText: name })).toContainText('Two-factor off');
  await expect(people.getByRole('row').filter({ hasText: name }).getByRole('button', { name: /Reset two-factor/ })).toHaveCount(0);
  // The password alone signs them in again.
  expect((await passwordStep(stack().hub.url, 'advisor2.lds')).status).toBe(201);
});
