import { expect, test } from '@playwright/test';
import { signInAs } from '../support/client';
import { results, searchAnswered, searchKnowledge, signIn, signedInAs } from './support/app';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();

test('a search the advisor opened nothing from reaches the knowledge team once, card number masked; one they opened an article from does not', async ({
  page,
}) => {
  await signIn(page, (await stack().desktop('advisor')).url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');
  const box = page.getByRole('searchbox', { name: 'Search knowledge' });

  // Typed key by key, as an advisor does; then given up on (Esc clears the box).
  await box.click();
  await page.keyboard.type('kilt hire highland');
  await searchAnswered(page);
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');

  await searchKnowledge(page, 'refund to card 4111 1111 1111 1111');
  await searchAnswered(page);
  // Replaced by a different search, which finds what it wanted.
  await searchKnowledge(page, 'mouldy bread');
  await expect(results(page).first()).toContainText('Mouldy bread');
  await results(page).first().click();
  await expect(page.getByRole('region', { name: 'Article', exact: true }).getByRole('heading', { level: 2 })).toContainText('Mouldy bread');
  await searchKnowledge(page, '');

  const admin = await signInAs(stack().hub.url, 'admin.mcr');
  const unanswered = async () =>
    ((await admin.client.get('/api/knowledge/attention')).body.unanswered as { query: string; times: number; advisors: number }[]).map((u) => u.query).sort();
  await expect.poll(unanswered).toEqual(['kilt hire highland', 'refund to card 411111••••••1111'].sort());
  const kilt = (await admin.client.get('/api/knowledge/attention')).body.unanswered.find((u: { query: string }) => u.query === 'kilt hire highland');
  // Once, not once per keystroke.
  expect(kilt).toMatchObject({ times: 1, advisors: 1 });
});

test('the advisor sees the knowledge team’s reply to their flag live, under My feedback on articles, and opens the article from it', async ({ page }) => {
  await signIn(page, (await stack().desktop('advisor')).url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');
  const mine = page.getByRole('region', { name: 'My feedback on articles' });
  await expect(mine.getByText(/Nothing sent to the knowledge team yet/)).toBeVisible();

  await searchKnowledge(page, 'mouldy bread');
  await results(page).first().click();
  const article = page.getByRole('region', { name: 'Article', exact: true });
  const title = (await article.getByRole('heading', { level: 2 }).textContent())!.trim();
  await article.getByRole('button', { name: 'Flag for fix' }).click();
  await article.getByLabel('What needs fixing?').fill('The refund limit changed to £20 last month.');
  await article.getByRole('button', { name: 'Send flag' }).click();
  const item = mine.getByTestId('my-feedback').filter({ hasText: title });
  await expect(item).toContainText('Flagged for a fix');
  await expect(item).toContainText('“The refund limit changed to £20 last month.”');
  await expect(item).toContainText('No reply yet');
  await page.getByRole('button', { name: /Back to results/ }).click();

  const admin = await signInAs(stack().hub.url, 'admin.mcr');
  const open = (await admin.client.get('/api/knowledge/feedback')).body.feedback as { id: string; articleTitle: string }[];
  const flag = open.find((f) => f.articleTitle === title)!;
  const replied = await admin.client.post(`/api/knowledge/feedback/${flag.id}/reply`, { reply: 'Thank you: section 2 now says £20.' });
  expect(replied.status).toBe(204);

  // Pushed to her alone: no reload, no click.
  await expect(mine.getByRole('status')).toContainText(`New reply from Tom Fletcher about “${title}”`);
  await expect(item).toContainText('Reply from Tom Fletcher');
  await expect(item).toContainText('Thank you: section 2 now says £20.');
  await expect(item).toContainText('Resolved');
  await expect(item).not.toContainText('No reply yet');

  await item.getByRole('button', { name: title }).click();
  await expect(article.getByRole('heading', { level: 2 })).toHaveText(title);
  await mine.getByRole('button', { name: 'Dismiss' }).click();
  await expect(mine.getByRole('status')).toHaveText('');
});
