/**
 * How to bring one folder of the cache up to date. Pure, so every branch is tested without a
 * server (HOUSE_STYLE.md "Sync decisions are pure functions").
 */
import type { FolderCursor } from '../../../shared/model';

export interface ServerFolderState {
  uidValidity: number;
  uidNext: number;
  /** Decimal string; '0' when the mailbox has no mod-sequences (no CONDSTORE, or NOMODSEQ). */
  highestModseq: string;
  exists: number;
}

export interface ServerCaps {
  condstore: boolean;
  qresync: boolean;
}

export type SyncType = 'none' | 'qresync' | 'condstore' | 'full' | 'reset';

export interface SyncDecision {
  type: SyncType;
  reason: string;
}

export function syncStrategy(
  cached: FolderCursor | null,
  server: ServerFolderState,
  caps: ServerCaps,
): SyncDecision {
  if (!cached) return { type: 'full', reason: 'nothing cached for this folder' };
  // RFC 9051 §2.3.1.1: a new UIDVALIDITY means every cached UID may now name another message.
  if (cached.uidValidity !== server.uidValidity) {
    return { type: 'reset', reason: `UIDVALIDITY changed from ${cached.uidValidity} to ${server.uidValidity}` };
  }
  if (server.uidNext < cached.uidNext) {
    // UIDs are strictly ascending (RFC 9051 §2.3.1.1); a lower UIDNEXT means the cache is from
    // another copy of the mailbox. Compare everything.
    return { type: 'full', reason: 'UIDNEXT went backwards' };
  }
  const modseqs = caps.condstore && server.highestModseq !== '0' && cached.highestModseq !== '0';
  if (!modseqs) {
    // Without mod-sequences nothing proves that flags are unchanged: compare them all.
    return { type: 'full', reason: 'no mod-sequences to compare: compare UIDs and flags' };
  }
  const cachedModseq = BigInt(cached.highestModseq);
  const serverModseq = BigInt(server.highestModseq);
  if (serverModseq < cachedModseq) {
    // RFC 7162 §3.1.2.1 never lets HIGHESTMODSEQ go down; if it did (a restored server), the
    // cache's modseq is meaningless for CHANGEDSINCE.
    return { type: 'full', reason: 'HIGHESTMODSEQ went backwards' };
  }
  if (serverModseq === cachedModseq && server.uidNext === cached.uidNext && server.exists === cached.count) {
    return { type: 'none', reason: 'HIGHESTMODSEQ, UIDNEXT and message count unchanged' };
  }
  if (caps.qresync) return { type: 'qresync', reason: 'changes since the cached HIGHESTMODSEQ, expunges via VANISHED' };
  return { type: 'condstore', reason: 'changes since the cached HIGHESTMODSEQ, expunges via UID SEARCH' };
}
