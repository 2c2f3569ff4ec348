/**
 * What a calendar write needs and what main stamps on it (issue #5 §4–5). Pure.
 */
import type { CalendarEvent } from '../../../shared/model/calendar';
import { parseRights } from '../../../shared/rights';
import { safeFileName } from '../../../shared/fileName';

/**
 * The rights a write lacks, in words, or `null` (RFC 4314 §4): APPEND needs `i`; replacing or
 * deleting the old version needs `t` (STORE \Deleted) and `e` (EXPUNGE). `null` rights = no
 * ACL extension: the server enforces nothing per user.
 */
export function writeRefusal(rights: string | null, write: 'create' | 'replace' | 'delete'): string | null {
  if (rights === null) return null;
  const r = parseRights(rights);
  if (write !== 'delete' && !r.insert) return 'add events';
  if (write !== 'create' && !(r.deleteMessages && r.expunge)) return write === 'delete' ? 'delete events' : 'change events';
  return null;
}

/**
 * Main's stamp: who changed it and when (DTSTAMP is Kolab's last-modified, RFC 5545
 * §3.8.7.2), who created it for a new event, and SEQUENCE + 1 for a changed one (§3.8.7.4).
 */
export function stampEvent(event: CalendarEvent, stamp: { now: number; by: string; isNew: boolean }): CalendarEvent {
  const changed = { ...event, lastModified: stamp.now, lastModifiedBy: stamp.by };
  return stamp.isNew ? { ...changed, created: stamp.now, createdBy: stamp.by } : { ...changed, sequence: event.sequence + 1 };
}

/** An imported event: keeps its creation facts where the file has them, else they are ours. */
export function stampImported(event: CalendarEvent, stamp: { now: number; by: string; uid: string }): CalendarEvent {
  return {
    ...event,
    uid: stamp.uid,
    created: event.created > 0 ? event.created : stamp.now,
    createdBy: event.createdBy ?? stamp.by,
    lastModified: stamp.now,
    lastModifiedBy: stamp.by,
  };
}

/** A file name from a calendar or event name (src/shared/fileName.ts); never empty. */
export function icsFileName(name: string): string {
  return `${safeFileName(name, 'calendar', 80)}.ics`;
}
