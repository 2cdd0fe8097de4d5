import { expect, test } from '@playwright/test';
import { signIn, signedInAs } from './support/app';
import { answeredCall, callBar, currentTab, expectInViewport, expectNoPageScroll, knowledgeResults } from './support/console';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();
const SHOTS = process.env.RAPPORT_SHOTS;

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${size.width}×${size.height} during a call the call bar, the note box and the first three results are in view, before and after Ctrl+K`, async ({ page }) => {
    await page.setViewportSize(size);
    const desktop = await stack().desktop('advisor');
    await signIn(page, desktop.url, 'advisor1.mcr');
    await signedInAs(page, 'Amira Hussain');
    await expect(knowledgeResults(page).nth(2)).toBeVisible();
    await expectNoPageScroll(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/home-${size.width}.png` });

    await answeredCall(page, stack().ctiUrl('advisor'), 'layout-1', '07700900123');
    const note = currentTab(page).getByRole('textbox', { name: 'Case note' });
    const check = async () => {
      await expectNoPageScroll(page);
      await expectInViewport(page, callBar(page), 'the call bar');
      await expectInViewport(page, note, 'the note box');
      for (let i = 0; i < 3; i++) await expectInViewport(page, knowledgeResults(page).nth(i), `knowledge result ${i + 1}`);
    };
    await check();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/call-${size.width}.png` });

    await note.click();
    await page.keyboard.press('Control+k');
    const search = page.getByRole('searchbox', { name: 'Search knowledge' });
    await expect(search).toBeFocused();
    await page.keyboard.type('refund for a damaged parcel');
    await expect(page.getByRole('heading', { name: 'Best matches' })).toBeVisible();
    await check();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/search-${size.width}.png` });
  });
}
