/**
 * Issue #4 §6: a sent message waits in the Outbox for the "Undo send" window. "Undo" in the
 * notice takes it back into the composer as it was; "Cancel sending" in the Outbox drops it and
 * its draft. Either way nothing reaches the recipient and nothing is left in Sent or Drafts.
 */
import { expect, screenshot, test } from '../support/fixtures';
import { atDesk } from '../support/desk';
import { chosenLabel, composer, fromPicker, inSettings, outboxItem, outboxNode, withSubject } from '../support/compose';
import { openMailboxInbox } from '../support/session';

const ALICE = 'alice@example.test';
/** Long enough that a slow machine still reaches Undo and Cancel inside it. */
const WINDOW_SECONDS = 20;

test('Undo send brings the message back into the composer; Cancel sending in the Outbox keeps it from going out', async ({ browser, stack }) => {
  const alice = await atDesk(browser, stack, 'alice');
  const { page } = alice;
  const subject = `Offerte dakkapel ${Date.now()}`;
  const text = 'Hierbij de offerte voor de dakkapel aan de achterzijde.';
  try {
    await inSettings(page, async () => {
      const wait = page.getByRole('combobox', { name: 'Wait before sending' });
      await wait.selectOption({ label: `${WINDOW_SECONDS} seconds` });
      await expect.poll(() => chosenLabel(wait)).toBe(`${WINDOW_SECONDS} seconds`);
    });

    await openMailboxInbox(page, ALICE);
    await page.getByRole('button', { name: 'New message' }).click();
    let draft = composer(page, 'New message');
    await expect.poll(() => chosenLabel(fromPicker(draft))).toContain(`<${ALICE}>`);
    await draft.getByRole('textbox', { name: 'To' }).fill('joost.willems@example.nl');
    await draft.getByRole('textbox', { name: 'Subject' }).fill(subject);
    await draft.getByRole('textbox', { name: 'Message' }).click();
    await page.keyboard.type(text);
    await draft.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(draft).toHaveCount(0);

    // "Undo" in the notice: the composer comes back with what she wrote.
    const notice = page.getByRole('status').filter({ hasText: `Sending in ${WINDOW_SECONDS} s…` });
    await screenshot(page, 'undo-notice');
    await notice.getByRole('button', { name: 'Undo' }).click();
    draft = composer(page, 'New message');
    await expect(draft.getByRole('textbox', { name: 'Subject' })).toHaveValue(subject);
    await expect(draft.getByRole('textbox', { name: 'Message' })).toContainText(text);
    await expect(draft.getByRole('textbox', { name: 'To' })).toHaveValue(/joost\.willems@example\.nl/);

    // Sent again, then cancelled in the Outbox while it waits.
    await draft.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(draft).toHaveCount(0);
    const sentAt = Date.now();
    await outboxNode(page).click();
    const item = outboxItem(page, subject);
    await expect(item).toContainText('Waiting to send');
    await item.getByRole('button', { name: 'Cancel sending' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Don’t send' }).click();
    await expect(page.getByText('Nothing is waiting to be sent.')).toBeVisible();
    await screenshot(page, 'outbox-after-cancel');

    // Past the moment it would have gone: nothing delivered, no Sent copy, no draft left behind.
    await page.waitForTimeout(Math.max(0, sentAt + (WINDOW_SECONDS + 5) * 1000 - Date.now()));
    expect(await withSubject(stack, 'catchall', 'INBOX', subject)).toEqual([]);
    expect(await withSubject(stack, 'alice', 'Sent', subject)).toEqual([]);
    expect(await withSubject(stack, 'alice', 'Drafts', subject)).toEqual([]);
    await expect(page.getByText('Nothing is waiting to be sent.')).toBeVisible();
  } finally {
    await alice.close();
  }
});
