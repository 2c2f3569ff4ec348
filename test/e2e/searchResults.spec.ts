/**
 * Issue #13 §1, §4 — the search's results as a list, through the UI against the real stack:
 * each hit is marked with its mailbox and folder, opens in its own mailbox (the reader says
 * where it lives; a reply is From info@), "Show in folder" goes there, and a message deleted
 * from the results leaves them and info@'s Inbox on the server.
 */
import type { Page } from '@playwright/test';
import { chosenLabel, composer, discard, fromPicker } from './support/compose';
import { atDesk } from './support/desk';
import { expect, screenshot, test } from './support/fixtures';
import { appendMessages, knownMessages, subjectsIn } from './support/mailboxFolders';
import { resultRow, searchBox, typeSearch } from './support/searchMail';
import { mailboxNode } from './support/session';

const INFO = 'info@example.test';
const INBOX = `shared/${INFO}/INBOX`;
const TRASH = `shared/${INFO}/Trash`;
/** The first sync and the index behind it: generous, the test waits on what shows. */
const FOUND = { timeout: 45_000 };

const reader = (page: Page) => page.getByRole('main', { name: 'Message' });
const toolbarButton = (page: Page, name: string) => page.getByRole('toolbar', { name: /./ }).first().getByRole('button', { name, exact: true });

test('a hit in info@ is marked with its mailbox and folder, opens there (a reply is From info@), and Show in folder goes to info@’s Inbox', async ({ browser, stack }) => {
  test.setTimeout(180_000);
  const [hit] = knownMessages(1, 'Dakkapel offerte');
  const [other] = knownMessages(1, 'Lunch vrijdag');
  await appendMessages(stack, 'bob', INBOX, INFO, [hit!, other!]);
  const alice = await atDesk(browser, stack, 'alice');
  try {
    const page = alice.page;
    await expect(mailboxNode(page, INFO)).toBeVisible(FOUND);
    await typeSearch(page, 'dakkapel');
    const row = resultRow(page, hit!.subject);
    await expect(row).toContainText(`${INFO} · Inbox`, FOUND);
    await expect(resultRow(page, other!.subject)).toHaveCount(0);
    await row.click();
    await expect(reader(page).getByRole('heading', { name: hit!.subject })).toBeVisible();
    await expect(reader(page)).toContainText(`${INFO} · Inbox`);
    await screenshot(page, 'hit-open-in-info');

    await toolbarButton(page, 'Reply').click();
    const reply = composer(page, 'Reply');
    await expect(reply).toBeVisible();
    await expect.poll(() => chosenLabel(fromPicker(reply))).toContain(`<${INFO}>`);
    await discard(page, reply);

    await reader(page).getByRole('button', { name: 'Show in folder' }).click();
    await expect(searchBox(page)).toHaveValue('');
    // info@'s Inbox: the message that did not match is listed again, the hit still open.
    await expect(resultRow(page, other!.subject)).toBeVisible(FOUND);
    await expect(reader(page).getByRole('heading', { name: hit!.subject })).toBeVisible();
  } finally {
    await alice.close();
  }
});

test('a message deleted from the results leaves them and info@’s Inbox on the server; the other hit stays', async ({ browser, stack }) => {
  test.setTimeout(180_000);
  const [gone, kept] = knownMessages(2, 'Kozijnen bestelling');
  await appendMessages(stack, 'bob', INBOX, INFO, [gone!, kept!]);
  const alice = await atDesk(browser, stack, 'alice');
  try {
    const page = alice.page;
    await expect(mailboxNode(page, INFO)).toBeVisible(FOUND);
    await typeSearch(page, 'kozijnen');
    await expect(resultRow(page, kept!.subject)).toBeVisible(FOUND);
    await resultRow(page, gone!.subject).click();
    await expect(reader(page).getByRole('heading', { name: gone!.subject })).toBeVisible();
    await toolbarButton(page, 'Delete').click();
    await expect(resultRow(page, gone!.subject)).toHaveCount(0);
    await expect(resultRow(page, kept!.subject)).toBeVisible();
    // Still the results: the box keeps the search.
    await expect(searchBox(page)).toHaveValue('kozijnen');
    await expect.poll(() => subjectsIn(stack, 'bob', INBOX), { timeout: 20_000 }).not.toContain(gone!.subject);
    expect(await subjectsIn(stack, 'bob', TRASH)).toContain(gone!.subject);
    expect(await subjectsIn(stack, 'bob', INBOX)).toContain(kept!.subject);
    await screenshot(page, 'deleted-from-results');
  } finally {
    await alice.close();
  }
});
