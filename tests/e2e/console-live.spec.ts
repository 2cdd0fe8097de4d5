import { expect, test } from '@playwright/test';
import { signIn, signedInAs } from './support/app';
import { answeredCall, currentTab, post } from './support/console';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();

test('Recent cases gains the case of a call just taken, without signing in again', async ({ page }) => {
  await signIn(page, (await stack().desktop('advisor')).url, 'advisor2.mcr');
  await signedInAs(page, 'Ben Walsh');
  const recent = page.getByRole('region', { name: 'Recent cases' });
  await expect(recent.getByRole('columnheader', { name: 'Reference' })).toBeVisible();

  const cti = stack().ctiUrl('advisor');
  await answeredCall(page, cti, 'recent-1', '07700900123');
  const reference = (await currentTab(page).getByText(/^Case RP-\d+$/).first().textContent())!.replace('Case ', '');
  await post(cti, { event: 'hangup', callId: 'recent-1', direction: 'in', cause: 'normalClearing' });
  const wrapUp = currentTab(page).getByRole('region', { name: 'Wrap-up' });
  await wrapUp.getByLabel('Wrap-up code').selectOption({ index: 1 });
  await wrapUp.getByRole('button', { name: 'Finish wrap-up' }).click();
  await expect(wrapUp).toBeHidden();

  await page.getByRole('button', { name: 'Home' }).click();
  await expect(recent.getByRole('row').filter({ hasText: reference })).toBeVisible();
  await expect(recent.getByRole('row').filter({ hasText: reference })).toContainText('Closed');
});

test('the offline banner shows while the desktop runs without its hub, and goes once the hub is back', async ({ page }) => {
  await signIn(page, (await stack().desktop('advisor')).url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');
  const banner = page.getByText('Working offline: showing what was saved on this computer');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online');
  await expect(banner).toHaveCount(0);

  await stack().killHub();
  const again = await stack().desktop('advisor');
  await page.goto(again.url);
  await signedInAs(page, 'Amira Hussain');
  await expect(banner).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline');

  await stack().restartHub();
  await expect(banner).toHaveCount(0, { timeout: 45_000 });
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online', { timeout: 45_000 });
  // What could not load while away loads by itself.
  await expect(page.getByRole('region', { name: 'Recent cases' }).getByRole('columnheader', { name: 'Reference' })).toBeVisible({ timeout: 45_000 });
});
