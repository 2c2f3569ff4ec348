/**
 * Issue #4 §6, a durable outbox that sends exactly once: with the network to the SMTP port cut
 * the message waits in the Outbox and goes out once when it returns; with the app killed right
 * after the server accepted a message (250 to DATA, RFC 5321 §4.1.1.4) and before the Sent copy
 * could be appended, a restart neither sends it again nor leaves the team without the copy.
 * A fault proxy (test/support/faultProxy.mjs) sits between the app and the real server.
 */
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy.mjs';
import { expect, screenshot, test } from '../support/fixtures';
import { atDesk } from '../support/desk';
import { composer, openMessage, outboxItem, outboxNode, sharedFolder, typeAtTop, withSubject } from '../support/compose';
import { openMailboxInbox } from '../support/session';

const INFO = 'info@example.test';
/** Seeded in info@'s INBOX from outside example.test: replies land in catchall. */
const DAAN_SUBJECT = 'Factuur 2024-0311 betaald?';
const LOTTE_SUBJECT = 'Vraag over garantie';

async function replyAndSend(page: import('@playwright/test').Page, subject: string, line: string): Promise<void> {
  await openMailboxInbox(page, INFO);
  await openMessage(page, subject);
  await page.getByRole('button', { name: 'Reply', exact: true }).click();
  const reply = composer(page, 'Reply');
  await typeAtTop(page, reply, line);
  await reply.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(reply).toHaveCount(0);
}

const delivered = async (stack: Parameters<typeof withSubject>[0], subject: string) =>
  (await withSubject(stack, 'catchall', 'INBOX', subject)).length;

test('the SMTP connection is cut while sending: the message waits in the Outbox and goes out once when the network returns', async ({
  browser,
  stack,
}) => {
  const proxy: FaultProxy = await startFaultProxy({ targetPort: stack.ports.submission });
  const alice = await atDesk(browser, stack, 'alice', { smtpPort: proxy.port });
  const { page } = alice;
  const subject = `Re: ${DAAN_SUBJECT}`;
  try {
    // The first session gets Postfix's greeting (RFC 5321 §4.2 "220"), then the line drops;
    // from then on every connection is reset, as when the Wi-Fi is gone. Refusing from inside
    // the cut leaves no window in which a quick retry could slip through.
    proxy.cutWhen(
      (chunk) => {
        const greeting = chunk.toString('latin1').startsWith('220 ');
        if (greeting) proxy.refuse(true);
        return greeting;
      },
      { once: true },
    );
    await replyAndSend(page, DAAN_SUBJECT, 'Uw betaling van de 3e is ontvangen, excuses voor de herinnering.');
    await expect.poll(() => proxy.stats().cuts, { timeout: 20_000 }).toBe(1);

    await outboxNode(page).click();
    const item = outboxItem(page, subject);
    await expect(item).toBeVisible();
    // Said in words: it is waiting for the network and will try again by itself.
    await expect(item).toContainText('No connection to the mail server. Postvak sends it as soon as the connection is back.', { timeout: 20_000 });
    await expect(item).toContainText(/Will retry/);
    await expect.poll(() => proxy.stats().refused, { timeout: 30_000 }).toBeGreaterThan(0);
    await screenshot(page, 'outbox-waiting-offline');
    expect(await delivered(stack, subject)).toBe(0);

    proxy.refuse(false);
    await expect.poll(() => delivered(stack, subject), { timeout: 45_000 }).toBe(1);
    await expect(page.getByText('Nothing is waiting to be sent.')).toBeVisible({ timeout: 20_000 });
    // Exactly once, also a while later, and the team's copy once.
    await page.waitForTimeout(3_000);
    expect(await delivered(stack, subject)).toBe(1);
    expect(await withSubject(stack, 'alice', sharedFolder(INFO, 'Sent'), subject)).toHaveLength(1);
  } finally {
    await alice.close();
    await proxy.close();
  }
});

test('the app is killed after the server accepted a message and before its Sent copy: after a restart the recipient and Sent each hold one copy', async ({
  browser,
  stack,
}) => {
  const proxy: FaultProxy = await startFaultProxy({ targetPort: stack.ports.imaps });
  const alice = await atDesk(browser, stack, 'alice', { imapPort: proxy.port });
  const { page } = alice;
  const subject = `Re: ${LOTTE_SUBJECT}`;
  try {
    await openMailboxInbox(page, INFO);
    await openMessage(page, LOTTE_SUBJECT);
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    const reply = composer(page, 'Reply');
    await typeAtTop(page, reply, 'We sturen volgende week een monteur; dit valt onder de garantie.');
    // IMAP stalls (no bytes either way), SMTP still works: the server accepts the message but
    // the Sent copy and the \Answered flag cannot be written.
    proxy.pause();
    await reply.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(reply).toHaveCount(0);
    await expect.poll(() => delivered(stack, subject), { timeout: 30_000 }).toBe(1);
    // The Outbox says the server took it (the client read the 250 and recorded it) and that the
    // copy is still to be saved: the moment this test is about, not a guessed margin.
    await outboxNode(page).click();
    await expect(outboxItem(page, subject)).toContainText('Sent; saving the copy…', { timeout: 30_000 });
    expect(await withSubject(stack, 'alice', sharedFolder(INFO, 'Sent'), subject)).toEqual([]);
    await alice.kill();

    proxy.resume();
    await alice.restart();
    await expect.poll(async () => (await withSubject(stack, 'alice', sharedFolder(INFO, 'Sent'), subject)).length, { timeout: 45_000 }).toBe(1);
    // The original gets its \Answered after the restart, too.
    await expect
      .poll(async () => (await withSubject(stack, 'alice', sharedFolder(INFO, 'INBOX'), LOTTE_SUBJECT))[0]?.flags, { timeout: 20_000 })
      .toContain('\\Answered');
    // Nothing more goes out: the Outbox empties and the recipient still has exactly one copy.
    await outboxNode(page).click();
    await expect(page.getByText('Nothing is waiting to be sent.')).toBeVisible({ timeout: 20_000 });
    await page.waitForTimeout(3_000);
    expect(await delivered(stack, subject)).toBe(1);
    expect(await withSubject(stack, 'alice', sharedFolder(INFO, 'Sent'), subject)).toHaveLength(1);
    expect(await withSubject(stack, 'alice', 'Sent', subject)).toEqual([]);
    // A sent message leaves no draft behind, in info@'s Drafts or alice's own.
    expect(await withSubject(stack, 'alice', sharedFolder(INFO, 'Drafts'), subject)).toEqual([]);
    expect(await withSubject(stack, 'alice', 'Drafts', subject)).toEqual([]);
    await screenshot(page, 'after-restart');
  } finally {
    await alice.close();
    await proxy.close();
  }
});
