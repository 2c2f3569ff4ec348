/**
 * Issue #4 §2–§4: carol may only read info@ (RFC 4314 "lr"), so the From picker does not offer
 * it. An identity forced to send as info@ by an imported configuration is refused by Postfix
 * (`553 5.7.1 … not owned by user`, RFC 3463 5.7.1 "not authorized") at RCPT TO: the message
 * stays in the Outbox with the server's words and what to do, and nothing is delivered. Retry
 * asks the server again; Edit brings it back into the composer, where carol sends it as herself.
 */
import { expect, screenshot, test } from '../support/fixtures';
import { atDesk } from '../support/desk';
import {
  chooseFrom,
  chosenLabel,
  composer,
  discard,
  fromPicker,
  inSettings,
  offeredFrom,
  openMessage,
  outboxItem,
  outboxNode,
  withSubject,
} from '../support/compose';
import { openMailboxInbox } from '../support/session';

const INFO = 'info@example.test';
const CAROL = 'carol@example.test';
/** Seeded in info@'s INBOX from Pieter van Dijk <pieter@example.nl>: lands in catchall. */
const PIETER_SUBJECT = 'Openingstijden rond de feestdagen';

test('carol is not offered info@; forced to send as info@ the server refuses, the Outbox keeps it with the reason, nothing is delivered; Retry and Edit', async ({
  browser,
  stack,
}) => {
  const carol = await atDesk(browser, stack, 'carol');
  const { page } = carol;
  try {
    await openMailboxInbox(page, INFO);
    await openMessage(page, PIETER_SUBJECT);
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    let reply = composer(page, 'Reply');
    await expect.poll(() => chosenLabel(fromPicker(reply))).toContain(`<${CAROL}>`);
    const offered = await offeredFrom(fromPicker(reply));
    expect(offered.some((label) => label.includes(CAROL))).toBe(true);
    expect(offered.filter((label) => label.includes(INFO))).toEqual([]);
    await screenshot(page, 'carol-from-without-info');
    await discard(page, reply);

    // An administrator hands carol a configuration that claims Send As for info@.
    await inSettings(page, async () => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import identities…' }).click();
      await (await chooser).setFiles({
        name: 'identities.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ identities: [{ address: INFO, sendMode: 'sendAs' }] })),
      });
      await expect.poll(() => chosenLabel(page.getByRole('combobox', { name: `Send mode for ${INFO}` }))).toBe('Send as');
    });

    await openMailboxInbox(page, INFO);
    await openMessage(page, PIETER_SUBJECT);
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    reply = composer(page, 'Reply');
    await expect.poll(() => chosenLabel(fromPicker(reply))).toContain(`<${INFO}>`);
    await reply.getByRole('textbox', { name: 'Message' }).click();
    await page.keyboard.type('Wij zijn tussen kerst en oud en nieuw gesloten.');
    await reply.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(reply).toHaveCount(0);

    // The Outbox keeps it, saying plainly why and what to do, with the server's own words.
    await outboxNode(page).click();
    const item = outboxItem(page, `Re: ${PIETER_SUBJECT}`);
    await expect(item).toContainText(`You may not send as ${INFO}. Ask an administrator for Send As, or send from your own address.`, {
      timeout: 30_000,
    });
    await expect(item).toContainText(/Server said: .*553.*not owned by user/);
    await expect(item.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(item.getByRole('button', { name: 'Edit' })).toBeVisible();
    await expect(item.getByRole('button', { name: 'Cancel sending' })).toBeVisible();
    await screenshot(page, 'outbox-refused');

    // Never silently sent from another address: nothing reaches the recipient, and the message
    // is still waiting for carol a while later.
    await page.waitForTimeout(5_000);
    expect(await withSubject(stack, 'catchall', 'INBOX', `Re: ${PIETER_SUBJECT}`)).toEqual([]);
    await expect(item).toContainText(`You may not send as ${INFO}`);

    // Retry asks the server again: it refuses again, and carol is told again.
    const refusedNotices = page.getByRole('alert').filter({ hasText: `“Re: ${PIETER_SUBJECT}” was not sent.` });
    await expect(refusedNotices).toHaveCount(1);
    await item.getByRole('button', { name: 'Retry' }).click();
    await expect(refusedNotices).toHaveCount(2, { timeout: 30_000 });
    await expect(item).toContainText(`You may not send as ${INFO}`);

    // Edit takes it out of the Outbox into the composer, text kept; sent from her own address it goes out.
    await item.getByRole('button', { name: 'Edit' }).click();
    reply = composer(page, 'Reply');
    await expect(reply.getByRole('textbox', { name: 'Message' })).toContainText('Wij zijn tussen kerst en oud en nieuw gesloten.');
    await expect.poll(() => chosenLabel(fromPicker(reply))).toContain(`<${INFO}>`);
    await chooseFrom(fromPicker(reply), CAROL);
    await reply.getByRole('button', { name: 'Send', exact: true }).click();
    const question = page.getByRole('alertdialog');
    await expect(question).toContainText(`This reply will come from ${CAROL}, not ${INFO}. Send anyway?`);
    await question.getByRole('button', { name: 'Send anyway' }).click();
    await expect(reply).toHaveCount(0);
    await expect
      .poll(async () => (await withSubject(stack, 'catchall', 'INBOX', `Re: ${PIETER_SUBJECT}`)).map((m) => m.from), { timeout: 30_000 })
      .toEqual([CAROL]);
    await expect(page.getByText('Nothing is waiting to be sent.')).toBeVisible({ timeout: 20_000 });
  } finally {
    await carol.close();
  }
});
