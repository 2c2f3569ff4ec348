/**
 * Issue #5 §4: moving an appointment by dragging it in the week grid, and resizing it by its
 * bottom edge, change its time on the server (the Kolab message's DTSTART/DTEND, RFC 6321).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from '../support/fixtures';
import { appointment, calendarDesk, decodePayload, eventButton, openCalendar, saveEvent, serverMessages } from './calendarDesk';

/** The centre of a box, or a point `dy` pixels below its top. */
async function pointIn(locator: Locator, dy?: number): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: dy === undefined ? box.y + box.height / 2 : box.y + dy };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

/**
 * The IMAP UIDs of the event's messages in the window's cache. A move is saved as a new message
 * (a new UID) and the old one removed; the event's element is drawn again when the sync brings
 * that, so a second drag must wait for it or it may grab the element that goes away.
 */
function cachedUids(page: Page, eventUid: string): Promise<number[]> {
  return page.evaluate(async (wanted) => {
    const open = indexedDB.open('postvak');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<{ imapUid: number; event: { uid: string } | null }[]>((resolve) => {
      const request = db.transaction('events').objectStore('events').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return rows.filter((row) => row.event?.uid === wanted).map((row) => row.imapUid).sort((a, b) => a - b);
  }, eventUid);
}

const slot = (page: Page, label: string) => page.getByRole('gridcell', { name: label, exact: true });

async function serverTimes(stack: Parameters<typeof serverMessages>[0], uid: string): Promise<string[]> {
  const messages = (await serverMessages(stack)).filter((message) => message.subject === uid);
  return messages.map((message) => {
    const xml = decodePayload(message.source);
    const at = (name: string) => new RegExp(`<${name}>.*?<date-time>([^<]+)</date-time>`, 's').exec(xml)?.[1] ?? '';
    return `${at('dtstart')}/${at('dtend')}`;
  });
}

test('dragging an appointment moves it to another day and hour; dragging its bottom edge makes it longer', async ({ browser, stack }) => {
  test.setTimeout(120_000);
  const alice = await calendarDesk(browser, stack, 'alice');
  try {
    const uid = `leverancier-${Date.now()}@example.test`;
    await saveEvent(alice, appointment({ uid, summary: 'Leverancier bellen', date: '2030-06-04', start: '09:00', end: '10:00', by: alice.email }));
    await openCalendar(alice.page, '2030-06-04');
    const before = eventButton(alice.page, 'Leverancier bellen', '09:00–10:00');
    await expect(before).toBeVisible({ timeout: 20_000 });

    // Grab it a few pixels below its top (09:00 and a bit) and drop it on Wednesday's 11:00 slot.
    const target = slot(alice.page, 'Wednesday, 5 June 2030, 11:00');
    await drag(alice.page, await pointIn(before, 6), await pointIn(target, 6));
    const moved = eventButton(alice.page, 'Leverancier bellen', '11:00–12:00');
    await expect(moved).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => serverTimes(stack, uid)).toEqual(['2030-06-05T11:00:00/2030-06-05T12:00:00']);
    await screenshot(alice.page, 'alice-moved-by-drag');
    // The cache holds the server's copy of the moved event (and no longer the old one).
    const serverUids = (await serverMessages(stack)).filter((message) => message.subject === uid).map((message) => message.uid);
    await expect.poll(() => cachedUids(alice.page, uid), { timeout: 20_000 }).toEqual(serverUids);

    // Its bottom edge down by one hour (two half-hour slots).
    const box = await moved.boundingBox();
    if (!box) throw new Error('moved event not on screen');
    const slotHeight = (await target.boundingBox())?.height ?? 24;
    const edge = { x: box.x + box.width / 2, y: box.y + box.height - 2 };
    await drag(alice.page, edge, { x: edge.x, y: edge.y + slotHeight * 2 });
    await expect(eventButton(alice.page, 'Leverancier bellen', '11:00–13:00')).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => serverTimes(stack, uid)).toEqual(['2030-06-05T11:00:00/2030-06-05T13:00:00']);
    await screenshot(alice.page, 'alice-resized-by-drag');

    // A click (no drag) on an empty slot opens the form for an hour there.
    await slot(alice.page, 'Thursday, 6 June 2030, 15:00').click();
    const form = alice.page.getByRole('dialog');
    await expect(form.getByLabel('Start date')).toHaveValue('2030-06-06');
    await expect(form.getByLabel('Start time')).toHaveValue('15:00');
    await expect(form.getByLabel('End time')).toHaveValue('16:00');
    await form.getByRole('button', { name: 'Cancel' }).click();

    // The keyboard way: the focused slot, arrow keys and Enter open the same form.
    await slot(alice.page, 'Thursday, 6 June 2030, 15:00').focus();
    await alice.page.keyboard.press('ArrowRight');
    await alice.page.keyboard.press('ArrowDown');
    await alice.page.keyboard.press('Enter');
    await expect(form.getByLabel('Start date')).toHaveValue('2030-06-07');
    await expect(form.getByLabel('Start time')).toHaveValue('15:30');
    await form.getByRole('button', { name: 'Cancel' }).click();

    // PageDown / PageUp move a week; Arrow keys past the last day move on too.
    await alice.page.keyboard.press('PageDown');
    await expect(alice.page.getByRole('heading', { name: '10 – 16 Jun 2030' })).toBeVisible();
    await alice.page.keyboard.press('PageUp');
    await expect(alice.page.getByRole('heading', { name: '3 – 9 Jun 2030' })).toBeVisible();
    await slot(alice.page, 'Sunday, 9 June 2030, 08:00').focus();
    await alice.page.keyboard.press('ArrowRight');
    await expect(alice.page.getByRole('heading', { name: '10 – 16 Jun 2030' })).toBeVisible();

    // Hiding info@'s calendar hides its events; showing it again brings them back.
    await alice.page.keyboard.press('t');
    await alice.page.getByLabel('Go to date').fill('2030-06-05');
    const shown = eventButton(alice.page, 'Leverancier bellen', '11:00–13:00');
    await expect(shown).toBeVisible();
    const infoCalendar = alice.page.getByRole('checkbox', { name: /^info@example\.test/ });
    await infoCalendar.uncheck();
    await expect(shown).toHaveCount(0);
    await infoCalendar.check();
    await expect(shown).toBeVisible();
  } finally {
    await alice.close();
  }
});
