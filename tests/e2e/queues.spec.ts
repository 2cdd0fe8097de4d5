import { expect, test } from '@playwright/test';
import { signIn, signedInAs } from './support/app';
import { screenshots } from './support/shots';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();

test('an advisor’s status change shows on their supervisor’s floor view in another desktop, without a reload', async ({
  browser,
}) => {
  const advisorDesktop = await stack().desktop('advisor');
  const supervisorDesktop = await stack().desktop('supervisor');
  const advisor = await (await browser.newContext()).newPage();
  const supervisor = await (await browser.newContext()).newPage();

  await signIn(supervisor, supervisorDesktop.url, 'supervisor.mcr');
  await signedInAs(supervisor, 'Priya Shah');
  const floor = supervisor.getByRole('region', { name: 'Queues and team' });
  // The demo has no PBX: the panel says so plainly and still shows the team.
  await expect(floor.getByText('Phone system not connected')).toBeVisible();
  await expect(floor.getByRole('note')).toContainText('The phone system is not connected to the hub');
  const amira = floor.getByRole('listitem').filter({ hasText: 'Amira Hussain' });
  // Signed out is signed out, not Ready; her signing in shows at once.
  await expect(amira).toContainText('Signed out');
  await expect(floor.getByRole('list', { name: 'Advisors by state' }).locator('[data-state="signed_out"]')).toContainText('3 Signed out');

  await signIn(advisor, advisorDesktop.url, 'advisor1.mcr');
  await signedInAs(advisor, 'Amira Hussain');
  await expect(amira).toContainText('Ready');
  await expect(amira).not.toContainText('Signed out');
  await advisor.getByLabel('My status').selectOption('break');
  await expect(advisor.getByLabel('My status')).toHaveValue('break');
  await expect(amira).toContainText('Break');
  // Time in state, counting from the change.
  await expect(amira).toContainText(/for \d+:\d\d/);
  await expect(floor.getByRole('list', { name: 'Advisors by state' }).locator('[data-state="break"]')).toContainText('1 Break');

  // Not-ready reasons come from the list the admin keeps; the header says which one.
  await advisor.getByLabel('My status').selectOption({ label: 'Not ready: Coaching' });
  await expect(advisor.getByTestId('agent-now')).toHaveText('Not ready (Coaching)');
  await expect(amira).toContainText('Not ready');
  await expect(amira).toContainText('Coaching');

  // A protected pause from the menu at any time, with the reason recorded.
  await advisor.getByLabel('My status').selectOption('protected_pause');
  const pause = advisor.getByRole('form', { name: 'Start a protected pause' });
  await pause.getByLabel('5 minutes', { exact: true }).check();
  await pause.getByLabel('Reason', { exact: false }).fill('Needed a moment after a complaint');
  await pause.getByRole('button', { name: 'Start protected pause' }).click();
  await expect(advisor.getByTestId('agent-now')).toHaveText(/^Protected pause \([45]:\d\d left\)$/);
  await expect(amira).toContainText('Needed a moment after a complaint');

  await advisor.getByLabel('My status').selectOption('ready');
  await expect(amira).toContainText('Ready');
  await expect(amira).not.toContainText('Coaching');
});

test('a supervisor puts an advisor of their site in a protected pause with a reason, and sees for how long; the advisor’s desk follows', async ({ browser }) => {
  const advisorDesktop = await stack().desktop('advisor');
  const supervisorDesktop = await stack().desktop('supervisor');
  const advisor = await (await browser.newContext()).newPage();
  const supervisor = await (await browser.newContext()).newPage();
  await signIn(advisor, advisorDesktop.url, 'advisor1.mcr');
  await signedInAs(advisor, 'Amira Hussain');
  await signIn(supervisor, supervisorDesktop.url, 'supervisor.mcr');
  await signedInAs(supervisor, 'Priya Shah');
  const floor = supervisor.getByRole('region', { name: 'Queues and team' });
  const amira = floor.getByRole('listitem').filter({ hasText: 'Amira Hussain' });
  await expect(amira).toContainText('Ready');

  await amira.getByRole('button', { name: 'Set state: Amira Hussain' }).click();
  const form = floor.getByRole('form', { name: 'Set Amira Hussain’s state' });
  await expect(form.getByLabel('State')).toBeFocused();
  await form.getByLabel('State').selectOption('protected_pause');
  await form.getByRole('button', { name: 'Set state' }).click();
  await expect(form.getByLabel('Reason')).toHaveAccessibleDescription('Say why, in a few words: the advisor sees it.');
  await form.getByLabel('Reason').fill('After an abusive caller');
  await form.getByLabel('Minutes').fill('10');
  await form.getByRole('button', { name: 'Set state' }).click();
  await expect(form).toHaveCount(0);
  // Who is in a protected pause, why, how long so far and how long is left.
  await expect(amira).toContainText('Protected pause');
  await expect(amira).toContainText('After an abusive caller');
  await expect(amira).toContainText(/for \d+:\d\d/);
  await expect(amira).toContainText(/(9|10):\d\d left/);
  await expect(floor.getByRole('list', { name: 'Advisors by state' }).locator('[data-state="protected_pause"]')).toContainText('1 Protected pause');
  await expect(advisor.getByTestId('agent-now')).toHaveText(/^Protected pause \((9|10):\d\d left\)$/);
  await amira.scrollIntoViewIfNeeded();
  await screenshots(supervisor, 'floor-set-state');
});
