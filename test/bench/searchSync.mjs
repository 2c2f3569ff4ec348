/**
 * The summary sync with the search index fed and without it (issue #13 "Done means": "summary
 * sync still at its target with indexing on"): the app in Chromium against the real Dovecot
 * stack, measured the way the mail part measures its summary sync (navigation → the folder's
 * cursor in IndexedDB, fresh browser and app profile each run). Indexing off: the bench page
 * takes the index's Web Lock before the app runs (an init script), so no window holds the index
 * and the app's feeder never starts (search/feeder/appFeeder.ts starts it only in the holder) —
 * the app's code is unchanged. Indexing on: the app as it ships.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { hostCall, stackAccount, startHostProcess } from '../../scripts/lib.mjs';
import { fillMaildir } from '../mailstack/mailstack.mjs';
import { cacheState } from './page.mjs';
import { postvakSummaryItems, timedFetch } from './protocol.mjs';
import { round, waitFor } from './util.mjs';

const USER = 'alice';
const FOLDER = 'SearchSync';
// src/renderer/search/engine/client.ts: `postvak-search-index:${indexProfileName}`, the cache `postvak` + `-search`.
const INDEX_LOCK = 'postvak-search-index:postvak-search';

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send('Runtime.getHeapUsage');
  return round((h.usedSize + (h.embedderHeapUsedSize ?? 0) + (h.backingStorageSize ?? 0)) / 2 ** 20, 1);
}

async function oneSync({ stack, browserType, launchOptions, count, indexing, log, cleanups, memory }) {
  const profile = mkdtempSync(join(os.tmpdir(), 'postvak-bench-searchsync-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const host = await startHostProcess({ profile, caFiles: [stack.caFile] });
  cleanups.push(() => host.stop());
  const added = await hostCall(host, 'accounts.add', { ...stackAccount(stack, USER), rememberPassword: false });
  if (!added.ok) throw new Error(`accounts.add: ${JSON.stringify(added.error)}`);
  const accountId = added.value.id;
  const browser = await browserType.launch(launchOptions);
  cleanups.push(() => browser.close());
  const context = await browser.newContext();
  if (!indexing) await context.addInitScript((name) => void navigator.locks.request(name, () => new Promise(() => undefined)), INDEX_LOCK);
  const page = await context.newPage();
  const tNav = performance.now();
  await page.goto(host.url);
  let firstAt = null;
  let firstCount = 0;
  let lastLog = tNav;
  await waitFor(
    async () => {
      const s = await cacheState(page, accountId, FOLDER, false);
      if (firstAt === null && (s.counted ?? 0) > 100) [firstAt, firstCount] = [performance.now(), s.counted];
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(`search sync (indexing ${indexing ? 'on' : 'off'}):   … ${s.counted ?? 0} of ${count}`);
      }
      return s.cursor !== null;
    },
    `the ${FOLDER} cursor`,
    Math.max(300_000, count * 4),
    100,
  );
  const tDone = performance.now();
  const final = await cacheState(page, accountId, FOLDER, true);
  const cdp = await context.newCDPSession(page);
  const heapMB = await heapAfterGc(cdp);
  const renderer = await memory(browser).catch(() => null);
  await browser.close();
  await host.stop();
  const pass = firstAt === null ? null : (tDone - firstAt) / 1000;
  return {
    indexing,
    rows: final.count,
    secondsFromNavigation: round((tDone - tNav) / 1000, 2),
    msgsPerSec: round(final.count / ((tDone - tNav) / 1000)),
    passMsgsPerSec: pass ? round((final.count - firstCount) / pass) : null,
    windowHeapAfterGcMB: heapMB,
    renderer,
  };
}

/**
 * Fills alice's SearchSync with `count` messages, times a warm raw FETCH of the items the app
 * asks for, then syncs the folder into a fresh app twice: indexing off, then on. → { fill, rawWarm, off, on }.
 */
export async function searchSyncBench({ stack, browserType, launchOptions, count, snippetBytes, log, cleanups, memory }) {
  log(`search sync: filling ${USER}/${FOLDER} with ${count} messages…`);
  const fill = await fillMaildir(stack, USER, FOLDER, count, { seed: 48 });
  const out = {
    how: 'navigation → the folder cursor in IndexedDB (the app in Chromium, fresh profiles, the real Dovecot stack), rate = rows ÷ that time; pass = rows after the first 100 ÷ time from then; off = the index\'s Web Lock taken before the app starts, so its feeder never runs',
    fill: { count: fill.count, seconds: round(fill.totalMs / 1000, 1) },
  };
  // The first FETCH builds Dovecot's cache file for the folder: the raw FETCH twice, then every run meets a warm server.
  const items = postvakSummaryItems(snippetBytes);
  await timedFetch(stack, USER, FOLDER, items);
  const warm = await timedFetch(stack, USER, FOLDER, items);
  out.rawWarm = { count: warm.count, seconds: round(warm.seconds, 2), msgsPerSec: round(warm.rate) };
  out.off = await oneSync({ stack, browserType, launchOptions, count, indexing: false, log, cleanups, memory });
  log(`search sync: indexing off ${out.off.msgsPerSec} msg/s (pass ${out.off.passMsgsPerSec})`);
  out.on = await oneSync({ stack, browserType, launchOptions, count, indexing: true, log, cleanups, memory });
  log(`search sync: indexing on ${out.on.msgsPerSec} msg/s (pass ${out.on.passMsgsPerSec}); raw FETCH ${out.rawWarm.msgsPerSec} msg/s`);
  return out;
}
