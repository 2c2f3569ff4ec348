/**
 * Issue #11 "Done means": a 100,000-message folder scrolled to its middle and to its end shows
 * the right messages in date order, and a unified view of two large folders interleaves them.
 *
 * The folders are written straight into the Maildirs with UIDs handed out in a shuffled order,
 * so the dates do not rise with the UID: only sorting by date can put the rows right, not the
 * order of arrival. What is right is read from the server over a separate IMAP session and
 * sorted here (Date header newest first, then the higher UID), independent of the app.
 */
import type { Locator, Page } from '@playwright/test';
import { fillMaildir } from '../mailstack/mailstack.mjs';
import {
  byListOrder,
  datesShuffledAgainstUids,
  mailboxInDescription,
  mismatch,
  scrollToRow,
  serverMessages,
  shownRows,
  type ServerMessage,
} from './support/bigFolder';
import { expect, screenshot, test, type MailStack } from './support/fixtures';
import { mailboxNode, messageList, openMailboxInbox } from './support/session';

const ALICE = 'alice@example.test';
const INFO = 'info@example.test';
/** Filling, reading back and a first sync of 100,000 messages on a loaded 2-core CI machine; the speed itself is the bench's. */
const SLOW = 6 * 60_000;
/** Rows a 720-pixel-high window shows at the least. */
const MIN_ROWS = 3;

/**
 * Fills a folder with `count` messages whose UIDs are shuffled against their dates and returns
 * the folder as the server holds it (the seeded messages too), in the list's order.
 */
async function bigFolder(stack: MailStack, owner: string, path: string, count: number, seed: number): Promise<ServerMessage[]> {
  const started = Date.now();
  await fillMaildir(stack, owner, 'INBOX', count, { seed, shuffleUids: true });
  const filled = Date.now();
  const messages = (await serverMessages(stack, 'alice', path, owner)).sort(byListOrder);
  test.info().annotations.push({ type: 'fill', description: `${owner} ${path}: ${count} written in ${filled - started} ms, read back in ${Date.now() - filled} ms` });
  // The fixture itself: big, and dated out of UID order (else the test could pass on arrival order).
  expect(messages.length).toBeGreaterThanOrEqual(count);
  expect(datesShuffledAgainstUids(messages)).toBe(true);
  return messages;
}

/** The count in a tree item's name ("Inbox, 20,123 unread"), 0 without one. */
function unreadIn(name: string | null): number {
  const match = /, ([\d.,\s\u00a0\u202f]+) unread$/.exec(name ?? '');
  return match ? Number((match[1] as string).replace(/\D/g, '')) : 0;
}

/** Waits until the list counts `total` messages, as each row says ("1 of 100,029"). */
async function waitForCount(list: Locator, total: number): Promise<void> {
  const started = Date.now();
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', String(total), { timeout: SLOW });
  test.info().annotations.push({ type: 'sync', description: `${total} messages synced and counted in ${Date.now() - started} ms` });
}

/** Waits until the viewport shows exactly `expected`'s messages at their positions; fails with what it shows instead. */
async function expectRows(list: Locator, expected: readonly ServerMessage[], options: { mustShow: number; unified?: boolean }) {
  const read = async () =>
    mismatch(await shownRows(list), expected, {
      minRows: MIN_ROWS,
      mustShow: options.mustShow,
      ...(options.unified ? { mailboxOf: mailboxInDescription } : {}),
    });
  // The received value of a failure is the list of wrong rows.
  await expect.poll(read, { timeout: 30_000, message: `rows around position ${options.mustShow}` }).toBeNull();
}

/** Top, middle (scrolled to, as dragging the scrollbar), end (the End key) and back to the top (Home). */
async function scrollThrough(page: Page, list: Locator, expected: readonly ServerMessage[], name: string, unified = false) {
  await expectRows(list, expected, { mustShow: 1, unified });
  await screenshot(page, `${name}-top`);

  const middle = Math.floor(expected.length / 2);
  await scrollToRow(list, middle, expected.length);
  await expectRows(list, expected, { mustShow: middle + 1, unified });
  await screenshot(page, `${name}-middle`);

  await list.focus();
  await page.keyboard.press('End');
  await expectRows(list, expected, { mustShow: expected.length, unified });
  await screenshot(page, `${name}-end`);

  await page.keyboard.press('Home');
  await expectRows(list, expected, { mustShow: 1, unified });
}

test('a 100,000-message Inbox scrolled to its middle and its end shows the server’s messages newest first', async ({ page, app, signIn, stack }) => {
  test.setTimeout(SLOW + 2 * 60_000);
  const inbox = await bigFolder(stack, ALICE, 'INBOX', 100_000, 1101);
  await signIn('alice');
  await page.goto(app.url);
  await openMailboxInbox(page, ALICE);
  const list = messageList(page);
  await waitForCount(list, inbox.length);
  // What a person sees when it is done: no progress for the folder, and its unread count is the server's.
  await expect(page.getByRole('progressbar', { name: /^Syncing / })).toHaveCount(0, { timeout: SLOW });
  const node = mailboxNode(page, ALICE).first().getByRole('treeitem', { name: /^Inbox/ }).first();
  const unread = inbox.filter((message) => !message.seen).length;
  await expect.poll(async () => unreadIn(await node.getAttribute('aria-label')), { timeout: 30_000 }).toBe(unread);

  await scrollThrough(page, list, inbox, 'inbox');
});

test('All inboxes of two 30,000-message Inboxes interleaves them by date', async ({ page, app, signIn, stack }) => {
  test.setTimeout(SLOW + 2 * 60_000);
  const own = await bigFolder(stack, ALICE, 'INBOX', 30_000, 1102);
  const shared = await bigFolder(stack, INFO, `shared/${INFO}/INBOX`, 30_000, 1103);
  const all = [...own, ...shared].sort(byListOrder);
  // The fixture interleaves: the mailbox changes thousands of times along the list.
  let switches = 0;
  for (let i = 1; i < all.length; i++) if ((all[i] as ServerMessage).mailbox !== (all[i - 1] as ServerMessage).mailbox) switches++;
  expect(switches).toBeGreaterThan(10_000);

  await signIn('alice');
  await page.goto(app.url);
  const allInboxes = page.getByRole('treeitem', { name: /^All inboxes/ }).first();
  await allInboxes.click();
  await expect(allInboxes).toHaveAttribute('aria-selected', 'true');
  const list = messageList(page);
  await waitForCount(list, all.length);
  const unread = all.filter((message) => !message.seen).length;
  await expect.poll(async () => unreadIn(await allInboxes.getAttribute('aria-label')), { timeout: 30_000 }).toBe(unread);

  await scrollThrough(page, list, all, 'unified', true);
});
