import { expect, test } from '@playwright/test';
import { signIn, signedInAs } from './support/app';
import { answeredCall, currentTab, expectInViewport, post } from './support/console';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();

test('at 1280×720 Alt+H, Alt+N, Alt+G and Alt+W take the caret home, to the call’s note, to the gesture form and to wrap-up, from wherever it is', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page, (await stack().desktop('advisor')).url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');
  const cti = stack().ctiUrl('advisor');
  await answeredCall(page, cti, 'keys-1', '07700900123');
  const home = page.getByTestId('workspace-home');
  const note = currentTab(page).getByRole('textbox', { name: 'Case note' });

  // Alt+H: the home lists instead of the case, with the caret on them.
  await note.click();
  await page.keyboard.press('Alt+h');
  await expect(home).toBeVisible();
  await expect(home).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Recent cases' })).toBeVisible();
  await expect(page.getByTestId('case-tab-panel').and(page.locator(':not([hidden])'))).toHaveCount(0);

  // Alt+N from the knowledge search box: back to the call's case, caret in its note.
  await page.getByRole('searchbox', { name: 'Search knowledge' }).click();
  await page.keyboard.press('Alt+n');
  await expect(note).toBeFocused();
  await expectInViewport(page, note, 'the note box');
  await expect(home).toBeHidden();
  // The note box took the keys' focus, not their letter.
  await expect(note).toHaveValue('');

  // Alt+G: the gesture form of the case on screen.
  await page.keyboard.press('Alt+h');
  await expect(home).toBeFocused();
  await page.keyboard.press('Alt+g');
  const gesture = currentTab(page).getByRole('heading', { name: 'Gesture of goodwill' });
  await expect(gesture).toBeFocused();
  await expectInViewport(page, gesture, 'the gesture form');

  // Alt+W: once the call has ended, the wrap-up code.
  await post(cti, { event: 'hangup', callId: 'keys-1', direction: 'in', cause: 'normalClearing' });
  await expect(currentTab(page).getByRole('region', { name: 'Wrap-up' })).toBeVisible();
  await page.keyboard.press('Alt+h');
  await expect(home).toBeFocused();
  await page.keyboard.press('Alt+w');
  const code = currentTab(page).getByLabel('Wrap-up code');
  await expect(code).toBeFocused();
  await expectInViewport(page, code, 'the wrap-up code');

  // The sheet lists each of them.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const keys of ['Alt N', 'Alt G', 'Alt W', 'Alt H', 'Ctrl K']) await expect(sheet.getByRole('row', { name: new RegExp(keys) })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('an admin, who takes no calls, has no call shortcuts: Alt+N leaves the page as it is', async ({ page }) => {
  await signIn(page, (await stack().desktop('admin')).url, 'admin.lds');
  await signedInAs(page, 'Hannah Price');
  const search = page.getByRole('searchbox', { name: 'Search knowledge' });
  await search.click();
  await page.keyboard.press('Alt+n');
  await expect(search).toBeFocused();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByRole('row', { name: /Ctrl.?K/ })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Alt N/ })).toHaveCount(0);
});
