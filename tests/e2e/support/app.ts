import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'rapport-demo-2026';

export async function signIn(page: Page, desktopUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(desktopUrl);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signedInAs(page: Page, displayName: string): Promise<void> {
  // Signing in hashes at the real cost (scrypt N=2^17): on a loaded two-core machine that takes seconds.
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(displayName).first()).toBeVisible();
}

export async function searchKnowledge(page: Page, query: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search knowledge' });
  await box.fill(query);
}

/**
 * The answer to the words now in the search box is on screen, under "Best matches" or as "No articles
 * match": never the last words' list, which stays on screen while the new answer is on its way.
 */
export async function searchAnswered(page: Page): Promise<void> {
  const answered = page.locator('.knowledge-content[aria-busy="false"]');
  await expect(answered.getByRole('heading', { name: 'Best matches' }).or(answered.getByText(/No articles match/))).toBeVisible();
}

export const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
