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

test('an article’s Copy to note and Link to case go into the call’s note box; with no case on screen the advisor is told so', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const desktop = await stack().desktop('advisor');
  await signIn(page, desktop.url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');
  const search = page.getByRole('searchbox', { name: 'Search knowledge' });
  const openFirst = async (query: string) => {
    await search.fill(query);
    await expect(page.getByRole('heading', { name: 'Best matches' })).toBeVisible();
    await knowledgeResults(page).first().click();
    await expect(page.getByRole('button', { name: /Back to results/ })).toBeVisible();
  };
  await openFirst('refund for a damaged parcel');
  const article = page.getByRole('region', { name: 'Article', exact: true });
  await article.getByRole('button', { name: 'Link to case' }).click();
  await expect(article.getByRole('status').filter({ hasText: 'no note box on screen' })).toBeVisible();

  await answeredCall(page, stack().ctiUrl('advisor'), 'to-note-1', '07700900123');
  const note = currentTab(page).getByRole('textbox', { name: 'Case note' });
  await expect(note).toBeVisible();
  await note.fill('Customer asked about a refund.');
  await openFirst('refund for a damaged parcel');
  const title = (await article.getByRole('heading', { level: 2 }).textContent())!.trim();
  // The advisor selects a sentence of the article, then copies it.
  const quoted = await article.locator('.article-body p').first().evaluate((p) => {
    const range = document.createRange();
    range.selectNodeContents(p);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    return p.textContent!.replace(/\s+/g, ' ').trim();
  });
  await article.getByRole('button', { name: 'Copy to note' }).click();
  await expect(article.getByRole('status')).toHaveText('Quoted in the note.');
  await expect(note).toHaveValue(new RegExp(`^Customer asked about a refund\\. “${quoted.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await article.getByRole('button', { name: 'Link to case' }).click();
  await expect(article.getByRole('status')).toHaveText('Linked in the note.');
  const value = await note.inputValue();
  expect(value.split('](kb:').length - 1).toBe(2);
  expect(value).toContain(`[${title.replace(/[[\]()]/g, '')}](kb:`);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/article-to-note-1280.png` });
});
