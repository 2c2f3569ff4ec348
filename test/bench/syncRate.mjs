/**
 * `npm run bench -- --only sync` (issue #11 §6): the summary sync's delivery rate from main, next
 * to the raw imapflow FETCH of the same items measured in the same run, without the cache. The
 * engine runs in the browser host (the real transport: JSON over its WebSocket) and a collector
 * stands in for the renderer, acknowledging every batch as soon as it has decoded it. So the
 * figure is what main and the transport deliver; the cache's own write rate is measured by the
 * mail part (and the renderer's store bench). The collector also times JSON.parse per batch: the
 * decode cost a window pays before it writes anything.
 *
 * POSTVAK_SYNC_CPU_PROF=<dir>: the host records a CPU profile into that directory (cpuProfile.mjs,
 * written when the host exits), to see where main spends the sync.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { stackAccount, startHostProcess } from '../../scripts/lib.mjs';
import { fillMaildir } from '../mailstack/mailstack.mjs';
import { connectHost } from './hostClient.mjs';
import { postvakSummaryItems, timedFetch } from './protocol.mjs';
import { quantile, round } from './util.mjs';

const USER = 'carol';
const TICKS_PER_SECOND = 100; // Linux USER_HZ, the unit of /proc/<pid>/stat's utime and stime

/** CPU seconds (user + system) a child process has used so far (Linux /proc). */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) in parentheses: utime is the 14th field.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** timedFetch with the CPU this process spent on it: the client side of a raw FETCH. */
async function timedFetchCpu(stack, items) {
  const before = process.cpuUsage();
  const result = await timedFetch(stack, USER, FOLDER, items);
  const used = process.cpuUsage(before);
  return { ...result, cpuSeconds: (used.user + used.system) / 1e6 };
}
const FOLDER = 'SyncRate';

/**
 * Fills carol's SyncRate folder with `count` messages, times the raw FETCH (cold, then warm) and
 * Postvak's delivery of the same folder; fills `out` and returns it.
 * @param {object} out
 * @param {{ stack: object, count: number, snippetBytes: number, log: Function, cleanups: Function[] }} opts
 */
export async function syncRateBench(out, { stack, count, snippetBytes, log, cleanups }) {
  log(`sync: filling ${USER}/${FOLDER} with ${count} messages…`);
  const fill = await fillMaildir(stack, USER, FOLDER, count, { seed: 45 });
  out.fill = { folder: FOLDER, count: fill.count, megabytes: round(fill.bytes / 1e6, 1), seconds: round(fill.totalMs / 1000, 2), writeMs: fill.writeMs, resyncMs: fill.resyncMs };
  log(`sync: filled in ${round(fill.totalMs / 1000, 1)} s; raw FETCH (cold, then warm)…`);

  // The first FETCH of a fresh folder also builds Dovecot's cache file: the warm one is the
  // protocol's rate as the app meets it (the app's own FETCH comes after the cold one here too).
  const items = postvakSummaryItems(snippetBytes);
  const cold = await timedFetchCpu(stack, items);
  const warm = await timedFetchCpu(stack, items);
  const fetchFigures = (f) => ({ count: f.count, seconds: round(f.seconds, 2), msgsPerSec: round(f.rate), clientCpuMicrosPerMsg: round((f.cpuSeconds / f.count) * 1e6, 1) });
  out.rawFetch = { items: Object.keys(items), snippetBytes, cold: fetchFigures(cold), warm: fetchFigures(warm) };
  log(`sync: raw FETCH cold ${round(cold.rate)} msg/s, warm ${round(warm.rate)} msg/s`);

  const profile = mkdtempSync(join(os.tmpdir(), 'postvak-bench-sync-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const cpuProf = process.env.POSTVAK_SYNC_CPU_PROF;
  const preload = new URL('./cpuProfile.mjs', import.meta.url).href;
  const env = cpuProf ? { POSTVAK_CPU_PROF_DIR: cpuProf, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim() } : {};
  const host = await startHostProcess({ profile, caFiles: [stack.caFile], env });
  cleanups.push(() => host.stop());
  // The collector keeps each batch without its rows, and the UIDs of the folder's rows: enough
  // to count them, small enough for a million.
  const uids = new Set();
  const collector = await connectHost(host, {
    keep: (batch) => {
      if (batch.kind !== 'messages') return batch;
      if (batch.folderPath === FOLDER) for (const row of batch.upserts) uids.add(row.uid);
      return { ...batch, upserts: { length: batch.upserts.length } };
    },
  });
  cleanups.push(() => collector.close());
  const account = await collector.call('accounts.add', { ...stackAccount(stack, USER, 'Carol'), rememberPassword: false });

  log(`sync: Postvak's summary sync of ${count} messages through the browser host…`);
  const t0 = performance.now();
  const cpu0 = cpuSeconds(host.child.pid);
  await collector.call('sync.start', { accountId: account.id, cursors: [] });
  const ours = (b) => b.batch.kind === 'messages' && b.batch.folderPath === FOLDER;
  let lastLog = t0;
  await collector.until(
    () => {
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        const rows = collector.batches.filter(ours).reduce((n, b) => n + b.batch.upserts.length, 0);
        log(`sync:   … ${round((lastLog - t0) / 1000)} s, ${rows} rows of ${FOLDER}`);
      }
      return collector.batches.some((b) => ours(b) && b.batch.cursor !== null);
    },
    `the ${FOLDER} cursor`,
    Math.max(120_000, count * 2),
  );
  const tDone = performance.now();
  const hostCpu = cpuSeconds(host.child.pid) - cpu0;
  const batches = collector.batches.filter(ours);
  // The folder's full pass: from the first batch that reports progress over the whole folder
  // (its preview batch of the newest rows comes earlier, with the other folders' previews).
  const passIndex = batches.findIndex((b) => b.batch.progress.total > 0);
  const pass = batches.slice(passIndex);
  const passRows = pass.reduce((n, b) => n + b.batch.upserts.length, 0);
  // The window of the pass starts when its first batch was asked for: one batch before its arrival.
  const first = pass[0];
  const passSeconds = (pass.at(-1).at - first.at) / 1000;
  const perMessageRate = (passRows - first.batch.upserts.length) / passSeconds;
  const uniqueRows = uids.size;
  const bytes = pass.reduce((n, b) => n + b.bytes, 0);
  const parseMs = pass.map((b) => b.parseMs);
  const fromStart = (tDone - t0) / 1000;
  out.delivery = {
    how: 'browser host (fresh profile) driven over its WebSocket by a collector that decodes each sync.batch and acknowledges it at once; rate = rows of the folder\'s full pass after its first batch ÷ time from the first batch\'s arrival to the cursor\'s',
    rows: uniqueRows,
    batches: pass.length,
    batchRows: quantile(pass.map((b) => b.batch.upserts.length), 0.5),
    secondsFromSyncStart: round(fromStart, 2),
    passSeconds: round(passSeconds, 2),
    msgsPerSec: round(perMessageRate),
    ratioToRawWarm: round(perMessageRate / warm.rate, 3),
    ratioToRawCold: round(perMessageRate / cold.rate, 3),
    // Load from other work on the machine stretches both rates; CPU per message does not move.
    hostCpuMicrosPerMsg: round((hostCpu / count) * 1e6, 1),
    hostCpuToRawClientCpu: round(hostCpu / count / (warm.cpuSeconds / warm.count), 2),
    wireBytesPerMessage: round(bytes / passRows),
    jsonParseMsPerBatch: { median: round(quantile(parseMs, 0.5), 2), p95: round(quantile(parseMs, 0.95), 2) },
    jsonParseShare: round(parseMs.reduce((a, b) => a + b, 0) / 1000 / passSeconds, 3),
  };
  if (uniqueRows !== count) out.notes = [`the collector received ${uniqueRows} distinct rows of ${FOLDER}, expected ${count}`];
  log(`sync: ${round(perMessageRate)} msg/s = ${round((perMessageRate / warm.rate) * 100)} % of the warm raw FETCH (${round(bytes / passRows)} B per message on the wire)`);
  await collector.call('sync.stop', { accountId: account.id });
  collector.close();
  await host.stop();
  return out;
}

/** The bench report's rows for this part: [measure, result, target, ok]. */
export function syncRateRows(r) {
  const d = r.delivery;
  if (!d) return [['summary sync (main + transport)', 'not measured', '', null]];
  const pct = (x) => `${round(x * 100)} %`;
  return [
    [`fill ${r.fill.count} messages`, `${r.fill.seconds} s`, '', null],
    ['raw imapflow FETCH, same items (cold / warm)', `${r.rawFetch.cold.msgsPerSec} / ${r.rawFetch.warm.msgsPerSec} msg/s`, '', null],
    ['summary sync, main + WebSocket, acked at once', `${d.msgsPerSec} msg/s (${pct(d.ratioToRawWarm)} of warm FETCH)`, '≥ 80 %', d.ratioToRawWarm >= 0.8],
    ['  main CPU per message (raw FETCH client: warm)', `${d.hostCpuMicrosPerMsg} µs (${r.rawFetch.warm.clientCpuMicrosPerMsg} µs)`, '', null],
    ['  wire bytes per message / JSON.parse per batch', `${d.wireBytesPerMessage} B / ${d.jsonParseMsPerBatch.median} ms (${d.batchRows} rows)`, '', null],
  ];
}
