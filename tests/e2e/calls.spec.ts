import { expect, test } from '@playwright/test';
import { AmiTestServer } from '../support/ami-server';
import { agentCalled, agentConnect } from '../support/ami-frames';
import { signInAs as hubSignIn } from '../support/client';
import { signIn, signedInAs } from './support/app';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();

const post = (url: string, body: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));

test('a funeral-care call rings, pops the card, is answered with a note, hung up, wrapped up, and offers a protected pause', async ({ page }) => {
  const admin = await hubSignIn(stack().hub.url, 'admin.mcr');
  const customer = ((await admin.client.get('/api/customers?q=an&limit=20')).body.customers as { name: string; phone: string | null; flags: { bereaved: boolean } }[]).find(
    (c) => c.phone && !c.flags.bereaved,
  )!;
  const desktop = await stack().desktop('advisor');
  const cti = stack().ctiUrl('advisor');
  await signIn(page, desktop.url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');

  const national = '0' + customer.phone!.slice(3);
  expect(await post(cti, { event: 'newCall', from: national, to: '08081570002', direction: 'in', callId: 'e2e-1', queue: 'funeralcare' })).toEqual({ status: 200, body: {} });
  await expect(page.getByRole('alert').filter({ hasText: 'Incoming call' })).toBeVisible();
  const card = page.getByRole('region', { name: 'Caller' });
  await expect(card.getByRole('heading', { name: customer.name })).toBeVisible();
  await expect(page.getByLabel('Sensitive call')).toBeVisible();

  await post(cti, { event: 'answer', callId: 'e2e-1', direction: 'in' });
  await expect(page.getByText(/Case RP-\d+/).first()).toBeVisible();
  await page.getByLabel('Case note').fill('Mother passed away on Sunday; family would like a cremation.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText(/Note added to RP-\d+/)).toBeVisible();

  await post(cti, { event: 'hangup', callId: 'e2e-1', direction: 'in', cause: 'normalClearing' });
  const wrapUp = page.getByRole('region', { name: 'Wrap-up' });
  await expect(wrapUp).toBeVisible();
  await expect(page.getByRole('region', { name: 'Protected pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Start protected pause' }).click();
  await expect(page.getByLabel('My status')).toHaveValue('protected_pause');
  await wrapUp.getByLabel('Wrap-up code').selectOption({ label: 'Bereavement support given' });
  await wrapUp.getByRole('button', { name: 'Finish wrap-up' }).click();
  await expect(wrapUp).toBeHidden();
  await expect(page.getByLabel('My status')).toHaveValue('protected_pause');
  // During the pause the desktop turns calls away, so the PBX tries someone else.
  expect((await post(cti, { event: 'newCall', from: '07700900999', to: '08081570001', direction: 'in', callId: 'e2e-2' })).body).toEqual({ action: 'reject', reason: 'busy' });
  const stored = await admin.client.get('/api/cases?scope=all&limit=5');
  expect(stored.body.cases.find((c: { callId: string | null }) => c.callId === 'e2e-1')).toMatchObject({ status: 'closed', wrapupCode: 'fc-bereavement' });
});

test('calls from the PBX reach only their advisor, who may hang up their own; the hub refuses anyone else', async ({ page }) => {
  const pbx = new AmiTestServer({ transcript: new URL('../fixtures/ami/answered-call.server.txt', import.meta.url), username: 'rapport', secret: 'e2e-secret', replay: false });
  const port = await pbx.start();
  try {
    const desktop = await stack().desktop('advisor');
    await signIn(page, desktop.url, 'advisor1.mcr'); // extension 1001
    await signedInAs(page, 'Amira Hussain');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: 'The hub (PBX)' }).check();
    await page.keyboard.press('Escape');
    const admin = await hubSignIn(stack().hub.url, 'admin.mcr');
    const configured = await admin.client.put('/api/telephony/pbx', {
      host: '127.0.0.1', port, username: 'rapport', secret: 'e2e-secret', interfaceTemplate: 'Local/{ext}@agents/n', dialContext: 'from-rapport',
    });
    expect(configured.status).toBe(200);
    await expect.poll(async () => (await admin.client.get('/api/telephony/pbx')).body.connected).toBe(true);

    pbx.broadcast(agentCalled('77001', '07700900123', '1001'));
    await expect(page.getByRole('region', { name: 'Caller' })).toBeVisible();
    pbx.broadcast(agentConnect('77001', '07700900123', '1001'));
    await expect(page.getByRole('button', { name: 'Hang up' })).toBeEnabled();

    const intruder = await hubSignIn(stack().hub.url, 'advisor2.mcr');
    const refused = await intruder.client.post('/api/telephony/calls/77001.0/hangup', {});
    expect(refused.status).toBe(403);
    expect(pbx.actions.some((a) => a.get('Action') === 'Hangup')).toBe(false);

    await page.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => pbx.actions.find((a) => a.get('Action') === 'Hangup')?.get('Channel')).toBe('Local/1001@agents-77001;1');
  } finally {
    await pbx.close();
  }
});

test('a case note keeps its draft across a reload, and one written while the hub is down is saved here and sent once it is back', async ({ page }) => {
  const desktop = await stack().desktop('advisor');
  const cti = stack().ctiUrl('advisor');
  await signIn(page, desktop.url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');
  await post(cti, { event: 'newCall', from: '07700900456', to: '08081570001', direction: 'in', callId: 'e2e-notes' });
  await post(cti, { event: 'answer', callId: 'e2e-notes', direction: 'in' });
  const reference = (await page.getByText(/^Case RP-\d+$/).first().textContent())!.replace('Case ', '');

  // Reloaded straight after typing, before the pause that saves a draft: leaving the page saves it.
  await page.getByLabel('Case note').fill('Customer paid with 4111 1111 1111 1111 and wants');
  await page.reload();
  await expect(page.getByLabel('Case note')).toHaveValue('Customer paid with 411111••••••1111 and wants');

  await stack().killHub();
  await page.getByLabel('Case note').fill('Customer wants a call back on Monday morning.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('Saved on this computer: it will be sent when the hub is back.')).toBeVisible();
  const waiting = page.getByRole('list', { name: 'Notes waiting to be sent' });
  await expect(waiting).toContainText('Customer wants a call back on Monday morning.');
  await expect(page.getByLabel('Case note')).toHaveValue('');

  await stack().restartHub();
  await expect(waiting).toBeHidden({ timeout: 45_000 });
  const advisor = await hubSignIn(stack().hub.url, 'advisor1.mcr');
  const cases = (await advisor.client.get('/api/cases?scope=mine&limit=5')).body.cases as { id: string; reference: string }[];
  const opened = cases.find((c) => c.reference === reference)!;
  const notes = (await advisor.client.get(`/api/cases/${opened.id}`)).body.notes as { body: string }[];
  expect(notes.map((n) => n.body)).toEqual(['Customer wants a call back on Monday morning.']);
});
