/**
 * A document's place in the newest-first order: its FTS5 rowid (search-and-cache notes: a rowid
 * that grows with the date lets `ORDER BY rowid DESC LIMIT 50` read the index backwards and stop
 * after 50 hits instead of sorting every hit). seq = ms * 1024 + tiebreak, unique per document.
 */
export const tiebreaks = 1024;

/** The largest ms whose seqs all stay inside Number.MAX_SAFE_INTEGER (about the year 2248). */
export const maxSeqMs = Math.floor(Number.MAX_SAFE_INTEGER / tiebreaks) - 1;

/** Unknown (≤ 0, NaN) dates sort as the oldest; dates beyond maxSeqMs as the newest. */
export function clampMs(ms: number): number {
  if (!Number.isFinite(ms)) return ms > 0 ? maxSeqMs : 0;
  return Math.min(maxSeqMs, Math.max(0, Math.floor(ms)));
}

export const firstSeqOf = (ms: number): number => clampMs(ms) * tiebreaks;

export const msOfSeq = (seq: number): number => Math.floor(seq / tiebreaks);
