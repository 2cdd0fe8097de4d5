import { expect, test, type Page } from '@playwright/test';
import { searchKnowledge, results, signIn, signedInAs } from './support/app';
import { expectNoSeriousViolations } from './support/axe';
import { answeredCall, currentTab, post } from './support/console';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();
const SHOTS = process.env.RAPPORT_SHOTS;
/** axe at the small end of contact-centre screens, where regions scroll most, and at a common large one. */
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** axe on the state, and a screenshot of it when RAPPORT_SHOTS names a folder (to look at, never committed). */
async function check(page: Page, state: string): Promise<void> {
  await expectNoSeriousViolations(page, state);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${state.replace(/[^a-z0-9]+/gi, '-')}-${page.viewportSize()!.width}.png` });
}

/** Every tab of the admin's home, whichever exist when the test runs (other screens add theirs). */
async function everyAdminTab(page: Page, who: string): Promise<void> {
  const tabs = page.getByRole('tablist', { name: 'Admin sections' }).getByRole('tab');
  await expect(tabs.first()).toBeVisible();
  const names = await tabs.allTextContents();
  expect(names.length).toBeGreaterThan(1);
  for (const name of names) {
    const tab = page.getByRole('tablist', { name: 'Admin sections' }).getByRole('tab', { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await check(page, `${who} ${name}`);
  }
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} axe finds nothing serious on the advisor's console: home, search, an open article, a call, wrap-up, folded knowledge`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await page.setViewportSize(size);
    const desktop = await stack().desktop('advisor');
    await signIn(page, desktop.url, 'advisor1.mcr');
    await signedInAs(page, 'Amira Hussain');
    await expect(page.getByRole('heading', { name: 'Recent cases' })).toBeVisible();
    await expect(results(page).first()).toBeVisible();
    await check(page, 'advisor home');

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await check(page, 'advisor shortcuts sheet');
    await page.keyboard.press('Escape');

    await searchKnowledge(page, 'refund for a damaged parcel');
    await expect(page.getByRole('heading', { name: 'Best matches' })).toBeVisible();
    await check(page, 'advisor search results');
    await results(page).first().click();
    await expect(page.getByRole('button', { name: /Back to results/ })).toBeVisible();
    await check(page, 'advisor open article');

    const cti = stack().ctiUrl('advisor');
    await answeredCall(page, cti, 'axe-1', '07700900123');
    await expect(results(page).first()).toBeVisible();
    await check(page, 'advisor on a call');
    await post(cti, { event: 'hangup', callId: 'axe-1', direction: 'in', cause: 'normalClearing' });
    await expect(page.getByRole('region', { name: 'Wrap-up' })).toBeVisible();
    await check(page, 'advisor wrap-up');

    await page.getByRole('button', { name: 'Hide knowledge' }).click();
    await expect(page.getByRole('button', { name: 'Show knowledge' })).toBeVisible();
    await check(page, 'advisor knowledge folded');
    await page.getByRole('button', { name: 'Show knowledge' }).click();
    await expect(currentTab(page).getByRole('region', { name: 'Wrap-up' })).toBeVisible();
  });

  test(`at ${size.width}×${size.height} axe finds nothing serious on every admin tab of the head of service`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize(size);
    await signIn(page, (await stack().desktop('admin')).url, 'admin.mcr');
    await signedInAs(page, 'Tom Fletcher');
    await everyAdminTab(page, 'org admin');
  });

  test(`at ${size.width}×${size.height} axe finds nothing serious on every admin tab of a partner's site admin, nor on the supervisor's home`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize(size);
    await signIn(page, (await stack().desktop('admin')).url, 'admin.lds');
    await signedInAs(page, 'Hannah Price');
    await everyAdminTab(page, 'site admin');

    await signIn(page, (await stack().desktop('supervisor')).url, 'supervisor.mcr');
    await signedInAs(page, 'Priya Shah');
    await expect(page.getByText('Nothing is waiting for approval')).toBeVisible();
    await check(page, 'supervisor home');
  });

  test(`at ${size.width}×${size.height} axe finds nothing serious while the desktop works offline, banner and all`, async ({ page }) => {
    await page.setViewportSize(size);
    await signIn(page, (await stack().desktop('advisor')).url, 'advisor1.mcr');
    await signedInAs(page, 'Amira Hussain');
    await expect(results(page).first()).toBeVisible();
    // The hub goes away and the desktop restarts without it: the saved session, the cache, the banner.
    await stack().killHub();
    const again = await stack().desktop('advisor');
    await page.goto(again.url);
    await signedInAs(page, 'Amira Hussain');
    await expect(page.getByText('Working offline: showing what was saved on this computer')).toBeVisible();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline');
    await expect(results(page).first()).toBeVisible();
    await expect(page.getByText('Your recent cases could not be loaded.')).toBeVisible();
    await check(page, 'advisor offline');
  });
}
