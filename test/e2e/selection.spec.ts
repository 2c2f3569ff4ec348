/**
 * Issue #12 §3: choosing several messages as in any mail client — click, Shift+click,
 * Ctrl+click, Shift+arrows, Ctrl+A, Escape — and acting on all of them with one key. Checked
 * where a person looks (the rows' selected state, "3 messages selected") and on the server
 * through a separate IMAP session (alice's own \Seen in info@: private per member, Dovecot INDEXPVT).
 */
import type { Page } from '@playwright/test';
import { expect, imapAs, screenshot, test, type MailStack } from './support/fixtures';
import { atDesk } from './support/desk';
import { mailboxNode, messageList, openMailboxInbox } from './support/session';

const INFO = 'info@example.test';
const INBOX = `shared/${INFO}/INBOX`;

/** Five new messages in info@'s Inbox, newest first, so they top the list in this order. */
async function fiveInInfo(stack: MailStack): Promise<string[]> {
  const stamp = Date.now();
  const subjects = Array.from({ length: 5 }, (_, i) => `Offerte ${i + 1} ${stamp}`);
  await imapAs(stack, 'bob', async (client) => {
    for (const [i, subject] of subjects.entries()) {
      const date = new Date(stamp - (i + 1) * 60_000);
      const raw = [`From: Klant ${i + 1} <klant${i + 1}@example.com>`, `To: ${INFO}`, `Subject: ${subject}`, `Date: ${date.toUTCString()}`, `Message-ID: <sel-${i}-${stamp}@example.com>`, '', 'Graag een offerte.', ''].join('\r\n');
      await client.append(INBOX, raw, [], date);
    }
  });
  return subjects;
}

/** Which of `subjects` alice has read, as the server says (a separate IMAP session). */
function readByAlice(stack: MailStack, subjects: readonly string[]): Promise<boolean[]> {
  return imapAs(stack, 'alice', async (client) => {
    const lock = await client.getMailboxLock(INBOX, { readOnly: true });
    try {
      const seen = new Map<string, boolean>();
      for await (const m of client.fetch('1:*', { envelope: true, flags: true })) seen.set(m.envelope?.subject ?? '', m.flags?.has('\\Seen') ?? false);
      return subjects.map((subject) => seen.get(subject) ?? false);
    } finally {
      lock.release();
    }
  });
}

const row = (page: Page, subject: string) => messageList(page).getByRole('option', { name: new RegExp(subject) });

async function selectedStates(page: Page, subjects: readonly string[]): Promise<string[]> {
  return Promise.all(subjects.map(async (subject) => (await row(page, subject).getAttribute('aria-selected')) ?? 'missing'));
}

test('alice chooses three messages in info@ with click and Shift+click and marks them read with one key', async ({ browser, stack }) => {
  const subjects = await fiveInInfo(stack);
  const alice = await atDesk(browser, stack, 'alice');
  try {
    const page = alice.page;
    await openMailboxInbox(page, INFO);
    for (const subject of subjects) await expect(row(page, subject)).toBeVisible({ timeout: 20_000 });
    await expect(messageList(page)).toHaveAttribute('aria-multiselectable', 'true');

    await row(page, subjects[0]!).click();
    await row(page, subjects[2]!).click({ modifiers: ['Shift'] });
    await expect.poll(() => selectedStates(page, subjects)).toEqual(['true', 'true', 'true', 'false', 'false']);
    await expect(page.getByRole('heading', { name: '3 messages selected' })).toBeVisible();
    await screenshot(page, 'three-selected');

    // Outlook's Ctrl+Q: all three read on the server; the other two untouched.
    await page.keyboard.press('Control+q');
    await expect.poll(() => readByAlice(stack, subjects), { timeout: 15_000 }).toEqual([true, true, true, false, false]);

    // Ctrl+click adds one more, and takes one out again.
    await row(page, subjects[4]!).click({ modifiers: ['Control'] });
    await expect(page.getByRole('heading', { name: '4 messages selected' })).toBeVisible();
    await row(page, subjects[1]!).click({ modifiers: ['Control'] });
    await expect.poll(() => selectedStates(page, subjects)).toEqual(['true', 'false', 'true', 'false', 'true']);

    // Escape clears the choice: the open message is the selection again, the reader shows it.
    await page.keyboard.press('Escape');
    await expect.poll(() => selectedStates(page, subjects)).toEqual(['true', 'false', 'false', 'false', 'false']);
    await expect(page.getByRole('heading', { name: subjects[0]! })).toBeVisible();

    // Up moves the active row (and the anchor) back to the first; Shift+Down twice extends the range by two.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => selectedStates(page, subjects)).toEqual(['true', 'true', 'true', 'false', 'false']);

    // Ctrl+A chooses every message of the folder, however many, and Ctrl+U marks them all unread.
    const total = await imapAs(stack, 'alice', async (client) => { const status = await client.status(INBOX, { messages: true }); return status ? (status.messages ?? 0) : 0; });
    await page.keyboard.press('Control+a');
    await expect(page.getByRole('heading', { name: `${total} messages selected` })).toBeVisible();
    await expect.poll(() => selectedStates(page, subjects)).toEqual(['true', 'true', 'true', 'true', 'true']);
    await page.keyboard.press('Control+u');
    await expect.poll(() => readByAlice(stack, subjects), { timeout: 15_000 }).toEqual([false, false, false, false, false]);
  } finally {
    await alice.close();
  }
});

/** Whether `subjects` are flagged on the server (\Flagged is shared among info@'s members). */
function flagged(stack: MailStack, subjects: readonly string[]): Promise<boolean[]> {
  return imapAs(stack, 'bob', async (client) => {
    const lock = await client.getMailboxLock(INBOX, { readOnly: true });
    try {
      const flags = new Map<string, boolean>();
      for await (const m of client.fetch('1:*', { envelope: true, flags: true })) flags.set(m.envelope?.subject ?? '', m.flags?.has('\\Flagged') ?? false);
      return subjects.map((subject) => flags.get(subject) ?? false);
    } finally {
      lock.release();
    }
  });
}

test('the row menu acts on the selection when the right-clicked row is in it, else on that row; Shift+F10 opens it; a read-only member is offered no changes', async ({ browser, stack }) => {
  const subjects = await fiveInInfo(stack);
  const alice = await atDesk(browser, stack, 'alice');
  const carol = await atDesk(browser, stack, 'carol');
  try {
    const page = alice.page;
    // The menu is Radix's: nothing of it may be refused by the renderer's CSP (style-src 'self').
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await openMailboxInbox(page, INFO);
    for (const subject of subjects) await expect(row(page, subject)).toBeVisible({ timeout: 20_000 });
    await row(page, subjects[0]!).click();
    await row(page, subjects[1]!).click({ modifiers: ['Shift'] });

    // In the selection: the menu acts on both.
    await row(page, subjects[1]!).click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Message actions' });
    await expect(menu).toBeVisible();
    for (const name of ['Reply', 'Reply all', 'Forward', 'Move to…', 'Copy to…', 'Archive', 'Junk', 'Delete']) {
      await expect(menu.getByRole('menuitem', { name, exact: true })).toBeVisible();
    }
    await screenshot(page, 'row-menu');
    await menu.getByRole('menuitem', { name: 'Flag', exact: true }).click();
    await expect.poll(() => flagged(stack, subjects), { timeout: 15_000 }).toEqual([true, true, false, false, false]);

    // Outside the selection: that row alone, the selection stays.
    await row(page, subjects[3]!).click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Flag', exact: true }).click();
    await expect.poll(() => flagged(stack, subjects), { timeout: 15_000 }).toEqual([true, true, false, true, false]);
    await expect(page.getByRole('heading', { name: '2 messages selected' })).toBeVisible();

    // From the keyboard: open the fifth, Shift+F10, down to Flag, Enter.
    await row(page, subjects[4]!).click();
    await page.keyboard.press('Shift+F10');
    await expect(menu).toBeVisible();
    const flag = menu.getByRole('menuitem', { name: 'Flag', exact: true });
    await expect(async () => {
      await page.keyboard.press('ArrowDown');
      await expect(flag).toBeFocused({ timeout: 200 });
    }).toPass({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await expect.poll(() => flagged(stack, subjects), { timeout: 15_000 }).toEqual([true, true, false, true, true]);
    expect(refused).toEqual([]);

    // carol may only read info@: answering and copying, nothing that changes the mailbox.
    await openMailboxInbox(carol.page, INFO);
    await row(carol.page, subjects[2]!).click({ button: 'right' });
    const carolMenu = carol.page.getByRole('menu', { name: 'Message actions' });
    await expect(carolMenu).toBeVisible();
    for (const name of ['Reply', 'Reply all', 'Forward', 'Copy to…']) await expect(carolMenu.getByRole('menuitem', { name, exact: true })).toBeVisible();
    await expect(carolMenu.getByRole('menuitem')).toHaveCount(4);
  } finally {
    await carol.close();
    await alice.close();
  }
});

/** The subjects of a folder as alice sees it on the server. */
function subjectsOn(stack: MailStack, path: string): Promise<string[]> {
  return imapAs(stack, 'alice', async (client) => {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const out: string[] = [];
      if (client.mailbox && client.mailbox.exists > 0) for await (const m of client.fetch('1:*', { envelope: true })) out.push(m.envelope?.subject ?? '');
      return out;
    } finally {
      lock.release();
    }
  });
}

test('dragging one of three chosen rows onto alice’s own Archive moves all three there, across namespaces', async ({ browser, stack }) => {
  const subjects = await fiveInInfo(stack);
  const alice = await atDesk(browser, stack, 'alice');
  try {
    const page = alice.page;
    await openMailboxInbox(page, INFO);
    for (const subject of subjects) await expect(row(page, subject)).toBeVisible({ timeout: 20_000 });
    const own = mailboxNode(page, 'alice@example.test').first();
    if ((await own.getAttribute('aria-expanded')) === 'false') await own.locator('.folder-tree__row').first().click();
    const archive = own.getByRole('treeitem', { name: /^Archive(,|$)/ }).first();
    await expect(archive).toBeVisible();

    await row(page, subjects[0]!).click();
    await row(page, subjects[2]!).click({ modifiers: ['Shift'] });
    await expect(page.getByRole('heading', { name: '3 messages selected' })).toBeVisible();
    // Picked up by its middle row, as a person drags a selection.
    await row(page, subjects[1]!).hover();
    await page.mouse.down();
    const box = await archive.boundingBox();
    if (!box) throw new Error('Archive not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();

    for (const subject of subjects.slice(0, 3)) await expect(row(page, subject)).toHaveCount(0);
    // The open one went with them: the next message opens, the choice is over.
    await expect(page.getByRole('heading', { name: subjects[3]! })).toBeVisible();
    await expect.poll(async () => (await subjectsOn(stack, 'Archive')).filter((s) => subjects.includes(s)).sort(), { timeout: 15_000 }).toEqual(subjects.slice(0, 3).sort());
    expect((await subjectsOn(stack, INBOX)).filter((s) => subjects.includes(s))).toEqual(subjects.slice(3));
  } finally {
    await alice.close();
  }
});
