/**
 * Issue #4 §2 and §7: send on behalf. Bob chooses it for sales@ in Settings; the recipient gets
 * From: sales@ with Sender: bob@ (RFC 5322 §3.6.2), the envelope sender is bob (Postfix lets
 * bob use both), and a reader shows "bob on behalf of sales" — here the recipient's own client.
 */
import { expect, screenshot, test } from '../support/fixtures';
import { atDesk } from '../support/desk';
import { composer, fromPicker, inSettings, openMessage, sharedFolder, chosenLabel, typeAtTop, withSubject } from '../support/compose';
import { openMailboxInbox } from '../support/session';

const SALES = 'sales@example.test';
const BOB = 'bob@example.test';
/** Seeded in sales@'s INBOX from Tom Fletcher <tom.fletcher@example.com>: lands in catchall. */
const TOM_SUBJECT = 'Volume discount question';

test('bob replies from sales@ on behalf: From sales@, Sender bob@, and the recipient reads "bob on behalf of sales"', async ({ browser, stack }) => {
  const bob = await atDesk(browser, stack, 'bob');
  const recipient = await atDesk(browser, stack, 'catchall');
  try {
    await inSettings(bob.page, async () => {
      const mode = bob.page.getByRole('combobox', { name: `Send mode for ${SALES}` });
      await mode.selectOption({ label: 'Send on behalf' });
      await expect.poll(() => chosenLabel(mode)).toBe('Send on behalf');
      await screenshot(bob.page, 'identities-sales-on-behalf');
    });

    await openMailboxInbox(bob.page, SALES);
    await openMessage(bob.page, TOM_SUBJECT);
    await bob.page.getByRole('button', { name: 'Reply', exact: true }).click();
    const reply = composer(bob.page, 'Reply');
    await expect.poll(() => chosenLabel(fromPicker(reply))).toContain(`<${SALES}>`);
    await typeAtTop(bob.page, reply, 'Vanaf 50 stuks geven we 8% korting.');
    await reply.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(reply).toHaveCount(0);

    const subject = `Re: ${TOM_SUBJECT}`;
    await expect.poll(async () => (await withSubject(stack, 'catchall', 'INBOX', subject)).length, { timeout: 30_000 }).toBe(1);
    const [received] = await withSubject(stack, 'catchall', 'INBOX', subject);
    expect(received!.from).toBe(SALES);
    expect(received!.sender).toBe(BOB);
    // The team's copy carries the same headers, in sales@'s Sent.
    await expect.poll(async () => (await withSubject(stack, 'bob', sharedFolder(SALES, 'Sent'), subject)).map((m) => [m.from, m.sender]), { timeout: 20_000 }).toEqual([[SALES, BOB]]);

    // The recipient opens it: the reader names both the person and the mailbox.
    await openMailboxInbox(recipient.page, 'catchall@example.test');
    await openMessage(recipient.page, subject);
    await expect(recipient.page.getByText(/bob.*on behalf of.*sales/i).first()).toBeVisible();
    await screenshot(recipient.page, 'recipient-reads-on-behalf');
  } finally {
    await Promise.all([bob.close(), recipient.close()]);
  }
});
