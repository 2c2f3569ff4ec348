/**
 * Issue #5 figure: the time to render a month holding 1,000 events. 1,000 appointments are
 * imported into info@'s calendar (calendar.import); once alice's cache holds them, the time from
 * pressing "Month" to the grid painted is taken in the page (performance.now to the frame after
 * the grid is in the DOM), first and median of five. Figures go to the annotations, not
 * assertions; the test checks what a person would: every day of July shows its first events and
 * "+N more" for the rest.
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

/** Presses a view button and resolves when the frame after `selector` appeared has been painted. */
function timeView(page: Page, label: string, selector: string): Promise<number> {
  return page.evaluate(
    async ({ label, selector }) => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('button[aria-pressed]')].find((b) => b.textContent === label);
      if (!button) throw new Error(`no ${label} button`);
      const t0 = performance.now();
      button.click();
      await new Promise<void>((resolve) => {
        const check = () => (document.querySelector(selector) ? requestAnimationFrame(() => setTimeout(resolve, 0)) : requestAnimationFrame(check));
        requestAnimationFrame(check);
      });
      return performance.now() - t0;
    },
    { label, selector },
  );
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

    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      times.push(await timeView(alice.page, 'Month', '.month-grid__cell'));
      await timeView(alice.page, 'Week', '.time-grid__slots');
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    test.info().annotations.push({
      type: 'month with 1,000 events: Month pressed → grid painted',
      description: `first ${times[0]!.toFixed(0)} ms, median of 5 ${median.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`,
    });
    console.log(`month render with ${count} events: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);

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
