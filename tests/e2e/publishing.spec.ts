import { expect, test, type Browser, type Page } from '@playwright/test';
import { results, searchKnowledge, signIn, signedInAs } from './support/app';
import { stackPerTest } from './support/stack';
import { signInAs as hubSignIn } from '../support/client';
import { feedIds } from '../support/knowledge';

const stack = stackPerTest();

async function person(browser: Browser, who: string, username: string, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await signIn(page, (await stack().desktop(who)).url, username);
  await signedInAs(page, name);
  if (username !== 'advisor1.mcr') await page.getByRole('tab', { name: 'Knowledge' }).click();
  return page;
}

const article = (page: Page, title: string) => page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: new RegExp(title) });
const notice = (page: Page) => page.locator('.pub-notice');

/** A `datetime-local` value in the page's own time zone, `ms` from now. */
const localTimeIn = (page: Page, ms: number) =>
  page.evaluate((ahead) => {
    const d = new Date(Date.now() + ahead);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }, ms);

test('two organisation admins and an advisor: a draft stays hidden, is approved and found; an edit with its diff; a scheduled publication; retirement', async ({ browser }, info) => {
  test.setTimeout(240_000);
  const advisor = await person(browser, 'advisor', 'advisor1.mcr', 'Amira Hussain');
  const author = await person(browser, 'author', 'admin.mcr', 'Tom Fletcher');
  const reviewer = await person(browser, 'reviewer', 'head.mcr', 'Nadia Rahman');
  const advisorFeed = (await hubSignIn(stack().hub.url, 'advisor2.mcr')).client;
  const title = 'Kelpo oat drink shortages in store';

  const found = () => results(advisor).filter({ hasText: title });
  await searchKnowledge(advisor, 'kelpo');
  await expect(advisor.getByText(/No articles match/)).toBeVisible();

  // The author writes a draft, previewed live and sanitised.
  await author.getByRole('button', { name: 'New article' }).click();
  await author.getByLabel('Title').fill(title);
  await author.getByLabel('Summary').fill('What to tell members while oat milk is short across our stores.');
  await author.getByLabel('Line', { exact: true }).selectOption({ label: 'Food' });
  await author.getByLabel('Category', { exact: true }).fill('Product availability');
  await author.getByLabel('Tags').fill('oat milk, shortage, dairy-free');
  await author.getByLabel('Body (Markdown)').fill('## What to say\n\nKelpo oat drink is **short until the end of the month**. Offer soya milk instead.\n\n<img src=x onerror="window.__pwned=1">');
  const preview = author.getByRole('region', { name: 'Preview' });
  await expect(preview.locator('strong')).toHaveText('short until the end of the month');
  await expect(preview.locator('img[onerror], script')).toHaveCount(0);
  await author.screenshot({ path: info.outputPath('editor-1280x720.png') });
  await author.getByRole('button', { name: 'Save draft' }).click();
  await expect(notice(author)).toHaveText('Draft saved');
  const id = 'kelpo-oat-drink-shortages-in-store';

  // Not on the advisor's desktop, not in their search, not in their change feed: not even the id.
  expect(await feedIds(advisorFeed)).not.toContain(id);
  await searchKnowledge(advisor, 'kelpo');
  await expect(advisor.getByText(/No articles match/)).toBeVisible();

  await author.getByRole('button', { name: 'Send for review' }).click();
  await expect(notice(author)).toHaveText('Sent for review');
  // Four eyes: the author's own approval button is off, and says why.
  await expect(author.getByRole('note').filter({ hasText: 'another organisation admin must approve' })).toBeVisible();
  await expect(author.getByRole('button', { name: 'Approve and publish' })).toBeDisabled();
  expect(await feedIds(advisorFeed)).not.toContain(id);

  await reviewer.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'In review' });
  await article(reviewer, title).click();
  await reviewer.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(notice(reviewer)).toHaveText('Approved and published');

  await searchKnowledge(advisor, 'kelpo');
  await expect(found()).toHaveCount(1);

  // An edit is a new version; the published one stays live until the new one is approved.
  await author.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'All articles' });
  await article(author, title).click();
  await author.getByRole('button', { name: 'Edit as a new version' }).click();
  await author.getByLabel('Body (Markdown)').fill('## What to say\n\nKelpo oat drink is **back in stock on Friday**. Offer soya milk until then.');
  await author.getByRole('button', { name: 'Send for review' }).click();
  await expect(notice(author)).toHaveText('Sent for review');
  await expect(author.getByText('Version 1 stays live until then')).toBeVisible();
  await searchKnowledge(advisor, 'kelpo');
  await found().click();
  await expect(advisor.getByRole('region', { name: 'Article', exact: true })).toContainText('short until the end of the month');

  await reviewer.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'All articles' });
  await article(reviewer, title).click();
  const diff = reviewer.getByLabel('Changes from version 1 to version 2');
  await expect(diff.locator('ins').filter({ hasText: 'back' })).toBeVisible();
  await expect(diff.locator('del').filter({ hasText: 'short' })).toBeVisible();
  await reviewer.screenshot({ path: info.outputPath('review-diff-1280x720.png'), fullPage: false });

  // Approved for a moment a few seconds away: the hub's schedule publishes it.
  await reviewer.getByLabel('Publish at (leave empty for now)').fill(await localTimeIn(reviewer, 6000));
  await reviewer.getByRole('button', { name: 'Approve and schedule' }).click();
  await expect(notice(reviewer)).toHaveText('Approved: it will publish at the time chosen');
  await expect(reviewer.locator('.pub-detail-head').getByText(/Scheduled · version 2/)).toBeVisible();
  // The advisor still has version 1 open: it turns into version 2 on their screen at the time chosen.
  await expect(advisor.getByRole('region', { name: 'Article', exact: true })).toContainText('back in stock on Friday', { timeout: 30_000 });
  await advisor.getByRole('button', { name: /Back to results/ }).click();
  await searchKnowledge(advisor, 'kelpo');
  await expect(found()).toHaveCount(1);

  // Retirement takes it off the advisor's desktop while they watch.
  await author.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Live' });
  await article(author, title).click();
  await author.getByRole('button', { name: 'Retire now' }).click();
  await expect(notice(author)).toHaveText('Retired: it has left every desktop');
  await searchKnowledge(advisor, 'kelpo');
  await expect(found()).toHaveCount(0);

  await author.setViewportSize({ width: 1920, height: 1080 });
  await author.screenshot({ path: info.outputPath('history-1920x1080.png') });
  expect(await advisor.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
