import { expect, test, type Page } from '@playwright/test';
import { signInAs as hubSignIn } from '../support/client';
import { signIn, signedInAs } from './support/app';
import { mobileCaller } from './support/cases';
import { answeredCall, post } from './support/console';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();
const SHOTS = process.env.RAPPORT_SHOTS;
const NEW_CODE = 'Relative reported a death';

/** A membership call from the customer's number, answered and hung up: the wrap-up is on screen. */
async function membershipCallToWrapUp(page: Page, callId: string, from: string, name: string) {
  const cti = stack().ctiUrl('advisor');
  await answeredCall(page, cti, callId, from, 'membership');
  await expect(page.getByRole('region', { name: 'Caller' }).getByRole('heading', { name })).toBeVisible();
  await post(cti, { event: 'hangup', callId, direction: 'in', cause: 'normalClearing' });
  const wrapUp = page.getByRole('region', { name: 'Wrap-up' });
  await expect(wrapUp).toBeVisible();
  return wrapUp;
}

test('the head of service adds a membership wrap-up code that means a death; the advisor’s next wrap-up on that line offers it', async ({
  page,
  browser,
}) => {
  const hub = await hubSignIn(stack().hub.url, 'admin.mcr');
  const customer = await mobileCaller(stack().hub.url);
  const national = customer.national;

  // Amira's desktop already knows the membership codes from an earlier call.
  await signIn(page, (await stack().desktop('advisor')).url, 'advisor1.mcr');
  await signedInAs(page, 'Amira Hussain');
  const first = await membershipCallToWrapUp(page, 'mem-1', national, customer.name);
  await expect(first.getByLabel('Wrap-up code').locator('option', { hasText: NEW_CODE })).toHaveCount(0);
  await first.getByLabel('Wrap-up code').selectOption({ index: 1 });
  await first.getByRole('button', { name: 'Finish wrap-up' }).click();
  await expect(first).toBeHidden();

  // An advisor may not change the list: the hub says no, whatever a page might send.
  const advisor = await hubSignIn(stack().hub.url, 'advisor1.mcr');
  expect(
    (await advisor.client.put('/api/wrapup-codes/membership', { codes: [{ label: NEW_CODE, meansDeath: true }] })).status,
  ).toBe(403);

  const admin = await browser.newPage();
  await admin.setViewportSize({ width: 1280, height: 720 });
  await signIn(admin, (await stack().desktop('admin')).url, 'admin.mcr');
  await signedInAs(admin, 'Tom Fletcher');
  await admin.getByRole('tab', { name: 'Wrap-up and templates' }).click();
  const card = admin.getByRole('region', { name: 'Wrap-up codes and note templates' });
  await card.getByLabel('Line').selectOption({ label: 'Membership' });
  const codes = card.getByRole('form', { name: 'Wrap-up codes for Membership' });
  await expect(codes.getByRole('checkbox', { name: 'Member has died means a death' })).toBeChecked();
  const before = await codes.getByRole('textbox').count();

  // A blank label is refused beside its row, in plain words; the new row has the caret.
  await codes.getByRole('button', { name: 'Add a code' }).click();
  const added = codes.getByRole('textbox', { name: `Code ${before + 1}` });
  await expect(added).toBeFocused();
  await admin.keyboard.type('X');
  await codes.getByRole('button', { name: 'Save wrap-up codes' }).click();
  await expect(codes).toContainText('Enter at least 2 characters.');
  await expect(added).toBeFocused();
  await added.fill(NEW_CODE);
  await codes.getByRole('checkbox', { name: `${NEW_CODE} means a death` }).check();
  if (SHOTS) await admin.screenshot({ path: `${SHOTS}/case-lists-1280.png` });
  await codes.getByRole('button', { name: 'Save wrap-up codes' }).click();
  await expect(codes.getByRole('status')).toHaveText(`Saved: ${before + 1} codes in use on Membership.`);
  const saved = (await hub.client.get('/api/wrapup-codes')).body.codes as {
    id: string;
    label: string;
    meansDeath: boolean;
    line: string;
  }[];
  const code = saved.find((c) => c.label === NEW_CODE)!;
  expect(code).toMatchObject({ line: 'membership', meansDeath: true });

  // Amira's next membership call offers it, and choosing it asks for the bereavement to be recorded.
  const second = await membershipCallToWrapUp(page, 'mem-2', national, customer.name);
  await second.getByLabel('Wrap-up code').selectOption({ label: NEW_CODE });
  await second.getByRole('button', { name: 'Finish wrap-up' }).click();
  await expect(second).toBeHidden();
  const cases = (await hub.client.get('/api/cases?scope=all&limit=5')).body.cases as {
    id: string;
    callId: string | null;
    wrapupCode: string | null;
  }[];
  const closed = cases.find((c) => c.callId === 'mem-2')!;
  expect(closed).toMatchObject({ wrapupCode: code.id, customerId: customer.id });
  expect((await hub.client.get(`/api/cases/${closed.id}/bereavement-prompt`)).body.prompt).toMatchObject({
    customerId: customer.id,
    why: 'death_on_case',
  });
  await admin.close();
});
