/**
 * Issue #12 §7 "Deletion a team can trust", through the UI against the real stack: alice deletes
 * a message in info@; bob sees it in info@'s Trash as deleted by alice from Inbox, restores it,
 * and it is back in Inbox for both (their apps and a separate IMAP session); carol (read-only)
 * is offered neither Delete nor Restore; removing for good from Trash asks once and names info@.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, screenshot, test, type MailStack } from './support/fixtures';
import { appendMessages, knownMessages, openMailboxFolder, subjectsIn, type KnownMessage } from './support/mailboxFolders';
import { messageList, openMailboxInbox, signedIn, type Person } from './support/session';

const INFO = 'info@example.test';
const INBOX = `shared/${INFO}/INBOX`;
const TRASH = `shared/${INFO}/Trash`;
const NAMES = { alice: 'Alice de Vries', bob: 'Bob van den Berg', carol: 'Carol Peeters' } as const;

/** A member at their own computer (own host process and profile), signed in under their full name. */
const member = (browser: Browser, stack: MailStack, user: keyof typeof NAMES): Promise<Person> => signedIn(browser, stack, user, NAMES[user]);

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const row = (page: Page, m: KnownMessage) => messageList(page).getByRole('option', { name: new RegExp(escaped(m.subject)) });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: /./ }).first();

/** alice opens the message in info@'s Inbox and presses the reader's Delete. */
async function aliceDeletes(alice: Page, m: KnownMessage): Promise<void> {
  await openMailboxInbox(alice, INFO);
  await row(alice, m).click({ timeout: 20_000 });
  await toolbar(alice).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(row(alice, m)).toHaveCount(0);
}

test('alice deletes in info@; bob sees who and from where in Trash, restores it, back in Inbox for both', async ({ browser, stack }) => {
  const [message] = knownMessages(1, 'Offerte badkamer');
  await appendMessages(stack, 'bob', INBOX, INFO, [message!]);
  const alice = await member(browser, stack, 'alice');
  const bob = await member(browser, stack, 'bob');
  try {
    await aliceDeletes(alice.page, message!);
    await expect.poll(() => subjectsIn(stack, 'bob', TRASH), { timeout: 10_000 }).toContain(message!.subject);

    await openMailboxFolder(bob.page, INFO, /^Trash/);
    const trashed = row(bob.page, message!);
    await expect(trashed).toContainText(`Deleted by ${NAMES.alice} · from Inbox ·`, { timeout: 20_000 });
    await screenshot(bob.page, 'bob-sees-deleted-by-alice');
    // The row menu offers it too.
    await trashed.click({ button: 'right' });
    await expect(bob.page.getByRole('menuitem', { name: 'Restore' })).toBeVisible();
    await bob.page.keyboard.press('Escape');
    await trashed.click();
    await expect(bob.page.getByTestId('deletion-note').last()).toContainText(`Deleted by ${NAMES.alice} · from Inbox`);
    await toolbar(bob.page).getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(row(bob.page, message!)).toHaveCount(0);

    // Back in info@'s Inbox on the server, seen by both members' logins, and in both apps.
    await expect.poll(() => subjectsIn(stack, 'alice', INBOX), { timeout: 10_000 }).toContain(message!.subject);
    expect(await subjectsIn(stack, 'bob', TRASH)).not.toContain(message!.subject);
    await expect(row(alice.page, message!)).toBeVisible({ timeout: 20_000 });
    await openMailboxInbox(bob.page, INFO);
    await expect(row(bob.page, message!)).toBeVisible({ timeout: 20_000 });
    await screenshot(bob.page, 'bob-sees-it-back-in-inbox');
  } finally {
    await alice.close();
    await bob.close();
  }
});

test('carol (read-only in info@) is offered no Delete and no Restore', async ({ browser, stack }) => {
  const [message, other] = knownMessages(2, 'Vraag levering');
  await appendMessages(stack, 'bob', INBOX, INFO, [message!, other!]);
  const alice = await member(browser, stack, 'alice');
  const carol = await member(browser, stack, 'carol');
  try {
    await aliceDeletes(alice.page, message!);
    await openMailboxInbox(carol.page, INFO);
    await row(carol.page, other!).click({ timeout: 20_000 });
    await expect(toolbar(carol.page).getByRole('button', { name: 'Reply', exact: true })).toBeVisible();
    await expect(toolbar(carol.page).getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);

    await openMailboxFolder(carol.page, INFO, /^Trash/);
    await row(carol.page, message!).click({ timeout: 20_000 });
    // She may read who deleted it, but may change nothing.
    await expect(carol.page.getByTestId('deletion-note').last()).toContainText(`Deleted by ${NAMES.alice}`, { timeout: 20_000 });
    await expect(toolbar(carol.page).getByRole('button', { name: 'Reply', exact: true })).toBeVisible();
    await expect(carol.page.getByRole('button', { name: 'Restore', exact: true })).toHaveCount(0);
    await expect(carol.page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
    await row(carol.page, message!).click({ button: 'right' });
    await expect(carol.page.getByRole('menuitem', { name: 'Reply', exact: true })).toBeVisible();
    await expect(carol.page.getByRole('menuitem', { name: /^(Restore|Delete)/ })).toHaveCount(0);
    await carol.page.keyboard.press('Escape');
    await screenshot(carol.page, 'carol-trash-read-only');
  } finally {
    await alice.close();
    await carol.close();
  }
});

test('removing for good from info@’s Trash asks once, naming info@; Cancel keeps it', async ({ browser, stack }) => {
  const [message] = knownMessages(1, 'Factuur dubbel');
  await appendMessages(stack, 'bob', INBOX, INFO, [message!]);
  const alice = await member(browser, stack, 'alice');
  try {
    await aliceDeletes(alice.page, message!);
    await openMailboxFolder(alice.page, INFO, /^Trash/);
    await row(alice.page, message!).click({ timeout: 20_000 });
    const remove = () => toolbar(alice.page).getByRole('button', { name: 'Delete', exact: true }).click();

    await remove();
    const question = alice.page.getByRole('alertdialog', { name: 'Remove 1 message for good?' });
    await expect(question).toContainText(`They will be gone for everyone in ${INFO}. This cannot be undone.`);
    await screenshot(alice.page, 'remove-for-good-question');
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect(question).toHaveCount(0);
    await expect(row(alice.page, message!)).toBeVisible();
    expect(await subjectsIn(stack, 'alice', TRASH)).toContain(message!.subject);

    await remove();
    await question.getByRole('button', { name: 'Remove for good' }).click();
    await expect(row(alice.page, message!)).toHaveCount(0);
    // Asked once: no second question follows the answer.
    await expect(alice.page.getByRole('alertdialog')).toHaveCount(0);
    await expect.poll(() => subjectsIn(stack, 'alice', TRASH), { timeout: 10_000 }).not.toContain(message!.subject);
  } finally {
    await alice.close();
  }
});
