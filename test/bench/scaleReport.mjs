/** The scale part's rows of the bench table (test/bench/scale.mjs): [measure, result, target, met]. */
import { round } from './util.mjs';

const pct = (x) => `${round(x * 100, 1)} %`;
const ms = (x) => (x == null ? '–' : `${x} ms`);
const check = (value, ok) => (value == null ? null : ok(value));

/** Whether a scroll showed the rows it aimed at (the expected row within a screenful of those shown). */
const reached = (r) => (r ? r.expectedPos >= r.firstPos - r.count && r.expectedPos <= r.lastPos + r.count : null);
const scrollText = (r, setsize) =>
  r ? `${r.ms} ms (rows ${r.firstPos}–${r.lastPos} of ${setsize}${reached(r) ? '' : `, aimed at ~${r.expectedPos}`}${r.newestFirst === false ? ', NOT in date order' : ''})` : '–';

/** "900 ms (DOMContentLoaded 300, sync.start 450)": the start's own split. */
function firstRowsText(f) {
  if (f?.fromNavigationMs == null) return '–';
  return `${f.fromNavigationMs} ms (scripts in ${f.scriptsLoadedMs ?? '?'}, DOMContentLoaded ${f.domContentLoadedMs ?? '?'}, sync.start ${f.syncStartMs ?? '?'} ms)`;
}

/** @param s the `scale` object of the bench results */
export function scaleRows(s, { firstRows }) {
  const n = s.params?.count ?? '?';
  const sync = s.summarySync ?? {};
  const middle = s.scroll?.runs?.[0];
  const end = s.scroll?.runs?.find((r) => r.fraction === 1);
  const rest = s.scroll?.runs?.slice(2) ?? [];
  const u = s.unified;
  const change = s.unreadAfterChange;
  const rows = [
    [`Scale ${n}: fill big Inbox / second Inbox`, s.fill ? `${s.fill.big.seconds} s / ${s.fill.second?.seconds ?? '–'} s (${s.fill.second?.count ?? 0} messages)` : '–', '', null],
    ['  raw imapflow FETCH, same items as Postvak (cold / warm)', s.rawFetch ? `${s.rawFetch.cold.msgsPerSec} / ${s.rawFetch.warm.msgsPerSec} msg/s` : '–', '', null],
    [
      '  summary sync, navigation → both cursors',
      sync.msgsPerSec != null ? `${sync.msgsPerSec} msg/s, ${sync.rows} rows in ${sync.seconds} s (${pct(sync.ratioToRawWarm)} of warm FETCH)` : '–',
      '≥ 80 %',
      check(sync.ratioToRawWarm, (x) => x >= 0.8),
    ],
    ...(sync.folders ?? []).map((f) => [`    pass of ${f.path}`, f.msgsPerSec != null ? `${f.msgsPerSec} msg/s over ${f.passSeconds} s (${f.rowsInHeads} rows)` : '–', '', null]),
    ...[
      ['main', s.syncProfile?.main],
      ['window', s.syncProfile?.renderer],
    ]
      .filter(([, p]) => p)
      .map(([who, p]) => [`    ${who} busy during the sync (CPU profile)`, `${pct(p.busyShare)} of ${round(p.windowMs / 1000, 1)} s; GC ${p.gcMs} ms; top: ${p.top.slice(0, 3).map((f) => `${f.fn} ${f.selfMs} ms`).join(', ')}`, '', null]),
    [`  first ${firstRows} rows, uncached Inbox, from navigation`, firstRowsText(s.firstRows?.uncached), '≤ 1000 ms', check(s.firstRows?.uncached?.fromNavigationMs, (x) => x <= 1000)],
    [
      `  the server's first look (connect / SELECT / newest ${firstRows} UIDs / their FETCH)`,
      s.serverFirstLook ? `${s.serverFirstLook.totalMs} ms (${s.serverFirstLook.connectMs} / ${s.serverFirstLook.selectMs} / ${s.serverFirstLook.searchMs} / ${s.serverFirstLook.fetchMs})` : '–',
      '',
      null,
    ],
    [`  first ${firstRows} rows, cached Inbox, from navigation`, firstRowsText(s.firstRows?.cached), '≤ 500 ms', check(s.firstRows?.cached?.fromNavigationMs, (x) => x <= 500)],
    ['  scroll to the middle → rows painted', scrollText(middle, s.scroll?.setsize), 'its rows shown', reached(middle)],
    ['  scroll to the end → rows painted', scrollText(end, s.scroll?.setsize), 'its rows shown', reached(end)],
    ['  scroll elsewhere (¼, ¾, ½ again)', rest.length ? rest.map((r) => r.ms).join(' / ') + ' ms' : '–', '', null],
    ['  scroll to the middle after the cached start', ms(s.firstRows?.cached?.middleMs), '', null],
    [
      '  All inboxes (two big Inboxes): click → first rows',
      u ? `${u.firstRows.ms} ms (${u.setsize} rows)` : '–',
      '',
      null,
    ],
    ['  All inboxes: scroll to the middle → rows painted', u ? `${scrollText(u.middle, u.setsize)}, mailboxes there: ${u.middle.mailboxes.length}` : '–', 'its rows shown', reached(u?.middle)],
    ['  All inboxes: scroll to the end → rows painted', u?.end ? scrollText(u.end, u.setsize) : '–', 'its rows shown', reached(u?.end)],
    [
      '  unread count after a change: click → tree count painted (median / p95)',
      change ? `${change.medianMs} / ${change.p95Ms} ms (${change.changes.length} changes${change.missed ? `, ${change.missed} never shown` : ''})` : '–',
      '',
      null,
    ],
    ['  unread count: counters row read in the page (median / p95)', change ? `${change.countRead.medianMs} / ${change.countRead.p95Ms} ms` : '–', '≤ 16 ms', check(change?.countRead?.p95Ms, (x) => x <= 16)],
    ['  renderer memory (JS heap + ArrayBuffers), big Inbox index loaded, after GC: after sync', s.heap?.afterSync ? `${s.heap.afterSync.usedMB} MB (JS ${s.heap.afterSync.jsHeapMB}, ArrayBuffers ${s.heap.afterSync.arrayBuffersMB})` : '–', '≤ 300 MB', check(s.heap?.afterSync?.usedMB, (x) => x <= 300)],
    ['  renderer memory, the same after the cached start', s.heap?.cachedStart ? `${s.heap.cachedStart.usedMB} MB (JS ${s.heap.cachedStart.jsHeapMB}, ArrayBuffers ${s.heap.cachedStart.arrayBuffersMB})` : '–', '≤ 300 MB', check(s.heap?.cachedStart?.usedMB, (x) => x <= 300)],
    [
      '  disk per message (IndexedDB on disk ÷ messages)',
      s.disk ? `${s.disk.bytesPerMessage} B (${s.disk.closedMB} MB for ${s.disk.messages})` : '–',
      '≤ 1000 B',
      check(s.disk?.bytesPerMessage, (x) => x <= 1000),
    ],
  ];
  return rows;
}
