import { expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnDesktop } from '../support/processes';
import { DEMO_PASSWORD } from './support/app';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();

test('first run without a policy: the person enters the hub address, then signs in; Settings copies diagnostics', async ({ page }) => {
  const desktop = await spawnDesktop({ RAPPORT_DATA_DIR: mkdtempSync(join(tmpdir(), 'rapport-e2e-first-')), RAPPORT_PORT: '0', RAPPORT_CTI_PORT: '0', RAPPORT_HUB_URL: '' });
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(desktop.url);
    const address = page.getByLabel('Hub address');
    await expect(address).toBeFocused();
    await page.screenshot({ path: 'test-results/first-run-1280.png' });

    await address.fill('http://hub.example.co.uk');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(/Use https:\/\/ for a hub on another computer/);
    await address.fill('http://127.0.0.1:9');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toHaveText(/No Rapport hub answered at http:\/\/127\.0\.0\.1:9/);

    await address.fill(stack().hub.url);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Username').fill('advisor1.mcr');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Copy diagnostics' }).click();
    await expect(page.getByText('Diagnostics copied')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Rapport desktop 0.1.0');
    expect(copied).toContain(`Hub: ${stack().hub.url} (from chosen)`);
    await page.screenshot({ path: 'test-results/settings-diagnostics-1280.png' });
  } finally {
    await desktop.stop();
  }
});
