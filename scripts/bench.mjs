#!/usr/bin/env node
/**
 * `npm run bench` (issue #3 §7): Postvak against the real mail stack on this machine, next to the
 * protocol's own limits measured in the same run. Prints a table with the targets and writes
 * bench-results/bench-<date>.json and bench-results/latest.json. Not part of `npm test`
 * (HOUSE_STYLE.md: speed is measured in benchmarks that print figures, never asserted in tests).
 *
 *   node scripts/bench.mjs [--build] [--count 100000] [--bodies 20000] [--folders 100] [--deliveries 20] [--headed]
 *                          [--only mail|calendar|message|sync|start|tasks] [--tasks-count 10000] [--events 1000] [--probes 20]
 *
 * `--only calendar` runs the calendar part alone (test/bench/calendar.mjs, a few minutes) and
 * writes bench-results/latest-calendar.json, so a full run's latest.json is not replaced by it.
 * `--only message` runs the heavy-mail part alone (test/bench/message.mjs, issue #10 §1: main's
 * event-loop delay opening a 300 KB invitation and a 50 MB message, bytes fetched to show a
 * 30 MB message) and writes bench-results/latest-message.json.
 * `--only sync` (issue #11 §6, test/bench/syncRate.mjs) fills a folder of `--count` messages and
 * compares the engine's delivery through the browser host with a raw FETCH of the same items.
 * `--only start` (issue #11 §4, test/bench/start.mjs) measures the first Inbox rows from the
 * window's navigation, of a cached and of an uncached `--count`-message Inbox.
 * `--scale 1000000` (issue #11 §6, test/bench/scale.mjs) runs the scale part alone: alice's Inbox
 * of that many messages and a second big Inbox (`--second`, default half, at most 250,000) synced in
 * Chromium on a profile on disk, then first rows, scrolling, All inboxes, the unread count after a
 * change, heap and disk per message; it writes bench-results/latest-scale-<n>.json.
 * `--only tasks` (issue #12, test/bench/tasks.mjs): a `--tasks-count` (10,000) message move and its undo, key press to rows gone.
 * `--only search` (issue #13, test/bench/search.mjs; its options `--search-*` are listed there): the local index at 1,000,000
 * summaries and 100,000 with bodies, the feeder's build rate and lag, the app's summary sync with indexing on and off.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build, hostCall, root, stackAccount, startHostProcess } from './lib.mjs';
import { fillMaildir, resetMailboxes, startMailStack, stopMailStack } from '../test/mailstack/mailstack.mjs';
import { mbsyncPull, postvakSummaryItems, SUMMARY_ITEMS, timedFetch } from '../test/bench/protocol.mjs';
import { accountSynced, cacheState, idbCeiling, syncStartedAt, visibleRows } from '../test/bench/page.mjs';
import { calendarBench, calendarRows } from '../test/bench/calendar.mjs';
import { messageBench, messageRows } from '../test/bench/message.mjs';
import { mailReportRows } from '../test/bench/mailReport.mjs';
import { reportAndWrite } from '../test/bench/benchReport.mjs';
import { newMailLatency } from '../test/bench/newMail.mjs';
import { inboxFirstRows } from '../test/bench/inboxStart.mjs';
import { offlinePull } from '../test/bench/offline.mjs';
import { resyncBench } from '../test/bench/resync.mjs';
import { scaleBench, scaleRows } from '../test/bench/scale.mjs';
import { startBench, startRows } from '../test/bench/start.mjs';
import { syncRateBench, syncRateRows } from '../test/bench/syncRate.mjs';
import { searchArgs, searchBench, searchRows } from '../test/bench/search.mjs';
import { tasksBench, tasksRows } from '../test/bench/tasks.mjs';
import { quantile, round, sleep, waitFor } from '../test/bench/util.mjs';

const { values: args } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    headed: { type: 'boolean', default: false },
    count: { type: 'string', default: '100000' },
    bodies: { type: 'string', default: '20000' },
    folders: { type: 'string', default: '100' },
    deliveries: { type: 'string', default: '20' },
    only: { type: 'string' },
    events: { type: 'string', default: '1000' },
    probes: { type: 'string', default: '20' },
    scale: { type: 'string' },
    second: { type: 'string' },
    'tasks-count': { type: 'string', default: '10000' },
    ...searchArgs,
  },
});
const PARTS = ['mail', 'calendar', 'message', 'sync', 'start', 'scale', 'tasks', 'search'];
if (args.only !== undefined && !PARTS.includes(args.only)) throw new Error(`bench: --only takes one of ${PARTS.join(', ')}`);
// `sync` and `scale` (issue #11 §6) run only when asked for: each fills folders of its own.
const parts = new Set(args.scale ? ['scale'] : args.only ? [args.only] : PARTS.filter((p) => p !== 'sync' && p !== 'scale'));
const EVENTS = Number(args.events);
const PROBES = Number(args.probes);
const COUNT = Number(args.scale ?? args.count);
// The scale part's second big Inbox: half the first, at most 250,000 (the 15-minute budget at 1,000,000).
const SECOND = Number(args.second ?? Math.min(Math.floor(COUNT / 2), 250_000));
const BODIES = Number(args.bodies);
const FOLDERS = Number(args.folders);
const DELIVERIES = Number(args.deliveries);
const BIG = 'Bench';
const BODY_FOLDER = 'BenchBodies';
const FIRST_ROWS = 50;
const INBOX_RUNS = 3;
const ROW_HEIGHT = 76; // src/renderer/features/mail/MessageList.tsx
const CHROMIUM = process.env.POSTVAK_CHROMIUM ?? '/usr/bin/chromium';
/** Read from the app's source, so the reference FETCH cannot drift from what the app asks for. */
const SNIPPET_FIRST_BYTES = Number(
  /export const SNIPPET_FIRST_BYTES = (\d+)/.exec(readFileSync(join(root, 'src/main/services/mail/snippet.ts'), 'utf8'))?.[1] ?? NaN,
);
if (!Number.isInteger(SNIPPET_FIRST_BYTES)) throw new Error('bench: SNIPPET_FIRST_BYTES not found in src/main/services/mail/snippet.ts');

const log = (...a) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

const launchOptions = {
  executablePath: CHROMIUM,
  headless: !args.headed,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-extensions', '--disable-component-update', '--no-first-run', '--disable-background-timer-throttling', '--disable-renderer-backgrounding'],
};

function launchBrowser() {
  return chromium.launch(launchOptions);
}

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    chromium: null,
    // Other jobs on the machine slow every figure: the 1-, 5- and 15-minute load at start and end.
    loadAverage: { start: os.loadavg().map((x) => round(x, 1)), end: null },
  },
  params: { parts: [...parts], count: COUNT, bodies: BODIES, folders: FOLDERS, deliveries: DELIVERIES, events: EVENTS, probes: PROBES },
  fill: {},
  rawFetch: {},
  summarySync: {},
  firstRows: {},
  heap: {},
  newMail: {},
  resync: {},
  fullBody: {},
  calendar: {},
  message: {},
  sync: {},
  start: {},
  scale: {},
  tasks: {},
  search: {},
  notes: [],
};

const cleanups = [];
const started = performance.now();
const needsStack = [...parts].some((p) => p !== 'search') || Number(args['search-sync']) > 0; // search: only its app sync
try {
  if (needsStack && (args.build || !existsSync(join(root, 'out/main/host.js')) || !existsSync(join(root, 'out/renderer/index.html')))) {
    log('building (npx electron-vite build)…');
    build();
  }

  log('starting the mail stack…');
  const stack = needsStack ? await startMailStack() : null;
  if (stack) cleanups.push(() => stopMailStack(stack));

  if (parts.has('mail')) {
    // ── Fill ────────────────────────────────────────────────────────────────────────────────
    log(`filling alice/${BIG} with ${COUNT} messages…`);
    const fill = await fillMaildir(stack, 'alice', BIG, COUNT, { seed: 42 });
    results.fill.big = { folder: BIG, count: fill.count, megabytes: round(fill.bytes / 1e6, 1), seconds: round(fill.totalMs / 1000, 2), writeMs: fill.writeMs, resyncMs: fill.resyncMs };
    // carol's own mailbox holds the body folder, so Postvak's offline pass (which keeps every folder
    // of the mailbox) is not also pulling alice's 100,000-message Bench.
    const fillBodies = await fillMaildir(stack, 'carol', BODY_FOLDER, BODIES, { seed: 43 });
    results.fill.bodies = { folder: BODY_FOLDER, count: fillBodies.count, megabytes: round(fillBodies.bytes / 1e6, 1), seconds: round(fillBodies.totalMs / 1000, 2) };
    log(`filling ${FOLDERS} small folders of bob…`);
    const t0Folders = performance.now();
    const names = Array.from({ length: FOLDERS }, (_, i) => `Project ${String(i).padStart(3, '0')}`);
    for (const [i, name] of names.entries()) await fillMaildir(stack, 'bob', name, 3 + (i % 5), { seed: 100 + i });
    results.fill.folders = { user: 'bob', folders: FOLDERS, seconds: round((performance.now() - t0Folders) / 1000, 2) };

    // ── The protocol's limits ────────────────────────────────────────────────────────────────
    // The first FETCH of a fresh folder also builds Dovecot's cache file; the app's sync runs
    // after it, so the warm run is the fair (and stricter) limit. Both are reported.
    log('raw imapflow FETCH of the summary fields (cold, then warm)…');
    const cold = await timedFetch(stack, 'alice', BIG, SUMMARY_ITEMS);
    const warm = await timedFetch(stack, 'alice', BIG, SUMMARY_ITEMS);
    // The same FETCH the app sends (the summary fields + the snippet's first bytes of part 1).
    const same = await timedFetch(stack, 'alice', BIG, postvakSummaryItems(SNIPPET_FIRST_BYTES));
    results.rawFetch = {
      items: Object.keys(SUMMARY_ITEMS),
      cold: { count: cold.count, seconds: round(cold.seconds, 2), msgsPerSec: round(cold.rate) },
      warm: { count: warm.count, seconds: round(warm.seconds, 2), msgsPerSec: round(warm.rate) },
      sameAsPostvak: { items: `${Object.keys(SUMMARY_ITEMS).join(' ')} BODY.PEEK[1]<0.${SNIPPET_FIRST_BYTES}>`, count: same.count, seconds: round(same.seconds, 2), msgsPerSec: round(same.rate) },
    };

    log(`full bodies of ${BODIES}: imapflow BODY[] and mbsync…`);
    const source = await timedFetch(stack, 'carol', BODY_FOLDER, { uid: true, source: true });
    const mbsync = mbsyncPull(stack, 'carol', BODY_FOLDER);
    const postvak = await offlinePull(stack, BODY_FOLDER, BODIES);
    results.fullBody = {
      folder: BODY_FOLDER,
      imapflowSource: { count: source.count, seconds: round(source.seconds, 2), msgsPerSec: round(source.rate), megabytesPerSec: round(source.bytes / 1e6 / source.seconds, 1) },
      mbsync: { version: mbsync.version, fsync: 'no', count: mbsync.count, seconds: round(mbsync.seconds, 2), msgsPerSec: round(mbsync.rate) },
      postvak: {
        how: 'browser host with a fresh profile, carol signed in: mailboxes.setOffline (3650 days) → every source of the folder written to the offline store (pack files, counted from their indexes)',
        count: postvak.count,
        seconds: round(postvak.seconds, 2),
        msgsPerSec: round(postvak.rate),
        ratioToMbsync: round(postvak.rate / mbsync.rate, 2),
        otherFoldersKept: postvak.others,
      },
    };

    // ── The app in Chromium: initial sync of the big folder, first rows, heap ──────────────────
    const profile = mkdtempSync(join(os.tmpdir(), 'postvak-bench-profile-'));
    cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
    // POSTVAK_TRACE: the host notes when its connections hear of a change (new-mail latency, below).
    const host = await startHostProcess({ profile, caFiles: [stack.caFile], env: { POSTVAK_TRACE: '1' } });
    cleanups.push(() => host.stop());
    const added = await hostCall(host, 'accounts.add', { ...stackAccount(stack, 'alice'), rememberPassword: false });
    if (!added.ok) throw new Error(`accounts.add: ${JSON.stringify(added.error)}`);
    const accountId = added.value.id;

    const browser = await launchBrowser();
    cleanups.push(() => browser.close());
    results.machine.chromium = browser.version();
    // Tall enough that FIRST_ROWS rows fit on screen at once (the list is virtualised).
    const context = await browser.newContext({ viewport: { width: 1280, height: FIRST_ROWS * ROW_HEIGHT + 400 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);

    log(`opening the app; initial sync of ${COUNT} messages…`);
    const tNav = performance.now();
    await page.goto(host.url);
    // Select the big folder through the UI as soon as its tree item exists.
    const bigItem = page.getByRole('treeitem', { name: new RegExp(`^${BIG}(,|$)`) });
    await bigItem.waitFor({ state: 'visible', timeout: 60_000 });
    const tTree = performance.now();
    await bigItem.click();
    const tClick = performance.now();
    let cacheAtRows = null;
    await waitFor(async () => (await visibleRows(page)) >= FIRST_ROWS, `${FIRST_ROWS} rows on screen`, 120_000, 10);
    const tRows = performance.now();
    const rowsAt = Date.now();
    const syncStarted = await syncStartedAt(page);
    cacheAtRows = await cacheState(page, accountId, BIG, true);
    const selected = await page.getByRole('treeitem', { selected: true }).getAttribute('aria-label');
    results.firstRows = {
      folder: BIG,
      how: `navigation → ${FIRST_ROWS} message rows of ${BIG} inside the viewport (1280×${FIRST_ROWS * ROW_HEIGHT + 400}); ${BIG} selected by clicking its tree item as soon as it appeared`,
      fromNavigationMs: round(tRows - tNav),
      fromSyncStartMs: syncStarted === null ? null : round(rowsAt - syncStarted),
      treeItemVisibleMs: round(tTree - tNav),
      fromClickMs: round(tRows - tClick),
      selectedTreeItem: selected,
      rowsInCacheThen: cacheAtRows.count,
    };
    log(`first ${FIRST_ROWS} rows after ${round(tRows - tNav)} ms (selected: ${selected})`);

    // Pass complete = the folder's cursor written (applySyncBatch writes it with the last batch).
    let firstSeen = null;
    let progress = 0;
    await waitFor(
      async () => {
        const s = await cacheState(page, accountId, BIG, firstSeen === null);
        if (firstSeen === null && s.count > 0) firstSeen = { at: performance.now(), count: s.count };
        if (performance.now() - progress > 10_000) {
          progress = performance.now();
          log(`  … ${round((progress - tNav) / 1000)} s`);
        }
        return s.cursor !== null;
      },
      `the ${BIG} cursor in IndexedDB`,
      400_000,
      100,
    );
    const tDone = performance.now();
    const final = await cacheState(page, accountId, BIG, true);
    const fromNav = (tDone - tNav) / 1000;
    const window_ = firstSeen ? (tDone - firstSeen.at) / 1000 : null;
    const rate = final.count / fromNav;
    results.summarySync = {
      folder: BIG,
      how: 'navigation (the renderer calls sync.start) → the folder cursor in IndexedDB; includes page start-up, the folder list and the small folders synced first',
      rowsInCache: final.count,
      cursorCount: final.cursor.count,
      seconds: round(fromNav, 2),
      msgsPerSec: round(rate),
      ratioToRawWarm: round(rate / warm.rate, 3),
      ratioToRawCold: round(rate / cold.rate, 3),
      ratioToSameFetch: round(rate / same.rate, 3),
      bigFolderOnly: window_ ? { seconds: round(window_, 2), rowsAtStart: firstSeen.count, msgsPerSec: round((final.count - firstSeen.count) / window_) } : null,
    };
    if (final.count !== COUNT) results.notes.push(`cache holds ${final.count} rows of ${BIG}, expected ${COUNT}`);
    log(`summary sync: ${round(rate)} msg/s (${round((rate / warm.rate) * 100)} % of the warm raw FETCH)`);

    // IndexedDB alone, with the cache's real rows and indexes: what no sync design can beat here.
    const ceiling = await idbCeiling(page, { count: Math.min(COUNT, 50_000), batch: 2_000 });
    results.summarySync.idbCeiling = {
      how: 'the app database\'s heads + pages stores (key paths + indexes copied at run time) re-created empty; its real page records (the app\'s page size) put in transactions of ~2,000 messages, relaxed durability; no network, JSON or app code',
      rows: ceiling.rows,
      pages: ceiling.pages,
      messagesPerPage: round(ceiling.messagesPerPage, 1),
      seconds: round(ceiling.seconds, 2),
      rowsPerSec: round(ceiling.rowsPerSec),
      stores: ceiling.stores,
      ratioToRawWarm: round(ceiling.rowsPerSec / warm.rate, 3),
      syncRatioToCeiling: round(rate / ceiling.rowsPerSec, 3),
    };
    log(`IndexedDB ceiling: ${round(ceiling.rowsPerSec)} rows/s (${round((ceiling.rowsPerSec / warm.rate) * 100)} % of the warm raw FETCH)`);

    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    results.heap = { after: `${COUNT}-message sync, ${BIG} selected, 2× HeapProfiler.collectGarbage`, usedMB: round(heap.usedSize / 2 ** 20, 1), totalMB: round(heap.totalSize / 2 ** 20, 1) };

    // ── New-mail latency ───────────────────────────────────────────────────────────────────────
    // The other folders (the 20,000 of BODY_FOLDER among them) finish first: then the engine IDLEs.
    await waitFor(() => accountSynced(page, accountId), 'every folder of alice synced', 300_000, 250);
    results.summarySync.allFoldersSeconds = round((performance.now() - tNav) / 1000, 2);
    await sleep(1_000);
    log(`new-mail latency over ${DELIVERIES} deliveries…`);
    results.newMail = await newMailLatency({ page, host, stack, deliveries: DELIVERIES, cleanups });
    await browser.close();
    await host.stop();

    // ── Resync of unchanged folders, from cursors ─────────────────────────────────────────────
    log(`resync of bob's unchanged folders (${FOLDERS} + his own and shared)…`);
    results.resync = await resyncBench({ stack, cleanups });

    // ── First rows of a 100,000-message Inbox, the view Postvak opens on ─────────────────────────
    // The Bench figure above is a folder the person clicks while sync is busy elsewhere; this is
    // the case the issue describes: open the app, newest mail of a huge Inbox on screen.
    log(`first rows of a ${COUNT}-message Inbox (catchall@)…`);
    await fillMaildir(stack, 'catchall', 'INBOX', COUNT, { seed: 44 });
    // Three starts, each with a fresh profile and host: the first meets the server's caches cold
    // (the folder was just written), the others as a server usually is.
    const inboxRuns = [];
    for (let run = 0; run < INBOX_RUNS; run++) inboxRuns.push(await inboxFirstRows(stack, { launchBrowser, firstRows: FIRST_ROWS, rowHeight: ROW_HEIGHT }));
    const inboxMedian = (key) => quantile(inboxRuns.map((x) => x[key]).filter((v) => v !== null), 0.5);
    results.firstRowsInbox = {
      folder: 'INBOX',
      count: COUNT,
      how: `navigation → ${FIRST_ROWS} rows of the Inbox (the default view) inside the viewport, fresh profile, ${COUNT} messages in that Inbox; "from sync started" counts from the page's sync.start call (User Timing mark postvak:sync.start), the issue's definition; median of ${INBOX_RUNS} starts, the first with the server's caches cold`,
      fromNavigationMs: inboxMedian('fromNavigationMs'),
      fromSyncStartMs: inboxMedian('fromSyncStartMs'),
      runs: inboxRuns,
    };
    log(`first ${FIRST_ROWS} Inbox rows: ${inboxRuns.map((x) => `${x.fromSyncStartMs} ms from sync.start (${x.fromNavigationMs} from navigation)`).join(', ')}`);
  }

  // ── Calendar (issue #5): a month of 1,000 events on screen, a change from alice to bob ─────────
  if (parts.has('calendar')) {
    // On the seed as it was written: not after 220,000 filled messages the members would sync first.
    if (parts.has('mail')) await resetMailboxes(stack);
    log('calendar: a month of events, change-to-visible latency…');
    const calendarBrowser = await launchBrowser();
    cleanups.push(() => calendarBrowser.close());
    results.machine.chromium ??= calendarBrowser.version();
    await calendarBench(results.calendar, { stack, browser: calendarBrowser, events: EVENTS, probes: PROBES, log });
    await calendarBrowser.close();
  }
  if (parts.has('sync')) await syncRateBench(results.sync, { stack, count: COUNT, snippetBytes: SNIPPET_FIRST_BYTES, log, cleanups });
  // ── Heavy mail (issue #10 §1): main keeps answering, a big message costs kilobytes ─────────────
  if (parts.has('message')) {
    if (parts.has('mail') || parts.has('calendar')) await resetMailboxes(stack);
    await messageBench(results.message, { stack, log, cleanups });
  }
  // ── Start (issue #11 §4, test/bench/start.mjs): first Inbox rows from navigation, cached and uncached ──
  if (parts.has('start')) {
    if (parts.size > 1) await resetMailboxes(stack);
    await startBench(results.start, { stack, browserType: chromium, launchOptions, count: COUNT, runs: INBOX_RUNS, firstRows: FIRST_ROWS, log, cleanups });
  }
  // ── Scale (issue #11 §6, test/bench/scale.mjs): a million messages ─────────────────────────────
  if (parts.has('scale')) {
    if (parts.size > 1) await resetMailboxes(stack);
    await scaleBench(results.scale, { stack, browserType: chromium, launchOptions, count: COUNT, second: SECOND, snippetBytes: SNIPPET_FIRST_BYTES, firstRows: FIRST_ROWS, log, cleanups });
    results.machine.chromium ??= results.scale.chromium;
  }
  if (parts.has('tasks')) {
    if (parts.size > 1) await resetMailboxes(stack);
    await tasksBench(results.tasks, { stack, count: Number(args['tasks-count']), browserType: chromium, launchOptions, log, cleanups });
    results.machine.chromium ??= results.tasks.keys?.chromium ?? null;
  }
  if (parts.has('search')) {
    if (parts.size > 1 && stack) await resetMailboxes(stack);
    await searchBench(results.search, { browserType: chromium, launchOptions, stack, snippetBytes: SNIPPET_FIRST_BYTES, log, cleanups, args });
    results.machine.chromium ??= results.search.chromium ?? null;
  }
} catch (error) {
  results.error = String(error?.stack ?? error);
  console.error(error);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve().then(cleanup).catch(() => undefined);
}
results.totalSeconds = round((performance.now() - started) / 1000, 1);
results.machine.loadAverage.end = os.loadavg().map((x) => round(x, 1));

// ── Report ──────────────────────────────────────────────────────────────────────────────────
const r = results;
const mailRows = mailReportRows(r, { count: COUNT, big: BIG, firstRows: FIRST_ROWS, bodies: BODIES });
const rows = [
  ...(parts.has('mail') ? mailRows : []),
  ...(parts.has('calendar') ? calendarRows(r.calendar) : []),
  ...(parts.has('message') ? messageRows(r.message) : []),
  ...(parts.has('sync') ? syncRateRows(r.sync) : []),
  ...(parts.has('start') ? startRows(r.start, { count: COUNT, firstRows: FIRST_ROWS }) : []),
  ...(parts.has('scale') ? scaleRows(r.scale, { firstRows: FIRST_ROWS }) : []),
  ...(parts.has('tasks') ? tasksRows(r.tasks) : []),
  ...(parts.has('search') ? searchRows(r.search) : []),
];
// A run of one part keeps its own latest file: a full run's latest.json stays whole.
const suffix = args.scale ? `-scale-${COUNT}` : args.only ? `-${args.only}` : '';
reportAndWrite(r, rows, { dir: join(root, 'bench-results'), suffix });
