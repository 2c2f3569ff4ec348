/**
 * In-page timings of the message list and the folder tree for the scale bench (issue #11 §6),
 * through the UI contract only — no app hooks: message rows are role=option with aria-posinset
 * and aria-setsize inside the list's listbox (placeholders of rows not read yet are not options),
 * folder tree items are role=treeitem named by folder name and unread count.
 *
 * Every time is taken in the page's own clock: the start is the input event's timeStamp (a click
 * Playwright sends as real input) or the moment the page sets the list's scrollTop; the end is the
 * first animation frame whose DOM shows the awaited state — the frame it is painted in.
 */
/* global document, window, indexedDB, getComputedStyle, requestAnimationFrame, MutationObserver */

/**
 * Arms a watch that ends at the first frame in which the list shows at least a screenful of
 * loaded rows of a list of `setsize` rows, starting at the next click (trigger 'click') or at
 * `scrollTo(page, fraction)`. Read the result with `paintResult`.
 */
export function armListPaint(page, { setsize, trigger }) {
  return page.evaluate(
    ({ setsize, trigger }) => {
      const state = { start: null, painted: null, rows: null, error: null };
      window.__benchPaint = state;
      const listbox = () => document.querySelector('[role="listbox"]:has([role="option"][aria-posinset])') ?? document.querySelector('[role="listbox"]');
      const scroller = () => {
        for (let el = listbox(); el; el = el.parentElement) {
          const overflow = getComputedStyle(el).overflowY;
          if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight + 1) return el;
        }
        return null;
      };
      window.__benchScroller = scroller;
      if (trigger === 'click') document.addEventListener('click', (e) => (state.start ??= e.timeStamp), { capture: true, once: true });
      const deadline = performance.now() + 120_000;
      const frame = () => {
        if (state.start !== null) {
          const box = scroller();
          const view = box?.getBoundingClientRect();
          if (view) {
            const shown = [];
            for (const el of box.querySelectorAll('[role="option"][aria-posinset]')) {
              if (Number(el.getAttribute('aria-setsize')) !== setsize) continue;
              const r = el.getBoundingClientRect();
              if (r.height > 0 && r.top >= view.top - 1 && r.bottom <= view.bottom + 1) shown.push({ el, pos: Number(el.getAttribute('aria-posinset')), height: r.height });
            }
            const rowHeight = shown[0]?.height ?? 1;
            const screenful = Math.min(setsize, Math.floor(view.height / rowHeight) - 1);
            if (shown.length > 0 && shown.length >= screenful) {
              state.painted = performance.now();
              shown.sort((a, b) => a.pos - b.pos);
              const dates = shown.map((s) => Date.parse(s.el.querySelector('time[datetime]')?.getAttribute('datetime') ?? '')).filter((d) => !Number.isNaN(d));
              const mailboxes = new Set();
              for (const s of shown) {
                const description = (s.el.getAttribute('aria-describedby') ?? '')
                  .split(/\s+/)
                  .map((id) => document.getElementById(id)?.textContent ?? '')
                  .join(' ');
                const address = /[\w.+-]+@[\w-]+(\.[\w-]+)+/.exec(description)?.[0];
                if (address) mailboxes.add(address);
              }
              state.rows = {
                count: shown.length,
                firstPos: shown[0].pos,
                lastPos: shown.at(-1).pos,
                newestFirst: dates.length === shown.length ? dates.every((d, i) => i === 0 || d <= dates[i - 1]) : null,
                mailboxes: [...mailboxes],
                scrollTop: box.scrollTop,
                scrollHeight: box.scrollHeight,
              };
              return;
            }
          }
        }
        if (performance.now() > deadline) state.error = 'no screenful of rows within 120 s';
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    },
    { setsize, trigger },
  );
}

/** Scrolls the message list to `fraction` (0 top … 1 end) of its range; starts an armed watch. */
export function scrollTo(page, fraction) {
  return page.evaluate((fraction) => {
    const box = window.__benchScroller?.();
    if (!box) throw new Error('bench: no scrolling message list');
    const top = Math.round(fraction * (box.scrollHeight - box.clientHeight));
    window.__benchPaint.start = performance.now();
    box.scrollTop = top;
    return top;
  }, fraction);
}

/** → { ms, rows } once the armed watch ended (null while waiting); throws on its timeout. */
export async function paintResult(page) {
  const state = await page.evaluate(() => window.__benchPaint);
  if (state.error) throw new Error(`bench: ${state.error}`);
  return state.painted === null ? null : { ms: state.painted - state.start, rows: state.rows };
}

/**
 * Arms a watch on the selected folder's tree item: from the next click to the first frame in
 * which its name (which carries the unread count) differs from now. Read with `treeResult`.
 */
export function armTreeCount(page) {
  return page.evaluate(() => {
    const selected = () => document.querySelector('[role="treeitem"][aria-selected="true"]');
    const before = selected()?.getAttribute('aria-label') ?? null;
    const state = { before, after: null, start: null, changed: null, painted: null };
    window.__benchTree = state;
    document.addEventListener('click', (e) => (state.start ??= e.timeStamp), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const label = selected()?.getAttribute('aria-label') ?? null;
      if (state.start === null || label === before) return;
      observer.disconnect();
      state.changed = performance.now();
      state.after = label;
      requestAnimationFrame(() => (state.painted = performance.now()));
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label', 'aria-selected'] });
  });
}

/** → { ms (click → painted), domMs (click → DOM), before, after } once the count changed, else null. */
export async function treeResult(page) {
  const s = await page.evaluate(() => window.__benchTree);
  return s.painted === null ? null : { ms: s.painted - s.start, domMs: s.changed - s.start, before: s.before, after: s.after };
}

/** The unread count in a tree item's name ("Inbox, 12,345 unread" → 12345), or 0 without one. */
export function unreadIn(label) {
  const m = /,\s*([\d.,\s\u00a0\u202f]+)\s+\S+$/.exec(label ?? '');
  return m ? Number(m[1].replace(/\D/g, '')) : 0;
}

/** The DOM id of a visible unread row of the list (its description says so), or null. */
export function unreadRowId(page, unreadWord) {
  return page.evaluate((unreadWord) => {
    for (const el of document.querySelectorAll('[role="option"][aria-posinset]')) {
      const r = el.getBoundingClientRect();
      if (r.height === 0 || r.top < 0 || r.bottom > window.innerHeight) continue;
      const text = (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(', ');
      if (el.id && text.split(/,\s*/).includes(unreadWord)) return el.id;
    }
    return null;
  }, unreadWord);
}

/**
 * Reads a counters row (`counts` store, src/renderer/db/pages/pageRows.ts) `reads` times with the
 * raw IndexedDB API, each in its own read transaction as a view would: → { medianMs, p95Ms, row }.
 */
export function timeCountRead(page, id, reads = 50) {
  return page.evaluate(
    async ({ id, reads }) => {
      const request = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      const db = await request(indexedDB.open('postvak'));
      const times = [];
      let row = null;
      for (let i = 0; i < reads; i++) {
        const t0 = performance.now();
        row = await request(db.transaction('counts', 'readonly').objectStore('counts').get(id));
        times.push(performance.now() - t0);
      }
      db.close();
      times.sort((a, b) => a - b);
      const at = (q) => times[Math.min(times.length - 1, Math.max(0, Math.ceil(q * times.length) - 1))];
      return { medianMs: at(0.5), p95Ms: at(0.95), row };
    },
    { id, reads },
  );
}

/** The account's folders with role inbox and every `folder:` counters row: → { inboxes, counts }. */
export function cacheOverview(page, accountId) {
  return page.evaluate(
    (accountId) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('postvak');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['folders', 'counts'], 'readonly');
          const out = { inboxes: [], counts: [] };
          tx.objectStore('folders').getAll().onsuccess = (e) =>
            (out.inboxes = e.target.result.filter((f) => f.accountId === accountId && f.role === 'inbox').map((f) => ({ path: f.path, mailboxId: f.mailboxId })));
          tx.objectStore('counts').getAll().onsuccess = (e) => (out.counts = e.target.result);
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
    accountId,
  );
}
