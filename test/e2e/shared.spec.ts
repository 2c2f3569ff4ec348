/**
 * Issue #3, "Done means": shared mailboxes appear by themselves, per person's rights, and stay
 * current for every member — against the real Dovecot, where ACLs decide who sees what.
 */
import { chownSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { doveadm } from '../mailstack/mailstack.mjs';
import { expect, imapAs, screenshot, test } from './support/fixtures';
import { mailboxNode, messageList, openMailboxInbox, signedIn } from './support/session';

const INFO = 'info@example.test';
const SALES = 'sales@example.test';

test('alice sees info@ but not sales@, bob sees both, carol sees info@ read-only without delete', async ({ browser, stack }) => {
  const alice = await signedIn(browser, stack, 'alice');
  const bob = await signedIn(browser, stack, 'bob');
  const carol = await signedIn(browser, stack, 'carol');
  try {
    await expect(mailboxNode(alice.page, INFO)).toBeVisible();
    await expect(mailboxNode(alice.page, 'alice@example.test')).toBeVisible();
    await expect(alice.page.getByRole('treeitem', { name: 'All inboxes', exact: false }).first()).toBeVisible();
    await expect(mailboxNode(alice.page, SALES)).toHaveCount(0);
    await screenshot(alice.page, 'alice-tree');

    await expect(mailboxNode(bob.page, INFO)).toBeVisible();
    await expect(mailboxNode(bob.page, SALES)).toBeVisible();

    await expect(mailboxNode(carol.page, INFO)).toBeVisible();
    await expect(mailboxNode(carol.page, SALES)).toHaveCount(0);
    await openMailboxInbox(carol.page, INFO);
    await messageList(carol.page).getByRole('option').first().click();
    await expect(carol.page.getByText('This mailbox is read-only for you.')).toBeVisible();
    await expect(carol.page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await screenshot(carol.page, 'carol-read-only');

    // Alice may delete in info@: the message goes to info@'s own Trash, where bob finds it.
    await openMailboxInbox(alice.page, INFO);
    const first = messageList(alice.page).getByRole('option').first();
    const subject = (await first.locator('.message-row__subject').textContent())?.trim() ?? '';
    await first.click();
    await alice.page.getByRole('button', { name: 'Delete' }).click();
    await expect(messageList(alice.page).getByText(subject, { exact: true })).toHaveCount(0);
    await expect
      .poll(() =>
        imapAs(stack, 'bob', async (client) => {
          await client.mailboxOpen(`shared/${INFO}/Trash`, { readOnly: true });
          const subjects: string[] = [];
          for await (const msg of client.fetch({ all: true }, { envelope: true })) subjects.push(msg.envelope?.subject ?? '');
          return subjects.includes(subject);
        }),
      )
      .toBe(true);
  } finally {
    await Promise.all([alice.close(), bob.close(), carol.close()]);
  }
});

test('a grant made while carol is signed in makes sales@ appear; revoking it makes it go', async ({ browser, stack }) => {
  test.setTimeout(180_000);
  const carol = await signedIn(browser, stack, 'carol');
  try {
    await expect(mailboxNode(carol.page, INFO)).toBeVisible();
    await expect(mailboxNode(carol.page, SALES)).toHaveCount(0);

    await doveadm(stack, 'acl', 'set', '-u', SALES, 'INBOX', `user=${stack.users.carol.email}`, 'lookup', 'read');
    await doveadm(stack, 'acl', 'recalc', '-u', SALES);
    // Re-discovery runs every 30 s by default; the issue asks for "within a minute".
    await expect(mailboxNode(carol.page, SALES)).toBeVisible({ timeout: 60_000 });
    await screenshot(carol.page, 'carol-granted-sales');

    await doveadm(stack, 'acl', 'delete', '-u', SALES, 'INBOX', `user=${stack.users.carol.email}`);
    await doveadm(stack, 'acl', 'recalc', '-u', SALES);
    await expect(mailboxNode(carol.page, SALES)).toHaveCount(0, { timeout: 60_000 });
  } finally {
    await carol.close();
  }
});

test('mail to info@ reaches alice and bob; alice’s flag shows for bob, her reading does not', async ({ browser, stack }) => {
  const alice = await signedIn(browser, stack, 'alice');
  const bob = await signedIn(browser, stack, 'bob');
  try {
    await openMailboxInbox(alice.page, INFO);
    await openMailboxInbox(bob.page, INFO);
    const subject = `Levertijd bestelling ${Date.now()}`;
    const { deliver } = await import('../mailstack/mailstack.mjs');
    await deliver(stack, {
      from: 'klant@example.com',
      to: INFO,
      raw: `From: Anna Jansen <klant@example.com>\r\nTo: ${INFO}\r\nSubject: ${subject}\r\nDate: ${new Date().toUTCString()}\r\n\r\nWanneer wordt mijn bestelling geleverd?\r\n`,
    });
    // The issue asks for 2 s; 5 s here keeps a loaded CI machine from flaking. The latency
    // itself is measured by `npm run bench`, not asserted here.
    await expect(messageList(alice.page).getByText(subject, { exact: true })).toBeVisible({ timeout: 5_000 });
    await expect(messageList(bob.page).getByText(subject, { exact: true })).toBeVisible({ timeout: 5_000 });

    // Alice opens it (read for her) and flags it.
    await messageList(alice.page).getByText(subject, { exact: true }).click();
    await alice.page.getByRole('button', { name: 'Flag', exact: true }).click();
    await expect(alice.page.getByRole('button', { name: 'Unflag' })).toBeVisible();

    // Bob sees the flag (shared) but the message is still unread for him (\Seen is per person).
    const bobRow = messageList(bob.page).getByRole('option', { name: new RegExp(subject) });
    await expect(bobRow).toHaveAccessibleDescription(/Flagged/, { timeout: 20_000 });
    const seenFor = (user: 'alice' | 'bob') =>
      imapAs(stack, user, async (client) => {
        await client.mailboxOpen(`shared/${INFO}/INBOX`, { readOnly: true });
        for await (const msg of client.fetch({ all: true }, { envelope: true, flags: true })) {
          if (msg.envelope?.subject === subject) return msg.flags?.has('\\Seen') ?? false;
        }
        return null;
      });
    await expect.poll(() => seenFor('alice')).toBe(true);
    expect(await seenFor('bob')).toBe(false);
    await screenshot(bob.page, 'bob-sees-flag-unread');
  } finally {
    await Promise.all([alice.close(), bob.close()]);
  }
});

test("own quota is shown with a warning past 90 %; info@'s, which Dovecot shows only to its owner, is 'not shown by your server'", async ({ browser, stack }) => {
  // Dovecot reads usage from Maildir++'s maildirsize: alice's 1 GiB at 95 % without writing 1 GB.
  const home = (await doveadm(stack, 'user', '-f', 'home', 'alice@example.test')).trim();
  const quotaFile = join(home, 'Maildir', 'maildirsize');
  const before = readFileSync(quotaFile, 'utf8');
  const { uid, gid } = statSync(quotaFile);
  writeFileSync(quotaFile, `${1024 ** 3}S\n${Math.floor(0.95 * 1024 ** 3)} 1\n`);
  chownSync(quotaFile, uid, gid);
  const alice = await signedIn(browser, stack, 'alice');
  try {
    // Issue #10 §9: no admin rights, so GETQUOTAROOT on info@'s Inbox is refused.
    await expect(mailboxNode(alice.page, INFO)).toHaveAccessibleDescription(/storage use not shown by your server/);
    await expect(mailboxNode(alice.page, 'alice@example.test')).toHaveAccessibleDescription(/of 1 GB used/);
    await expect(alice.page.getByText(/alice@example\.test is 9\d% full\. When it is full, sending from it stops first/)).toBeVisible();
    await screenshot(alice.page, 'quota-warning');
    // Settings → Mailboxes says the same.
    await alice.page.getByRole('button', { name: 'Settings' }).click();
    const mailboxes = alice.page.getByRole('region', { name: 'Mailboxes' });
    await expect(mailboxes.getByRole('listitem').filter({ hasText: INFO })).toContainText('Storage use not shown by your server');
    await expect(mailboxes.getByRole('listitem').filter({ hasText: 'alice@example.test' }).first()).toContainText(/of 1 GB used/);
    await screenshot(alice.page, 'settings-quota-not-shown');
  } finally {
    await alice.close();
    writeFileSync(quotaFile, before);
    chownSync(quotaFile, uid, gid);
  }
});
