/**
 * What the calendar bench does and reads inside a page: opens the calendar screen the way a
 * person does (Calendar, "Go to date", a view button), counts a calendar's events in the app's
 * IndexedDB cache (database `postvak`, store `events` keyed [accountId, folderPath, imapUid] —
 * src/renderer/db/schema.ts), times a view switch to the frame after it painted, and notes when
 * event buttons with given titles first appear (their accessible name starts with the title:
 * "Title, 10:00–11:00, info@example.test", src/renderer/features/calendar/eventLabel.ts).
 */
/* global indexedDB, IDBKeyRange, document, window, MutationObserver, requestAnimationFrame */

/** Calendar → the date → the view; resolves once the calendar list names `calendarAddress`. */
export async function openCalendar(page, day, view, calendarAddress) {
  await page.getByRole('button', { name: 'Calendar', exact: true }).click();
  await page.getByLabel('Go to date').fill(day);
  await page.getByRole('button', { name: view, exact: true }).click();
  await page.getByRole('checkbox', { name: new RegExp(`^${calendarAddress.replace(/\./g, '\\.')}`) }).waitFor({ state: 'visible', timeout: 60_000 });
}

/** Events of one calendar folder in the page's cache whose UID starts with `uidPrefix`. */
export function cachedEvents(page, accountId, folderPath, uidPrefix) {
  return page.evaluate(
    ({ accountId, folderPath, uidPrefix }) =>
      new Promise((resolve) => {
        const open = indexedDB.open('postvak');
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('events')) {
            db.close();
            return resolve(0);
          }
          // The Dexie index [accountId+folderPath+event.uid] (src/renderer/db/schema.ts).
          const index = db.transaction('events', 'readonly').objectStore('events').index('[accountId+folderPath+event.uid]');
          const request = index.count(IDBKeyRange.bound([accountId, folderPath, uidPrefix], [accountId, folderPath, `${uidPrefix}\uffff`]));
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => {
            db.close();
            resolve(0);
          };
        };
      }),
    { accountId, folderPath, uidPrefix },
  );
}

/**
 * Presses the view button `label` in the page and resolves with the milliseconds until the first
 * frame showing the new view's event buttons has been painted. Month = event buttons inside day
 * cells ([data-day]); the time grid views have no day cells.
 */
export function timeView(page, label, view) {
  return page.evaluate(
    ({ label, view }) => {
      const ready = () =>
        view === 'month'
          ? document.querySelector('[role="gridcell"][data-day] button[data-occurrence]') !== null
          : document.querySelector('[role="gridcell"][data-day]') === null && document.querySelector('main button[data-occurrence]') !== null;
      const button = [...document.querySelectorAll('button[aria-pressed]')].find((b) => b.textContent === label);
      if (!button) throw new Error(`bench: no "${label}" view button`);
      return new Promise((resolve) => {
        const t0 = performance.now();
        button.click();
        // Checked in animation callbacks: the frame whose callback first sees the view is the one
        // that paints it, and a task queued there runs once that paint is done.
        const check = () => (ready() ? setTimeout(() => resolve(performance.now() - t0), 0) : requestAnimationFrame(check));
        requestAnimationFrame(check);
      });
    },
    { label, view },
  );
}

/** Occurrences the month grid accounts for in the month's own days: buttons plus every "+N more". */
export function monthOccurrences(page, month) {
  return page.evaluate((month) => {
    let n = 0;
    for (const cell of document.querySelectorAll(`[role="gridcell"][data-day^="${month}"]`)) {
      n += cell.querySelectorAll('button[data-occurrence]').length;
      for (const more of cell.querySelectorAll('button:not([data-occurrence])')) n += Number(/\d+/.exec(more.textContent ?? '')?.[0] ?? 0);
    }
    return n;
  }, month);
}

/** Starts noting Date.now() when an event button titled with a wanted title first appears, and its next frame. */
export function watchEventTitles(page) {
  return page.evaluate(() => {
    window.__benchSeenEvents = {};
    window.__benchWantedEvents = new Set();
    const scan = () => {
      for (const title of window.__benchWantedEvents) {
        if (window.__benchSeenEvents[title]) continue;
        for (const el of document.querySelectorAll('button[data-occurrence]')) {
          if (!(el.getAttribute('aria-label') ?? '').startsWith(`${title}, `)) continue;
          const dom = Date.now();
          window.__benchSeenEvents[title] = { dom, painted: dom };
          requestAnimationFrame(() => (window.__benchSeenEvents[title].painted = Date.now()));
          break;
        }
      }
    };
    new MutationObserver(scan).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  });
}

export function wantEventTitle(page, title) {
  return page.evaluate((t) => window.__benchWantedEvents.add(t), title);
}

export function seenEventTitle(page, title) {
  return page.evaluate((t) => window.__benchSeenEvents[t] ?? null, title);
}
