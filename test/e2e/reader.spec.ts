/**
 * Issue #2: reading mail as a person does — attachments saved (a download in the browser host,
 * byte for byte what was sent), a flag that reaches the server, non-ASCII subjects decoded.
 */
import { readFileSync } from 'node:fs';
import * as heavy from '../fixtures/heavyMessages.mjs';
import { CAFE_SUBJECT } from '../fixtures/seedMessages.mjs';
import { expect, imapAs, screenshot, test } from './support/fixtures';

const messages = (page: import('@playwright/test').Page) =>
  page.getByRole('grid', { name: 'Messages' }).or(page.getByRole('listbox', { name: 'Messages' }));

test('saves an attachment byte for byte and flags the message on the server', async ({ page, app, stack, signIn }) => {
  await signIn('alice');
  await page.goto(app.url);
  await messages(page).getByText('Quarterly report draft', { exact: true }).click();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save q3-numbers.txt' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('q3-numbers.txt');
  expect(readFileSync(await file.path(), 'utf8')).toBe('month,revenue,costs\njul,10400,8200\naug,11950,8700\nsep,12875,9010\n');

  await page.getByRole('button', { name: 'Flag', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Unflag' })).toBeVisible();
  await expect
    .poll(() =>
      imapAs(stack, 'alice', async (client) => {
        await client.mailboxOpen('INBOX', { readOnly: true });
        for await (const msg of client.fetch({ all: true }, { envelope: true, flags: true })) {
          if (msg.envelope?.subject === 'Quarterly report draft') return msg.flags?.has('\\Flagged') ?? false;
        }
        return null;
      }),
    )
    .toBe(true);
  await screenshot(page, 'reader-attachments-flagged');
});

test('decodes non-ASCII subjects (RFC 2047) in the list and the reader', async ({ page, app, signIn }) => {
  await signIn('alice');
  await page.goto(app.url);
  // The message is 20 days old, the 17th row: the virtualised list draws it only when it is near
  // the screen, so scroll the list down to it as a person would.
  const row = messages(page).getByText(CAFE_SUBJECT, { exact: true });
  await expect(messages(page).getByRole('option').first()).toBeVisible();
  await expect
    .poll(async () => {
      if ((await row.count()) > 0) return true;
      await messages(page).hover();
      await page.mouse.wheel(0, 400);
      return false;
    })
    .toBe(true);
  await row.click();
  await expect(page.getByRole('heading', { name: CAFE_SUBJECT })).toBeVisible();
});

/** Issue #10 §1–2: what a message shows is what it contains. Each message is delivered before sign-in. */
async function deliver(stack: Parameters<typeof imapAs>[0], raw: Buffer): Promise<void> {
  await imapAs(stack, 'alice', async (client) => {
    await client.append('INBOX', raw);
  });
}

test('shows both the plain part and the later HTML part of a mixed message', async ({ page, app, stack, signIn }) => {
  await deliver(stack, heavy.mixedTextHtmlMessage());
  await signIn('alice');
  await page.goto(app.url);
  await messages(page).getByText(heavy.MIXED_SUBJECT, { exact: true }).click();
  const reader = page.getByRole('article');
  await expect(reader.getByText(heavy.MIXED_PLAIN)).toBeVisible();
  await expect(reader.frameLocator('iframe[title]').first().getByText(heavy.MIXED_HTML)).toBeVisible();
  await screenshot(page, 'reader-mixed-text-html');
});

test('shows an attached message as a message, sanitised, and lists it as an attachment', async ({ page, app, stack, signIn }) => {
  await deliver(stack, heavy.attachedMessage());
  await signIn('alice');
  await page.goto(app.url);
  await messages(page).getByText(heavy.FORWARD_SUBJECT, { exact: true }).click();
  const attached = page.getByRole('region', { name: `Attached message: ${heavy.INNER_SUBJECT}` });
  await expect(attached).toContainText('dave@partner.example');
  const frame = attached.frameLocator('iframe[title]').first();
  await expect(frame.getByText(heavy.INNER_TEXT)).toBeVisible();
  // The same rules as any HTML mail (components/sanitize): no script, no handler.
  for (const selector of ['script', '[onclick]']) await expect(frame.locator(selector)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save origineel.eml' })).toBeVisible();
  await screenshot(page, 'reader-attached-message');
});

test('lists the attachments of a 1,000-part message and saves one', async ({ page, app, stack, signIn }) => {
  await deliver(stack, heavy.manyPartsMessage());
  await signIn('alice');
  await page.goto(app.url);
  await messages(page).getByText(heavy.MANY_PARTS_SUBJECT, { exact: true }).click();
  await expect(page.getByRole('heading', { name: '999 attachments' })).toBeVisible();
  await expect(page.getByRole('article').getByText('Het archief in losse bestanden.')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save deel-42.csv' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('deel-42.csv');
  expect(readFileSync(await file.path(), 'utf8')).toBe('nummer;42');
});
