/**
 * Issue #10 §6 and §7 through the account settings, as a person meets them:
 * - changing an account's IMAP server asks for the password again, in words, and saves only
 *   with it (the saved password is never sent to another server);
 * - a removed account's addresses leave the From picker at once, not after a reload.
 */
import { expect, screenshot, test } from './support/fixtures';
import { atDesk } from './support/desk';
import { composer, inSettings, offeredFrom, fromPicker } from './support/compose';
import { fillAccountForm } from './support/setupScreen';

const ALICE = 'alice@example.test';
const BOB = 'bob@example.test';

test('changing the IMAP server asks for the password again before saving', async ({ browser, stack }) => {
  const alice = await atDesk(browser, stack, 'alice');
  const { page } = alice;
  try {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: `Edit ${ALICE}` }).click();
    await expect(page.getByText('Leave empty to keep the current password.')).toBeVisible();
    // The same server by another name: to Postvak another server, so the password is asked again.
    await page.getByRole('textbox', { name: 'IMAP server' }).fill('localhost');
    await expect(page.getByText('You changed the server or the user name: enter the password again.', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Enter your password.')).toBeVisible();
    await screenshot(page, 'password-asked-again');

    await page.getByLabel('Password', { exact: true }).fill(stack.users.alice.password);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText(`Saved ${ALICE}.`)).toBeVisible({ timeout: 20_000 });
    // Back in Settings: the account holds the new password (no "Password needed").
    await expect(page.getByRole('button', { name: `Edit ${ALICE}` })).toBeVisible();
    await expect(page.getByText('Password needed')).toHaveCount(0);
  } finally {
    await alice.close();
  }
});

test('a removed account leaves the From picker at once', async ({ browser, stack }) => {
  const alice = await atDesk(browser, stack, 'alice');
  const { page } = alice;
  try {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Add account' }).click();
    await fillAccountForm(page, stack, 'bob', stack.users.bob.password);
    await page.getByRole('button', { name: 'Add account' }).click();
    await expect(page.getByText(`Added ${BOB}.`)).toBeVisible({ timeout: 20_000 });

    await page.getByRole('button', { name: 'New message' }).click();
    let draft = composer(page, 'New message');
    await expect.poll(async () => (await offeredFrom(fromPicker(draft))).join('\n'), { timeout: 30_000 }).toContain(`<${BOB}>`);
    await draft.getByRole('button', { name: 'Close' }).click();
    await expect(draft).toHaveCount(0);

    await inSettings(page, async () => {
      await page.getByRole('button', { name: `Remove ${BOB}` }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Remove account' }).click();
      await expect(page.getByText(`Removed ${BOB}.`)).toBeVisible();
    });

    await page.getByRole('button', { name: 'New message' }).click();
    draft = composer(page, 'New message');
    await expect.poll(async () => (await offeredFrom(fromPicker(draft))).join('\n')).toContain(`<${ALICE}>`);
    await expect.poll(async () => (await offeredFrom(fromPicker(draft))).join('\n')).not.toContain(BOB);
    await screenshot(page, 'from-after-removal');
  } finally {
    await alice.close();
  }
});
