/** The mail part's rows of the bench table: [measure, result, target, met (true/false/null)]. */
import { round } from './util.mjs';

/** @param r the results object of scripts/bench.mjs */
export function mailReportRows(r, { count: COUNT, big: BIG, firstRows: FIRST_ROWS, bodies: BODIES }) {
  return [
    [`Fill ${COUNT} (Maildir + force-resync)`, r.fill.big?.seconds != null ? `${r.fill.big.seconds} s` : '–', '', null],
    ['Raw imapflow FETCH, summary fields (warm / cold)', r.rawFetch.warm ? `${r.rawFetch.warm.msgsPerSec} / ${r.rawFetch.cold.msgsPerSec} msg/s` : '–', '', null],
    ['Initial summary sync in Chromium', r.summarySync.msgsPerSec ? `${r.summarySync.msgsPerSec} msg/s (${r.summarySync.seconds} s)` : '–', '', null],
    ['  same FETCH as Postvak (+ snippet bytes)', r.rawFetch.sameAsPostvak ? `${r.rawFetch.sameAsPostvak.msgsPerSec} msg/s` : '–', '', null],
    ['  IndexedDB alone, real pages + heads', r.summarySync.idbCeiling ? `${r.summarySync.idbCeiling.rowsPerSec} rows/s (${round(r.summarySync.idbCeiling.ratioToRawWarm * 100, 1)} % of raw)` : '–', '', null],
    ['  ratio to the same FETCH', r.summarySync.ratioToSameFetch != null ? `${round(r.summarySync.ratioToSameFetch * 100, 1)} %` : '–', '', null],
    ['  ratio to raw FETCH (warm)', r.summarySync.ratioToRawWarm != null ? `${round(r.summarySync.ratioToRawWarm * 100, 1)} %` : '–', '≥ 80 %', r.summarySync.ratioToRawWarm != null ? r.summarySync.ratioToRawWarm >= 0.8 : null],
    [
      `First ${FIRST_ROWS} rows, ${COUNT}-message Inbox, from sync started`,
      r.firstRowsInbox?.fromSyncStartMs != null ? `${r.firstRowsInbox.fromSyncStartMs} ms (median; ${r.firstRowsInbox.runs.map((x) => x.fromSyncStartMs).join(' / ')})` : '–',
      '≤ 1000 ms',
      r.firstRowsInbox?.fromSyncStartMs != null ? r.firstRowsInbox.fromSyncStartMs <= 1000 : null,
    ],
    [
      '  the same, from navigation (page load included)',
      r.firstRowsInbox?.fromNavigationMs != null ? `${r.firstRowsInbox.fromNavigationMs} ms (median; ${r.firstRowsInbox.runs.map((x) => x.fromNavigationMs).join(' / ')})` : '–',
      '≤ 1000 ms',
      r.firstRowsInbox?.fromNavigationMs != null ? r.firstRowsInbox.fromNavigationMs <= 1000 : null,
    ],
    [
      `First ${FIRST_ROWS} rows, ${BIG} clicked during the sync, from sync started`,
      r.firstRows.fromSyncStartMs != null ? `${r.firstRows.fromSyncStartMs} ms (${r.firstRows.fromClickMs} ms after the click)` : '–',
      '≤ 1000 ms',
      r.firstRows.fromSyncStartMs != null ? r.firstRows.fromSyncStartMs <= 1000 : null,
    ],
    ['  the same, from navigation', r.firstRows.fromNavigationMs != null ? `${r.firstRows.fromNavigationMs} ms` : '–', '≤ 1000 ms', r.firstRows.fromNavigationMs != null ? r.firstRows.fromNavigationMs <= 1000 : null],
    [`Resync of ${r.resync.folders ?? '?'} unchanged folders`, r.resync.medianMs != null ? `${r.resync.medianMs} ms` : '–', '≤ 500 ms', r.resync.medianMs != null ? r.resync.medianMs <= 500 : null],
    ['New mail, SMTP → row painted (median / p95)', r.newMail.endToEnd ? `${r.newMail.endToEnd.medianMs} / ${r.newMail.endToEnd.p95Ms} ms` : '–', '', null],
    ['  server → plain IDLE client (median / p95)', r.newMail.serverToReferenceClient ? `${r.newMail.serverToReferenceClient.medianMs} / ${r.newMail.serverToReferenceClient.p95Ms} ms` : '–', '', null],
    ['  our part: EXISTS at our connection → painted (median / p95)', r.newMail.ourPart?.p95Ms != null ? `${r.newMail.ourPart.medianMs} / ${r.newMail.ourPart.p95Ms} ms` : '–', 'p95 ≤ 100 ms', r.newMail.ourPart?.p95Ms != null ? r.newMail.ourPart.p95Ms <= 100 : null],
    ['    main: EXISTS → batch handed over (median / p95)', r.newMail.ourPart?.main?.p95Ms != null ? `${r.newMail.ourPart.main.medianMs} / ${r.newMail.ourPart.main.p95Ms} ms` : '–', '', null],
    ['    window: batch → painted (median / p95)', r.newMail.ourPart?.renderer?.p95Ms != null ? `${r.newMail.ourPart.renderer.medianMs} / ${r.newMail.ourPart.renderer.p95Ms} ms` : '–', '', null],
    ['  the older estimate, from the reference client (median / p95)', r.newMail.ourPartEstimate ? `${r.newMail.ourPartEstimate.medianMs} / ${r.newMail.ourPartEstimate.p95Ms} ms` : '–', '', null],
    [`Renderer heap after the ${COUNT} sync (after GC)`, r.heap.usedMB != null ? `${r.heap.usedMB} MB` : '–', '≤ 300 MB', r.heap.usedMB != null ? r.heap.usedMB <= 300 : null],
    [`Full bodies ${BODIES}: mbsync (FSync no)`, r.fullBody.mbsync ? `${r.fullBody.mbsync.msgsPerSec} msg/s` : '–', '', null],
    [`Full bodies ${BODIES}: raw imapflow BODY[]`, r.fullBody.imapflowSource ? `${r.fullBody.imapflowSource.msgsPerSec} msg/s` : '–', '', null],
    [
      `Full bodies ${BODIES}: Postvak offline sync`,
      r.fullBody.postvak ? `${r.fullBody.postvak.msgsPerSec} msg/s (${r.fullBody.postvak.ratioToMbsync}× mbsync)` : '–',
      '> mbsync',
      r.fullBody.postvak ? r.fullBody.postvak.ratioToMbsync > 1 : false,
    ],
  ];
}
