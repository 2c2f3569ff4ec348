/**
 * `node scripts/bench.mjs --only start` (issue #11 §4 "Start fast"): the first rows of the Inbox
 * from the window's navigation, page load included —
 *
 *  - uncached: a fresh profile and browser, an account whose `COUNT`-message Inbox the cache has
 *    never seen (target ≤ 1000 ms);
 *  - cached: the second start of the same profile (host and browser started again, the Inbox
 *    fully synced by the first start; target ≤ 500 ms).
 *
 * Besides the time to `FIRST_ROWS` rows on screen it notes what the page did on the way: when
 * it called `sync.start` (User Timing mark `postvak:sync.start`), which scripts and styles it
 * loaded and how large they are, and the size of the renderer's chunks on disk. The median of
 * `runs` starts is reported. `POSTVAK_HOST_JS` (scripts/lib.mjs) runs a host built elsewhere.
 */
/* global window, document, innerHeight, requestAnimationFrame */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { hostCall, root, stackAccount, startHostProcess } from '../../scripts/lib.mjs';
import { fillMaildir } from '../mailstack/mailstack.mjs';
import { cacheState, visibleRows } from './page.mjs';
import { quantile, round, waitFor } from './util.mjs';

const ROW_HEIGHT = 76; // src/renderer/features/mail/MessageList.tsx

/** Tall enough that `firstRows` rows fit on screen at once (the list is virtualised). */
const viewportFor = (firstRows) => ({ width: 1280, height: firstRows * ROW_HEIGHT + 400 });

/** The renderer folder the host serves: beside the host bundle it runs. */
function rendererDir() {
  const hostJs = process.env.POSTVAK_HOST_JS ?? join(root, 'out/main/host.js');
  return join(dirname(hostJs), '..', 'renderer');
}

/** → { entry, entryKB, chunks: [{ file, kB }], totalKB }: the built renderer's JavaScript on disk. */
export function bundleSizes(dir = rendererDir()) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.?\/?([^"]+)"/.exec(html)?.[1] ?? null;
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.?\/?([^"]+)"/g)].map((m) => m[1]);
  const assets = join(dir, 'assets');
  const chunks = readdirSync(assets)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => ({ file: `assets/${f}`, kB: round(statSync(join(assets, f)).size / 1024, 1) }))
    .sort((a, b) => b.kB - a.kB);
  const kB = (file) => chunks.find((c) => c.file === file)?.kB ?? null;
  const firstLoad = [entry, ...preloads].filter(Boolean);
  return {
    entry,
    entryKB: entry ? kB(entry) : null,
    modulepreload: preloads,
    firstLoadKB: round(firstLoad.reduce((n, f) => n + (kB(f) ?? 0), 0), 1),
    totalJsKB: round(chunks.filter((c) => c.file.endsWith('.js')).reduce((n, c) => n + c.kB, 0), 1),
    chunks,
  };
}

/**
 * What the page did from navigation to the first rows, in the page's own clock (ms since
 * navigation start): the document, each script/style it loaded, the sync.start mark, and the
 * contract calls it made (counted by the WebSocket frames it sent).
 */
function pageTimeline(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance
      .getEntriesByType('resource')
      .filter((r) => r.initiatorType === 'script' || r.initiatorType === 'link' || r.initiatorType === 'other')
      .map((r) => ({ name: new URL(r.name).pathname, startMs: Math.round(r.startTime), endMs: Math.round(r.responseEnd), kB: Math.round(r.encodedBodySize / 102.4) / 10 }));
    const mark = (name) => {
      const entry = performance.getEntriesByName(name)[0];
      return entry ? Math.round(entry.startTime) : null;
    };
    // The list index's first build (db/index, issue #11 §2): its size tells a cached start from one
    // whose rows came from the sync.
    const built = performance.getEntriesByName('postvak:index.built')[0];
    return {
      indexBuilt: built ? { atMs: Math.round(built.startTime), count: built.detail?.count ?? null, ms: Math.round(built.detail?.ms ?? NaN) } : null,
      documentMs: nav ? Math.round(nav.responseEnd) : null,
      domContentLoadedMs: nav ? Math.round(nav.domContentLoadedEventEnd) : null,
      accountsMs: mark('postvak:accounts'),
      syncStartMs: mark('postvak:sync.start'),
      firstBatchWrittenMs: mark('postvak:batch.written'),
      rowsPaintedMs: window.__benchRowsAt === undefined ? null : Math.round(window.__benchRowsAt),
      resources,
    };
  });
}

/** Notes every contract method the page calls over the host's WebSocket, in order. */
function recordCalls(page) {
  const calls = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => {
      try {
        const frame = JSON.parse(String(payload));
        if (typeof frame.method === 'string') calls.push(frame.method);
      } catch {
        // not a contract frame
      }
    });
  });
  return calls;
}

/**
 * Notes (window.__benchRowsAt, page clock) the first animation frame with `firstRows` message
 * rows inside the viewport — the frame they are painted in.
 */
function watchRows(page, firstRows) {
  return page.addInitScript((wanted) => {
    const check = () => {
      let n = 0;
      for (const el of document.querySelectorAll('[role="option"][aria-posinset]')) {
        const r = el.getBoundingClientRect();
        if (r.bottom > 0 && r.top < innerHeight && r.height > 0) n++;
      }
      if (n >= wanted) window.__benchRowsAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, firstRows);
}

/** Navigates `page` to the host and waits for `firstRows` Inbox rows: → the run's figures. */
async function firstRowsRun(page, host, firstRows) {
  await watchRows(page, firstRows);
  const calls = recordCalls(page);
  const tNav = performance.now();
  await page.goto(host.url);
  await waitFor(async () => (await visibleRows(page)) >= firstRows, `${firstRows} Inbox rows on screen`, 120_000, 10);
  const fromNavigationMs = round(performance.now() - tNav);
  const timeline = await pageTimeline(page);
  return { fromNavigationMs, ...timeline, ...(await hostMarks(page, host)), callsBeforeRows: calls.slice() };
}

/** TRACE: the host notes its head start and the batches it sends (POSTVAK_TRACE, host/cli.ts). */
const TRACE = { POSTVAK_TRACE: '1' };

/**
 * Main's side of the start in the page's clock (ms since navigation): when its head start was
 * ready and when it sent the first batch of messages, from the host's trace lines.
 */
async function hostMarks(page, host) {
  const origin = await page.evaluate(() => performance.timeOrigin);
  const marks = host.logs
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('[trace] '))
    .map((line) => JSON.parse(line.slice('[trace] '.length)));
  const at = (mark) => (mark ? Math.round(mark.at - origin) : null);
  // The last head start: an uncached run's account was added (and its head start begun) just before.
  const headStarts = marks.filter((m) => m.what === 'headStart');
  return {
    headStartReadyMs: at(headStarts.at(-1)),
    firstBatchSentMs: at(marks.find((m) => m.what === 'batchSent' && m.upserts > 0 && m.at >= origin)),
  };
}

/** One start on a fresh app profile and browser profile (the uncached Inbox): → the run's figures. */
export async function uncachedStart({ stack, browserType, launchOptions, firstRows }) {
  const profile = mkdtempSync(join(os.tmpdir(), 'postvak-bench-start-'));
  const host = await startHostProcess({ profile, caFiles: [stack.caFile], env: TRACE });
  const browser = await browserType.launch(launchOptions);
  try {
    const added = await hostCall(host, 'accounts.add', { ...stackAccount(stack, 'catchall', 'Catch-all'), rememberPassword: false });
    if (!added.ok) throw new Error(`accounts.add catchall: ${JSON.stringify(added.error)}`);
    const page = await (await browser.newContext({ viewport: viewportFor(firstRows) })).newPage();
    return await firstRowsRun(page, host, firstRows);
  } finally {
    await browser.close();
    await host.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * An app profile and a browser profile whose cache holds the whole Inbox (a first start synced
 * it): → { profile, userData, port, syncSeconds }. The password is remembered, as on a person's
 * machine: main's head start at the next start needs it before any window asks. Later starts
 * use the same port: IndexedDB belongs to the origin, port included.
 */
export async function cachedProfile({ stack, browserType, launchOptions, firstRows, cleanups }) {
  const profile = mkdtempSync(join(os.tmpdir(), 'postvak-bench-start-'));
  const userData = mkdtempSync(join(os.tmpdir(), 'postvak-bench-start-chromium-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  cleanups.push(() => rmSync(userData, { recursive: true, force: true }));
  const host = await startHostProcess({ profile, caFiles: [stack.caFile] });
  const context = await browserType.launchPersistentContext(userData, { ...launchOptions, viewport: viewportFor(firstRows) });
  try {
    const added = await hostCall(host, 'accounts.add', { ...stackAccount(stack, 'catchall', 'Catch-all'), rememberPassword: true });
    if (!added.ok) throw new Error(`accounts.add catchall: ${JSON.stringify(added.error)}`);
    const page = context.pages()[0] ?? (await context.newPage());
    const t0 = performance.now();
    await page.goto(host.url);
    await waitFor(async () => (await cacheState(page, added.value.id, 'INBOX', false)).cursor !== null, 'the INBOX cursor in the cache', 600_000, 250);
    return { profile, userData, port: host.port, syncSeconds: round((performance.now() - t0) / 1000, 1) };
  } finally {
    await context.close();
    await host.stop();
  }
}

/** One more start of a cachedProfile(): host and browser started again → the run's figures. */
export async function cachedStart({ stack, browserType, launchOptions, firstRows }, { profile, userData, port }) {
  const host = await startHostProcess({ profile, caFiles: [stack.caFile], port, env: TRACE });
  const context = await browserType.launchPersistentContext(userData, { ...launchOptions, viewport: viewportFor(firstRows) });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    return await firstRowsRun(page, host, firstRows);
  } finally {
    await context.close();
    await host.stop();
  }
}

/**
 * @param results the `start` object of the bench results (filled in here)
 * @param deps { stack, browserType (playwright's chromium), launchOptions, count, runs, firstRows, log, cleanups, fill }
 */
export async function startBench(results, deps) {
  const { stack, count, runs, firstRows, log, fill = true } = deps;
  const viewport = viewportFor(firstRows);
  results.bundle = bundleSizes();
  log(`start: renderer entry ${results.bundle.entryKB} kB, first load ${results.bundle.firstLoadKB} kB, all JS ${results.bundle.totalJsKB} kB`);
  if (fill) {
    log(`start: filling catchall's INBOX with ${count} messages…`);
    await fillMaildir(stack, 'catchall', 'INBOX', count, { seed: 44 });
  }
  const uncached = [];
  for (let run = 0; run < runs; run++) {
    uncached.push(await uncachedStart(deps));
    log(`start: uncached run ${run + 1}: ${uncached.at(-1).fromNavigationMs} ms`);
  }
  log(`start: first start of the cached profile, syncing ${count} messages…`);
  const prepared = await cachedProfile(deps);
  results.cachedProfileSyncSeconds = prepared.syncSeconds;
  const cached = [];
  for (let run = 0; run < runs; run++) {
    cached.push(await cachedStart(deps, prepared));
    log(`start: cached run ${run + 1}: ${cached.at(-1).fromNavigationMs} ms`);
  }

  const median = (list, key) => quantile(list.map((x) => x[key]).filter((v) => v !== null), 0.5);
  /** Where the time went, medians in the page's clock (ms since navigation). */
  const split = (list) => Object.fromEntries(SPLIT.map((key) => [key, median(list, key)]));
  results.uncached = {
    how: `navigation → ${firstRows} rows of a ${count}-message Inbox on screen (1280×${viewport.height}), fresh app profile and browser profile, account added just before; median of ${runs}`,
    fromNavigationMs: median(uncached, 'fromNavigationMs'),
    split: split(uncached),
    runs: uncached,
  };
  results.cached = {
    how: `navigation → ${firstRows} rows of the same Inbox, fully in the cache: host and browser restarted on the profile of a completed sync (password remembered, same port); median of ${runs}`,
    fromNavigationMs: median(cached, 'fromNavigationMs'),
    split: split(cached),
    runs: cached,
  };
}

const SPLIT = ['domContentLoadedMs', 'headStartReadyMs', 'accountsMs', 'syncStartMs', 'firstBatchSentMs', 'firstBatchWrittenMs', 'rowsPaintedMs'];

/** The start part's rows of the bench table: [measure, result, target, met]. */
export function startRows(s, { count, firstRows }) {
  const row = (name, part, target) => [
    name,
    part?.fromNavigationMs != null ? `${part.fromNavigationMs} ms (median; ${part.runs.map((x) => x.fromNavigationMs).join(' / ')})` : '–',
    `≤ ${target} ms`,
    part?.fromNavigationMs != null ? part.fromNavigationMs <= target : null,
  ];
  const splitRow = (part) => [
    '  DOMContentLoaded · head start ready · accounts · sync.start · 1st batch sent · written · rows painted',
    part?.split ? SPLIT.map((key) => part.split[key] ?? '–').join(' · ') + ' ms' : '–',
    '',
    null,
  ];
  return [
    row(`First ${firstRows} rows, cached ${count}-message Inbox, from navigation`, s.cached, 500),
    splitRow(s.cached),
    row(`First ${firstRows} rows, uncached ${count}-message Inbox, from navigation`, s.uncached, 1000),
    splitRow(s.uncached),
    ['  renderer JS: entry / first load / all', s.bundle ? `${s.bundle.entryKB} / ${s.bundle.firstLoadKB} / ${s.bundle.totalJsKB} kB` : '–', '', null],
  ];
}
