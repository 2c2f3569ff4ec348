/**
 * Issue #10 §8, "Done means": the core flows through the UI on Cyrus IMAP 3.6 as Debian ships it
 * (`.` separator, no alternate namespace: info@'s Inbox is the folder `user.info`). Before the
 * fix its mail was fetched but never shown, the unified Inbox left it out and carol was not
 * read-only. The Dovecot versions of these flows are shared.spec.ts, compose/replyShared.spec.ts
 * and calendar/*.spec.ts.
 */
import { deliverCyrus, type CyrusStack } from '../../mailstack/cyrus.mjs';
import { expect, subjectsIn, test } from '../support/cyrusFixtures';
import { screenshot } from '../support/fixtures';
import { mailboxNode, messageList, openMailboxInbox, signedIn } from '../support/session';
import { chosenLabel, composer, fromPicker, openFolder, openMessage, typeAtTop } from '../support/compose';
import { atDesk } from '../support/desk';

const INFO = 'info@example.test';
/** Seeded in info@'s Inbox from noor@example.nl (outside example.test: replies land in catchall). */
const NOOR_SUBJECT = 'Afspraak inplannen';
const DELIVERY = { timeout: 30_000 };
/** info@'s newest seeded message, a few hours old: near the top of All inboxes. */
const INFO_NEWEST = 'Re: Offerte aanvraag';

test('alice sees info@ with its mail in its Inbox and in All inboxes; carol sees it read-only', async ({ browser, stack }) => {
  const alice = await signedIn(browser, stack, 'alice');
  const carol = await signedIn(browser, stack, 'carol');
  try {
    await expect(mailboxNode(alice.page, INFO)).toBeVisible({ timeout: 30_000 });
    await openMailboxInbox(alice.page, INFO);
    // The first sync of a new account brings info@'s Inbox after the own folders.
    await expect(messageList(alice.page).getByText(NOOR_SUBJECT, { exact: true })).toBeVisible({ timeout: 30_000 });
    await screenshot(alice.page, 'cyrus-info-inbox');
    // All inboxes: info@'s newest message among alice's own, marked with its mailbox.
    await alice.page.getByRole('treeitem', { name: /^All inboxes/ }).first().click();
    const fromInfo = messageList(alice.page).getByRole('option').filter({ hasText: INFO_NEWEST });
    await expect(fromInfo).toBeVisible();
    await expect(fromInfo).toContainText(INFO);

    await openMailboxInbox(carol.page, INFO);
    await messageList(carol.page).getByText(NOOR_SUBJECT, { exact: true }).click({ timeout: 30_000 });
    await expect(carol.page.getByText('This mailbox is read-only for you.')).toBeVisible();
    await expect(carol.page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await screenshot(carol.page, 'cyrus-carol-read-only');
  } finally {
    await Promise.all([alice.close(), carol.close()]);
  }
});

test('new mail to info@ appears in alice’s open info@ Inbox', async ({ browser, stack }) => {
  const alice = await signedIn(browser, stack, 'alice');
  try {
    await openMailboxInbox(alice.page, INFO);
    await expect(messageList(alice.page).getByText(NOOR_SUBJECT, { exact: true })).toBeVisible({ timeout: 30_000 });
    const subject = `Levertijd bestelling ${Date.now()}`;
    await deliverCyrus(stack as unknown as CyrusStack, {
      from: 'klant@example.com',
      to: INFO,
      raw: `From: Anna Jansen <klant@example.com>\r\nTo: ${INFO}\r\nSubject: ${subject}\r\nDate: ${new Date().toUTCString()}\r\n\r\nWanneer wordt mijn bestelling geleverd?\r\n`,
    });
    await expect(messageList(alice.page).getByText(subject, { exact: true })).toBeVisible(DELIVERY);
  } finally {
    await alice.close();
  }
});

test('alice replies in info@ from info@: the customer gets it from info@, bob sees the copy in info@’s Sent', async ({ browser, stack }) => {
  const alice = await atDesk(browser, stack, 'alice');
  const bob = await atDesk(browser, stack, 'bob');
  try {
    await openMailboxInbox(alice.page, INFO);
    await openMessage(alice.page, NOOR_SUBJECT);
    await alice.page.getByRole('button', { name: 'Reply', exact: true }).click();
    const reply = composer(alice.page, 'Reply');
    await expect.poll(() => chosenLabel(fromPicker(reply))).toContain(`<${INFO}>`);
    await typeAtTop(alice.page, reply, `We komen dinsdag om tien uur meten (${Date.now()}).`);
    await reply.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(reply).toHaveCount(0);

    const answer = `Re: ${NOOR_SUBJECT}`;
    await expect.poll(async () => (await subjectsIn(stack, 'catchall', 'INBOX')).filter((m) => m.subject === answer).map((m) => m.from), DELIVERY).toEqual([INFO]);
    await expect.poll(async () => (await subjectsIn(stack, 'bob', 'user.info.Sent')).filter((m) => m.subject === answer).length, DELIVERY).toBe(1);
    await expect.poll(async () => (await subjectsIn(stack, 'bob', 'user.info')).find((m) => m.subject === NOOR_SUBJECT)?.flags, DELIVERY).toContain('\\Answered');
    await openFolder(bob.page, INFO, 'Sent');
    await expect(messageList(bob.page).getByText(answer, { exact: true })).toBeVisible({ timeout: 20_000 });
    await screenshot(bob.page, 'cyrus-bob-sees-copy');
  } finally {
    await Promise.all([alice.close(), bob.close()]);
  }
});

test('info@’s calendar (found by its name on Cyrus) shows its appointments to alice', async ({ browser, stack }) => {
  const alice = await signedIn(browser, stack, 'alice');
  try {
    await alice.page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await alice.page.getByRole('button', { name: 'Week', exact: true }).click();
    await expect(alice.page.getByRole('checkbox', { name: /^info@example\.test/ })).toBeVisible({ timeout: 30_000 });
    // Weekoverleg: weekly on Monday 09:00 Amsterdam time, seeded in this week.
    await expect(alice.page.getByRole('button', { name: /^Weekoverleg, .*info@example\.test$/ }).first()).toBeVisible({ timeout: 30_000 });
    await screenshot(alice.page, 'cyrus-calendar');
  } finally {
    await alice.close();
  }
});
