/**
 * `npm run bench -- --scale 1000000` (issue #11 §6): the cache at a million messages. alice's
 * Inbox gets `count` messages and the shared info@ Inbox `second` more (two big folders in the
 * unified "All inboxes"); the app runs in Chromium on a browser profile on disk (so IndexedDB's
 * size can be measured) and is driven through the UI only. Figures, each in the same run:
 *
 *  - summary sync: both Inboxes' rows ÷ time from navigation to both cursors in IndexedDB, next
 *    to a raw imapflow FETCH (cold, then warm) of the big Inbox with the items Postvak asks for;
 *  - first rows of the big Inbox from navigation, uncached (fresh profile) and cached (browser
 *    started again on the synced profile, same host);
 *  - scrolling the big Inbox to its middle and its end: scrollTop set → a screenful painted;
 *  - "All inboxes": click → first rows painted, and scrolling to its middle;
 *  - unread count after a change: click (open an unread message; "Mark as unread"/"Mark as read")
 *    → the folder tree item's new count painted; and the counters row read in the page;
 *  - renderer heap after GC with the big Inbox's index loaded (CDP);
 *  - disk per message: the origin's IndexedDB directory on disk ÷ messages in the cache.
 */
/* global document */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { hostCall, stackAccount, startHostProcess } from '../../scripts/lib.mjs';
import { fillMaildir } from '../mailstack/mailstack.mjs';
import { cpuSummary } from './cpuSummary.mjs';
import { firstLook } from './firstLook.mjs';
import { cacheState, navigationSplit, visibleRows } from './page.mjs';
import { postvakSummaryItems, timedFetch } from './protocol.mjs';
import { scaleRows } from './scaleReport.mjs';
import { armListPaint, armTreeCount, cacheOverview, paintResult, scrollTo, timeCountRead, treeResult, unreadIn, unreadRowId } from './scroll.mjs';
import { quantile, round, sleep, waitFor } from './util.mjs';

export { scaleRows };

const ROW_HEIGHT = 76; // src/renderer/features/mail/MessageList.tsx
const TOGGLES = 10;

/** Bytes of a directory tree: apparent (file sizes) and allocated on disk (st_blocks). */
function dirSize(dir) {
  let apparent = 0;
  let allocated = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = dirSize(path);
      apparent += sub.apparent;
      allocated += sub.allocated;
    } else {
      const s = statSync(path);
      apparent += s.size;
      allocated += s.blocks * 512;
    }
  }
  return { apparent, allocated };
}

/** The IndexedDB directories (leveldb + blob) of the host's origin in a Chromium profile. */
function originIdbSize(userData, port) {
  const dir = join(userData, 'Default', 'IndexedDB');
  const mine = readdirSync(dir).filter((name) => name.startsWith(`http_127.0.0.1_${port}.`));
  const sizes = mine.map((name) => dirSize(join(dir, name)));
  return { dirs: mine, apparent: sizes.reduce((n, s) => n + s.apparent, 0), allocated: sizes.reduce((n, s) => n + s.allocated, 0) };
}

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const mb = (bytes) => round((bytes ?? 0) / 2 ** 20, 1);
  // Typed arrays (the list index) live in ArrayBuffer backing stores, outside V8's used size: the
  // figure held against the target counts them (and the embedder's heap) too.
  const all = heap.usedSize + (heap.embedderHeapUsedSize ?? 0) + (heap.backingStorageSize ?? 0);
  return { usedMB: mb(all), jsHeapMB: mb(heap.usedSize), embedderMB: mb(heap.embedderHeapUsedSize), arrayBuffersMB: mb(heap.backingStorageSize), totalMB: mb(heap.totalSize) };
}

/** Runs an armed list watch to its end: → { ms, rows }. */
async function listPainted(page, what) {
  return waitFor(() => paintResult(page), what, 125_000, 20);
}

/** Scrolls the list shown (of `setsize` rows) to each fraction in turn: → [{ fraction, ms, rows }]. */
async function scrollRuns(page, setsize, fractions) {
  const runs = [];
  for (const fraction of fractions) {
    await armListPaint(page, { setsize, trigger: 'scroll' });
    await scrollTo(page, fraction);
    const r = await listPainted(page, `rows painted at ${fraction} of the list`);
    runs.push({ fraction, ms: round(r.ms, 1), ...r.rows, expectedPos: Math.round(fraction * setsize) });
    await sleep(300);
  }
  return runs;
}

/**
 * @param out the `scale` object of the bench results (filled in here)
 * @param deps { stack, browserType, launchOptions, count, second, firstRows, log, cleanups, unreadWord }
 */
export async function scaleBench(out, { stack, browserType, launchOptions, count, second, snippetBytes, firstRows, log, cleanups, unreadWord = 'Unread' }) {
  const t0 = performance.now();
  out.params = { count, second, firstRows };
  out.notes = [];
  const elapsed = () => `${round((performance.now() - t0) / 1000)} s`;
  // ── Fill: the big Inbox and the second big Inbox (shared info@, which alice may read and write) ──
  log(`scale: filling alice's INBOX with ${count} and info's INBOX with ${second} messages…`);
  const big = await fillMaildir(stack, 'alice', 'INBOX', count, { seed: 46 });
  const other = second > 0 ? await fillMaildir(stack, 'info', 'INBOX', second, { seed: 47 }) : null;
  const fillFigures = (f) => ({ count: f.count, megabytes: round(f.bytes / 1e6, 1), seconds: round(f.totalMs / 1000, 1), writeMs: f.writeMs, resyncMs: f.resyncMs });
  out.fill = { big: fillFigures(big), second: other ? fillFigures(other) : null };
  log(`scale: filled in ${elapsed()}; raw FETCH of the big Inbox (cold, then warm)…`);

  // ── The protocol's rate, same items as the app asks for ──────────────────────────────────────
  const items = postvakSummaryItems(snippetBytes);
  const cold = await timedFetch(stack, 'alice', 'INBOX', items);
  const warm = await timedFetch(stack, 'alice', 'INBOX', items);
  out.rawFetch = {
    folder: 'alice INBOX',
    cold: { count: cold.count, seconds: round(cold.seconds, 2), msgsPerSec: round(cold.rate) },
    warm: { count: warm.count, seconds: round(warm.seconds, 2), msgsPerSec: round(warm.rate) },
  };
  log(`scale: raw FETCH ${round(cold.rate)} / ${round(warm.rate)} msg/s (cold / warm), ${elapsed()}`);
  // The server's part of the first rows: a fresh connection's first look at the big Inbox.
  out.serverFirstLook = await firstLook(stack, 'alice', 'INBOX', firstRows, items);
  log(`scale: the server's first look at the big Inbox: ${JSON.stringify(out.serverFirstLook)}`);

  // ── The app: a fresh app profile and a browser profile on disk ───────────────────────────────
  const profile = mkdtempSync(join(os.tmpdir(), 'postvak-bench-scale-'));
  const userData = mkdtempSync(join(os.tmpdir(), 'postvak-bench-scale-chromium-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  cleanups.push(() => rmSync(userData, { recursive: true, force: true }));
  // POSTVAK_SCALE_PROFILE=<dir>: CPU profiles of main (the whole host) and of the window during the
  // sync, written there and summarised in the results — where the time goes when the rate is low.
  const profileDir = process.env.POSTVAK_SCALE_PROFILE;
  const preload = new URL('./cpuProfile.mjs', import.meta.url).href;
  const env = profileDir ? { POSTVAK_CPU_PROF_DIR: profileDir, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim() } : {};
  const tHost = performance.now();
  const host = await startHostProcess({ profile, caFiles: [stack.caFile], env });
  cleanups.push(() => host.stop());
  const added = await hostCall(host, 'accounts.add', { ...stackAccount(stack, 'alice'), rememberPassword: false });
  if (!added.ok) throw new Error(`accounts.add alice: ${JSON.stringify(added.error)}`);
  const accountId = added.value.id;
  const viewport = { width: 1280, height: firstRows * ROW_HEIGHT + 400 };
  const launch = () => browserType.launchPersistentContext(userData, { ...launchOptions, viewport });
  let context = await launch();
  cleanups.push(() => context.close());
  let page = context.pages()[0] ?? (await context.newPage());

  log(`scale: navigation; first rows of the uncached ${count}-message Inbox, then its sync…`);
  const tNav = performance.now();
  await page.goto(host.url);
  await waitFor(async () => (await visibleRows(page)) >= firstRows, `${firstRows} Inbox rows on screen`, 120_000, 10);
  const uncachedMs = performance.now() - tNav;
  const split = await navigationSplit(page);
  const cdp = await context.newCDPSession(page);
  out.chromium = /\/(\S+)$/.exec((await cdp.send('Browser.getVersion')).product)?.[1] ?? null;
  if (profileDir) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  out.firstRows = { uncached: { fromNavigationMs: round(uncachedMs), ...split } };
  log(`scale: first ${firstRows} rows uncached after ${round(uncachedMs)} ms`);

  // Both Inboxes' passes: first rows counted past the preview, then the cursor written.
  const inboxes = await waitFor(async () => {
    const o = await cacheOverview(page, accountId);
    return o.inboxes.length >= (second > 0 ? 2 : 1) ? o.inboxes : null;
  }, 'the Inbox folders in the cache', 120_000, 250);
  const bigPath = inboxes.find((f) => f.path.toUpperCase() === 'INBOX')?.path ?? 'INBOX';
  const secondPath = inboxes.find((f) => f.path !== bigPath)?.path ?? null;
  const watched = [bigPath, secondPath].filter(Boolean);
  const pass = Object.fromEntries(watched.map((p) => [p, { firstAt: null, firstCount: 0, doneAt: null }]));
  let lastLog = performance.now();
  await waitFor(
    async () => {
      for (const path of watched) {
        const p = pass[path];
        if (p.doneAt !== null) continue;
        const s = await cacheState(page, accountId, path, false);
        if (p.firstAt === null && (s.counted ?? 0) > 2 * firstRows) Object.assign(p, { firstAt: performance.now(), firstCount: s.counted });
        if (s.cursor !== null) p.doneAt = performance.now();
        p.counted = s.counted;
      }
      if (performance.now() - lastLog > 15_000) {
        lastLog = performance.now();
        log(`scale:   … ${watched.map((path) => `${path} ${pass[path].counted ?? 0}`).join(', ')} (${elapsed()})`);
      }
      return watched.every((path) => pass[path].doneAt !== null);
    },
    'both Inbox cursors in IndexedDB',
    Math.max(600_000, (count + second) * 3),
    250,
  );
  const tDone = Math.max(...watched.map((path) => pass[path].doneAt));
  if (profileDir) {
    const { profile: rendererProfile } = await cdp.send('Profiler.stop');
    writeFileSync(join(profileDir, 'renderer-sync.cpuprofile'), JSON.stringify(rendererProfile));
    out.syncProfile = { renderer: cpuSummary(rendererProfile), mainWindowMs: [round(tNav - tHost), round(tDone - tHost)] };
  }
  const finals = {};
  for (const path of watched) finals[path] = await cacheState(page, accountId, path, true);
  const synced = watched.reduce((n, path) => n + finals[path].count, 0);
  const rate = synced / ((tDone - tNav) / 1000);
  const folderPass = (path) => {
    const p = pass[path];
    const seconds = p.firstAt !== null ? (p.doneAt - p.firstAt) / 1000 : null;
    return { path, rowsInHeads: finals[path].count, counter: finals[path].counted, passSeconds: round(seconds, 2), msgsPerSec: seconds ? round((finals[path].count - p.firstCount) / seconds) : null };
  };
  out.summarySync = {
    how: 'navigation → the cursors of both big Inboxes in IndexedDB (rows counted in the page heads); includes page start-up and the small folders synced meanwhile; ratio to the raw FETCH of the big Inbox in the same run',
    rows: synced,
    seconds: round((tDone - tNav) / 1000, 1),
    msgsPerSec: round(rate),
    ratioToRawWarm: round(rate / warm.rate, 3),
    ratioToRawCold: round(rate / cold.rate, 3),
    folders: watched.map(folderPass),
  };
  const bigCount = finals[bigPath].count;
  if (bigCount < count) out.notes.push(`the cache holds ${bigCount} rows of the big Inbox, ${count} were filled`);
  log(`scale: summary sync ${round(rate)} msg/s (${round((rate / warm.rate) * 100)} % of the warm raw FETCH), ${elapsed()}`);

  // ── The big Inbox: scrolling; heap with its index loaded ─────────────────────────────────────
  const bigItem = page.getByRole('treeitem', { name: /^Inbox(,|$)/ }).first();
  const bigSetsize = () => page.evaluate(() => Number(document.querySelector('[role="option"][aria-setsize]')?.getAttribute('aria-setsize') ?? 0));
  const setsize = await bigSetsize();
  out.scroll = { setsize, runs: await scrollRuns(page, setsize, [0.5, 1, 0.25, 0.75, 0.5]) };
  log(`scale: scroll to the middle ${out.scroll.runs[0].ms} ms, to the end ${out.scroll.runs[1].ms} ms`);
  out.heap = { afterSync: { ...(await heapAfterGc(cdp)), after: `sync of ${synced}, the big Inbox shown and scrolled, 2× HeapProfiler.collectGarbage` } };

  // ── All inboxes: first rows, then its middle ─────────────────────────────────────────────────
  const unifiedTotal = (await timeCountRead(page, 'unified:inbox', 1)).row?.total ?? null;
  if (unifiedTotal && second > 0) {
    await armListPaint(page, { setsize: unifiedTotal, trigger: 'click' });
    await page.getByRole('treeitem', { name: /^All inboxes(,|$)/ }).click();
    const first = await listPainted(page, 'All inboxes rows painted');
    await sleep(300);
    const runs = await scrollRuns(page, unifiedTotal, [0.5, 1]);
    out.unified = { setsize: unifiedTotal, firstRows: { ms: round(first.ms, 1), ...first.rows }, middle: runs[0], end: runs[1] };
    log(`scale: All inboxes first rows ${round(first.ms)} ms, middle ${runs[0].ms} ms (mailboxes there: ${runs[0].mailboxes.join(', ')})`);
  }

  // ── Unread count after a change made through the UI ─────────────────────────────────────────
  await bigItem.click();
  await waitFor(async () => (await bigSetsize()) === setsize, 'the big Inbox listed again', 60_000, 50);
  const changes = [];
  const timeChange = async (what, click) => {
    await armTreeCount(page);
    await click();
    const r = await waitFor(() => treeResult(page), `the tree count after "${what}"`, 30_000, 20).catch(() => null);
    if (r) return changes.push({ what, ms: round(r.ms, 1), domMs: round(r.domMs, 1), from: unreadIn(r.before), to: unreadIn(r.after) });
    // Seen once at 100,000: note what the window showed instead of ending the run.
    const shown = await page.evaluate(() => ({
      tree: document.querySelector('[role="treeitem"][aria-selected="true"]')?.getAttribute('aria-label') ?? null,
      buttons: [...document.querySelectorAll('[role="toolbar"] button')].map((b) => b.textContent),
    }));
    out.notes.push(`no new tree count within 30 s after "${what}": ${JSON.stringify(shown)}`);
    changes.push({ what, ms: null, shown });
  };
  const rowId = await unreadRowId(page, unreadWord);
  if (rowId) await timeChange('open an unread message', () => page.locator(`[id="${rowId}"]`).click());
  for (let i = 0; i < TOGGLES; i++) {
    const name = i % 2 === 0 ? 'Mark as unread' : 'Mark as read';
    await timeChange(name, () => page.getByRole('button', { name, exact: true }).click());
    // Let the server's answer to this change arrive before the next: with 200 ms between changes
    // an older answer sometimes landed after a newer local change and the count flickered back.
    await sleep(1_000);
  }
  const countRead = await timeCountRead(page, `folder:${accountId}:${bigPath}`, 50);
  out.unreadAfterChange = {
    how: 'click (Playwright input) → first frame with the selected folder tree item\'s new unread count; "count read": the folder\'s counters row read with raw IndexedDB in the page, one read transaction each, 50 reads',
    medianMs: round(quantile(changes.filter((c) => c.ms !== null).map((c) => c.ms), 0.5), 1),
    p95Ms: round(quantile(changes.filter((c) => c.ms !== null).map((c) => c.ms), 0.95), 1),
    missed: changes.filter((c) => c.ms === null).length,
    countRead: { medianMs: round(countRead.medianMs, 2), p95Ms: round(countRead.p95Ms, 2), unread: countRead.row?.unread ?? null },
    changes,
  };
  log(`scale: unread count after a change ${out.unreadAfterChange.medianMs} ms (median), counters row read ${round(countRead.medianMs, 2)} ms`);

  // ── Disk: the origin's IndexedDB on disk ÷ messages cached ───────────────────────────────────
  const { counts } = await cacheOverview(page, accountId);
  const cached = counts.filter((c) => c.id.startsWith('folder:')).reduce((n, c) => n + (c.total ?? 0), 0);
  const live = originIdbSize(userData, new URL(host.url).port);
  await context.close();
  const closed = originIdbSize(userData, new URL(host.url).port);
  out.disk = {
    how: 'the host origin\'s IndexedDB directories (LevelDB + blobs) in the Chromium profile, allocated bytes (st_blocks) after the browser closed, ÷ messages in the cache (every folder\'s counters row)',
    messages: cached,
    liveMB: round(live.allocated / 1e6, 1),
    closedMB: round(closed.allocated / 1e6, 1),
    apparentMB: round(closed.apparent / 1e6, 1),
    bytesPerMessage: cached ? round(closed.allocated / cached) : null,
    dirs: closed.dirs,
  };
  log(`scale: IndexedDB ${out.disk.closedMB} MB for ${cached} messages = ${out.disk.bytesPerMessage} B each`);

  // ── Cached start: the browser again on the same profile and host ─────────────────────────────
  context = await launch();
  page = context.pages()[0] ?? (await context.newPage());
  const tCached = performance.now();
  await page.goto(host.url);
  await waitFor(async () => (await visibleRows(page)) >= firstRows, `${firstRows} cached Inbox rows on screen`, 120_000, 10);
  out.firstRows.cached = { fromNavigationMs: round(performance.now() - tCached), ...(await navigationSplit(page)) };
  await armListPaint(page, { setsize, trigger: 'scroll' }).catch(() => undefined);
  const middle = await scrollTo(page, 0.5)
    .then(() => listPainted(page, 'the middle after the cached start'))
    .catch((error) => ({ error: String(error) }));
  out.firstRows.cached.middleMs = middle.ms != null ? round(middle.ms, 1) : null;
  out.heap.cachedStart = { ...(await heapAfterGc(await context.newCDPSession(page))), after: 'cached start, the big Inbox shown and scrolled to its middle, 2× HeapProfiler.collectGarbage' };
  log(`scale: cached first rows ${out.firstRows.cached.fromNavigationMs} ms; heap ${out.heap.afterSync.usedMB} MB after sync, ${out.heap.cachedStart.usedMB} MB after the cached start`);
  await context.close();
  await host.stop();
  if (profileDir) {
    // Main's profile covers the host's life; the sync is the window from navigation to the cursors.
    const file = join(profileDir, `host-${host.child.pid}.cpuprofile`);
    const [fromMs, toMs] = out.syncProfile.mainWindowMs;
    if (existsSync(file)) out.syncProfile.main = cpuSummary(JSON.parse(readFileSync(file, 'utf8')), { fromMs, toMs });
  }
  out.seconds = round((performance.now() - t0) / 1000, 1);
  return out;
}
