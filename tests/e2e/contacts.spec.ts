import { expect, test } from '@playwright/test';
import { signInAs } from '../support/client';
import { signIn, signedInAs } from './support/app';
import { personalise } from './support/cases';
import { answeredCall, currentTab, post } from './support/console';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();

/** Two demo customers with phones and no flags, so both calls are ordinary food-line calls. */
async function twoCustomers(hubUrl: string) {
  const admin = await signInAs(hubUrl, 'admin.mcr');
  const found = (await admin.client.get('/api/customers?q=an&limit=50')).body.customers as {
    name: string;
    phone: string | null;
    flags: { bereaved: boolean; vulnerable: boolean };
  }[];
  const plain = found.filter((c) => c.phone && !c.flags.bereaved && !c.flags.vulnerable);
  const [first, second] = [plain[0]!, plain.find((c) => c.name.split(' ')[0] !== plain[0]!.name.split(' ')[0])!];
  return { first: { name: first.name, phone: '0' + first.phone!.slice(3) }, second: { name: second.name, phone: '0' + second.phone!.slice(3) } };
}

test('two calls in a row from different customers: nothing of the first shows under the second, and its drafts wait in its own tab', async ({ page }) => {
  const { first, second } = await twoCustomers(stack().hub.url);
  const desktop = await stack().desktop('advisor');
  const cti = stack().ctiUrl('advisor');
  await signIn(page, desktop.url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');

  await answeredCall(page, cti, 'ctx-1', first.phone);
  await expect(page.getByRole('region', { name: 'Caller' }).getByRole('heading', { name: first.name })).toBeVisible();
  await currentTab(page).getByRole('textbox', { name: 'Case note' }).fill('Draft for the first caller: parcel left outside');
  await personalise(page, 'Handwritten apology card', { "Recipient's name": 'First Caller Recipient' });
  await page.getByRole('searchbox', { name: 'Search knowledge' }).fill('parcel never arrived');
  await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().click();
  await expect(page.getByRole('region', { name: 'Article', exact: true })).toBeVisible();

  await post(cti, { event: 'hangup', callId: 'ctx-1', direction: 'in', cause: 'normalClearing' });
  const wrapUp = page.getByRole('region', { name: 'Wrap-up' });
  await wrapUp.getByLabel('Wrap-up code').selectOption({ index: 1 });
  await wrapUp.getByRole('button', { name: 'Finish wrap-up' }).click();
  await expect(wrapUp).toBeHidden();
  await expect(page.locator('#call-idle')).toBeFocused();

  // The second caller rings: their own tab, their own card, a clean knowledge panel.
  expect((await post(cti, { event: 'newCall', from: second.phone, to: '08081570001', direction: 'in', callId: 'ctx-2', queue: 'food' })).status).toBe(200);
  await expect(page.getByRole('region', { name: 'Caller' }).getByRole('heading', { name: second.name })).toBeVisible();
  const tabs = page.getByTestId('case-tab');
  await expect(tabs.first()).toContainText(second.name);
  await expect(tabs.first()).toContainText('(current call)');
  await expect(currentTab(page).getByRole('heading', { level: 2 })).toHaveText(second.name);
  await expect(page.getByRole('searchbox', { name: 'Search knowledge' })).toHaveValue('');
  await expect(page.getByRole('region', { name: 'Article', exact: true })).toHaveCount(0);
  // Nothing on screen outside the tab strip names the first caller or shows their drafts.
  const onScreen = await page.locator('main').evaluate((main) => {
    const strip = main.querySelector('.case-tabs');
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (strip?.contains(el) || el.closest('[hidden]')) continue;
      text += ` ${n.textContent}`;
    }
    const fields = [...main.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].filter((f) => !f.closest('[hidden]')).map((f) => f.value);
    return `${text} ${fields.join(' ')}`;
  });
  expect(onScreen).not.toContain(first.name);
  expect(onScreen).not.toContain('Draft for the first caller');
  expect(onScreen).not.toContain('First Caller Recipient');
  await expect(page.getByRole('form', { name: 'Personalise Handwritten apology card' })).toBeHidden();

  // The first caller's tab still holds what was half-done for them.
  await tabs.filter({ hasText: first.name }).getByRole('button', { name: first.name, exact: true }).click();
  await expect(currentTab(page).getByRole('textbox', { name: 'Case note' })).toHaveValue('Draft for the first caller: parcel left outside');
  await expect(currentTab(page).getByRole('form', { name: 'Personalise Handwritten apology card' }).getByLabel("Recipient's name", { exact: true })).toHaveValue(
    'First Caller Recipient',
  );
  await expect(tabs.filter({ hasText: first.name })).not.toContainText('(current call)');
});

test('with the hub stopped, the case tab, a note, the status and wrap-up work; each arrives once, with the time it was written', async ({ page }) => {
  const desktop = await stack().desktop('advisor');
  const cti = stack().ctiUrl('advisor');
  await signIn(page, desktop.url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');
  await answeredCall(page, cti, 'offline-1', '07700900456');
  const reference = (await currentTab(page).getByText(/^Case RP-\d+$/).first().textContent())!.replace('Case ', '');

  await stack().killHub();
  await expect(page.getByText('Offline', { exact: true })).toBeVisible({ timeout: 30_000 });
  // The case tab still reads from this computer's copy.
  await page.getByRole('button', { name: 'Home' }).click();
  await page.getByTestId('case-tab').first().getByRole('button').first().click();
  await expect(currentTab(page).getByText('Call from')).toBeVisible();

  const noteWritten = Date.now();
  await currentTab(page).getByRole('textbox', { name: 'Case note' }).fill('Written while the hub was down.');
  await currentTab(page).getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('Saved on this computer: it will be sent when the hub is back.')).toBeVisible();

  await post(cti, { event: 'hangup', callId: 'offline-1', direction: 'in', cause: 'normalClearing' });
  const wrapUp = page.getByRole('region', { name: 'Wrap-up' });
  await wrapUp.getByLabel('Wrap-up code').selectOption({ index: 1 });
  const code = await wrapUp.getByLabel('Wrap-up code').inputValue();
  const wrappedUp = Date.now();
  await wrapUp.getByRole('button', { name: 'Finish wrap-up' }).click();
  await expect(wrapUp).toBeHidden();
  await expect(page.getByTestId('agent-now')).toHaveText('Ready');
  await page.getByLabel('My status').selectOption('break');
  await expect(page.getByTestId('agent-now')).toHaveText('Break');

  // Long enough that "sent when the hub came back" could not pass for "written".
  await page.waitForTimeout(3000);
  const restarted = Date.now();
  await stack().restartHub();
  await expect(page.getByRole('list', { name: 'Notes waiting to be sent' })).toHaveCount(0, { timeout: 45_000 });

  const advisor = await signInAs(stack().hub.url, 'advisor1.mcr');
  await expect
    .poll(async () => ((await advisor.client.get('/api/cases?scope=mine&limit=5')).body.cases as { reference: string; status: string }[]).find((c) => c.reference === reference)?.status, {
      timeout: 30_000,
    })
    .toBe('closed');
  const cases = (await advisor.client.get('/api/cases?scope=mine&limit=5')).body.cases as { id: string; reference: string; closedAt: number; wrapupCode: string }[];
  const closed = cases.find((c) => c.reference === reference)!;
  expect(closed.wrapupCode).toBe(code);
  expect(closed.closedAt).toBeGreaterThanOrEqual(wrappedUp - 1000);
  expect(closed.closedAt).toBeLessThan(restarted);
  const notes = (await advisor.client.get(`/api/cases/${closed.id}`)).body.notes as { body: string; createdAt: number }[];
  expect(notes.map((n) => n.body)).toEqual(['Written while the hub was down.']);
  expect(notes[0]!.createdAt).toBeGreaterThanOrEqual(noteWritten - 1000);
  expect(notes[0]!.createdAt).toBeLessThan(restarted);
  await expect.poll(async () => (await advisor.client.get('/api/agent/state')).body.state, { timeout: 30_000 }).toBe('break');
});
