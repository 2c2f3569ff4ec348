/**
 * `npm run bench -- --only search` (issue #13 "Done means"): the local search index at 1,000,000
 * messages (summaries) and at 100,000 with their bodies (1.5–4 KB of text each), in Chromium,
 * through the real engine: getSearchEngine() (src/renderer/search/engine/client.ts — the Worker
 * with its database in the origin-private file system). The bench page (searchPage.html/.ts) is
 * built with the renderer's own Vite settings (electron.vite.config.ts) and served from loopback.
 *
 *  - first 50 results of a rare word, a common word, a two-letter prefix, an operator query and a
 *    two-word query: p50/p95 over `perKind` (100) different queries of each kind, as the caller in
 *    the window waits for them (worker round trip included), next to the engine's own time;
 *  - the engine's write rate (documents applied directly), its size on disk per message
 *    (stats().bytes ÷ docs), the window's heap and the renderer process's memory while searching;
 *  - build rate, lag and the sync's write rate with indexing on and off through the feeder from a
 *    cache filled by applySyncBatch (searchFeed.ts), when the feeder is there.
 *
 * The mail is synthetic and Postvak-shaped (searchCorpus.ts). Figures only: nothing is asserted.
 */
/* global window */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport, build as viteBuild } from 'vite';
import { root } from '../../scripts/lib.mjs';
import { searchSyncBench } from './searchSync.mjs';
import { round } from './util.mjs';

const PAGE_DIR = fileURLToPath(new URL('.', import.meta.url));
const SEED_STEP = 50_000; // documents per page.evaluate call: progress in the log, no endless call
/** Documents per apply when seeding (one transaction each); POSTVAK_SEARCH_SEED_BATCH to try others. */
const SEED_BATCH = Number(process.env.POSTVAK_SEARCH_SEED_BATCH ?? 10_000);
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

/** Builds the bench page with the renderer's Vite settings (plugins, worker, wasm) into a temp dir. */
async function buildPage(log) {
  const config = (await runnerImport(join(root, 'electron.vite.config.ts'))).module.default;
  const renderer = typeof config === 'function' ? await config({ command: 'build', mode: 'production' }) : config;
  const r = renderer.renderer ?? {};
  const outDir = mkdtempSync(join(os.tmpdir(), 'postvak-bench-search-page-'));
  log(`search: building the bench page into ${outDir}…`);
  await viteBuild({
    configFile: false,
    logLevel: 'warn',
    root: PAGE_DIR,
    base: './',
    plugins: r.plugins,
    worker: r.worker,
    optimizeDeps: r.optimizeDeps,
    assetsInclude: r.assetsInclude,
    resolve: r.resolve,
    define: r.define,
    build: { ...(r.build ?? {}), outDir, emptyOutDir: true, rolldownOptions: { ...(r.build?.rolldownOptions ?? {}), input: { searchPage: join(PAGE_DIR, 'searchPage.html') } } },
  });
  return outDir;
}

/** A static server for the built page on loopback (a secure context: OPFS works there). */
function serve(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'searchPage.html' : path);
    try {
      if (!file.startsWith(dir) || !statSync(file).isFile()) throw new Error('no file');
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/searchPage.html`, close: () => server.close() })));
}

/** Memory of the renderer processes (RSS and its peak, /proc) — the window's and the worker's heaps and the WebAssembly memory together. */
export async function rendererMemory(browser) {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await session.send('SystemInfo.getProcessInfo');
    const renderers = processInfo.filter((p) => p.type === 'renderer').map((p) => {
      try {
        return procMemory(p.id);
      } catch {
        return null;
      }
    });
    return renderers.filter(Boolean).sort((a, b) => b.rssMB - a.rssMB)[0] ?? null;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

const procMemory = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (key) => round(Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0) / 1024, 1);
  return { pid, rssMB: mb('VmRSS'), peakRssMB: mb('VmHWM') };
};

/**
 * The same from /proc alone, for a persistent context (no Browser object): the renderer
 * processes descending from the browser started on `userDataDir`, the biggest (the page's).
 */
function rendererMemoryOf(userDataDir) {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return { pid: Number(pid), ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]), cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8') };
    } catch {
      return null;
    }
  }).filter(Boolean);
  const root = procs.find((p) => p.cmd.includes(`--user-data-dir=${userDataDir}`) && !p.cmd.includes('--type='));
  if (!root) return null;
  const ours = new Set([root.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) {
      if (ours.has(p.pid) || !ours.has(p.ppid)) continue;
      ours.add(p.pid);
      grew = true;
    }
  }
  const renderers = procs.filter((p) => ours.has(p.pid) && p.cmd.includes('--type=renderer')).map((p) => procMemory(p.pid));
  return renderers.sort((a, b) => b.rssMB - a.rssMB)[0] ?? null;
}

/** Bytes of a directory tree allocated on disk (st_blocks). */
function dirBytes(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).blocks * 512;
  return n;
}

async function windowHeap(cdp, gc) {
  await cdp.send('HeapProfiler.enable');
  if (gc) {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
  }
  const h = await cdp.send('Runtime.getHeapUsage');
  return round((h.usedSize + (h.embedderHeapUsedSize ?? 0) + (h.backingStorageSize ?? 0)) / 2 ** 20, 1);
}

/** Seeds `count` documents (with bodies or not) in steps, then measures the queries. */
async function indexAndSearch(page, { count, bodies, perKind, log, cdp, userDataDir }) {
  const label = `${count} ${bodies ? 'with bodies' : 'summaries'}`;
  await page.evaluate(() => window.searchBench.clear());
  const seeds = [];
  const t0 = performance.now();
  for (let from = 0; from < count; from += SEED_STEP) {
    const to = Math.min(count, from + SEED_STEP);
    seeds.push(await page.evaluate(({ count, bodies, from, to, batch }) => window.searchBench.seed({ count, bodies, from, to, batch }), { count, bodies, from, to, batch: SEED_BATCH }));
    const s = seeds.reduce((a, x) => ({ docs: a.docs + x.docs, seconds: a.seconds + x.seconds }), { docs: 0, seconds: 0 });
    log(`search:   … ${to} of ${label} indexed, ${round(s.docs / s.seconds)} docs/s (${round((performance.now() - t0) / 1000)} s)`);
  }
  const docs = seeds.reduce((n, x) => n + x.docs, 0);
  const applySeconds = seeds.reduce((n, x) => n + x.seconds, 0);
  const stats = await page.evaluate(() => window.searchBench.stats());
  log(`search: ${label}: ${JSON.stringify(stats)}; timing ${perKind} queries of each kind…`);
  const heapBefore = await windowHeap(cdp, true);
  const kinds = await page.evaluate((perKind) => window.searchBench.queries(perKind), perKind);
  const memory = rendererMemoryOf(userDataDir);
  const fsDir = join(userDataDir, 'Default', 'File System');
  let opfsBytes = null;
  try {
    opfsBytes = dirBytes(fsDir);
  } catch {
    // No OPFS directory (the engine fell back to memory): stats() says so.
  }
  const heapWhile = await windowHeap(cdp, false);
  for (const k of kinds) log(`search:   ${k.kind}: p50 ${k.p50Ms} ms, p95 ${k.p95Ms} ms (engine ${k.engineP50Ms} / ${k.engineP95Ms} ms), ${k.fullPages}/${k.queries} full pages`);
  return {
    count,
    bodies,
    apply: { how: `generated documents upserted directly, ${SEED_BATCH} per apply (one transaction), generation not counted`, docs, seconds: round(applySeconds, 1), docsPerSec: round(docs / applySeconds), wallSeconds: round((performance.now() - t0) / 1000, 1) },
    stats,
    bytesPerDoc: stats.docs ? round(stats.bytes / stats.docs) : null,
    opfsOnDisk: { how: 'the profile\'s File System directory (OPFS: the sahpool files), allocated bytes', megabytes: round((opfsBytes ?? 0) / 1e6, 1), bytesPerDoc: opfsBytes && stats.docs ? round(opfsBytes / stats.docs) : null },
    heap: { how: 'window: JS heap + embedder + ArrayBuffers (CDP Runtime.getHeapUsage) before the queries after GC, and right after them without GC; renderer: the tab\'s process RSS and its peak (/proc), which also holds the worker and its WebAssembly memory', windowAfterGcMB: heapBefore, windowWhileSearchingMB: heapWhile, renderer: memory },
    kinds,
  };
}

/** The part's options of scripts/bench.mjs (parseArgs), with their defaults. */
export const searchArgs = {
  /** Summaries in the index for the first query figures (target p95 ≤ 50 ms). */
  'search-count': { type: 'string', default: '1000000' },
  /** Messages with bodies for the second (target p95 ≤ 150 ms). */
  'search-bodies': { type: 'string', default: '100000' },
  /** Queries of each kind. */
  'search-queries': { type: 'string', default: '100' },
  /** Messages through the cache and the feeder (build rate, lag, cache write rate on/off). */
  'search-feed': { type: 'string', default: '100000' },
  /** Messages the app syncs from Dovecot with indexing off and on (0: no mail stack needed). */
  'search-sync': { type: 'string', default: '100000' },
};

/**
 * @param {object} out the `search` object of the bench results (filled in here; a failure is its `error`)
 * @param {{ browserType: object, launchOptions: object, stack: object | null, snippetBytes: number, log: Function, cleanups: Function[], args: object }} deps
 */
export async function searchBench(out, deps) {
  try {
    await run(out, deps);
  } catch (error) {
    out.error = String(error?.stack ?? error);
    deps.log(`search: failed: ${error}`);
  }
  return out;
}

async function run(out, { browserType, launchOptions, stack, snippetBytes, log, cleanups, args }) {
  const [count, bodiesCount, perKind, feedCount, syncCount] = ['count', 'bodies', 'queries', 'feed', 'sync'].map((k) => Number(args[`search-${k}`]));
  const t0 = performance.now();
  out.params = { count, bodiesCount, perKind, feedCount, syncCount, limit: 50 };
  out.notes = [];
  const dir = await buildPage(log);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const server = await serve(dir);
  cleanups.push(() => server.close());
  // Each phase on a fresh Chromium profile on disk: the index's OPFS files are real files (an
  // incognito context keeps them in memory, behind IPC) and start empty (SQLite's file never
  // shrinks after clear(), so sizes per message would carry over).
  const phase = async (what) => {
    const userDataDir = mkdtempSync(join(os.tmpdir(), 'postvak-bench-search-chromium-'));
    cleanups.push(() => rmSync(userDataDir, { recursive: true, force: true }));
    const context = await browserType.launchPersistentContext(userDataDir, launchOptions);
    cleanups.push(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => log(`search: page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && log(`search: console: ${m.text()}`));
    await page.goto(server.url);
    await page.waitForFunction(() => window.searchBench !== undefined, null, { timeout: 60_000 });
    const engine = await page.evaluate(() => window.searchBench.open());
    if (engine.storage !== 'opfs') out.notes.push(`${what}: the engine runs on ${engine.storage} storage, not OPFS`);
    const cdp = await context.newCDPSession(page);
    out.chromium ??= /\/(\S+)$/.exec((await cdp.send('Browser.getVersion')).product)?.[1] ?? null;
    return { page, cdp, userDataDir, close: () => context.close().then(() => rmSync(userDataDir, { recursive: true, force: true })) };
  };
  for (const [key, n, bodies] of [['summaries', count, false], ['bodies', bodiesCount, true]]) {
    if (n <= 0) continue;
    const p = await phase(key);
    out[key] = await indexAndSearch(p.page, { count: n, bodies, perKind, log, cdp: p.cdp, userDataDir: p.userDataDir });
    await p.close();
  }
  if (feedCount > 0) {
    const p = await phase('feed');
    log(`search: ${feedCount} messages through the cache and the feeder…`);
    out.feed = await p.page.evaluate((n) => window.searchBench.feed(n), feedCount);
    log(`search: feeder ${out.feed.summaries.docsPerSec} docs/s; cache writes off/on ${out.feed.sync.off.msgsPerSec}/${out.feed.sync.on.msgsPerSec} msg/s`);
    await p.close();
  }
  server.close();
  if (stack && syncCount > 0) {
    try {
      out.appSync = await searchSyncBench({ stack, browserType, launchOptions, count: syncCount, snippetBytes, log, cleanups, memory: rendererMemory });
    } catch (error) {
      out.appSync = { error: String(error?.stack ?? error) };
      log(`search: the app's sync with indexing on/off failed: ${error}`);
    }
  }
  out.seconds = round((performance.now() - t0) / 1000, 1);
}

const ms = (x) => (x === null || x === undefined ? '–' : `${x} ms`);
const KIND_NAMES = { rare: 'rare word', common: 'common word', prefix: 'two-letter prefix', operator: 'operator query', twoWords: 'two words' };

/** The search part's rows of the bench table: [measure, result, target, met]. */
export function searchRows(r) {
  const rows = [];
  const part = (p, target, what) => {
    if (!p) return;
    rows.push([`Search ${what}: index write (direct apply)`, `${p.apply.docsPerSec} docs/s; ${p.bytesPerDoc} B/message (${round(p.stats.bytes / 1e6)} MB, ${p.stats.storage}; OPFS on disk ${p.opfsOnDisk?.bytesPerDoc ?? '–'} B)`, '', null]);
    for (const k of p.kinds) {
      rows.push([`  first 50: ${KIND_NAMES[k.kind]} (p50 / p95 of ${k.queries})`, `${ms(k.p50Ms)} / ${ms(k.p95Ms)} (engine ${k.engineP50Ms} / ${k.engineP95Ms})`, `p95 ≤ ${target} ms`, k.p95Ms === null ? null : k.p95Ms <= target]);
    }
    const m = p.heap.renderer;
    rows.push([`  window JS heap while searching`, `${p.heap.windowWhileSearchingMB} MB`, '≤ 300 MB', p.heap.windowWhileSearchingMB <= 300]);
    // The tab's whole process: Chromium's own ~200 MB, the Worker and SQLite's WebAssembly memory (which never shrinks).
    rows.push([`  renderer process RSS after the queries (peak while indexing)`, m ? `${m.rssMB} MB (${m.peakRssMB} MB)` : '–', '', null]);
  };
  part(r.summaries, 50, `${r.summaries?.count} summaries`);
  part(r.bodies, 150, `${r.bodies?.count} with bodies`);
  const f = r.feed;
  if (f && !f.error) {
    rows.push([`Index build through the feeder (${f.summaries.docs} summaries)`, `${f.summaries.docsPerSec} msg/s`, '≥ 5,000/s', f.summaries.docsPerSec >= 5000]);
    if (f.bodies) rows.push([`  with bodies (${f.bodies.docs})`, `${f.bodies.docsPerSec} msg/s`, '', null]);
    if (f.sync) {
      rows.push(['Cache write of sync batches, indexing off / on', `${f.sync.off.msgsPerSec} / ${f.sync.on.msgsPerSec} msg/s (${round((f.sync.on.msgsPerSec / f.sync.off.msgsPerSec) * 100)} %)`, 'on ≈ off', null]);
      rows.push(['  index behind the cache during that sync (max) / caught up after it', `${f.sync.on.maxLagDocs} msgs / ${ms(f.sync.on.catchUpMs)}`, '', null]);
    }
    const a = f.arrivals;
    if (a) rows.push(['Index lag at steady state: new mail written → searchable (median / p95)', `${ms(a.medianMs)} / ${ms(a.p95Ms)}`, '≤ a few s', a.p95Ms <= 3000]);
  } else if (f?.error) rows.push(['Index build through the feeder', `failed: ${f.error.split('\n')[0]}`, '≥ 5,000/s', null]);
  const s = r.appSync;
  if (s && !s.error) {
    const pct = (x) => `${round((x.msgsPerSec / s.rawWarm.msgsPerSec) * 100)} %`;
    rows.push([`Summary sync of ${s.fill.count} in the app, indexing off`, `${s.off.msgsPerSec} msg/s (${pct(s.off)} of warm FETCH ${s.rawWarm.msgsPerSec}); pass ${s.off.passMsgsPerSec}`, '', null]);
    rows.push([`  indexing on`, `${s.on.msgsPerSec} msg/s (${pct(s.on)}); pass ${s.on.passMsgsPerSec}`, '≥ 80 % (as off)', s.on.msgsPerSec / s.rawWarm.msgsPerSec >= 0.8]);
    rows.push([`  app window heap after it (GC) / renderer RSS, indexing on`, `${s.on.windowHeapAfterGcMB} MB / ${s.on.renderer?.rssMB ?? '–'} MB`, '≤ 300 MB', s.on.windowHeapAfterGcMB <= 300]);
  } else if (s?.error) rows.push(['Summary sync with indexing on/off', `failed: ${s.error.split('\n')[0]}`, '', null]);
  for (const note of r.notes ?? []) rows.push(['  note', note, '', null]);
  if (rows.length === 0) rows.push(['Search', r.error ? `failed: ${r.error.split('\n')[0]}` : 'not measured', '', null]);
  return rows;
}
