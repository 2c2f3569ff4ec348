/**
 * Issue #12 §6 "List controls": filters and sort as a person uses them, remembered per folder —
 * across a switch to another folder and back, and across a reload of the window.
 */
import type { Page } from '@playwright/test';
import { expect, imapAs, screenshot, test } from './support/fixtures';
import { messageList } from './support/session';

const FOLDER = 'Sortable';

/** Four messages from four senders (case and accents chosen so a plain code-unit sort gets them wrong). */
const mail = [
  { name: 'Zoë Zwart', address: 'zoe@example.com', subject: 'Offerte dakgoot', seen: false, minutesAgo: 10 },
  { name: 'anna Bakker', address: 'anna@example.com', subject: 'Vraag over factuur', seen: true, minutesAgo: 20 },
  { name: 'Émile Dupont', address: 'emile@example.com', subject: 'Levering volgende week', seen: true, minutesAgo: 30 },
  { name: 'Bram de Vries', address: 'bram@example.com', subject: 'Afspraak dinsdag', seen: false, minutesAgo: 40 },
];
const rowName = (m: (typeof mail)[number]) => `${m.name}, ${m.subject}`;
const byName = (name: string) => rowName(mail.find((m) => m.name === name) as (typeof mail)[number]);

/** The rows' names, top to bottom. */
function shownRows(page: Page): Promise<string[]> {
  return messageList(page)
    .getByRole('option')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
}

const folderItem = (page: Page, name: RegExp) => page.getByRole('treeitem', { name }).first();

test.beforeEach(async ({ stack }) => {
  await imapAs(stack, 'alice', async (client) => {
    await client.mailboxCreate(FOLDER);
    for (const m of mail) {
      const date = new Date(Date.now() - m.minutesAgo * 60_000);
      const raw = [
        `From: ${m.name} <${m.address}>`,
        'To: alice@example.test',
        `Subject: ${m.subject}`,
        `Date: ${date.toUTCString()}`,
        `Message-ID: <${m.address.replace('@', '.')}.${m.minutesAgo}@example.com>`,
        'Content-Type: text/plain; charset=utf-8',
        'MIME-Version: 1.0',
        '',
        'Goedemiddag.',
        '',
      ].join('\r\n');
      await client.append(FOLDER, Buffer.from(raw, 'utf8'), m.seen ? ['\\Seen'] : [], date);
    }
  });
});

test('Unread shows only unread mail, sort by sender orders A to Z, and both are remembered per folder and after a reload', async ({ page, app, signIn }) => {
  await signIn('alice');
  await page.goto(app.url);
  await folderItem(page, /^Sortable(,|$)/).click();
  await expect(messageList(page).getByRole('option')).toHaveCount(4);
  await expect.poll(() => shownRows(page)).toEqual(mail.map(rowName));

  const filters = page.getByRole('group', { name: 'Filters' });
  await filters.getByRole('button', { name: 'Unread' }).click();
  await expect(filters.getByRole('button', { name: 'Unread' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => shownRows(page)).toEqual([byName('Zoë Zwart'), byName('Bram de Vries')]);
  await expect(page.getByRole('status').filter({ hasText: 'Filtered: Unread — 2 of 4' })).toBeVisible();

  // Nothing flagged here: the list says so in words instead of an empty pane.
  await filters.getByRole('button', { name: 'Flagged' }).click();
  await expect(page.getByText('No messages in Sortable match these filters.')).toBeVisible();
  await filters.getByRole('button', { name: 'Unread' }).click();
  await expect(page.getByText('No flagged messages in Sortable.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(messageList(page).getByRole('option')).toHaveCount(4);

  await page.getByLabel('Sort by', { exact: true }).selectOption({ label: 'Sender' });
  await expect(page.getByLabel('Order', { exact: true })).toHaveValue('asc');
  const aToZ = ['anna Bakker', 'Bram de Vries', 'Émile Dupont', 'Zoë Zwart'].map(byName);
  await expect.poll(() => shownRows(page)).toEqual(aToZ);
  await page.getByLabel('Order', { exact: true }).selectOption({ label: 'Z to A' });
  await expect.poll(() => shownRows(page)).toEqual([...aToZ].reverse());
  await page.getByLabel('Order', { exact: true }).selectOption({ label: 'A to Z' });
  await filters.getByRole('button', { name: 'Unread' }).click();
  await expect.poll(() => shownRows(page)).toEqual([byName('Bram de Vries'), byName('Zoë Zwart')]);
  await screenshot(page, 'list-controls-unread-by-sender');

  // Another folder has its own view (the default), and coming back finds this one as it was left.
  await folderItem(page, /^Inbox(,|$)/).click();
  await expect(filters.getByRole('button', { name: 'Unread' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByLabel('Sort by', { exact: true })).toHaveValue('date');
  await folderItem(page, /^Sortable(,|$)/).click();
  await expect(filters.getByRole('button', { name: 'Unread' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Sort by', { exact: true })).toHaveValue('sender');
  await expect.poll(() => shownRows(page)).toEqual([byName('Bram de Vries'), byName('Zoë Zwart')]);

  await page.reload();
  await folderItem(page, /^Sortable(,|$)/).click();
  await expect(filters.getByRole('button', { name: 'Unread' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Sort by', { exact: true })).toHaveValue('sender');
  await expect.poll(() => shownRows(page)).toEqual([byName('Bram de Vries'), byName('Zoë Zwart')]);
  // Reading a message in the Unread view marks it read but leaves it in place until the person moves on.
  const zoe = messageList(page).getByRole('option', { name: byName('Zoë Zwart') });
  await zoe.click();
  await expect(page.getByRole('heading', { name: 'Offerte dakgoot' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as unread' })).toBeVisible();
  await expect(zoe).not.toHaveAccessibleDescription(/Unread/);
  expect(await shownRows(page)).toEqual([byName('Bram de Vries'), byName('Zoë Zwart')]);
  await messageList(page).getByRole('option', { name: byName('Bram de Vries') }).click();
  await expect.poll(() => shownRows(page)).toEqual([byName('Bram de Vries')]);
});

test('the Conversations switch shows one row per conversation with its size, remembered after a reload', async ({ page, app, signIn, stack }) => {
  const stamp = Date.now();
  const first = `<start.${stamp}@example.com>`;
  await imapAs(stack, 'alice', async (client) => {
    await client.mailboxCreate('Threads');
    const put = (from: string, subject: string, id: string, minutesAgo: number, inReplyTo?: string) => {
      const date = new Date(stamp - minutesAgo * 60_000);
      const raw = [
        `From: ${from}`,
        'To: alice@example.test',
        `Subject: ${subject}`,
        `Date: ${date.toUTCString()}`,
        `Message-ID: ${id}`,
        ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`, `References: ${inReplyTo}`] : []),
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Tekst.',
        '',
      ].join('\r\n');
      return client.append('Threads', raw, [], date);
    };
    await put('Kees Klant <kees@example.com>', 'Lekkage badkamer', first, 30);
    await put('Alice <alice@example.test>', 'Re: Lekkage badkamer', `<reply.${stamp}@example.test>`, 20, first);
    await put('Lotte Leverancier <lotte@example.com>', 'Nieuwe prijslijst', `<other.${stamp}@example.com>`, 10);
  });
  await signIn('alice');
  await page.goto(app.url);
  await folderItem(page, /^Threads(,|$)/).click();
  await expect(messageList(page).getByRole('option')).toHaveCount(3);

  const conversations = page.getByRole('switch', { name: 'Conversations' });
  await conversations.click();
  await expect(conversations).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => shownRows(page), { timeout: 20_000 }).toEqual(['Lotte Leverancier, Nieuwe prijslijst', 'Alice, Re: Lekkage badkamer']);
  const thread = messageList(page).getByRole('option', { name: 'Alice, Re: Lekkage badkamer' });
  await expect(thread).toHaveAccessibleDescription(/2 messages in this conversation/);
  await screenshot(page, 'list-controls-conversations');

  await page.reload();
  await folderItem(page, /^Threads(,|$)/).click();
  await expect(page.getByRole('switch', { name: 'Conversations' })).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => shownRows(page), { timeout: 20_000 }).toEqual(['Lotte Leverancier, Nieuwe prijslijst', 'Alice, Re: Lekkage badkamer']);
});
