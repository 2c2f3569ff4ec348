/**
 * Issue #12 "Done means": a keyboard-only run — no mouse at all. alice reaches the list with
 * Tab, moves between messages, flags one (Insert), replies (Ctrl+R, sent with Ctrl+Enter),
 * deletes one (Delete) and moves one to a folder (Ctrl+Shift+V, the picker by its keys); the server and the recipient's mailbox are checked through separate
 * IMAP sessions. The `?` overlay lists the keys, and with the Gmail set chosen in Settings
 * (reached with the keyboard too) j/k move between messages and e archives.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, imapAs, screenshot, test, type MailStack } from './support/fixtures';
import { composer, serverMessages, withSubject } from './support/compose';
import { atDesk } from './support/desk';
import { messageList } from './support/session';

const ALICE = 'alice@example.test';
/** The default "Undo send" wait is 5 s; delivery through Postfix and LMTP adds a little. */
const DELIVERY = { timeout: 30_000 };

/** Four new messages in alice's own Inbox, newest first, from customers outside example.test. */
async function fourForAlice(stack: MailStack): Promise<string[]> {
  const stamp = Date.now();
  const subjects = ['Eerste', 'Tweede', 'Derde', 'Vierde'].map((word) => `${word} vraag ${stamp}`);
  await imapAs(stack, 'alice', async (client) => {
    for (const [i, subject] of subjects.entries()) {
      const date = new Date(stamp - (i + 1) * 60_000);
      const raw = [`From: Klant ${i + 1} <klant${i + 1}@example.nl>`, `To: ${ALICE}`, `Subject: ${subject}`, `Date: ${date.toUTCString()}`, `Message-ID: <kb-${i}-${stamp}@example.nl>`, '', 'Een vraag.', ''].join('\r\n');
      await client.append('INBOX', raw, [], date);
    }
  });
  return subjects;
}

/** Presses Tab until `target` has the focus, as a keyboard user does. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement)).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the element');
}

const row = (page: Page, subject: string) => messageList(page).getByRole('option', { name: new RegExp(subject) });

/** The subject of the list's active row (aria-activedescendant). */
async function activeSubject(page: Page): Promise<string> {
  const id = await messageList(page).getAttribute('aria-activedescendant');
  return id ? ((await page.locator(`[id="${id}"]`).getAttribute('aria-label')) ?? '') : '';
}

const subjectsOf = async (stack: MailStack, path: string) => (await serverMessages(stack, 'alice', path)).map((m) => m.subject);

test('a keyboard-only run: move, flag, reply and delete without a mouse; ? lists the keys; the Gmail set works', async ({ browser, stack }) => {
  test.setTimeout(120_000);
  const [first, second, third, fourth] = await fourForAlice(stack);
  const alice = await atDesk(browser, stack, 'alice');
  try {
    const page = alice.page;
    const list = messageList(page);
    await expect(row(page, first!)).toBeVisible({ timeout: 20_000 });

    // Reach the list, go to the top, one down: the second message; Enter opens it.
    await tabTo(page, list);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => activeSubject(page)).toContain(second!);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: second! })).toBeVisible();

    // Insert flags it on the server.
    await page.keyboard.press('Insert');
    await expect.poll(async () => (await withSubject(stack, 'alice', 'INBOX', second!))[0]?.flags, { timeout: 15_000 }).toContain('\\Flagged');

    // Ctrl+R answers; Tab to the text, type, Ctrl+Enter sends. The customer gets it from alice.
    await page.keyboard.press('Control+r');
    const reply = composer(page, 'Reply');
    await expect(reply).toBeVisible();
    await tabTo(page, reply.getByRole('textbox', { name: 'Message' }));
    await page.keyboard.press('Control+Home');
    const line = `Wij bellen u morgen (${Date.now()}).`;
    await page.keyboard.type(line);
    await page.keyboard.press('Control+Enter');
    await expect(reply).toHaveCount(0);
    await expect.poll(async () => (await withSubject(stack, 'catchall', 'INBOX', `Re: ${second}`)).length, DELIVERY).toBe(1);
    const [received] = await withSubject(stack, 'catchall', 'INBOX', `Re: ${second}`);
    expect(received!.from).toBe(ALICE);
    expect(received!.to).toEqual(['klant2@example.nl']);
    expect(received!.text).toContain(line);

    // Back to the list; Delete takes the open message to Trash on the server, the next one opens.
    await tabTo(page, list);
    await page.keyboard.press('Delete');
    await expect(row(page, second!)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: third! })).toBeVisible();
    await expect.poll(() => subjectsOf(stack, 'INBOX'), { timeout: 15_000 }).not.toContain(second);
    expect(await subjectsOf(stack, 'Trash')).toContain(second);

    // Ctrl+Shift+V: the folder picker, filtered by typing, Enter moves the open message there.
    await page.keyboard.press('Control+Shift+V');
    const picker = page.getByRole('dialog', { name: 'Move to folder' });
    await expect(picker.getByRole('textbox', { name: 'Filter folders' })).toBeFocused();
    await page.keyboard.type('Archive');
    await expect(picker.getByRole('option').first()).toHaveAccessibleName(new RegExp(`^Archive in ${ALICE}`));
    await page.keyboard.press('Enter');
    await expect(picker).toHaveCount(0);
    await expect(row(page, third!)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: fourth! })).toBeVisible();
    await expect.poll(() => subjectsOf(stack, 'Archive'), { timeout: 15_000 }).toContain(third);
    expect(await subjectsOf(stack, 'INBOX')).not.toContain(third);

    // `?` lists the keys of the active set with their names.
    await page.keyboard.press('?');
    const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(overlay).toBeVisible();
    await expect(overlay.getByRole('row', { name: /^Reply Ctrl\+R$/ })).toBeVisible();
    await expect(overlay.getByRole('row', { name: /^Delete Delete$/ })).toBeVisible();
    await screenshot(page, 'shortcuts-overlay');
    await page.keyboard.press('Escape');
    await expect(overlay).toHaveCount(0);

    // Settings → Gmail set, by keyboard.
    await tabTo(page, page.getByRole('button', { name: 'Settings' }));
    await page.keyboard.press('Enter');
    const scheme = page.getByRole('combobox', { name: 'Shortcut set' });
    await tabTo(page, scheme);
    await page.keyboard.press('ArrowDown');
    await expect(scheme).toHaveValue('gmail');
    await tabTo(page, page.getByRole('button', { name: 'Back to mail' }));
    await page.keyboard.press('Enter');

    // j opens the next (older) message, k the previous; e archives the open one.
    await tabTo(page, list);
    await page.keyboard.press('Home');
    await page.keyboard.press('j');
    await expect(page.getByRole('heading', { name: fourth! })).toBeVisible();
    await page.keyboard.press('k');
    await expect(page.getByRole('heading', { name: first! })).toBeVisible();
    await page.keyboard.press('e');
    await expect(row(page, first!)).toHaveCount(0);
    await expect.poll(() => subjectsOf(stack, 'Archive'), { timeout: 15_000 }).toContain(first);
    expect(await subjectsOf(stack, 'INBOX')).not.toContain(first);
  } finally {
    await alice.close();
  }
});
