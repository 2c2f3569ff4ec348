/**
 * Issue #12 "Done means": alice selects three messages in info@'s Inbox with Shift+click and
 * archives them with one key; bob's client shows them in info@'s Archive; alice's Undo puts them
 * back on the server — each step checked where a person (bob) or another client (a separate
 * IMAP session) would see it. Once with the toast's Undo button, once with Ctrl+Z.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, screenshot, test, type MailStack } from './support/fixtures';
import { commandKey } from './support/commandKeys';
import { atDesk, type Desk } from './support/desk';
import { appendMessages, knownMessages, openMailboxFolder, subjectsIn, type KnownMessage } from './support/mailboxFolders';
import { messageList, openMailboxInbox } from './support/session';

const INFO = 'info@example.test';
const INBOX = `shared/${INFO}/INBOX`;
const ARCHIVE = `shared/${INFO}/Archive`;
/** The keys of the default (Outlook) scheme, as the `?` overlay lists them (issue #12 §5). */
const ARCHIVE_KEY = commandKey('archive');
const UNDO_KEY = commandKey('undo');

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const row = (page: Page, m: KnownMessage) => messageList(page).getByRole('option', { name: new RegExp(escaped(m.subject)) });

/** Where the subjects are on the server, read over a separate IMAP session as bob. */
async function whereOnServer(stack: MailStack, subjects: readonly string[]): Promise<{ inbox: string[]; archive: string[] }> {
  const [inbox, archive] = [await subjectsIn(stack, 'bob', INBOX), await subjectsIn(stack, 'bob', ARCHIVE)];
  return { inbox: subjects.filter((s) => inbox.includes(s)), archive: subjects.filter((s) => archive.includes(s)) };
}

/**
 * With five known messages in info@'s Inbox, alice in that Inbox and bob in info@'s Archive:
 * alice clicks the first, Shift+clicks the third and presses the archive key. Checks the three
 * left her list and reached info@'s Archive on the server (a separate IMAP session).
 */
async function aliceArchivesThree(stack: MailStack, alice: Desk, bob: Desk, messages: readonly KnownMessage[]): Promise<void> {
  const archived = messages.slice(0, 3);
  const kept = messages.slice(3);
  await openMailboxInbox(alice.page, INFO);
  for (const m of messages) await expect(row(alice.page, m)).toBeVisible({ timeout: 20_000 });
  await openMailboxFolder(bob.page, INFO, /^Archive/);

  await row(alice.page, messages[0]!).click();
  await row(alice.page, messages[2]!).click({ modifiers: ['Shift'] });
  for (const m of archived) await expect(row(alice.page, m)).toHaveAttribute('aria-selected', 'true');
  for (const m of kept) await expect(row(alice.page, m)).toHaveAttribute('aria-selected', 'false');
  await screenshot(alice.page, 'alice-three-selected');

  await alice.page.keyboard.press(ARCHIVE_KEY);
  for (const m of archived) await expect(row(alice.page, m)).toHaveCount(0);
  for (const m of kept) await expect(row(alice.page, m)).toBeVisible();
  await expect(alice.page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await screenshot(alice.page, 'alice-archived-toast');

  // On the server: in info@'s Archive, no longer in its Inbox; the other two untouched.
  const subjects = messages.map((m) => m.subject);
  await expect.poll(() => whereOnServer(stack, subjects), { timeout: 10_000 }).toEqual({ inbox: subjects.slice(3), archive: subjects.slice(0, 3) });
}

/** Five known messages in info@'s Inbox, then alice and bob at their desks. */
async function twoDesks(browser: Browser, stack: MailStack): Promise<{ alice: Desk; bob: Desk; messages: KnownMessage[] }> {
  const messages = knownMessages(5, 'Bestelling');
  await appendMessages(stack, 'bob', INBOX, INFO, messages);
  const alice = await atDesk(browser, stack, 'alice');
  try {
    return { alice, bob: await atDesk(browser, stack, 'bob'), messages };
  } catch (error) {
    await alice.close();
    throw error;
  }
}

/** After alice's undo: back in info@'s Inbox on the server, for alice and for bob; gone from the Archive. */
async function backInInbox(stack: MailStack, alice: Desk, bob: Desk, messages: readonly KnownMessage[]): Promise<void> {
  const subjects = messages.map((m) => m.subject);
  await expect.poll(() => whereOnServer(stack, subjects), { timeout: 15_000 }).toEqual({ inbox: subjects, archive: [] });
  for (const m of messages) await expect(row(alice.page, m)).toBeVisible({ timeout: 20_000 });
  for (const m of messages.slice(0, 3)) await expect(row(bob.page, m)).toHaveCount(0, { timeout: 20_000 });
  await openMailboxFolder(bob.page, INFO, /^Inbox/);
  for (const m of messages) await expect(row(bob.page, m)).toBeVisible({ timeout: 20_000 });
  await screenshot(bob.page, 'bob-sees-them-back-in-inbox');
}

test("alice archives three of info@'s messages with Shift+click and one key; bob sees them in Archive; the toast's Undo puts them back on the server", async ({ browser, stack }) => {
  test.setTimeout(180_000);
  const { alice, bob, messages } = await twoDesks(browser, stack);
  try {
    await aliceArchivesThree(stack, alice, bob, messages);
    // Her pointer on Undo while she looks at bob's screen: the toast stays while held (undoMemory.ts).
    const undo = alice.page.getByRole('button', { name: 'Undo' });
    await undo.hover();
    // bob, another member, sees them in info@'s Archive.
    for (const m of messages.slice(0, 3)) await expect(row(bob.page, m)).toBeVisible({ timeout: 20_000 });
    await screenshot(bob.page, 'bob-sees-info-archive');
    await undo.click();
    await backInInbox(stack, alice, bob, messages);
  } finally {
    await Promise.all([alice.close(), bob.close()]);
  }
});

test("alice's Ctrl+Z undoes the archive of three of info@'s messages on the server, for bob too", async ({ browser, stack }) => {
  test.setTimeout(180_000);
  const { alice, bob, messages } = await twoDesks(browser, stack);
  try {
    await aliceArchivesThree(stack, alice, bob, messages);
    // Ctrl+Z works for 15 s after the action (undoMemory.ts): pressed once the server has it.
    await alice.page.keyboard.press(UNDO_KEY);
    await backInInbox(stack, alice, bob, messages);
  } finally {
    await Promise.all([alice.close(), bob.close()]);
  }
});
