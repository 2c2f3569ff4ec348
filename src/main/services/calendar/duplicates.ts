/**
 * Duplicates: two messages holding the same event UID in one calendar folder, left by writers
 * that append a new version without removing the old (notes/calendar.md; Roundcube converges the
 * same way). The message with the highest IMAP UID wins (UIDs only grow, RFC 9051 §2.3.1.1, so
 * it is the newest write); older ones are not sent and are expunged by a member who may (t+e,
 * RFC 4314 §4). Pure.
 */
import type { StoredEvent } from '../../../shared/model/calendar';
import { parseRights } from '../../../shared/rights';

export interface ListedMessage {
  uid: number;
  subject: string;
  deleted: boolean;
}

export interface DuplicateDecision {
  /** The events to send: winners and undecodable messages. */
  keep: StoredEvent[];
  /** Older messages of the same events, in the batch or elsewhere in the folder, ascending. */
  losers: number[];
}

/**
 * @param events decoded messages of one batch
 * @param listed every message of the folder (Subject = event UID for Kolab, calendar.md)
 */
export function resolveDuplicates(events: readonly StoredEvent[], listed: readonly ListedMessage[]): DuplicateDecision {
  const winner = new Map<string, number>();
  const raise = (eventUid: string, uid: number) => winner.set(eventUid, Math.max(winner.get(eventUid) ?? 0, uid));
  for (const e of events) if (e.event) raise(e.event.uid, e.imapUid);
  const batchUids = new Set(winner.keys());
  // A \Deleted message is being replaced by its writer right now (compare-and-swap): not a rival.
  for (const m of listed) if (!m.deleted && batchUids.has(m.subject)) raise(m.subject, m.uid);
  const keep = events.filter((e) => !e.event || e.imapUid === winner.get(e.event.uid));
  const losers = new Set<number>();
  for (const e of events) if (e.event && e.imapUid !== winner.get(e.event.uid)) losers.add(e.imapUid);
  for (const m of listed) {
    const best = winner.get(m.subject);
    if (!m.deleted && best !== undefined && m.uid < best) losers.add(m.uid);
  }
  return { keep, losers: [...losers].sort((a, b) => a - b) };
}

/** Whether a member with these rights may remove duplicates: t and e (`null` = no ACL = all). */
export function mayExpunge(rights: string | null): boolean {
  if (rights === null) return true;
  const r = parseRights(rights);
  return r.deleteMessages && r.expunge;
}
