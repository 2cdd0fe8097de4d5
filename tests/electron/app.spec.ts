import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../../build/electron-binary';
import { spawnHub, type Running } from '../support/processes';
import { DEMO_PASSWORD } from '../e2e/support/app';

/** The real Electron app against a real hub: what an advisor does on the first morning. */
let hub: Running;
let app: ElectronApplication;
let page: Page;
let ctiUrl: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

test.beforeAll(async () => {
  hub = await spawnHub({ RAPPORT_DATA_DIR: mkdtempSync(join(tmpdir(), 'rapport-electron-hub-')), RAPPORT_HUB_PORT: '0', DATABASE_URL: '' });
  const ctiPort = await freePort();
  ctiUrl = `http://127.0.0.1:${ctiPort}/api/v1/cti/electron-suite-token`;
  app = await electron.launch({
    executablePath: electronBinary()!,
    args: ['dist/electron/main.cjs'],
    env: {
      ...process.env,
      RAPPORT_HUB_URL: hub.url,
      RAPPORT_DATA_DIR: mkdtempSync(join(tmpdir(), 'rapport-electron-desktop-')),
      RAPPORT_CTI_PORT: String(ctiPort),
      RAPPORT_CTI_TOKEN: 'electron-suite-token',
    },
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  await hub?.stop();
});

const post = (body: Record<string, string>) =>
  fetch(ctiUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status);

test('the window is isolated: no Node, only the bridge', async () => {
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys((window as unknown as { rapportBridge: object }).rapportBridge).sort())).toEqual(['onFrame', 'onLinkState', 'send']);
});

test('an advisor signs in', async () => {
  await page.getByLabel('Username').fill('advisor1.mcr');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText('Amira Hussain').first()).toBeVisible();
});

test('a call from the softphone webhook rings in the window', async () => {
  expect(await post({ event: 'newCall', from: '07700900123', to: '08081570001', direction: 'in', callId: 'electron-1' })).toBe(200);
  await expect(page.getByRole('alert').filter({ hasText: 'Incoming call' })).toBeVisible();
  await post({ event: 'hangup', callId: 'electron-1', direction: 'in', cause: 'cancel' });
});

test('knowledge search answers from the synced cache', async () => {
  await page.getByRole('searchbox', { name: 'Search knowledge' }).fill('bereavement');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
});

test('signing out returns to the sign-in screen', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Username')).toBeVisible();
});
