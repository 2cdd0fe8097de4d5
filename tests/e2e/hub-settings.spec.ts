import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnDesktop } from '../support/processes';
import { DEMO_PASSWORD, signIn, signedInAs } from './support/app';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();

test('after the first run, Settings moves the desktop to another hub address: checked, then signed out to sign in there', async ({ page }) => {
  // A desktop nobody administers: the address was typed on the first-run screen, kept in the data folder.
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-hubset-'));
  mkdirSync(join(dataDir, 'desktop'), { recursive: true });
  writeFileSync(join(dataDir, 'desktop', 'hub-address.json'), JSON.stringify({ hubUrl: stack().hub.url }));
  const desktop = await spawnDesktop({ RAPPORT_DATA_DIR: dataDir, RAPPORT_PORT: '0', RAPPORT_CTI_PORT: '0', RAPPORT_HUB_URL: '' });
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await signIn(page, desktop.url, 'advisor1.mcr');
    await signedInAs(page, 'Amira Hussain');
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog.getByTestId('hub-url')).toHaveText(stack().hub.url);
    await dialog.getByRole('button', { name: 'Change hub address…' }).click();
    const address = dialog.getByLabel('New hub address');
    await expect(address).toBeFocused();

    await address.fill('http://hub.example.co.uk');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert')).toHaveText(/Use https:\/\/ for a hub on another computer/);
    await address.fill('http://127.0.0.1:9');
    await dialog.getByRole('button', { name: 'Change and sign out' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(/No Rapport hub answered at http:\/\/127\.0\.0\.1:9/);
    // Nothing changed while the new address did not answer: still signed in to the old hub.
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
    await page.screenshot({ path: 'test-results/settings-hub-1280.png' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: 'test-results/settings-hub-1920.png' });

    // The same hub under another name stands in for a second hub here.
    const moved = stack().hub.url.replace('127.0.0.1', 'localhost');
    await address.fill(moved);
    await dialog.getByRole('button', { name: 'Change and sign out' }).click();
    await expect(page.getByLabel('Username')).toBeVisible();
    await page.getByLabel('Username').fill('advisor1.mcr');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await signedInAs(page, 'Amira Hussain');
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' }).getByTestId('hub-url')).toHaveText(moved);
  } finally {
    await desktop.stop();
  }
});

test('an address set by RAPPORT_HUB_URL is shown but not offered for change', async ({ page }) => {
  const desktop = await stack().desktop('advisor');
  await signIn(page, desktop.url, 'advisor2.mcr');
  await signedInAs(page, 'Ben Walsh');
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByText('Set by RAPPORT_HUB_URL on this computer.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Change hub address…' })).toHaveCount(0);
});

test('a hub upgraded under a signed-in advisor answers 426 and the app shows "update needed" at once', async ({ page }) => {
  const desktop = await stack().desktop('advisor');
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page, desktop.url, 'advisor3.mcr');
  await signedInAs(page, 'Chloe Davies');
  await expect(page.getByText(/Update needed/)).toHaveCount(0);
  await stack().hub.stop();
  await stack().restartHub({ RAPPORT_MIN_DESKTOP_VERSION: '9.0.0' });
  const banner = page.getByRole('alert').filter({ hasText: 'Update needed' });
  await expect(banner).toContainText('works with Rapport 9.0.0 or later, and this computer has 0.1.0');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.screenshot({ path: 'test-results/update-needed-1280.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: 'test-results/update-needed-1920.png' });
});
