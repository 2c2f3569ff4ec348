/**
 * Issue #13 §5 "Done means": a saved search shows in the tree with its count, and stays
 * current. Alice searches `mailbox:info@ -is:answered`, saves it as "Unanswered in info@", sees
 * it in the folder tree with its number of unread matches; a customer's new mail to info@
 * (delivered through Postfix) raises it; opening it lists info@'s unanswered mail and not the
 * answered one nor her own; it survives a reload; Rename (from the keyboard: Shift+F10) and
 * Delete (right click, asked once) work.
 */
import type { Page } from '@playwright/test';
import { expect, imapAs, screenshot, test, type MailStack } from './support/fixtures';
import { deliverAll, resultRow, searchBox, typeSearch } from './support/searchMail';
import { mailboxNode, messageList, signedIn } from './support/session';

const INFO = 'info@example.test';
const QUERY = 'mailbox:info@ -is:answered';
/** The first sync and the index behind it: generous, the test waits on what shows. */
const SHOWN = { timeout: 45_000 };

/** A saved search's tree item by its name; its accessible name goes on with its number. */
const savedItem = (page: Page, name: string) => page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: new RegExp(`^${name}(, |$)`) });

/** The unread number a saved search's tree item says ("…, 3 unread"), or null when it says none. */
async function unreadOf(page: Page, name: string): Promise<number | null> {
  const label = (await savedItem(page, name).getAttribute('aria-label')) ?? '';
  const match = /, (\d+) unread$/.exec(label);
  return match ? Number(match[1]) : null;
}

/**
 * What `mailbox:info@ -is:answered` finds unread, asked of the server as alice: every folder of
 * info@ but its calendar (Kolab events are no mail: the search leaves them out), SEARCH UNSEEN
 * UNANSWERED (RFC 9051 §6.4.4). \Seen is alice's own in the shared mailbox.
 */
async function unansweredUnreadInInfo(stack: MailStack): Promise<number> {
  return imapAs(stack, 'alice', async (client) => {
    const folders = (await client.list()).filter((folder) => folder.path.startsWith(`shared/${INFO}/`) && folder.path !== `shared/${INFO}/Calendar` /* test/mailstack/calendarSeed.mjs */ && !folder.flags.has('\\Noselect'));
    let unread = 0;
    for (const folder of folders) {
      const lock = await client.getMailboxLock(folder.path, { readOnly: true });
      try {
        unread += ((await client.search({ seen: false, answered: false }, { uid: true })) || []).length;
      } finally {
        lock.release();
      }
    }
    return unread;
  });
}

/** The names of every row of the list, scrolled through from top to bottom (the list draws only what is near the screen). */
async function everyRowName(page: Page): Promise<string[]> {
  const names = new Set<string>();
  const list = messageList(page);
  await list.hover();
  for (let unchanged = 0; unchanged < 3; ) {
    const before = names.size;
    for (const name of await list.getByRole('option').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? row.textContent ?? ''))) names.add(name);
    unchanged = names.size === before ? unchanged + 1 : 0;
    await page.mouse.wheel(0, 600);
  }
  return [...names];
}

test('a saved search shows in the tree with its count, stays current, opens its results, renames and deletes', async ({ browser, stack }) => {
  test.setTimeout(240_000);
  // Someone answered Sanne's question: it has \Answered, so the saved search leaves it out.
  await imapAs(stack, 'alice', async (client) => {
    await client.mailboxOpen(`shared/${INFO}/INBOX`);
    await client.messageFlagsAdd({ subject: 'Vraag over levertijd' }, ['\\Answered']);
  });
  const alice = await signedIn(browser, stack, 'alice');
  try {
    const page = alice.page;
    await expect(mailboxNode(page, INFO)).toBeVisible(SHOWN);

    await typeSearch(page, QUERY);
    await searchBox(page).press('Enter');
    await page.getByRole('button', { name: 'Save search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save search' });
    const name = dialog.getByRole('textbox', { name: 'Name' });
    await expect(name).toHaveValue(QUERY);
    await name.fill('  Unanswered in info@ ');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toHaveCount(0);

    // In the tree, marked as the search on screen, with its number once the index has counted.
    const item = savedItem(page, 'Unanswered in info@');
    await expect(item).toHaveAttribute('aria-selected', 'true');
    const before = await unansweredUnreadInInfo(stack);
    expect(before).toBeGreaterThan(0);
    await expect.poll(() => unreadOf(page, 'Unanswered in info@'), SHOWN).toBe(before);
    await screenshot(page, 'saved-search-in-tree');

    // A name is unique: saving the same search again under that name is refused in the dialog.
    await page.getByRole('button', { name: 'Save search' }).click();
    const again = page.getByRole('dialog', { name: 'Save search' });
    await again.getByRole('textbox', { name: 'Name' }).fill('unanswered in INFO@');
    await expect(again.getByText('There is already a saved search called “unanswered in INFO@”.')).toBeVisible();
    await again.getByRole('button', { name: 'Cancel' }).click();
    await expect(again).toHaveCount(0);

    // A customer writes to info@: the count follows.
    const subject = `Lekkage dakkapel ${Date.now()}`;
    await deliverAll(stack, [{ from: 'Lotte Visser <lotte@klant.example>', to: INFO, subject, body: 'Het lekt weer bij de dakkapel.' }]);
    expect(await unansweredUnreadInInfo(stack)).toBe(before + 1);
    await expect.poll(() => unreadOf(page, 'Unanswered in info@'), SHOWN).toBe(before + 1);

    // Back to a folder, then the saved search again from the keyboard (End: the tree's last item,
    // Enter opens it): its results, its text in the box.
    await page.getByRole('treeitem', { name: /^All inboxes/ }).first().click();
    await expect(item).toHaveAttribute('aria-selected', 'false');
    await page.keyboard.press('End');
    await expect(item).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(item).toHaveAttribute('aria-selected', 'true');
    await expect(searchBox(page)).toHaveValue(QUERY);
    await expect(resultRow(page, subject)).toBeVisible(SHOWN);
    await expect(resultRow(page, 'Schade aan kozijn')).toBeVisible();
    // Sanne's answered question stays out; the team's reply to it in info@'s Sent ("Re: Vraag over
    // levertijd") is itself unanswered, so it may be there — a row is named "sender, subject".
    const names = await everyRowName(page);
    expect(names.some((row) => row.endsWith(', Re: Vraag over levertijd'))).toBe(true);
    expect(names.some((row) => row.endsWith(', Vraag over levertijd'))).toBe(false);
    await expect(resultRow(page, 'Welcome to the team!')).toHaveCount(0);

    // Kept in this profile: still there after a reload, counted again.
    await page.reload();
    await expect.poll(() => unreadOf(page, 'Unanswered in info@'), SHOWN).toBe(before + 1);

    // Rename from the keyboard: on the item (opened by a click), Shift+F10 opens its menu, the
    // arrows move in the menu (not in the tree behind it), Enter chooses.
    await savedItem(page, 'Unanswered in info@').click();
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: 'Saved search: Unanswered in info@' });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Open' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Rename…' })).toBeFocused();
    await page.keyboard.press('Enter');
    const rename = page.getByRole('dialog', { name: 'Rename “Unanswered in info@”' });
    await rename.getByRole('textbox', { name: 'Name' }).fill('Nog te beantwoorden');
    await rename.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect(savedItem(page, 'Nog te beantwoorden')).toBeVisible();
    await expect(savedItem(page, 'Unanswered in info@')).toHaveCount(0);
    expect(await unreadOf(page, 'Nog te beantwoorden')).toBe(before + 1);

    // Delete from the context menu, asked once; the messages stay where they are.
    await savedItem(page, 'Nog te beantwoorden').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Delete the saved search “Nog te beantwoorden”?' });
    await ask.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(savedItem(page, 'Nog te beantwoorden')).toHaveCount(0);
    await expect(page.getByRole('treeitem', { name: 'Saved searches' })).toHaveCount(0);
    await page.reload();
    await expect(mailboxNode(page, INFO)).toBeVisible(SHOWN);
    await expect(page.getByRole('treeitem', { name: 'Saved searches' })).toHaveCount(0);
  } finally {
    await alice.close();
  }
});
