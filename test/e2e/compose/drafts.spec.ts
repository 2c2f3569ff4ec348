/**
 * Issue #4 §1: a draft autosaves to the Drafts folder of the mailbox it is written from, so a
 * draft typed in info@ and left unsent is there for the whole team — bob finds it in his own
 * client and carries on with it.
 */
import { expect, screenshot, test } from '../support/fixtures';
import { atDesk } from '../support/desk';
import { chosenLabel, composer, fromPicker, openFolder, openMessage, sharedFolder, withSubject } from '../support/compose';
import { messageList, openMailboxInbox } from '../support/session';

const INFO = 'info@example.test';

test('a draft typed in info@ and left unsent is found in info@’s Drafts by bob, who can edit it', async ({ browser, stack }) => {
  const alice = await atDesk(browser, stack, 'alice');
  const bob = await atDesk(browser, stack, 'bob');
  const subject = `Planning dakgoot Kerkstraat ${Date.now()}`;
  const text = 'Beste meneer Willems, de dakgoot wordt in week 12 vervangen.';
  try {
    await openMailboxInbox(alice.page, INFO);
    await alice.page.getByRole('button', { name: 'New message' }).click();
    const draft = composer(alice.page, 'New message');
    await expect.poll(() => chosenLabel(fromPicker(draft))).toContain(`<${INFO}>`);
    await draft.getByRole('textbox', { name: 'To' }).fill('joost.willems@example.nl');
    await draft.getByRole('textbox', { name: 'Subject' }).fill(subject);
    await draft.getByRole('textbox', { name: 'Message' }).click();
    await alice.page.keyboard.type(text);
    // Autosave, not the save on close: wait for it before leaving the composer.
    await expect(draft.getByRole('status')).toHaveText(/Draft saved/, { timeout: 20_000 });
    await screenshot(alice.page, 'alice-draft-saved');
    await draft.getByRole('button', { name: 'Close' }).click();
    await expect(draft).toHaveCount(0);

    // On the server: one copy in info@'s Drafts, marked \Draft (RFC 9051 §2.3.2), none in alice's.
    const inInfo = await withSubject(stack, 'bob', sharedFolder(INFO, 'Drafts'), subject);
    expect(inInfo).toHaveLength(1);
    expect(inInfo[0]!.flags).toContain('\\Draft');
    expect(inInfo[0]!.text).toContain(text);
    expect(await withSubject(stack, 'alice', 'Drafts', subject)).toEqual([]);

    // Bob's client shows it in info@'s Drafts and opens it for editing.
    await openFolder(bob.page, INFO, 'Drafts');
    await expect(messageList(bob.page).getByText(subject, { exact: true })).toBeVisible({ timeout: 20_000 });
    await openMessage(bob.page, subject);
    await bob.page.getByRole('button', { name: 'Edit draft' }).click();
    const editing = composer(bob.page, 'New message');
    await expect(editing.getByRole('textbox', { name: 'Subject' })).toHaveValue(subject);
    await expect(editing.getByRole('textbox', { name: 'Message' })).toContainText(text);
    await expect.poll(() => chosenLabel(fromPicker(editing))).toContain(`<${INFO}>`);
    await screenshot(bob.page, 'bob-edits-draft');
  } finally {
    await Promise.all([alice.close(), bob.close()]);
  }
});
