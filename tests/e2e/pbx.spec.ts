import { expect as baseExpect, test, type Page } from '@playwright/test';
import { AmiTestServer } from '../support/ami-server';
import { agentCalled, agentConnect } from '../support/ami-frames';
import { signIn } from './support/app';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();
// Two desktops, a hub and a PBX on a shared two-core machine: more than the default budget.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 30_000 });
/** Signed in, with this machine's patience (a sign-in hashes a password while other suites run). */
const signedInAs = async (page: Page, name: string) => {
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText(name).first()).toBeVisible();
};
const SHOTS = process.env.RAPPORT_SCREENSHOTS;

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}.png` });
  }
}

test('the organisation admin points the hub at the PBX from its page (test, save, status); advisors see the phone system come and go', async ({ browser }) => {
  const pbx = new AmiTestServer({ transcript: new URL('../fixtures/ami/answered-call.server.txt', import.meta.url), username: 'rapport', secret: 'e2e-secret', replay: false });
  const port = await pbx.start();
  try {
    const advisor = await (await browser.newContext()).newPage();
    await signIn(advisor, (await stack().desktop('advisor')).url, 'advisor1.mcr');
    await signedInAs(advisor, 'Amira Hussain');
    const indicator = advisor.getByTestId('phone-system');
    await expect(indicator).toHaveAttribute('data-state', 'none');
    await expect(indicator).toContainText('No phone system');

    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, (await stack().desktop('admin')).url, 'admin.mcr');
    const card = admin.getByRole('region', { name: 'Phone system (PBX)' });
    await expect(card.getByTestId('pbx-status')).toContainText('No phone system set up', { timeout: 30_000 });
    await card.getByLabel('Host').fill('127.0.0.1');
    await card.getByLabel('Port').fill(String(port));
    await card.getByLabel('AMI user').fill('rapport');
    await card.getByLabel('Secret').fill('not-the-secret');
    await card.getByLabel('Queue member interface').fill('Local/{ext}@agents/n');
    await card.getByLabel('Dialplan context').fill('outbound');
    await card.getByRole('button', { name: 'Test connection' }).click();
    await expect(card.getByTestId('pbx-outcome')).toContainText('The PBX refused the login');
    await card.getByLabel('Secret').fill('e2e-secret');
    await card.getByRole('button', { name: 'Test connection' }).click();
    await expect(card.getByTestId('pbx-outcome')).toContainText(`Logged in to 127.0.0.1:${port} as rapport`);
    // A blank host is caught on the page, with the field named.
    await card.getByLabel('Host').fill('');
    await card.getByRole('button', { name: 'Save and connect' }).click();
    await expect(card.getByLabel('Host')).toBeFocused();
    await card.getByLabel('Host').fill('127.0.0.1');
    await card.getByRole('button', { name: 'Save and connect' }).click();
    await expect(card.getByTestId('pbx-status')).toContainText('Phone system connected');
    // The secret is write-only: never shown again, and a blank field keeps it.
    await expect(card.getByLabel('Secret')).toHaveValue('');
    await expect(card.getByText('Saved and never shown; leave blank to keep it')).toBeVisible();
    await expect(card.getByTestId('pbx-status')).toContainText('None heard yet');

    await expect(indicator).toHaveAttribute('data-state', 'connected');
    await shoot(admin, 'pbx-admin');
    await shoot(advisor, 'pbx-advisor-connected');

    // The PBX goes away: every advisor sees it, without a reload, and so does the admin.
    await pbx.close();
    await expect(indicator).toHaveAttribute('data-state', 'reconnecting');
    await expect(indicator).toHaveAttribute('title', /Phone system (connection lost|unreachable)/);
    await expect(card.getByTestId('pbx-status')).toContainText(/Phone system (connection lost|unreachable)/);
    await shoot(advisor, 'pbx-advisor-reconnecting');
  } finally {
    await pbx.close().catch(() => undefined);
  }
});

test('transfer is to a colleague or a queue chosen from the directory, not typed', async ({ page }) => {
  const pbx = new AmiTestServer({ transcript: new URL('../fixtures/ami/answered-call.server.txt', import.meta.url), username: 'rapport', secret: 'e2e-secret', replay: false });
  const port = await pbx.start();
  try {
    await signIn(page, (await stack().desktop('advisor')).url, 'advisor1.mcr');
    await signedInAs(page, 'Amira Hussain');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: 'The hub (PBX)' }).check();
    await page.keyboard.press('Escape');
    const { signInAs } = await import('../support/client');
    const admin = await signInAs(stack().hub.url, 'admin.mcr');
    const configured = await admin.client.put('/api/telephony/pbx', {
      host: '127.0.0.1', port, username: 'rapport', secret: 'e2e-secret', interfaceTemplate: 'Local/{ext}@agents/n', dialContext: 'outbound',
    });
    expect(configured.status).toBe(200);
    await expect(page.getByTestId('phone-system')).toHaveAttribute('data-state', 'connected');

    pbx.broadcast(agentCalled('77002', '07700900123', '1001'));
    pbx.broadcast(agentConnect('77002', '07700900123', '1001'));
    await page.getByRole('button', { name: 'Transfer…' }).click();
    const form = page.getByRole('form', { name: 'Transfer the call' });
    const picker = form.getByLabel('Transfer to');
    await expect(picker).toBeFocused();
    await expect(picker.locator('option', { hasText: 'Ben Walsh (1002' })).toHaveCount(1);
    // Not themselves.
    await expect(picker.locator('option', { hasText: 'Amira Hussain' })).toHaveCount(0);
    await shoot(page, 'pbx-transfer-picker');
    await picker.selectOption({ label: (await picker.locator('option', { hasText: 'Ben Walsh (1002' }).textContent())!.trim() });
    await form.getByRole('button', { name: 'Transfer' }).click();
    await expect.poll(() => pbx.actions.find((a) => a.get('Action') === 'Redirect')?.get('Exten')).toBe('1002');
  } finally {
    await pbx.close();
  }
});
