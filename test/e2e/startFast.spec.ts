/**
 * Issue #11 §4 "Start fast": main hands the window its accounts as the page loads (the browser
 * host in the WebSocket's first frame), so the first screen's mail comes without the window
 * asking `accounts.list` first; the reader and the composer are chunks of their own and still
 * open when asked for.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './support/fixtures';
import { messageList } from './support/session';

/** Every contract method the page sends over the host's WebSocket, in order. */
function contractCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { method?: unknown };
      if (typeof frame.method === 'string') calls.push(frame.method);
    }),
  );
  return calls;
}

test('the Inbox shows its mail at start without the window asking for the accounts', async ({ page, app, signIn }) => {
  await signIn('alice');
  const calls = contractCalls(page);
  await page.goto(app.url);

  const row = messageList(page).getByText('Quarterly report draft', { exact: true });
  await expect(row).toBeVisible();
  expect(calls).toContain('sync.start');
  expect(calls).not.toContain('accounts.list');
  await screenshot(page, 'start-inbox-rows');

  // The reader's chunk loads when needed: the message opens as before.
  await row.click();
  await expect(page.getByRole('button', { name: 'Save q3-numbers.txt' })).toBeVisible();
  // And so does the composer's.
  await page.getByRole('button', { name: /^New message/ }).click();
  await expect(page.getByRole('textbox', { name: 'Subject' })).toBeVisible();
});
