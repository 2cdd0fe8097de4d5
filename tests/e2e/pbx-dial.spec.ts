import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import { readTranscript, AmiTestServer } from '../support/ami-server';
import { agentCalled, agentComplete, agentConnect } from '../support/ami-frames';
import { signInAs } from '../support/client';
import { signIn, signedInAs } from './support/app';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();
// Two desktops, a hub and a PBX on a shared two-core machine: more than the default budget.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 30_000 });
const SHOTS = process.env.RAPPORT_SCREENSHOTS;

async function shoot(page: Page, name: string, sizes: [number, number][] = [[1280, 720], [1920, 1080]], onScreen?: Locator) {
  if (!SHOTS) return;
  for (const [w, h] of sizes) {
    await page.setViewportSize({ width: w, height: h });
    await onScreen?.scrollIntoViewIfNeeded();
    // Two frames: cards off screen are painted only once scrolled into view.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}.png` });
  }
}

const CAPTURED_NUMBER = '07700900964';

/** A demo customer with a UK phone number of their own (the card offers to call it). */
async function customerWithPhone(hubUrl: string): Promise<{ name: string; phone: string }> {
  const admin = (await signInAs(hubUrl, 'admin.mcr')).client;
  const found = (await admin.get('/api/customers?q=ar&limit=50')).body.customers as { name: string; phone: string | null; flags: { bereaved: boolean; vulnerable: boolean } }[];
  // A mobile read as 5+6 digits ("07700 900123"); 070 and 076 numbers are grouped otherwise.
  const c = found.find((x) => x.phone && /^\+447[1-57-9]\d{8}$/.test(x.phone) && !x.flags.bereaved && !x.flags.vulnerable);
  if (!c) throw new Error('no demo customer with a mobile number');
  return { name: c.name, phone: c.phone! };
}

test('click-to-dial from the number on the customer card: the advisor’s phone rings, then the customer’s; the call shows on the desk, in Recent calls and in the supervisor’s call records', async ({ browser }) => {
  const customer = await customerWithPhone(stack().hub.url);
  const national = `0${customer.phone.slice(3)}`;
  const reading = `${national.slice(0, 5)} ${national.slice(5)}`;
  // The captured click-to-dial, replayed for this customer's number once the hub sends Originate.
  const { events } = readTranscript(new URL('../fixtures/ami/click-to-dial.server.txt', import.meta.url));
  const frames = events.map((e) => e.toString('utf8').replaceAll(CAPTURED_NUMBER, national));
  // In three steps, each sent once the desk shows the one before: the advisor's phone rings and is
  // answered, then the customer's rings (DialEnd ANSWER is the customer answering), then they hang up.
  const answered = frames.findIndex((f, i) => i > frames.findIndex((g) => g.startsWith('Event: DialEnd')) && f.startsWith('Event: DialEnd'));
  const hangingUp = frames.findIndex((f) => f.startsWith('Event: HangupRequest'));
  const [ringing, talking, ended] = [frames.slice(0, answered), frames.slice(answered, hangingUp), frames.slice(hangingUp)].map((p) => p.join(''));
  const pbx: AmiTestServer = new AmiTestServer({
    transcript: new URL('../fixtures/ami/answered-call.server.txt', import.meta.url),
    username: 'rapport',
    secret: 'e2e-secret',
    replay: false,
    onAction: (a) => (a.get('Action') === 'Originate' ? { fields: { Message: 'Originate successfully queued' } } : undefined),
  });
  const port = await pbx.start();
  try {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, (await stack().desktop('advisor')).url, 'advisor1.mcr');
    await signedInAs(page, 'Amira Hussain');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: 'The hub (PBX)' }).check();
    await page.keyboard.press('Escape');
    const admin = await signInAs(stack().hub.url, 'admin.mcr');
    const configured = await admin.client.put('/api/telephony/pbx', {
      host: '127.0.0.1', port, username: 'rapport', secret: 'e2e-secret', interfaceTemplate: 'Local/{ext}@agents/n', dialContext: 'outbound',
    });
    expect(configured.status).toBe(200);
    await expect(page.getByTestId('phone-system')).toHaveAttribute('data-state', 'connected');

    // The customer calls in; their card shows their number with Call beside it.
    pbx.broadcast(agentCalled('77020', national, '1001'));
    pbx.broadcast(agentConnect('77020', national, '1001'));
    const caller = page.getByRole('region', { name: 'Caller' });
    await expect(caller.getByRole('heading', { name: customer.name })).toBeVisible();
    // The transfer picker's placeholder reads whole in the call column at 1280×720.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Transfer…' }).click();
    const picker = page.getByRole('form', { name: 'Transfer the call' }).getByLabel('Transfer to');
    await expect(picker).toBeFocused();
    await expect(picker.locator('option', { hasText: 'Ben Walsh (1002' })).toHaveCount(1);
    const fits = await picker.evaluate((el: HTMLSelectElement) => {
      const probe = document.createElement('span');
      probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${getComputedStyle(el).font}`;
      probe.textContent = el.options[el.selectedIndex]!.text;
      document.body.append(probe);
      const text = probe.getBoundingClientRect().width;
      probe.remove();
      const style = getComputedStyle(el);
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text, room };
    });
    expect(fits.text, `the placeholder (${fits.text}px) fits its box (${fits.room}px)`).toBeLessThanOrEqual(fits.room);
    await shoot(page, 'pbx-transfer-placeholder', [[1280, 720]]);
    await page.keyboard.press('Escape');
    pbx.broadcast(agentComplete('77020', national, '1001'));
    const wrapUp = page.getByRole('region', { name: 'Wrap-up' });
    await expect(wrapUp).toBeVisible();

    // During wrap-up the advisor calls the customer back from the card.
    await caller.getByRole('button', { name: `Call ${reading}` }).click();
    await expect(caller.getByText('Your phone rings first')).toBeVisible();
    await expect.poll(() => pbx.actions.find((a) => a.get('Action') === 'Originate')?.get('Exten')).toBe(national);
    const originate = pbx.actions.find((a) => a.get('Action') === 'Originate')!;
    // The advisor's own phone first (the channel), then the customer (the extension dialled).
    expect([originate.get('Channel'), originate.get('Context')]).toEqual(['Local/1001@agents', 'outbound']);
    // The PBX rings only once the desk has said so: sent with the reply, the next state could come
    // before anyone saw this one (it did on a busy machine).
    pbx.broadcast(ringing!);
    await expect(page.locator('#call-bar-title')).toHaveText(`Calling ${reading}`);
    await expect(page.getByTestId('call-phase')).toHaveText('Calling');
    await expect(caller.getByRole('heading', { name: customer.name })).toBeVisible();
    await shoot(page, 'pbx-dial-on-desk');
    pbx.broadcast(talking!);
    await expect(page.getByTestId('call-phase')).toHaveText('Connected');
    pbx.broadcast(ended!);
    await expect(page.getByTestId('call-phase')).toHaveText('Wrap-up');

    // The outbound call over (the capture hangs up), it is in Recent calls as outbound, beside the first.
    await page.getByRole('button', { name: 'Home' }).click();
    const recent = page.getByRole('region', { name: 'Recent calls' }).first();
    await expect(recent.getByRole('row').filter({ hasText: 'Outbound: answered' })).toContainText(customer.name);

    // The supervisor's call records: both calls, numbers masked, filtered by outcome.
    const supervisor = await (await browser.newContext()).newPage();
    await signIn(supervisor, (await stack().desktop('supervisor')).url, 'supervisor.mcr');
    await signedInAs(supervisor, 'Priya Shah');
    const records = supervisor.getByRole('region', { name: 'Call records' }).first();
    const masked = `${national.slice(0, 3)}•• •••${national.slice(-3)}`;
    const mine = records.getByRole('row').filter({ hasText: 'Amira Hussain' });
    const inbound = mine.filter({ hasText: `From ${masked}` });
    await expect(mine.filter({ hasText: 'Outbound: answered' })).toContainText(`To ${masked}`);
    await expect(inbound).toContainText('Answered');
    await expect(records).not.toContainText(reading);
    await records.getByLabel('Outcome').selectOption({ label: 'Outbound' });
    await expect(inbound).toHaveCount(0);
    await expect(mine.filter({ hasText: 'Outbound: answered' })).toHaveCount(1);
    await shoot(supervisor, 'call-records', undefined, records);
    // A day with no calls says so.
    await records.getByLabel('From').fill('31/02/2026');
    await expect(records.getByText('Type a date as dd/mm/yyyy')).toBeVisible();
    await records.getByLabel('From').fill('01/01/2026');
    await records.getByLabel('To').fill('02/01/2026');
    await expect(records.getByText('No calls between these dates with that outcome')).toBeVisible();
  } finally {
    await pbx.close();
  }
});
