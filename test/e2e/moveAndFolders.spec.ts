/**
 * Issue #12 §2, §5, §6 through the UI against the real stack: dragging rows onto a folder of the
 * tree (move, Ctrl = copy) across namespaces, the folder picker (Ctrl+Shift+V, type to filter),
 * a move the server refuses (the folder deleted meanwhile) put back with the reason, and folder
 * management from the folder menu — offered only where the rights allow. What the server holds is
 * read over a separate IMAP session, as another client would see it.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, imapAs, screenshot, test, type MailStack } from './support/fixtures';
import { mailboxNode, messageList, openMailboxInbox, signedIn } from './support/session';
import type { User } from '../integration/services/mailStack';
import { doveadm } from '../mailstack/mailstack.mjs';

const INFO = 'info@example.test';
const ALICE = 'alice@example.test';
const INFO_INBOX = `shared/${INFO}/INBOX`;
const INFO_ARCHIVE = `shared/${INFO}/Archive`;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Unique subjects, so a test finds its own messages whatever else the seed holds. */
function subjects(label: string, count: number): string[] {
  const stamp = Date.now();
  return Array.from({ length: count }, (_, i) => `${label} ${i + 1} ${stamp}`);
}

/** APPENDs one plain message per subject to `path`, newest first in the list. */
async function append(stack: MailStack, user: User, path: string, list: readonly string[]): Promise<void> {
  await imapAs(stack, user, async (client) => {
    for (const [i, subject] of list.entries()) {
      const date = new Date(Date.now() - (i + 1) * 60_000);
      const raw = [
        'From: Klant <klant@example.com>',
        `To: ${INFO}`,
        `Subject: ${subject}`,
        `Date: ${date.toUTCString()}`,
        `Message-ID: <${subject.replace(/\s+/g, '.')}@example.com>`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        `Een vraag over ${subject}.`,
        '',
      ].join('\r\n');
      await client.append(path, raw, [], date);
    }
  });
}

/** The subjects in `path` as `user` sees them over a separate IMAP session. */
function subjectsIn(stack: MailStack, user: User, path: string): Promise<string[]> {
  return imapAs(stack, user, async (client) => {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const found: string[] = [];
      if (!client.mailbox || client.mailbox.exists === 0) return found;
      for await (const msg of client.fetch('1:*', { envelope: true })) found.push(msg.envelope?.subject ?? '');
      return found;
    } finally {
      lock.release();
    }
  });
}

/** Which of `list` are in `path` on the server. */
async function onServer(stack: MailStack, user: User, path: string, list: readonly string[]): Promise<string[]> {
  const there = await subjectsIn(stack, user, path);
  return list.filter((subject) => there.includes(subject));
}

function folderNames(stack: MailStack, user: User): Promise<string[]> {
  return imapAs(stack, user, async (client) => (await client.list()).map((folder) => folder.path));
}

const row = (page: Page, subject: string) => messageList(page).getByRole('option', { name: new RegExp(escaped(subject)) });

/** A folder of a mailbox in the tree, by the start of its accessible name ("Projecten, 2 unread"). */
async function folderItem(page: Page, address: string, name: string): Promise<Locator> {
  const mailbox = mailboxNode(page, address).first();
  await mailbox.waitFor();
  if ((await mailbox.getAttribute('aria-expanded')) === 'false') await mailbox.click();
  return mailbox.getByRole('treeitem', { name: new RegExp(`^${escaped(name)}(,|$)`) }).first();
}

/** A drag from `source` onto `target` with the mouse, Ctrl pressed once the drag is under way. */
async function dragWithCtrl(page: Page, source: Locator, target: Locator): Promise<void> {
  await source.hover();
  await page.mouse.down();
  const box = await target.boundingBox();
  if (!box) throw new Error('drop target not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.keyboard.down('Control');
  await page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2, { steps: 2 });
  await expect(target.locator('.folder-tree__row.is-drop-copy')).toHaveCount(1);
  await page.mouse.up();
  await page.keyboard.up('Control');
}

test('dragging a row from info@ onto alice’s own folder moves it there; with Ctrl held it copies', async ({ browser, stack }) => {
  const [moved, copied] = subjects('Offerte', 2) as [string, string];
  await append(stack, 'bob', INFO_INBOX, [moved, copied]);
  await imapAs(stack, 'alice', (client) => client.mailboxCreate('Projecten'));
  const alice = await signedIn(browser, stack, 'alice');
  try {
    const { page } = alice;
    await openMailboxInbox(page, INFO);
    await expect(row(page, moved)).toBeVisible({ timeout: 20_000 });
    const projecten = await folderItem(page, ALICE, 'Projecten');
    await expect(projecten).toBeVisible({ timeout: 20_000 });

    // alice's mailbox closed: held over it, it opens, and the row goes onto a folder inside.
    const aliceNode = mailboxNode(page, ALICE).first();
    await aliceNode.locator('.folder-tree__row').first().click();
    await expect(aliceNode).toHaveAttribute('aria-expanded', 'false');
    await row(page, moved).hover();
    await page.mouse.down();
    // Over the folder it comes from: refused, nothing lights up.
    const source = await folderItem(page, INFO, 'Inbox');
    const sourceBox = await source.locator('.folder-tree__row').first().boundingBox();
    if (!sourceBox) throw new Error('info@’s Inbox not on screen');
    await page.mouse.move(sourceBox.x + sourceBox.width / 2, sourceBox.y + sourceBox.height / 2, { steps: 5 });
    await page.mouse.move(sourceBox.x + sourceBox.width / 2 + 3, sourceBox.y + sourceBox.height / 2, { steps: 2 });
    await expect(page.locator('.folder-tree__row.is-drop-target')).toHaveCount(0);
    const mailboxBox = await aliceNode.locator('.folder-tree__row').first().boundingBox();
    if (!mailboxBox) throw new Error('alice’s mailbox not on screen');
    await page.mouse.move(mailboxBox.x + mailboxBox.width / 2, mailboxBox.y + mailboxBox.height / 2, { steps: 5 });
    await expect(aliceNode).toHaveAttribute('aria-expanded', 'true');
    const target = await projecten.boundingBox();
    if (!target) throw new Error('Projecten not on screen');
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 5 });
    await expect(projecten.locator('.folder-tree__row.is-drop-target')).toHaveCount(1);
    await page.mouse.up();
    await expect(row(page, moved)).toHaveCount(0);
    await expect.poll(() => onServer(stack, 'alice', 'Projecten', [moved]), { timeout: 15_000 }).toEqual([moved]);
    expect(await onServer(stack, 'bob', INFO_INBOX, [moved])).toEqual([]);
    await screenshot(page, 'dragged-to-own-folder');

    await dragWithCtrl(page, row(page, copied), projecten);
    await expect.poll(() => onServer(stack, 'alice', 'Projecten', [copied]), { timeout: 15_000 }).toEqual([copied]);
    expect(await onServer(stack, 'bob', INFO_INBOX, [copied])).toEqual([copied]);
    await expect(row(page, copied)).toBeVisible();
  } finally {
    await alice.close();
  }
});

test('the folder picker (Ctrl+Shift+V) filters as alice types and moves to the folder she chooses with the keys', async ({ browser, stack }) => {
  const [first, second] = subjects('Factuur', 2) as [string, string];
  await append(stack, 'bob', INFO_INBOX, [first, second]);
  const alice = await signedIn(browser, stack, 'alice');
  try {
    const { page } = alice;
    await openMailboxInbox(page, INFO);
    await row(page, first).click({ timeout: 20_000 });
    await page.keyboard.press('Control+Shift+V');
    const picker = page.getByRole('dialog', { name: 'Move to folder' });
    const filter = picker.getByRole('textbox', { name: 'Filter folders' });
    await expect(filter).toBeFocused();
    // Not offered: the folder the message is in.
    await expect(picker.getByRole('option', { name: `Inbox in ${INFO}` })).toHaveCount(0);

    await filter.pressSequentially('ARCH');
    await expect(picker.getByRole('option')).toHaveText([new RegExp(`Archive.*${escaped(ALICE)}`), new RegExp(`Archive.*${escaped(INFO)}`)]);
    await page.keyboard.press('ArrowDown');
    await expect(picker.getByRole('option', { name: `Archive in ${INFO}` })).toHaveAttribute('aria-selected', 'true');
    await screenshot(page, 'picker-filtered');
    await page.keyboard.press('Enter');
    await expect(picker).toHaveCount(0);
    await expect(row(page, first)).toHaveCount(0);
    await expect.poll(() => onServer(stack, 'bob', INFO_ARCHIVE, [first]), { timeout: 15_000 }).toEqual([first]);
    expect(await onServer(stack, 'bob', INFO_INBOX, [first])).toEqual([]);

    // The next time, the folder just used comes first.
    await row(page, second).click();
    await page.keyboard.press('Control+Shift+V');
    await expect(picker.getByRole('option').first()).toHaveAccessibleName(`Archive in ${INFO}`);
    await page.keyboard.press('Escape');
    await expect(picker).toHaveCount(0);
    await expect(row(page, second)).toBeVisible();
  } finally {
    await alice.close();
  }
});

test('a move into a folder deleted meanwhile on the server is put back in the list, saying why', async ({ browser, stack }) => {
  const [subject] = subjects('Klacht', 1) as [string];
  await append(stack, 'bob', INFO_INBOX, [subject]);
  await imapAs(stack, 'alice', (client) => client.mailboxCreate('Tijdelijk'));
  const alice = await signedIn(browser, stack, 'alice');
  try {
    const { page } = alice;
    await openMailboxInbox(page, INFO);
    await expect(await folderItem(page, ALICE, 'Tijdelijk')).toBeVisible({ timeout: 20_000 });
    await row(page, subject).click({ timeout: 20_000 });
    await page.keyboard.press('Control+Shift+V');
    const picker = page.getByRole('dialog', { name: 'Move to folder' });
    await picker.getByRole('textbox', { name: 'Filter folders' }).fill('tijdelijk');
    await expect(picker.getByRole('option')).toHaveCount(1);

    // Another client deletes the folder while the picker is open.
    await imapAs(stack, 'alice', (client) => client.mailboxDelete('Tijdelijk'));
    await page.keyboard.press('Enter');

    await expect(page.getByText(/Could not move 1 message to Tijdelijk/)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText(/no longer exists/).first()).toBeVisible();
    await expect(row(page, subject)).toBeVisible();
    await screenshot(page, 'refused-move-put-back');
    expect(await onServer(stack, 'bob', INFO_INBOX, [subject])).toEqual([subject]);
  } finally {
    await alice.close();
  }
});

/** Opens the folder menu of a tree item with the right mouse button. */
async function menuOf(page: Page, item: Locator): Promise<Locator> {
  await item.locator('.folder-tree__row').first().click({ button: 'right' });
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  return menu;
}

test('alice creates, renames and deletes a folder from the folder menu (mouse and Shift+F10); carol is offered none of it in info@', async ({
  browser,
  stack,
}) => {
  const alice = await signedIn(browser, stack, 'alice');
  const carol = await signedIn(browser, stack, 'carol');
  try {
    const { page } = alice;
    // New folder, at the top of alice's own mailbox.
    let menu = await menuOf(page, mailboxNode(page, ALICE).first());
    await menu.getByRole('menuitem', { name: 'New folder…' }).click();
    const create = page.getByRole('dialog', { name: `New folder in ${ALICE}` });
    const name = create.getByRole('textbox', { name: 'Folder name' });
    await expect(name).toBeFocused();
    await name.fill('archive');
    await expect(create.getByText('There is already a folder called “Archive” here.')).toBeVisible();
    await name.fill('Offertes/2026');
    await expect(create.getByText('A folder name cannot contain “/”: the server separates folders with it.')).toBeVisible();
    await name.fill('Offertes');
    await create.getByRole('button', { name: 'Create' }).click();
    await expect(create).toHaveCount(0);
    await expect(await folderItem(page, ALICE, 'Offertes')).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => folderNames(stack, 'alice')).toContain('Offertes');

    // Rename, from the keyboard: the focused folder's menu with Shift+F10.
    const offertes = await folderItem(page, ALICE, 'Offertes');
    await offertes.click();
    await expect(offertes).toBeFocused();
    await page.keyboard.press('Shift+F10');
    menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    // The menu's typeahead: the first letters reach the item, Enter chooses it.
    await page.keyboard.type('Ren');
    await expect(menu.getByRole('menuitem', { name: 'Rename…' })).toBeFocused();
    await page.keyboard.press('Enter');
    const rename = page.getByRole('dialog', { name: 'Rename “Offertes”' });
    await rename.getByRole('textbox', { name: 'Folder name' }).fill('Offertes 2026');
    await page.keyboard.press('Enter');
    await expect(rename).toHaveCount(0);
    await expect(await folderItem(page, ALICE, 'Offertes 2026')).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => folderNames(stack, 'alice')).toContain('Offertes 2026');
    expect(await folderNames(stack, 'alice')).not.toContain('Offertes');
    await screenshot(page, 'folder-renamed');

    // Delete: asks once.
    menu = await menuOf(page, await folderItem(page, ALICE, 'Offertes 2026'));
    await menu.getByRole('menuitem', { name: 'Delete folder…' }).click();
    const question = page.getByRole('alertdialog', { name: 'Delete the folder “Offertes 2026”?' });
    await expect(question).toContainText(`removed from ${ALICE}`);
    await question.getByRole('button', { name: 'Delete folder' }).click();
    await expect.poll(() => folderNames(stack, 'alice')).not.toContain('Offertes 2026');
    await expect(mailboxNode(page, ALICE).first().getByRole('treeitem', { name: /^Offertes 2026/ })).toHaveCount(0, { timeout: 20_000 });

    // In info@ too, under a folder where alice has `k`: bob's client shows the new folder. Not
    // beside info@'s Inbox: Dovecot refuses a CREATE in another person's namespace top.
    menu = await menuOf(page, mailboxNode(page, INFO).first());
    await expect(menu.getByRole('menuitem')).toHaveText(['Nothing you may change here']);
    await page.keyboard.press('Escape');
    menu = await menuOf(page, await folderItem(page, INFO, 'Archive'));
    await menu.getByRole('menuitem', { name: 'New folder…' }).click();
    const createShared = page.getByRole('dialog', { name: 'New folder in Archive' });
    await createShared.getByRole('textbox', { name: 'Folder name' }).fill('Leveranciers');
    await page.keyboard.press('Enter');
    await expect(createShared).toHaveCount(0, { timeout: 15_000 });
    await expect.poll(() => folderNames(stack, 'bob')).toContain(`shared/${INFO}/Archive/Leveranciers`);
    await expect(await folderItem(page, INFO, 'Leveranciers')).toBeVisible({ timeout: 30_000 });

    // Role folders cannot be renamed or deleted.
    menu = await menuOf(page, await folderItem(page, INFO, 'Inbox'));
    await expect(menu.getByRole('menuitem', { name: 'Mark all as read' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Rename…' })).toHaveCount(0);
    await page.keyboard.press('Escape');

    // carol: read-only in info@ — nothing to change there; in her own mailbox she may.
    const c = carol.page;
    menu = await menuOf(c, mailboxNode(c, INFO).first());
    await expect(menu.getByRole('menuitem', { name: 'Nothing you may change here' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'New folder…' })).toHaveCount(0);
    await c.keyboard.press('Escape');
    for (const folder of ['Inbox', 'Trash']) {
      menu = await menuOf(c, await folderItem(c, INFO, folder));
      await expect(menu.getByRole('menuitem')).toHaveText(['Nothing you may change here']);
      await c.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);
    }
    await screenshot(c, 'carol-info-read-only-menu');
    menu = await menuOf(c, mailboxNode(c, 'carol@example.test').first());
    await expect(menu.getByRole('menuitem', { name: 'New folder…' })).toBeVisible();
    await c.keyboard.press('Escape');

    // Nor does her folder picker offer info@'s folders (no `i` right there), only her own.
    await messageList(c).getByRole('option').first().click();
    await c.keyboard.press('Control+Shift+V');
    const picker = c.getByRole('dialog', { name: 'Move to folder' });
    await expect(picker.getByRole('option', { name: 'Archive in carol@example.test' })).toBeVisible();
    await expect(picker.getByRole('option', { name: new RegExp(escaped(INFO)) })).toHaveCount(0);
  } finally {
    await Promise.all([alice.close(), carol.close()]);
  }
});

test('Empty Trash in info@ asks once, naming the mailbox and that everyone loses them; Mark all as read reads the whole folder', async ({
  browser,
  stack,
}) => {
  const trash = `shared/${INFO}/Trash`;
  await append(stack, 'bob', trash, subjects('Weg', 2));
  const inTrash = (await subjectsIn(stack, 'bob', trash)).length;
  const alice = await signedIn(browser, stack, 'alice');
  try {
    const { page } = alice;
    let menu = await menuOf(page, await folderItem(page, INFO, 'Trash'));
    await menu.getByRole('menuitem', { name: 'Empty Trash' }).click();
    const question = page.getByRole('alertdialog', { name: 'Empty Trash?' });
    await expect(question).toContainText(
      `Remove all ${inTrash} messages in Trash of ${INFO} for good? Everyone in ${INFO} loses them.`,
      { timeout: 20_000 },
    );
    await screenshot(page, 'empty-trash-question');
    await question.getByRole('button', { name: 'Remove for good' }).click();
    await expect.poll(() => subjectsIn(stack, 'bob', trash), { timeout: 15_000 }).toEqual([]);

    const unseen = () =>
      imapAs(stack, 'alice', async (client) => {
        const lock = await client.getMailboxLock(INFO_INBOX, { readOnly: true });
        try {
          return ((await client.search({ seen: false }, { uid: true })) || []).length;
        } finally {
          lock.release();
        }
      });
    expect(await unseen()).toBeGreaterThan(0);
    menu = await menuOf(page, await folderItem(page, INFO, 'Inbox'));
    await menu.getByRole('menuitem', { name: 'Mark all as read' }).click();
    await expect.poll(unseen, { timeout: 15_000 }).toBe(0);
    await expect(await folderItem(page, INFO, 'Inbox')).toHaveAccessibleName('Inbox');
  } finally {
    await alice.close();
  }
});

test('a folder name the server refuses (made meanwhile elsewhere: ALREADYEXISTS) keeps the dialog open and says why', async ({ browser, stack }) => {
  const alice = await signedIn(browser, stack, 'alice');
  try {
    const { page } = alice;
    const menu = await menuOf(page, mailboxNode(page, ALICE).first());
    await menu.getByRole('menuitem', { name: 'New folder…' }).click();
    const create = page.getByRole('dialog', { name: `New folder in ${ALICE}` });
    await create.getByRole('textbox', { name: 'Folder name' }).fill('Klanten');
    // Another client makes the same folder before alice confirms.
    await imapAs(stack, 'alice', (client) => client.mailboxCreate('Klanten'));
    await create.getByRole('button', { name: 'Create' }).click();
    const refusal = create.getByRole('alert');
    await expect(refusal).toContainText(`Couldn't create “Klanten” in ${ALICE}`);
    await expect(refusal).toContainText('The server already has a folder called “Klanten” there');
    await expect(create.getByRole('textbox', { name: 'Folder name' })).toHaveValue('Klanten');
    await screenshot(page, 'create-refused');
  } finally {
    await alice.close();
  }
});

test('Archive in info@ without an Archive folder, where alice may not make one, says where and why', async ({ browser, stack }) => {
  const [subject] = subjects('Archiefvraag', 1) as [string];
  await append(stack, 'bob', INFO_INBOX, [subject]);
  // info@ loses its Archive, and alice the `k` right on its Inbox (where one would be made).
  await doveadm(stack, 'mailbox', 'delete', '-u', INFO, 'Archive');
  await doveadm(stack, 'acl', 'set', '-u', INFO, 'INBOX', `user=${ALICE}`, 'lookup', 'read', 'write', 'write-seen', 'write-deleted', 'insert', 'post', 'expunge');
  await doveadm(stack, 'acl', 'recalc', '-u', INFO);
  const alice = await signedIn(browser, stack, 'alice');
  try {
    const { page } = alice;
    await openMailboxInbox(page, INFO);
    await row(page, subject).click({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    await expect(page.getByText(`Could not archive 1 message: ${INFO} has no Archive folder, and you may not create one there.`)).toBeVisible({
      timeout: 15_000,
    });
    await expect(row(page, subject)).toBeVisible();
    await screenshot(page, 'archive-unavailable');
    expect(await onServer(stack, 'bob', INFO_INBOX, [subject])).toEqual([subject]);
  } finally {
    await alice.close();
  }
});
