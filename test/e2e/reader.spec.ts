/**
 * Issue #2: reading mail as a person does — attachments saved (a download in the browser host,
 * byte for byte what was sent), a flag that reaches the server, non-ASCII subjects decoded.
 */
import { readFileSync } from 'node:fs';
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
  await messages(page).getByText(CAFE_SUBJECT, { exact: true }).click();
  await expect(page.getByRole('heading', { name: CAFE_SUBJECT })).toBeVisible();
});
