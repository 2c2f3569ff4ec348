/**
 * Issue #13 "Done means", through the UI against the real stack: alice finds a message in info@
 * by a word of its subject, by `from:` a customer, by a Dutch word typed without its diacritic,
 * by the name of an attachment, and by a word only in the body of a message she never opened
 * (the server's answer) — each result marked info@ and opening in info@ (a reply from there
 * is From info@). carol, who has no rights on sales@, never sees sales@'s messages. Ctrl+E and
 * `/` reach the box, the scope switch narrows, Escape returns to the folder.
 */
import type { Page } from '@playwright/test';
import { chosenLabel, composer, discard, fromPicker } from './support/compose';
import { atDesk } from './support/desk';
import { expect, screenshot, test } from './support/fixtures';
import { openMailboxFolder } from './support/mailboxFolders';
import { mailboxNode, messageList } from './support/session';
import { deliverAll, longIntro, resultRow, scopeRadio, searchBox, searchStatus, typeSearch } from './support/searchMail';

const INFO = 'info@example.test';
const SALES = 'sales@example.test';
/** The first sync, the index behind it and a server search: generous, the test waits on what shows. */
const FOUND = { timeout: 45_000 };

const subjects = {
  word: 'Offerte zonnepanelen voor het nieuwe pand',
  customer: 'Vraag over factuur 2291',
  diacritic: 'Coördinatie verhuizing magazijn',
  attachment: 'Tekeningen voor de verbouwing',
  bodyOnly: 'Levering volgende week',
  other: 'Nieuwsbrief december',
};

/** The reader shows the message: its subject as the heading. */
const readerShows = (page: Page, subject: string) => page.getByRole('main', { name: 'Message' }).getByRole('heading', { name: subject });

test('alice finds info@ mail by subject, from:, a word without its diacritic, an attachment name and a body-only word (the server); each opens in info@', async ({ browser, stack }) => {
  test.setTimeout(240_000);
  await deliverAll(stack, [
    { from: 'Pieter Bakker <pieter@bakkerbouw.nl>', to: INFO, subject: subjects.word, body: 'Graag ontvangen wij een offerte.', minutesAgo: 6 },
    { from: 'Mevrouw de Vries <m.devries@klant.nl>', to: INFO, subject: subjects.customer, body: 'Ik heb een vraag over de factuur.', minutesAgo: 5 },
    { from: 'Jan Smit <jan@smitlogistiek.nl>', to: INFO, subject: subjects.diacritic, body: 'Wie pakt dit op?', minutesAgo: 4 },
    {
      from: 'Architectenbureau Hout <post@hout.nl>',
      to: INFO,
      subject: subjects.attachment,
      body: 'Zie de bijlage.',
      attachment: { name: 'plattegrond-kantoor.pdf', content: '%PDF-1.4 plattegrond' },
      minutesAgo: 3,
    },
    // The word is deep in the body: in neither the snippet nor anything the cache holds unopened.
    { from: 'Groothandel Peters <verkoop@peters.nl>', to: INFO, subject: subjects.bodyOnly, body: `${longIntro}Het gaat om de schroefdraadverbinding van order 7781.`, minutesAgo: 2 },
    { from: 'Nieuws <nieuws@vereniging.nl>', to: INFO, subject: subjects.other, body: 'Het laatste nieuws.', minutesAgo: 1 },
  ]);
  const alice = await atDesk(browser, stack, 'alice');
  try {
    const page = alice.page;
    // info@'s Inbox on screen: every search below must replace it with results.
    await openMailboxFolder(page, INFO, /^Inbox/);
    await expect(resultRow(page, subjects.other)).toBeVisible(FOUND);

    const findsInInfo = async (query: string, subject: string) => {
      await test.step(`"${query}" finds "${subject}" in info@`, async () => {
        await typeSearch(page, query);
        const row = resultRow(page, subject);
        await expect(row).toBeVisible(FOUND);
        await expect(row).toContainText(INFO);
        // The newsletter (in info@'s Inbox, on screen before) has none of these words: the list shows results.
        await expect(resultRow(page, subjects.other)).toHaveCount(0);
        await row.click();
        await expect(readerShows(page, subject)).toBeVisible();
      });
    };

    await findsInInfo('zonnepanelen', subjects.word);
    // Opened in its own mailbox: a reply is written from info@, as in info@'s own Inbox.
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    const reply = composer(page, 'Reply');
    await expect(reply).toBeVisible();
    await expect.poll(() => chosenLabel(fromPicker(reply))).toContain(`<${INFO}>`);
    await discard(page, reply);

    await findsInInfo('from:m.devries@klant.nl', subjects.customer);
    await test.step('the same through a suggestion, shown as a chip that takes it out again', async () => {
      await typeSearch(page, 'from:m.dev');
      const suggestion = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: /^from:m\.devries@klant\.nl/ });
      await expect(suggestion).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(searchBox(page)).toHaveValue('from:m.devries@klant.nl ');
      await expect(resultRow(page, subjects.customer)).toBeVisible(FOUND);
      await page.getByRole('list', { name: 'Search terms' }).getByRole('button', { name: 'Remove From: m.devries@klant.nl' }).click();
      await expect(searchBox(page)).toHaveValue('');
      await expect(resultRow(page, subjects.other)).toBeVisible();
    });
    await findsInInfo('coordinatie', subjects.diacritic);
    await findsInInfo('plattegrond-kantoor.pdf', subjects.attachment);
    await screenshot(page, 'found-by-attachment-name');

    await test.step('a word only in the body of an unopened message is found on the server', async () => {
      await typeSearch(page, 'schroefdraadverbinding');
      const row = resultRow(page, subjects.bodyOnly);
      await expect(row).toBeVisible(FOUND);
      await expect(row).toContainText(INFO);
      await expect(searchStatus(page)).toContainText('on the server');
      await screenshot(page, 'found-on-the-server');
      await row.click();
      await expect(readerShows(page, subjects.bodyOnly)).toBeVisible();
      await expect(page.getByRole('main', { name: 'Message' })).toContainText('schroefdraadverbinding');
    });
  } finally {
    await alice.close();
  }
});

test('carol, without rights on sales@, never sees sales@ mail in results; her own and info@’s hits show', async ({ browser, stack }) => {
  test.setTimeout(180_000);
  await deliverAll(stack, [
    { from: 'Leverancier <offerte@leverancier.nl>', to: SALES, subject: 'Paarsblauw tarief vertrouwelijk', body: `Paarsblauw. ${longIntro}paarsblauw`, minutesAgo: 3 },
    { from: 'Klant <vraag@klant.nl>', to: INFO, subject: 'Paarsblauw logo voor de beurs', body: 'Kan het logo paarsblauw?', minutesAgo: 2 },
    // Only in the body, deep: carol's own hit comes from the server, so its search certainly ran.
    { from: 'Collega <team@klant.nl>', to: 'carol@example.test', subject: 'Kleuren voor de stand', body: `${longIntro}We kiezen paarsblauw.`, minutesAgo: 1 },
  ]);
  const carol = await atDesk(browser, stack, 'carol');
  try {
    const page = carol.page;
    await expect(mailboxNode(page, INFO)).toBeVisible(FOUND);
    await expect(mailboxNode(page, SALES)).toHaveCount(0);
    await typeSearch(page, 'paarsblauw');
    await expect(resultRow(page, 'Paarsblauw logo voor de beurs')).toBeVisible(FOUND);
    await expect(resultRow(page, 'Kleuren voor de stand')).toBeVisible(FOUND);
    // The server's share is over (nothing still being searched): whatever it would bring is in.
    await expect(searchStatus(page)).not.toContainText('Searching', FOUND);
    await expect(resultRow(page, 'Paarsblauw tarief vertrouwelijk')).toHaveCount(0);
    await expect(messageList(page)).not.toContainText(SALES);
    await screenshot(page, 'carol-results');
    // info@'s hit opens in info@, where carol may only read.
    await resultRow(page, 'Paarsblauw logo voor de beurs').click();
    await expect(page.getByText('This mailbox is read-only for you.')).toBeVisible();
  } finally {
    await carol.close();
  }
});

test('Ctrl+E and / reach the box, the scope switch narrows to the mailbox and the folder, Escape returns to the folder', async ({ browser, stack }) => {
  test.setTimeout(180_000);
  await deliverAll(stack, [
    { from: 'Kweker <info@kwekerij.nl>', to: 'alice@example.test', subject: 'Tulpenbollen voor thuis', body: 'Uw bestelling.', minutesAgo: 3 },
    { from: 'Kweker <info@kwekerij.nl>', to: INFO, subject: 'Tulpenbollen voor de entree', body: 'Uw bestelling.', minutesAgo: 2 },
    { from: 'Klant <vraag@klant.nl>', to: INFO, subject: 'Openingstijden rond kerst', body: 'Wanneer bent u open?', minutesAgo: 1 },
  ]);
  const alice = await atDesk(browser, stack, 'alice');
  try {
    const page = alice.page;
    const box = searchBox(page);
    await openMailboxFolder(page, INFO, /^Inbox/);
    await expect(resultRow(page, 'Openingstijden rond kerst')).toBeVisible(FOUND);

    await test.step('Ctrl+E and / put the focus in the box; / typed there is text', async () => {
      await resultRow(page, 'Openingstijden rond kerst').click();
      await page.keyboard.press('Control+E');
      await expect(box).toBeFocused();
      await messageList(page).focus();
      await page.keyboard.press('/');
      await expect(box).toBeFocused();
      await expect(box).toHaveValue('');
      await page.keyboard.type('a/b');
      await expect(box).toHaveValue('a/b');
    });

    await test.step('Everywhere finds both; This mailbox and This folder only info@’s', async () => {
      await typeSearch(page, 'tulpenbollen');
      await expect(scopeRadio(page, 'Everywhere')).toBeChecked();
      await expect(resultRow(page, 'Tulpenbollen voor thuis')).toBeVisible(FOUND);
      await expect(resultRow(page, 'Tulpenbollen voor de entree')).toBeVisible(FOUND);
      await scopeRadio(page, 'This mailbox').check();
      await expect(resultRow(page, 'Tulpenbollen voor thuis')).toHaveCount(0);
      await expect(resultRow(page, 'Tulpenbollen voor de entree')).toBeVisible();
      await scopeRadio(page, 'This folder').check();
      await expect(resultRow(page, 'Tulpenbollen voor thuis')).toHaveCount(0);
      await expect(resultRow(page, 'Tulpenbollen voor de entree')).toBeVisible();
      await screenshot(page, 'scope-this-folder');
      await scopeRadio(page, 'Everywhere').check();
      await expect(resultRow(page, 'Tulpenbollen voor thuis')).toBeVisible(FOUND);
    });

    await test.step('Escape empties the box and the list shows info@’s Inbox again; a second Escape goes to the list', async () => {
      await box.focus();
      await page.keyboard.press('Escape');
      await expect(box).toHaveValue('');
      await expect(resultRow(page, 'Openingstijden rond kerst')).toBeVisible();
      await expect(resultRow(page, 'Tulpenbollen voor thuis')).toHaveCount(0);
      await page.keyboard.press('Escape');
      await expect(messageList(page)).toBeFocused();
    });

    await test.step('the search is remembered and offered in the empty box', async () => {
      await page.keyboard.press('Control+E');
      await box.fill('tulpenbollen');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await expect(box).toHaveValue('');
      await page.keyboard.press('ArrowDown');
      const recent = page.getByRole('listbox', { name: 'Recent searches' }).getByRole('option', { name: 'Recent search: tulpenbollen' });
      await expect(recent).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(box).toHaveValue('tulpenbollen');
      await expect(resultRow(page, 'Tulpenbollen voor thuis')).toBeVisible(FOUND);
    });
  } finally {
    await alice.close();
  }
});
