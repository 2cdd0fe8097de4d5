import { expect, test } from '@playwright/test';
import { signIn, signedInAs } from './support/app';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();
const SHOTS = process.env.RAPPORT_SHOTS;

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${size.width}×${size.height} the shortcuts sheet opens on ?, and it and Settings close with Esc or Close, giving focus back`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const desktop = await stack().desktop('advisor');
    await signIn(page, desktop.url, 'advisor1.mcr');
    await signedInAs(page, 'Amira Hussain');

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toBeVisible();
    await expect(sheet.getByRole('row', { name: /Ctrl.?K/ })).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/shortcuts-${size.width}.png` });
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await page.keyboard.press('?');
    await expect(sheet).toBeVisible();
    await sheet.getByRole('button', { name: 'Close' }).click();
    await expect(sheet).toBeHidden();

    const opener = page.getByRole('button', { name: 'Settings' });
    await opener.click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect(settings).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/settings-${size.width}.png` });
    await page.keyboard.press('Escape');
    await expect(settings).toBeHidden();
    await expect(opener).toBeFocused();
  });
}
