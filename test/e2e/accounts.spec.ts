/**
 * Issue #2, "Done means": a person adds alice's account through the setup screen against the real
 * mail stack, reads her Inbox, keeps a remote image blocked until "Show images", marks a message
 * unread — and a separate IMAP session sees \Seen cleared on the server.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEWSLETTER_SUBJECT } from '../fixtures/seedMessages.mjs';
import { expect, imapAs, screenshot, test } from './support/fixtures';
import { fillAccountForm } from './support/setupScreen';

test('adds an account, reads the Inbox, blocks remote images until allowed, marks unread on the server', async ({
  page,
  app,
  stack,
  tracker,
}) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Add your mail account' })).toBeVisible();
  await fillAccountForm(page, stack, 'alice', stack.users.alice.password);
  await screenshot(page, 'setup-filled');

  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('Everything works.')).toBeVisible();
  await page.getByRole('button', { name: 'Add account' }).click();

  // The Inbox lists the seeded messages.
  const inbox = page.getByRole('treeitem', { name: /^Inbox/ }).first();
  await expect(inbox).toBeVisible();
  const list = page.getByRole('grid', { name: 'Messages' }).or(page.getByRole('listbox', { name: 'Messages' }));
  await expect(list.getByText(NEWSLETTER_SUBJECT, { exact: true })).toBeVisible();
  await expect(list.getByText('Offerte voor de verbouwing', { exact: true })).toBeVisible();
  await screenshot(page, 'inbox');

  // Open the HTML newsletter: its remote image stays blocked.
  await list.getByText(NEWSLETTER_SUBJECT, { exact: true }).click();
  const frame = page.frameLocator('iframe[title]').first();
  await expect(frame.getByText('Winterbanden: 20% korting')).toBeVisible();
  const showImages = page.getByRole('button', { name: 'Show images' });
  await expect(showImages).toBeVisible();
  await page.waitForTimeout(1000);
  expect(tracker.hits, 'nothing remote is loaded before the person allows it').toEqual([]);
  await screenshot(page, 'reader-images-blocked');

  await showImages.click();
  await expect.poll(() => tracker.hits.length).toBeGreaterThan(0);
  expect(tracker.hits.every((hit) => hit.startsWith('/'))).toBe(true);
  // The image is shown from data main fetched, not loaded by the page itself.
  await expect(frame.locator('img[src^="data:image/"]').first()).toBeVisible();
  await expect(showImages).toBeHidden();
  await screenshot(page, 'reader-images-shown');

  // Opening marked it read on the server; "Mark as unread" clears \Seen there.
  const seenOnServer = () =>
    imapAs(stack, 'alice', async (client) => {
      await client.mailboxOpen('INBOX', { readOnly: true });
      for await (const msg of client.fetch({ all: true }, { envelope: true, flags: true })) {
        if (msg.envelope?.subject === NEWSLETTER_SUBJECT) return msg.flags?.has('\\Seen') ?? false;
      }
      throw new Error('newsletter not found on the server');
    });
  await expect.poll(seenOnServer, { timeout: 10_000 }).toBe(true);
  await page.getByRole('button', { name: 'Mark as unread' }).click();
  await expect(page.getByRole('button', { name: 'Mark as read' })).toBeVisible();
  await expect.poll(seenOnServer, { timeout: 10_000 }).toBe(false);
  await screenshot(page, 'reader-unread');

  // The password is not in the renderer's storage or in the profile's files in plain text.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(stack.users.alice.password);
  for (const file of ['accounts.json', 'secrets.json']) {
    const path = join(app.profile, file);
    if (existsSync(path)) expect(readFileSync(path, 'utf8')).not.toContain(stack.users.alice.password);
  }
});

test('a wrong password gets a clear error and nothing is saved', async ({ page, app, stack }) => {
  await page.goto(app.url);
  await fillAccountForm(page, stack, 'alice', 'not-the-password');
  await page.getByRole('button', { name: 'Add account' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText("Postvak couldn't connect. Nothing was saved.");
  // Both IMAP and SMTP refuse the login, and each says so.
  await expect(page.getByText(`${stack.host} rejected the user name or password. Check them and try again.`)).toHaveCount(2);
  await screenshot(page, 'setup-wrong-password');

  const list = await app.call('accounts.list', {});
  expect(list).toEqual({ ok: true, value: [] });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Add your mail account' })).toBeVisible();
});
