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
import { fillMaildir, resetMailboxes } from '../mailstack/mailstack.mjs';
import {
  byListOrder,
  datesShuffledAgainstUids,
  mailboxInDescription,
  mismatch,
  scrollToRow,
  serverMessages,
  shownRows,
  test,
  type ServerMessage,
} from './support/bigFolder';
import { expect, screenshot } from './support/fixtures';
import { mailboxNode, messageList, openMailboxInbox } from './support/session';

const ALICE = 'alice@example.test';
const INFO = 'info@example.test';
const BIG = 100_000;
const SHARED = 30_000;
/** A first sync of 130,000 summaries on a loaded 2-core CI machine; the speed itself is the bench's. */
const SYNCED = 8 * 60_000;
/** Rows a 720-pixel-high window shows at the least. */
const MIN_ROWS = 3;

let inbox: ServerMessage[] = [];
let shared: ServerMessage[] = [];

test.beforeAll(async ({ stack, trackerServer }) => {
  test.setTimeout(10 * 60_000);
  await resetMailboxes(stack, { trackingPort: trackerServer.tracker.port });
  const started = Date.now();
  await fillMaildir(stack, 'alice', 'INBOX', BIG, { seed: 1101, shuffleUids: true });
  await fillMaildir(stack, INFO, 'INBOX', SHARED, { seed: 1102, shuffleUids: true });
  const filled = Date.now();
  inbox = (await serverMessages(stack, 'alice', 'INBOX', ALICE)).sort(byListOrder);
  shared = (await serverMessages(stack, 'alice', `shared/${INFO}/INBOX`, INFO)).sort(byListOrder);
  console.log(`bigFolder: filled ${BIG + SHARED} messages in ${filled - started} ms, read them back in ${Date.now() - filled} ms`);
  // The fixture itself: big, and dated out of UID order (else the test could pass on arrival order).
  expect(inbox.length).toBeGreaterThanOrEqual(BIG);
  expect(shared.length).toBeGreaterThanOrEqual(SHARED);
  expect(datesShuffledAgainstUids(inbox)).toBe(true);
  expect(datesShuffledAgainstUids(shared)).toBe(true);
});

/** The count in a tree item's name ("Inbox, 20,123 unread"), 0 without one. */
function unreadIn(name: string | null): number {
  const match = /, ([\d.,\s\u00a0\u202f]+) unread$/.exec(name ?? '');
  return match ? Number((match[1] as string).replace(/\D/g, '')) : 0;
}

/** Waits until the list counts `total` messages and the open folder's sync progress is gone. */
async function waitForSync(page: Page, list: Locator, total: number): Promise<void> {
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', String(total), { timeout: SYNCED });
  await expect(page.getByRole('progressbar', { name: /^Syncing / })).toHaveCount(0, { timeout: SYNCED });
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

test('a 100,000-message Inbox scrolled to its middle and its end shows the server’s messages newest first', async ({ page, app, signIn }) => {
  test.setTimeout(SYNCED + 3 * 60_000);
  await signIn('alice');
  await page.goto(app.url);
  await openMailboxInbox(page, ALICE);
  const list = messageList(page);
  const started = Date.now();
  await waitForSync(page, list, inbox.length);
  console.log(`bigFolder: ${inbox.length} messages synced and counted in ${Date.now() - started} ms`);

  // The count a person sees next to the folder is the server's.
  const node = mailboxNode(page, ALICE).first().getByRole('treeitem', { name: /^Inbox/ }).first();
  const unread = inbox.filter((message) => !message.seen).length;
  await expect.poll(async () => unreadIn(await node.getAttribute('aria-label')), { timeout: 30_000 }).toBe(unread);

  await expectRows(list, inbox, { mustShow: 1 });
  await screenshot(page, 'big-top');

  const middle = Math.floor(inbox.length / 2);
  await scrollToRow(list, middle, inbox.length);
  await expectRows(list, inbox, { mustShow: middle + 1 });
  await screenshot(page, 'big-middle');

  // End, from the keyboard: the oldest message.
  await list.focus();
  await page.keyboard.press('End');
  await expectRows(list, inbox, { mustShow: inbox.length });
  await screenshot(page, 'big-end');

  // And back to the top: the newest message again.
  await page.keyboard.press('Home');
  await expectRows(list, inbox, { mustShow: 1 });
});

test('All inboxes of a 100,000- and a 30,000-message Inbox interleaves both by date', async ({ page, app, signIn }) => {
  test.setTimeout(SYNCED + 3 * 60_000);
  const all = [...inbox, ...shared].sort(byListOrder);
  // The fixture interleaves: the mailbox changes thousands of times along the list.
  let switches = 0;
  for (let i = 1; i < all.length; i++) if ((all[i] as ServerMessage).mailbox !== (all[i - 1] as ServerMessage).mailbox) switches++;
  expect(switches).toBeGreaterThan(SHARED / 2);

  await signIn('alice');
  await page.goto(app.url);
  const allInboxes = page.getByRole('treeitem', { name: /^All inboxes/ }).first();
  await allInboxes.click();
  await expect(allInboxes).toHaveAttribute('aria-selected', 'true');
  const list = messageList(page);
  const started = Date.now();
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', String(all.length), { timeout: SYNCED });
  console.log(`bigFolder: ${all.length} messages in All inboxes synced and counted in ${Date.now() - started} ms`);

  const unread = all.filter((message) => !message.seen).length;
  await expect.poll(async () => unreadIn(await allInboxes.getAttribute('aria-label')), { timeout: 30_000 }).toBe(unread);

  await expectRows(list, all, { mustShow: 1, unified: true });
  await screenshot(page, 'unified-top');

  const middle = Math.floor(all.length / 2);
  await scrollToRow(list, middle, all.length);
  await expectRows(list, all, { mustShow: middle + 1, unified: true });
  await screenshot(page, 'unified-middle');

  await list.focus();
  await page.keyboard.press('End');
  await expectRows(list, all, { mustShow: all.length, unified: true });
  await screenshot(page, 'unified-end');
});
