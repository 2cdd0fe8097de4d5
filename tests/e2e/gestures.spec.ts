import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signInAs } from '../support/client';
import { signIn, signedInAs } from './support/app';
import { demoCustomer, openCaseByHand, personalise, suggestedGestures } from './support/cases';
import { screenshots } from './support/shots';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();

const catalogue = JSON.parse(readFileSync('server/seed/catalogue.json', 'utf8')) as {
  name: string;
  bereavementSuitable: boolean;
  tone: string;
}[];

test('a request over the advisor’s limit is approved by a supervisor on another desktop, and the advisor sees it live', async ({
  browser,
}) => {
  const customer = await demoCustomer(stack().hub.url, { bereaved: false });
  const advisor = await browser.newPage();
  const supervisor = await browser.newPage();
  await signIn(advisor, (await stack().desktop('advisor')).url, 'advisor1.mcr');
  await signedInAs(advisor, 'Amira Hussain');
  await signIn(supervisor, (await stack().desktop('supervisor')).url, 'supervisor.mcr');
  await signedInAs(supervisor, 'Priya Shah');
  await expect(supervisor.getByText('Nothing is waiting for approval')).toBeVisible();

  await openCaseByHand(advisor, customer.name, 'Food', 'Weekly shop delivered two days late');
  await personalise(advisor, 'Hamper of local produce', {
    'Amount (£)': '45.00',
    "Recipient's name": customer.name,
    'Delivery address': '12 Canal Street, Manchester M1 3HE',
    'Allergies or dietary needs': 'None',
    'What is it for?': 'Delivery problem',
    Reason: 'Second late delivery this month; customer has been very patient.',
  });
  // The policy is shown before sending: above £25 a supervisor decides.
  await expect(advisor.getByText(/Above your limit: a supervisor approves it/)).toBeVisible();
  await expect(advisor.getByRole('figure', { name: 'Preview' })).toContainText(`Dear ${customer.name}, we hope you enjoy`);
  await advisor.getByRole('button', { name: 'Send gesture' }).click();
  await expect(advisor.getByRole('status').filter({ hasText: 'Hamper of local produce' })).toContainText('waiting for approval');
  const onCase = advisor.getByRole('list', { name: 'Gestures on this case' }).getByTestId('gesture-request');
  await expect(onCase).toHaveCount(1);
  await expect(onCase.first()).toContainText('Waiting for approval');

  // The supervisor is alerted and the inbox fills without a reload.
  await expect(supervisor.getByText('New request for approval')).toBeVisible();
  const request = supervisor.getByTestId('approval').filter({ hasText: 'Hamper of local produce' });
  await expect(request).toContainText('£45.00');
  await expect(request).toContainText('Amira Hussain');
  await expect(request).toContainText('Second late delivery');
  // "Pending approvals" follows the request in, and the decision out, without a reload.
  await expect(supervisor.getByTestId('pending-approvals')).toHaveText('1');
  await request.getByLabel('Note for the advisor (optional)').fill('Good call.');
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(supervisor.getByText('Nothing is waiting for approval')).toBeVisible();
  await expect(supervisor.getByTestId('pending-approvals')).toHaveText('0');
  // The approvals history keeps the decided request: who decided, when and why.
  const decided = supervisor.getByRole('list', { name: 'Decided requests' }).getByTestId('decided').filter({ hasText: 'Hamper of local produce' });
  await expect(decided).toContainText('£45.00');
  await expect(decided).toContainText(customer.name);
  await expect(decided).toContainText(/Approved by Priya Shah · \d{1,2} [A-Z][a-z]{2} \d{4}/);
  await expect(decided).toContainText('Why: Good call.');
  await decided.scrollIntoViewIfNeeded();
  await screenshots(supervisor, 'approvals-history');
  await expect(supervisor.getByTestId('fulfilment').filter({ hasText: 'Hamper of local produce' })).toContainText(
    'Not yet ordered',
  );

  await expect(onCase.first()).toContainText('Approved');
  await expect(onCase.first()).toContainText('decided by Priya Shah');
  await expect(onCase.first()).toContainText('Good call.');
  await advisor.close();
  await supervisor.close();
});

test('a funeral-care case offers only bereavement-suitable gestures, and says who must not be addressed', async ({ page }) => {
  const customer = await demoCustomer(stack().hub.url, { bereaved: false });
  await signIn(page, (await stack().desktop('advisor')).url, 'advisor2.lds');
  await signedInAs(page, 'Ellie Grant');
  await openCaseByHand(page, customer.name, 'Funeral care', 'Arranging her father’s funeral');
  await expect(page.getByText('Only bereavement-suitable gestures are offered.')).toBeVisible();
  await expect(suggestedGestures(page).nth(2)).toBeVisible(); // rendered, before they are read
  const offered = await suggestedGestures(page).locator('.gesture-option-name').allTextContents();
  const suitable = new Set(catalogue.filter((i) => i.bereavementSuitable).map((i) => i.name));
  expect(offered.filter((name) => !suitable.has(name))).toEqual([]);
  expect(offered).not.toContain('Dressing-up box for a child');

  // Nothing is ever addressed to the person who has died: the desktop says so before the hub refuses.
  await personalise(page, 'Donation to a charity the family names', {
    "Recipient's name": 'Arthur Jones',
    'Charity the family has named': 'Macmillan Cancer Support',
    'Name to make the donation in memory of (as the family gave it)': 'Arthur Jones',
    Reason: 'Family asked for donations instead of flowers.',
  });
  await page.getByRole('button', { name: 'Send gesture' }).click();
  await expect(page.getByText('address the gesture to the family, not to the person who has died')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Gestures on this case' })).toHaveCount(0);
});

test('a gesture asked for while the hub is out of reach waits on the computer and is sent once when it is back', async ({
  page,
}) => {
  const customer = await demoCustomer(stack().hub.url, { bereaved: false });
  const line = await stack().lineTo('advisor');
  await signIn(page, (await stack().desktop('advisor')).url, 'advisor3.gla');
  await signedInAs(page, 'Kirsty Boyle');
  await openCaseByHand(page, customer.name, 'Food', 'Bread past its date on delivery');
  await personalise(page, 'Handwritten apology card', {
    "Recipient's name": customer.name,
    'Delivery address': '4 Byres Road, Glasgow G12 8AU',
    'Sign-off name': 'Kirsty, Customer Care',
    'What is it for?': 'Product quality',
    Reason: 'Mouldy bread in a delivery; card to apologise.',
  });

  line.down();
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Send gesture' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this computer' })).toContainText('Handwritten apology card');
  await expect(page.getByTestId('outbox-entry').first()).toContainText('Waiting to send');

  line.up();
  await expect(page.getByTestId('outbox-entry')).toHaveCount(0, { timeout: 30_000 });
  const onCase = page.getByRole('list', { name: 'Gestures on this case' }).getByTestId('gesture-request');
  await expect(onCase).toHaveCount(1);
  await expect(onCase.first()).toContainText('Approved');

  // Exactly one request reached the hub, whatever the retries.
  const kirsty = await signInAs(stack().hub.url, 'advisor3.gla');
  const mine = (await kirsty.client.get('/api/gestures/requests')).body.gestures as { itemName: string }[];
  expect(mine.filter((g) => g.itemName === 'Handwritten apology card')).toHaveLength(1);
});
