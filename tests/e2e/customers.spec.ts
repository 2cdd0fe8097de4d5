import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { signInAs as hubSignIn } from '../support/client';
import { signIn, signedInAs } from './support/app';
import { demoCustomer, mobileCaller, openCaseByHand, suggestedGestures } from './support/cases';
import { answeredCall, currentTab, expectNoPageScroll, post } from './support/console';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();
const SHOTS = process.env.RAPPORT_SHOTS;
const catalogue = JSON.parse(readFileSync('server/seed/catalogue.json', 'utf8')) as { name: string; bereavementSuitable: boolean }[];
const suitable = new Set(catalogue.filter((i) => i.bereavementSuitable).map((i) => i.name));

const offeredNames = async (page: Page) => {
  await expect(suggestedGestures(page).first()).toBeVisible();
  const more = page.getByRole('button', { name: /^Show all \d+ that fit this case$/ });
  if (await more.count()) await more.click();
  return suggestedGestures(page).locator('.gesture-option-name').allTextContents();
};

test('an unknown caller is linked to a new customer before a gesture', async ({ page }) => {
  await signIn(page, (await stack().desktop('advisor')).url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');
  await answeredCall(page, stack().ctiUrl('advisor'), 'unknown-1', '020 7946 0321');
  const tab = currentTab(page);
  // The note box keeps the caret: the customer step never takes it from a live call.
  await expect(tab.getByRole('textbox', { name: 'Case note' })).toBeVisible();

  const step = tab.getByRole('group', { name: 'Who is the customer?' });
  await expect(step).toBeVisible();
  await expect(tab.getByRole('list', { name: 'Suggested gestures' })).toHaveCount(0);
  await step.getByRole('button', { name: 'New customer with 020 7946 0321' }).click();
  const form = step.getByRole('form', { name: 'New customer' });
  await expect(form.getByLabel(/^Phone/)).toHaveValue('020 7946 0321');
  await form.getByLabel('Name', { exact: true }).fill('Dana Whitfield');
  await form.getByLabel(/^Postcode/).fill('ls6 2ab');
  await form.getByLabel(/^Address/).fill('12 Mill Lane, Leeds');
  await form.getByRole('button', { name: 'Add customer and link to this case' }).click();

  await expect(step).toBeHidden();
  await expect(tab.getByRole('button', { name: 'Dana Whitfield' })).toBeVisible();
  await suggestedGestures(page).filter({ hasText: 'Bunch of seasonal flowers' }).click();
  const gesture = page.getByRole('form', { name: 'Personalise Bunch of seasonal flowers' });
  await expect(gesture.getByLabel("Recipient's name", { exact: true })).toHaveValue('Dana Whitfield');
  await expect(gesture.getByLabel('Delivery address', { exact: true })).toHaveValue('12 Mill Lane, Leeds\nLS6 2AB');
  await expect(gesture.getByText('Within your limit', { exact: true })).toBeVisible();
  await gesture.getByLabel('Amount (£)').fill('30');
  await expect(gesture.getByText('Needs approval', { exact: true })).toBeVisible();
  await expect(gesture.getByText('Within your limit', { exact: true })).toHaveCount(0);
  await gesture.getByLabel('Amount (£)').fill('20');
  await gesture.getByLabel('What is it for?').selectOption({ index: 1 });
  await gesture.getByLabel('Reason', { exact: true }).fill('Sorry the order went so wrong.');
  await gesture.getByRole('button', { name: 'Send gesture' }).click();
  await expect(tab.getByRole('list', { name: 'Gestures on this case' })).toContainText('Bunch of seasonal flowers');

  const admin = await hubSignIn(stack().hub.url, 'admin.mcr');
  const found = (await admin.client.get('/api/customers?q=02079460321')).body.customers as { id: string; name: string; phone: string }[];
  expect(found).toEqual([expect.objectContaining({ name: 'Dana Whitfield', phone: '+442079460321' })]);
});

test('a bereavement flagged at Manchester makes a Leeds advisor’s gesture list bereavement-only for the same customer on the membership line, live', async ({ browser }) => {
  const customer = await demoCustomer(stack().hub.url, { bereaved: false });
  const leedsContext = await browser.newContext();
  const manchesterContext = await browser.newContext();
  const leeds = await leedsContext.newPage();
  const manchester = await manchesterContext.newPage();
  await signIn(leeds, (await stack().desktop('leeds')).url, 'advisor2.lds');
  await signedInAs(leeds, 'Ellie Grant');
  await signIn(manchester, (await stack().desktop('manchester')).url, 'advisor1.mcr');
  await signedInAs(manchester, 'Amira Hussain');

  await openCaseByHand(leeds, customer.name, 'Membership', 'Points missing from last shop');
  const before = await offeredNames(leeds);
  expect(before.some((name) => !suitable.has(name))).toBe(true);
  await expect(leeds.getByText('Only bereavement-suitable gestures are offered.')).toHaveCount(0);

  // Manchester: Alt C from anywhere, the profile, and the bereavement recorded once.
  await manchester.keyboard.press('Alt+c');
  const search = manchester.getByRole('dialog', { name: 'Find a customer' });
  await search.getByLabel('Find a customer').fill(customer.name);
  await search.getByRole('button', { name: `Open profile: ${customer.name}` }).first().click();
  const profile = manchester.getByRole('dialog', { name: `Customer: ${customer.name}` });
  await profile.getByRole('button', { name: 'Record a bereavement' }).click();
  const form = profile.getByRole('form', { name: 'Record the bereavement' });
  await form.getByLabel('Notification service').selectOption({ label: 'Tell Us Once' });
  await form.getByLabel('Reference').fill('TUO-20261205');
  await form.getByLabel('Date of death').fill('01/12/2026');
  await form.getByRole('button', { name: 'Record bereavement' }).click();
  await expect(profile.getByText('Tell Us Once, reference TUO-20261205, died 01/12/2026.')).toBeVisible();

  // Leeds: nothing pressed, the open list is now bereavement-only.
  await expect(leeds.getByText('Only bereavement-suitable gestures are offered.')).toBeVisible();
  const after = await offeredNames(leeds);
  expect(after.length).toBeGreaterThan(0);
  expect(after.filter((name) => !suitable.has(name))).toEqual([]);
  await leedsContext.close();
  await manchesterContext.close();
});

test('Flag bereavement on a call asks for the notification service, reference and date, as the profile does', async ({ page }) => {
  const admin = await hubSignIn(stack().hub.url, 'admin.mcr');
  const customer = await mobileCaller(stack().hub.url);
  await signIn(page, (await stack().desktop('advisor')).url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');
  await answeredCall(page, stack().ctiUrl('advisor'), 'flag-1', customer.national, 'membership');
  const card = page.getByRole('region', { name: 'Caller', exact: true });
  await expect(card.getByRole('heading', { name: customer.name })).toBeVisible();

  // Cancel puts the caret back on the button.
  await card.getByRole('button', { name: 'Flag bereavement' }).click();
  const form = card.getByRole('form', { name: 'Record the bereavement' });
  await expect(form.getByLabel('Notification service')).toBeFocused();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(card.getByRole('button', { name: 'Flag bereavement' })).toBeFocused();

  await card.getByRole('button', { name: 'Flag bereavement' }).click();
  await form.getByLabel('Notification service').selectOption({ index: 1 });
  const service = await form.getByLabel('Notification service').inputValue();
  await form.getByLabel('Reference').fill('TUO-558120');
  await form.getByLabel('Date of death').fill('2026-11-28');
  await form.getByRole('button', { name: 'Record bereavement' }).click();
  await expect(form.getByText('Write the date as dd/mm/yyyy, for example 28/11/2026.')).toBeVisible();
  await expect(form.getByLabel('Date of death')).toBeFocused();
  await form.getByLabel('Date of death').fill('28/11/2026');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/flag-bereavement-${page.viewportSize()!.width}.png` });
  await form.getByRole('button', { name: 'Record bereavement' }).click();
  await expect(card.getByText('Bereaved', { exact: true })).toBeVisible();
  await expect(card).toContainText('TUO-558120');
  await expect(card.getByRole('button', { name: 'Flag bereavement' })).toHaveCount(0);
  await expect(page.getByLabel('Sensitive call')).toBeVisible();
  expect((await admin.client.get(`/api/customers/${customer.id}`)).body.customer).toMatchObject({
    flags: { bereaved: true },
    bereavementService: service,
    bereavementRef: 'TUO-558120',
    bereavementDate: '2026-11-28',
  });
});

test('the prompt after a funeral-care call appears once', async ({ page }) => {
  const admin = await hubSignIn(stack().hub.url, 'admin.mcr');
  const customer = await mobileCaller(stack().hub.url);
  await signIn(page, (await stack().desktop('advisor')).url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');
  const cti = stack().ctiUrl('advisor');
  const national = customer.national;
  const prompt = page.getByRole('region', { name: 'Record a bereavement' });

  await answeredCall(page, cti, 'fc-1', national, 'funeralcare');
  await expect(suggestedGestures(page).first()).toBeVisible();
  await expect(prompt).toHaveCount(0); // not while the caller is still talking
  await post(cti, { event: 'hangup', callId: 'fc-1', direction: 'in', cause: 'normalClearing' });
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText(`has ${customer.name} been bereaved?`);
  await prompt.getByRole('button', { name: 'Not bereaved' }).click();
  await expect(prompt).toHaveCount(0);
  const wrapUp = page.getByRole('region', { name: 'Wrap-up' });
  await wrapUp.getByLabel('Wrap-up code').selectOption({ index: 1 });
  await wrapUp.getByRole('button', { name: 'Finish wrap-up' }).click();
  await expect(wrapUp).toBeHidden();

  // The same customer rings again about the funeral: answered once, the prompt does not come back.
  await answeredCall(page, cti, 'fc-2', national, 'funeralcare');
  // Their timeline has the first call from the hub's call records: how it went, where and when.
  const firstCall = page.getByRole('list', { name: 'Timeline from every site' }).getByRole('listitem').filter({ hasText: 'Call from them: Answered' });
  await expect(firstCall).toContainText('Manchester');
  await expect(firstCall).toContainText('Amira Hussain');
  if (SHOTS) await firstCall.scrollIntoViewIfNeeded().then(() => page.screenshot({ path: `${SHOTS}/timeline-call-${page.viewportSize()!.width}.png` }));
  await post(cti, { event: 'hangup', callId: 'fc-2', direction: 'in', cause: 'normalClearing' });
  await expect(page.getByRole('region', { name: 'Wrap-up' })).toBeVisible();
  const cases = (await admin.client.get('/api/cases?scope=all&limit=5')).body.cases as { id: string; callId: string | null }[];
  const second = cases.find((c) => c.callId === 'fc-2')!;
  expect((await admin.client.get(`/api/cases/${second.id}/bereavement-prompt`)).body.prompt).toBeNull();
  await expect(currentTab(page).getByRole('list', { name: 'Suggested gestures' })).toBeVisible();
  await expect(prompt).toHaveCount(0);
});

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${size.width}×${size.height} the customer search, profile and gesture form fit`, async ({ page }) => {
    await page.setViewportSize(size);
    const customer = await demoCustomer(stack().hub.url, { bereaved: false });
    await signIn(page, (await stack().desktop('advisor')).url, 'advisor2.lds');
    await signedInAs(page, 'Ellie Grant');
    await openCaseByHand(page, customer.name, 'Food', 'Refund for a spoiled loaf');
    const first = suggestedGestures(page).first();
    await expect(first).toBeVisible();
    await expect(first).not.toContainText('Birthday cake voucher');
    await expect(first).toContainText(/Within your £[\d.]+ limit|Above your £[\d.]+ limit/);
    await first.click();
    await expect(page.getByRole('form', { name: /^Personalise / })).toBeVisible();
    await expectNoPageScroll(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/gesture-form-${size.width}.png` });

    await page.keyboard.press('Alt+c');
    const search = page.getByRole('dialog', { name: 'Find a customer' });
    await expect(search.getByLabel('Find a customer')).toBeFocused();
    await search.getByLabel('Find a customer').fill(customer.name.split(' ')[1]!);
    await expect(search.getByRole('list', { name: 'Matching customers' })).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/customer-search-${size.width}.png` });
    await search.getByRole('button', { name: `Open profile: ${customer.name}` }).first().click();
    const profile = page.getByRole('dialog', { name: `Customer: ${customer.name}` });
    await expect(profile.getByRole('list', { name: 'Timeline from every site' }).or(profile.getByText('Nothing yet'))).toBeVisible();
    await expect(profile.getByText('Refund for a spoiled loaf').first()).toBeVisible();
    await expectNoPageScroll(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/customer-profile-${size.width}.png` });
    await page.keyboard.press('Escape');
    await expect(profile).toBeHidden();
  });
}
