/**
 * What the bench reads inside the page: the app's IndexedDB cache through the raw IndexedDB API
 * (database `postvak`, src/renderer/db/schema.ts v5: summaries in pages — `heads` and `pages`
 * keyed [accountId, folderPath, startUid] — counters in `counts` keyed `folder:<accountId>:<path>`,
 * `cursors` keyed [accountId, path]), message rows on screen, and a MutationObserver that notes
 * when rows with given subjects first appear.
 */
/* global indexedDB, IDBKeyRange, document, window, MutationObserver, innerHeight */

/**
 * → { count, counted, cursor } of one folder in the page's cache: `counted` is the folder's
 * counters row (total), `count` the UIDs in its page heads (only when asked: it reads every head).
 */
export function cacheState(page, accountId, folderPath, withCount) {
  return page.evaluate(
    ({ accountId, folderPath, withCount }) =>
      new Promise((resolve) => {
        const open = indexedDB.open('postvak');
        const empty = { count: 0, counted: null, cursor: null };
        open.onerror = () => resolve(empty);
        open.onsuccess = () => {
          const db = open.result;
          const stores = ['cursors', 'counts', 'heads'];
          if (!stores.every((s) => db.objectStoreNames.contains(s))) {
            db.close();
            return resolve(empty);
          }
          const tx = db.transaction(stores, 'readonly');
          const out = { count: -1, counted: null, cursor: null };
          tx.objectStore('cursors').get([accountId, folderPath]).onsuccess = (e) => (out.cursor = e.target.result ?? null);
          tx.objectStore('counts').get(`folder:${accountId}:${folderPath}`).onsuccess = (e) => (out.counted = e.target.result?.total ?? null);
          if (withCount) {
            out.count = 0;
            const range = IDBKeyRange.bound([accountId, folderPath, -Infinity], [accountId, folderPath, Infinity]);
            tx.objectStore('heads').openCursor(range).onsuccess = (e) => {
              const cursor = e.target.result;
              if (!cursor) return;
              out.count += cursor.value.uids.length;
              cursor.continue();
            };
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
 * IndexedDB's own write rate in this browser for the cache's layout (issue #11 §1): copies the
 * `heads` and `pages` stores' key paths and indexes from the app's database as it is (not a
 * hand-written twin), reads real page records holding at least `count` messages (so the pages
 * are of the app's own page size), and puts each head with its page into a scratch database in
 * transactions of about `batch` messages, with the app's relaxed durability — no network, no
 * JSON, no app code. The ceiling a sync into this layout reaches here;
 * → { rows (messages), pages, messagesPerPage, seconds, rowsPerSec, stores }.
 */
export function idbCeiling(page, { count, batch }) {
  return page.evaluate(
    async ({ count, batch }) => {
      const request = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
      const STORES = ['heads', 'pages'];
      const source = await request(indexedDB.open('postvak'));
      const readTx = source.transaction(STORES, 'readonly');
      const shapes = STORES.map((name) => {
        const store = readTx.objectStore(name);
        return {
          name,
          keyPath: store.keyPath,
          autoIncrement: store.autoIncrement,
          indexes: [...store.indexNames].map((indexName) => {
            const index = store.index(indexName);
            return { name: indexName, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
          }),
        };
      });
      // Pages hold 12–100 messages: read enough heads for `count` at the smallest, keep what is needed.
      const allHeads = await request(readTx.objectStore('heads').getAll(null, Math.ceil(count / 12)));
      const heads = [];
      let rows = 0;
      for (const head of allHeads) {
        if (rows >= count) break;
        heads.push(head);
        rows += head.uids.length;
      }
      const keyOf = (h) => [h.accountId, h.folderPath, h.startUid];
      const pagesStore = readTx.objectStore('pages');
      const pages = await Promise.all(heads.map((h) => request(pagesStore.get(keyOf(h)))));
      source.close();
      const name = `postvak-bench-ceiling-${Date.now()}`;
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        for (const shape of shapes) {
          const target = open.result.createObjectStore(shape.name, { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
          for (const i of shape.indexes) target.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
        }
      };
      const db = await request(open);
      const t0 = performance.now();
      for (let at = 0; at < heads.length; ) {
        await new Promise((resolve, reject) => {
          const tx = db.transaction(STORES, 'readwrite', { durability: 'relaxed' });
          const headStore = tx.objectStore('heads');
          const pageStore = tx.objectStore('pages');
          for (let inTx = 0; at < heads.length && inTx < batch; at++) {
            headStore.put(heads[at]);
            if (pages[at]) pageStore.put(pages[at]);
            inTx += heads[at].uids.length;
          }
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      }
      const seconds = (performance.now() - t0) / 1000;
      db.close();
      await request(indexedDB.deleteDatabase(name)).catch(() => undefined);
      return {
        rows,
        pages: heads.length,
        messagesPerPage: heads.length ? rows / heads.length : null,
        seconds,
        rowsPerSec: rows / seconds,
        stores: shapes.map((s) => `${s.name} (${[JSON.stringify(s.keyPath), ...s.indexes.map((i) => JSON.stringify(i.keyPath))].join(', ')})`),
      };
    },
    { count, batch },
  );
}

/**
 * Where a start's time went, in the page's clock (ms since navigation start): the document
 * received, DOMContentLoaded, the app's `sync.start` mark, and the scripts' bytes loaded.
 */
export function navigationSplit(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const mark = performance.getEntriesByName('postvak:sync.start')[0];
    const scripts = performance.getEntriesByType('resource').filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'));
    return {
      documentMs: nav ? Math.round(nav.responseEnd) : null,
      domContentLoadedMs: nav ? Math.round(nav.domContentLoadedEventEnd) : null,
      syncStartMs: mark ? Math.round(mark.startTime) : null,
      scriptsLoadedMs: scripts.length ? Math.round(Math.max(...scripts.map((r) => r.responseEnd))) : null,
      scriptKB: Math.round(scripts.reduce((n, r) => n + (r.encodedBodySize || 0), 0) / 1024),
    };
  });
}
