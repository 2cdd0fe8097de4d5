import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { results, searchKnowledge, signIn, signedInAs } from './support/app';
import { stackPerTest } from './support/stack';
import { signInAs as hubSignIn } from '../support/client';

const stack = stackPerTest();

test('each role signs in to a home that shows hub data; a wrong password is refused', async ({ page }) => {
  const desktop = await stack().desktop('shared-pc');

  await signIn(page, desktop.url, 'advisor1.mcr', 'not-my-password');
  await expect(page.getByRole('alert')).toContainText('do not match');

  await page.getByLabel('Password').fill('rapport-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signedInAs(page, 'Amira Hussain');
  await expect(page.getByRole('heading', { name: 'Recent cases' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recent cases' }).getByRole('button', { name: /^RP-\d+$/ }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, desktop.url, 'supervisor.mcr');
  await signedInAs(page, 'Priya Shah');
  await expect(page.getByRole('heading', { name: 'My team' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Team members' }).getByText('Ben Walsh')).toBeVisible();
  await expect(page.getByTestId('pending-approvals')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, desktop.url, 'admin.mcr');
  await signedInAs(page, 'Tom Fletcher');
  await expect(page.getByRole('heading', { name: 'People', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'advisor1.gla' })).toBeVisible();
  await page.getByRole('tab', { name: 'Knowledge' }).click();
  await expect(page.getByRole('navigation', { name: 'Articles' }).getByText('Taking the first call after someone has died')).toBeVisible();
});

test('an advisor finds a seeded article and opens it from the keyboard', async ({ page }) => {
  const desktop = await stack().desktop('advisor');
  await signIn(page, desktop.url, 'advisor2.lds');
  await signedInAs(page, 'Ellie Grant');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'online');
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('searchbox', { name: 'Search knowledge' })).toBeFocused();
  await page.keyboard.type('parcel never arrived');
  await expect(results(page).first()).toContainText('A parcel that never arrived');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const article = page.getByRole('region', { name: 'Article', exact: true });
  await expect(article.getByRole('heading', { level: 2 })).toHaveText('A parcel that never arrived or shows delivered but is not there');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Search knowledge' })).toBeVisible();
});

test('an article an admin publishes on another desktop appears in the advisor’s search with no reload', async ({ browser }) => {
  const advisorDesktop = await stack().desktop('advisor');
  const adminDesktop = await stack().desktop('admin');
  const advisor = await browser.newPage();
  const admin = await browser.newPage();
  const hubOrigin = new URL(stack().hub.url).origin;
  const hubHost = new URL(stack().hub.url).host;
  const toHub: string[] = [];
  advisor.on('request', (r) => r.url().startsWith(hubOrigin) && toHub.push(r.url()));
  advisor.on('websocket', (ws) => ws.url().includes(hubHost) && toHub.push(ws.url()));

  await signIn(advisor, advisorDesktop.url, 'advisor1.gla');
  await signedInAs(advisor, 'Iona MacLeod');
  await searchKnowledge(advisor, 'kilt hire');
  await expect(advisor.getByText(/No articles match/)).toBeVisible();
  let loads = 0;
  advisor.on('load', () => loads++);

  await signIn(admin, adminDesktop.url, 'admin.mcr');
  await signedInAs(admin, 'Tom Fletcher');
  await admin.getByRole('tab', { name: 'Knowledge' }).click();
  await admin.getByRole('button', { name: 'New article' }).click();
  await admin.getByLabel('Title').fill('Kilt hire for a Highland funeral');
  await admin.getByLabel('Summary').fill('What to tell families who ask about kilt hire for the service.');
  await admin.getByLabel('Line', { exact: true }).selectOption({ label: 'Funeral care' });
  await admin.getByLabel('Category', { exact: true }).fill('Arranging a funeral');
  await admin.getByLabel('Tags').fill('kilt, highland, dress');
  await admin.getByLabel('Body (Markdown)').fill('Families can arrange kilt hire through the funeral director. Offer the **local partner** list.');
  await admin.getByRole('button', { name: 'Send for review' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'for review' })).toHaveText('Sent for review');
  // The second organisation admin approves it (four eyes); the publishing screens have their own spec.
  const head = await hubSignIn(stack().hub.url, 'head.mcr');
  expect((await head.client.post('/api/knowledge/articles/kilt-hire-for-a-highland-funeral/review', { decision: 'approve' })).status).toBe(200);

  await expect(results(advisor).first()).toContainText('Kilt hire for a Highland funeral');
  expect(loads).toBe(0);
  expect(toHub).toEqual([]);
  await advisor.close();
  await admin.close();
});

test('with the hub killed and the host restarted, the advisor is still signed in and searching the cache', async ({ page }) => {
  let desktop = await stack().desktop('advisor');
  await signIn(page, desktop.url, 'advisor3.mcr');
  await signedInAs(page, 'Chloe Davies');
  await searchKnowledge(page, 'mouldy bread');
  await expect(results(page).first()).toContainText('Mouldy bread');

  await stack().hub.stop('SIGKILL');
  desktop = await stack().desktop('advisor');
  await page.goto(desktop.url);
  await signedInAs(page, 'Chloe Davies');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline');
  await searchKnowledge(page, 'bereaved');
  await expect(results(page).first()).toBeVisible();
  await searchKnowledge(page, 'ashes after a cremation');
  await expect(results(page).first()).toContainText('ashes');
});

test('signing out wipes the saved session from the computer', async ({ page }) => {
  let desktop = await stack().desktop('advisor');
  await signIn(page, desktop.url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');
  const sessionFile = join(stack().dataDir('advisor'), 'desktop', 'session.json');
  expect(existsSync(sessionFile)).toBe(true);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(existsSync(sessionFile)).toBe(false);
  desktop = await stack().desktop('advisor');
  await page.goto(desktop.url);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('a reload comes back to the desk on the one socket the page opened before its app script ran', async ({ page }) => {
  const desktop = await stack().desktop('advisor');
  await signIn(page, desktop.url, 'advisor2.lds');
  await signedInAs(page, 'Ellie Grant');
  const pageSockets: { url: string; closed: boolean }[] = [];
  page.on('websocket', (socket) => {
    if (!socket.url().includes('knowledge=worker')) return;
    const seen = { url: socket.url(), closed: false };
    pageSockets.push(seen);
    socket.on('close', () => (seen.closed = true));
  });
  await page.reload();
  await signedInAs(page, 'Ellie Grant');
  await searchKnowledge(page, 'parcel never arrived');
  await expect(results(page).first()).toContainText('A parcel that never arrived');
  // The early script's socket was taken by the app: had the app opened its own, there would be two.
  expect(pageSockets).toEqual([{ url: expect.stringContaining('/bridge?token='), closed: false }]);
  expect(await page.evaluate(() => 'rapportEarlyBridge' in window)).toBe(false);
  expect(page.url()).not.toContain('token=');
});
