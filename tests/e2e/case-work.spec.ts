import { expect, test } from '@playwright/test';
import { signInAs } from '../support/client';
import { signIn, signedInAs } from './support/app';
import { currentTab, expectNoPageScroll } from './support/console';
import { stackPerTest } from './support/stack';

const stack = stackPerTest();
const SHOTS = process.env.RAPPORT_SHOTS;

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${size.width}×${size.height} a case from Recent cases takes a note (edited, both versions kept) and is closed`, async ({ page }) => {
    await page.setViewportSize(size);
    // A case of Amira's from earlier in the day, with a follow-up that is now overdue.
    const hub = await signInAs(stack().hub.url, 'advisor1.mcr');
    const opened = await hub.client.post('/api/cases', { customerId: 'cus_000007', channel: 'email', line: 'membership', subject: 'Member has died: closing the account' });
    const reference = opened.body.case.reference as string;
    await hub.client.post(`/api/cases/${opened.body.case.id}/tasks`, { title: 'Send the closure letter', dueAt: Date.now() - 60 * 60 * 1000 });

    const desktop = await stack().desktop('advisor');
    await signIn(page, desktop.url, 'advisor1.mcr');
    await signedInAs(page, 'Amira Hussain');

    // What is due is on Home, overdue first; the case opens from Recent cases.
    const due = page.getByRole('list', { name: 'Due follow-ups' });
    await expect(due.getByRole('listitem').first()).toContainText('Overdue');
    await expect(due.getByRole('listitem').first()).toContainText('Send the closure letter');
    await page.getByRole('region', { name: 'Recent cases' }).getByRole('button', { name: reference }).click();
    const tab = currentTab(page);
    await expect(tab.getByText(`Case ${reference}`)).toBeVisible();

    // A note from the line's template, its blank selected to type over.
    const note = tab.getByRole('textbox', { name: 'Case note' });
    await tab.getByLabel('Insert a template').selectOption({ label: 'Bereavement notification' });
    await expect(note).toBeFocused();
    await page.keyboard.type('the member’s daughter');
    await expect(note).toHaveValue(/^Bereavement notified by the member’s daughter \(\{relationship\}\)/);
    await note.fill('Daughter rang: membership to close, Tell Us Once reference to follow. Card 4111 1111 1111 1111 read out.');
    await page.keyboard.press('Control+Enter');
    await expect(tab.getByText(`Note added to ${reference}.`)).toBeVisible();
    const notes = tab.getByRole('list', { name: 'Notes on this case' });
    await expect(notes.getByTestId('case-note').first()).toContainText('411111••••••1111');
    await expect(notes.getByTestId('case-note').first()).toContainText('Amira Hussain at Manchester');
    await expect(note).toHaveValue('');

    // An edit is a new version; the first stays readable.
    await notes.getByRole('button', { name: 'Edit' }).first().click();
    const edit = tab.getByRole('textbox', { name: 'Edit your note' });
    await edit.fill('Daughter rang: membership to close. Tell Us Once reference TUO-778812.');
    await tab.getByRole('button', { name: 'Save edit' }).click();
    await expect(notes.getByTestId('case-note').first()).toContainText('TUO-778812');
    await expect(notes.getByTestId('case-note').first()).toContainText('Edited');
    await notes.getByRole('button', { name: 'Earlier versions (1)' }).click();
    await expect(notes.getByRole('list', { name: 'Earlier versions' })).toContainText('Tell Us Once reference to follow');

    // Closing needs a wrap-up code; the owner closes it.
    const form = tab.getByRole('form', { name: 'Case status' });
    await form.getByLabel('Status').selectOption({ label: 'Closed' });
    await form.getByRole('button', { name: 'Save case' }).click();
    await expect(form.getByRole('alert')).toContainText('Choose a wrap-up code');
    await form.getByLabel('Wrap-up code').selectOption({ label: 'Member has died' });
    await form.getByLabel('Outcome').fill('Account closed, letter to the daughter');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/case-${size.width}.png` });
    await form.getByRole('button', { name: 'Save case' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved: closed.');
    await expect(tab.locator('.case-meta')).toContainText('Closed');
    await expect(tab.locator('.case-meta')).toContainText('Member has died');
    await expectNoPageScroll(page);

    // Reopening a closed case is a supervisor's: Amira is told so rather than offered it.
    await expect(form.getByText('A supervisor of its site reopens it')).toBeVisible();
    const fromHub = (await hub.client.get(`/api/cases/${opened.body.case.id}`)).body;
    expect(fromHub.case).toMatchObject({ status: 'closed', wrapupCode: 'mem-deceased', outcome: 'Account closed, letter to the daughter' });
    expect(fromHub.notes).toHaveLength(1);
    expect(fromHub.notes[0].revision).toBe(2);

    // The follow-up is done from the case; it says by whom, and Home has nothing due.
    const followUps = tab.getByRole('list', { name: 'Follow-ups on this case' });
    await followUps.getByRole('button', { name: 'Done: Send the closure letter' }).click();
    await expect(followUps.getByRole('listitem').first()).toContainText('done by Amira Hussain');
    await expect(followUps.getByRole('button', { name: /^Done/ })).toHaveCount(0);
    const tasks = (await hub.client.get(`/api/cases/${opened.body.case.id}/tasks`)).body.tasks as { doneAt: number | null }[];
    expect(tasks[0]!.doneAt).not.toBeNull();

    await page.getByRole('button', { name: 'Home' }).click();
    await expect(page.getByRole('region', { name: 'Recent cases' }).getByRole('row', { name: new RegExp(reference) })).toContainText('Closed');
    await expect(page.getByRole('region', { name: 'Due', exact: true })).not.toContainText('Send the closure letter');
  });
}
