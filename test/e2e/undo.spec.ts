/**
 * Issue #12 §1 through the UI: a flag change and a read change undone with Ctrl+Z and with the
 * notice's Undo button put the server back as it was (checked with a separate IMAP session),
 * and a task the server refuses (rights taken away by an admin meanwhile) puts the row back
 * and says why in words.
 */
import type { Page } from '@playwright/test';
import { expect, imapAs, screenshot, test, type MailStack } from './support/fixtures';
import { doveadm } from '../mailstack/mailstack.mjs';
import { messageList, openMailboxInbox, signedIn } from './support/session';

const INVOICE = 'Vakantieplanning zomer';
const INFO = 'info@example.test';

/** The message's flags on the server, as another client sees them. */
function serverFlags(stack: MailStack, path: string, subject: string): Promise<string[] | null> {
  return imapAs(stack, 'alice', async (client) => {
    await client.mailboxOpen(path, { readOnly: true });
    for await (const msg of client.fetch({ all: true }, { envelope: true, flags: true })) {
      if (msg.envelope?.subject === subject) return [...(msg.flags ?? [])].sort();
    }
    return null;
  });
}

const notices = (page: Page) => page.getByRole('region', { name: 'Notifications' });

test('Ctrl+Z and the Undo button put a flag and a read state back on the server', async ({ page, app, stack, signIn }) => {
  await signIn('alice');
  await page.goto(app.url);
  await messageList(page).getByText(INVOICE, { exact: true }).click();
  await expect(page.getByRole('heading', { name: INVOICE })).toBeVisible();
  expect(await serverFlags(stack, 'INBOX', INVOICE)).toEqual(['\\Seen']);

  // Flag, then Ctrl+Z anywhere outside a text field.
  await page.getByRole('button', { name: 'Flag', exact: true }).click();
  await expect(notices(page).getByRole('status').filter({ hasText: 'Flagged 1 message' })).toBeVisible();
  await expect(notices(page).getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect.poll(() => serverFlags(stack, 'INBOX', INVOICE)).toEqual(['\\Flagged', '\\Seen']);
  await screenshot(page, 'undo-flagged-notice');
  await page.keyboard.press('Control+z');
  await expect(notices(page).getByText('Undone')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Flag', exact: true })).toBeVisible();
  await expect.poll(() => serverFlags(stack, 'INBOX', INVOICE)).toEqual(['\\Seen']);

  // Mark as unread, then the notice's Undo button — reached and pressed with the keyboard.
  await page.getByRole('button', { name: 'Mark as unread' }).click();
  await expect(notices(page).getByText('Marked 1 message as unread')).toBeVisible();
  await expect.poll(() => serverFlags(stack, 'INBOX', INVOICE)).toEqual([]);
  const undo = notices(page).getByRole('button', { name: 'Undo' });
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(notices(page).getByText('Undone').last()).toBeVisible();
  await expect.poll(() => serverFlags(stack, 'INBOX', INVOICE)).toEqual(['\\Seen']);
  await expect(page.getByRole('button', { name: 'Mark as unread' })).toBeVisible();
});

test('a delete the server refuses — her rights taken away meanwhile — puts the row back and says why', async ({ browser, stack }) => {
  const alice = await signedIn(browser, stack, 'alice');
  try {
    const { page } = alice;
    await openMailboxInbox(page, INFO);
    const first = messageList(page).getByRole('option').first();
    const subject = (await first.locator('.message-row__subject').textContent())?.trim() ?? '';
    expect(subject).not.toBe('');

    // Another admin leaves alice only lookup, read and seen in info@'s Inbox (RFC 4314 §2.1). Her
    // client still offers Delete from the rights it last saw; main asks the server again and
    // must refuse. Dovecot keeps an ACL a connection has read for up to 30 s, so her
    // connections are ended too (as a server restart would): the reconnected ones read it anew.
    await doveadm(stack, 'acl', 'set', '-u', INFO, 'INBOX', `user=${stack.users.alice.email}`, 'lookup', 'read', 'write-seen');
    await doveadm(stack, 'kick', stack.users.alice.email);
    await first.click();
    await expect(page.getByRole('heading', { name: subject })).toBeVisible();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();

    const alert = notices(page).getByRole('alert');
    await expect(alert).toContainText('Could not delete 1 message');
    await expect(alert).toContainText(/permission/i);
    await expect(messageList(page).getByText(subject, { exact: true })).toBeVisible();
    await screenshot(page, 'undo-refused-delete');
    // Nothing happened on the server: the message is still in info@'s Inbox.
    expect(await serverFlags(stack, `shared/${INFO}/INBOX`, subject)).not.toBeNull();
  } finally {
    await alice.close();
  }
});
