/**
 * A busy month (issue #5 §3): 1,000 appointments imported into info@'s calendar
 * (calendar.import); the month view shows each day's first events and "+N more", which opens the
 * day with all of them. How fast that month paints is measured by `npm run bench`
 * (test/bench/calendar.mjs), not here.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from '../support/fixtures';
import { INFO_CALENDAR, calendarDesk, openCalendar } from './calendarDesk';

const count = 1000;

/** 1,000 one-hour appointments over July 2030, 32 or 33 a day between 08:00 and 18:00 UTC. */
function julyIcs(): string {
  const stamp = '20300101T000000Z';
  const events = Array.from({ length: count }, (_, i) => {
    const day = String((i % 31) + 1).padStart(2, '0');
    const hour = 8 + (i % 10);
    const at = (h: number) => `203007${day}T${String(h).padStart(2, '0')}${i % 2 ? '30' : '00'}00Z`;
    return ['BEGIN:VEVENT', `UID:bench-${i}@example.test`, `DTSTAMP:${stamp}`, `DTSTART:${at(hour)}`, `DTEND:${at(hour + 1)}`, `SUMMARY:Afspraak ${i + 1}`, 'END:VEVENT'].join('\r\n');
  });
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Postvak//bench//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
}

async function cachedEvents(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const open = indexedDB.open('postvak');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const request = db.transaction('events').objectStore('events').count();
    const n = await new Promise<number>((resolve) => (request.onsuccess = () => resolve(request.result)));
    db.close();
    return n;
  });
}

test('a month with 1,000 events: every day shows its first events and how many more', async ({ browser, stack }) => {
  test.setTimeout(240_000);
  const alice = await calendarDesk(browser, stack, 'alice');
  try {
    const imported = await alice.call('calendar.import', { accountId: alice.accountId, folderPath: INFO_CALENDAR, ics: julyIcs() });
    expect(imported.ok, JSON.stringify(imported.error)).toBe(true);
    expect((imported.value as { imported: number }).imported).toBe(count);
    await openCalendar(alice.page, '2030-07-15', 'Week');
    await expect.poll(() => cachedEvents(alice.page), { timeout: 120_000 }).toBeGreaterThanOrEqual(count);

    await alice.page.getByRole('button', { name: 'Month', exact: true }).click();
    // 1,000 over 31 days: the first eight days of July hold 33, the others 32 (Mondays also have
    // the seed's weekly meeting); a cell shows three and "+N more".
    const day = (label: string) => alice.page.getByRole('gridcell', { name: label, exact: true });
    await expect(day('Tuesday, 2 July 2030').getByRole('button', { name: '+30 more' })).toBeVisible();
    await expect(day('Thursday, 11 July 2030').getByRole('button', { name: '+29 more' })).toBeVisible();
    await expect(day('Thursday, 11 July 2030').getByRole('button', { name: /^Afspraak \d+, / })).toHaveCount(3);
    await screenshot(alice.page, 'month-1000-events');
    await day('Thursday, 11 July 2030').getByRole('button', { name: '+29 more' }).click();
    await expect(alice.page.getByRole('button', { name: 'Day', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(alice.page.getByRole('button', { name: /^Afspraak \d+, / })).toHaveCount(32);
  } finally {
    await alice.close();
  }
});
