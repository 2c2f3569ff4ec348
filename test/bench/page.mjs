/**
 * What the bench reads inside the page: the app's IndexedDB cache through the raw IndexedDB API
 * (database `postvak`, stores `messages` keyed [accountId, folderPath, uid] and `cursors` keyed
 * [accountId, path] — src/renderer/db/schema.ts), message rows on screen, and a
 * MutationObserver that notes when rows with given subjects first appear.
 */
/* global indexedDB, IDBKeyRange, document, window, MutationObserver, innerHeight */

/** → { count, cursor } of one folder in the page's cache (count only when asked: it walks keys). */
export function cacheState(page, accountId, folderPath, withCount) {
  return page.evaluate(
    ({ accountId, folderPath, withCount }) =>
      new Promise((resolve) => {
        const open = indexedDB.open('postvak');
        open.onerror = () => resolve({ count: 0, cursor: null });
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('cursors')) {
            db.close();
            return resolve({ count: 0, cursor: null });
          }
          const tx = db.transaction(['messages', 'cursors'], 'readonly');
          const out = { count: -1, cursor: null };
          tx.objectStore('cursors').get([accountId, folderPath]).onsuccess = (e) => (out.cursor = e.target.result ?? null);
          if (withCount) {
            const range = IDBKeyRange.bound([accountId, folderPath, -Infinity], [accountId, folderPath, Infinity]);
            tx.objectStore('messages').count(range).onsuccess = (e) => (out.count = e.target.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
    { accountId, folderPath, withCount },
  );
}

/**
 * Epoch milliseconds of the app's first `sync.start` call in the page — the User Timing mark
 * `postvak:sync.start` (src/renderer/sync/syncLoop.ts) — or null when it has not happened.
 */
export function syncStartedAt(page) {
  return page.evaluate(() => {
    const mark = performance.getEntriesByName('postvak:sync.start')[0];
    return mark ? performance.timeOrigin + mark.startTime : null;
  });
}

/** Message rows (role=option) at least partly inside the viewport. */
export function visibleRows(page) {
  return page.evaluate(() => {
    let n = 0;
    for (const el of document.querySelectorAll('[role="option"][aria-posinset]')) {
      const r = el.getBoundingClientRect();
      if (r.bottom > 0 && r.top < innerHeight && r.height > 0) n++;
    }
    return n;
  });
}

/** Starts noting Date.now() at the first paint-ready appearance of a row naming each subject. */
export function watchSubjects(page) {
  return page.evaluate(() => {
    window.__benchSeen = {};
    window.__benchWanted = new Set();
    const scan = () => {
      for (const subject of window.__benchWanted) {
        if (window.__benchSeen[subject]) continue;
        for (const el of document.querySelectorAll('[role="option"]')) {
          if ((el.getAttribute('aria-label') ?? '').includes(subject)) {
            // Time of the DOM change; the next animation frame is when it is painted.
            const dom = Date.now();
            window.__benchSeen[subject] = { dom, painted: dom };
            window.requestAnimationFrame(() => (window.__benchSeen[subject].painted = Date.now()));
            break;
          }
        }
      }
    };
    new MutationObserver(scan).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  });
}

export function wantSubject(page, subject) {
  return page.evaluate((s) => window.__benchWanted.add(s), subject);
}

export function seenSubject(page, subject) {
  return page.evaluate((s) => window.__benchSeen[s] ?? null, subject);
}

/** True once every selectable folder of the account has a cursor in the cache (a full pass done). */
export function accountSynced(page, accountId) {
  return page.evaluate(
    (accountId) =>
      new Promise((resolve) => {
        const open = indexedDB.open('postvak');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['folders', 'cursors'], 'readonly');
          const range = IDBKeyRange.bound([accountId, ''], [accountId, '\uffff']);
          let folders = [];
          let cursors = [];
          tx.objectStore('folders').getAll(range).onsuccess = (e) => (folders = e.target.result);
          tx.objectStore('cursors').getAllKeys(range).onsuccess = (e) => (cursors = e.target.result.map((k) => k[1]));
          tx.oncomplete = () => {
            db.close();
            const have = new Set(cursors);
            const selectable = folders.filter((f) => f.selectable);
            resolve(selectable.length > 0 && selectable.every((f) => have.has(f.path)));
          };
        };
        open.onerror = () => resolve(false);
      }),
    accountId,
  );
}

/**
 * IndexedDB's own write rate in this browser for the app's message rows: copies the object
 * store's key path and indexes from the app's database as it is (not a hand-written twin),
 * reads `count` real rows from it, and puts them into a scratch database in transactions of
 * `batch` rows — no network, no JSON, no app code. The ceiling any one-row-per-message cache
 * reaches here; → { rows, seconds, rowsPerSec, indexes }.
 */
export function idbCeiling(page, { count, batch }) {
  return page.evaluate(
    async ({ count, batch }) => {
      const request = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      const source = await request(indexedDB.open('postvak'));
      const store = source.transaction('messages', 'readonly').objectStore('messages');
      const shape = {
        keyPath: store.keyPath,
        autoIncrement: store.autoIncrement,
        indexes: [...store.indexNames].map((name) => {
          const index = store.index(name);
          return { name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
        }),
      };
      const rows = await request(store.getAll(null, count));
      source.close();
      const name = `postvak-bench-ceiling-${Date.now()}`;
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        const target = open.result.createObjectStore('messages', { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
        for (const i of shape.indexes) target.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      };
      const db = await request(open);
      const t0 = performance.now();
      for (let at = 0; at < rows.length; at += batch) {
        await new Promise((resolve, reject) => {
          const tx = db.transaction('messages', 'readwrite');
          const target = tx.objectStore('messages');
          for (const row of rows.slice(at, at + batch)) target.put(row);
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      }
      const seconds = (performance.now() - t0) / 1000;
      db.close();
      await request(indexedDB.deleteDatabase(name)).catch(() => undefined);
      return { rows: rows.length, seconds, rowsPerSec: rows.length / seconds, indexes: shape.indexes.map((i) => i.name) };
    },
    { count, batch },
  );
}
