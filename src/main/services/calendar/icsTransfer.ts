/**
 * calendar.import / calendar.export (issue #5 §7): .ics text ↔ Kolab messages in a calendar
 * folder, through the codec's parseIcs / writeIcs (ical.js lives only under calendar/ical).
 */
import { randomUUID } from 'node:crypto';
import type { CalendarEvent, IcsExport, IcsImportResult } from '../../../shared/model/calendar';
import { AppError } from '../../../shared/errors';
import { encodeKolabMessage } from './kolabCodec';
import { parseIcs, writeIcs } from './ical/icsFile';
import { icsFileName, stampImported, writeRefusal } from './calendarRules';
import { resolveDuplicates } from './duplicates';
import { MAX_EVENT_BYTES, storedEventOf } from './syncEvents';
import { checkCalendarFolder, type CalendarSession, type WriteContext } from './writeEvent';

export async function importIcs(session: CalendarSession, w: WriteContext, ics: string): Promise<IcsImportResult> {
  await checkCalendarFolder(session, w.folderPath);
  const missing = writeRefusal(await session.myRights(w.folderPath), 'create');
  if (missing) {
    const mailbox = await w.mailboxAddress();
    throw new AppError('calendarReadOnly', `You may not ${missing} in the calendar of ${mailbox}`, { mailbox, folderPath: w.folderPath });
  }
  // parseIcs keeps what it can read; a file without a single VCALENDAR is not one at all.
  const parsed = parseIcs(ics);
  if (parsed.events.length === 0 && !/^BEGIN:VCALENDAR\s*$/im.test(ics)) {
    throw new AppError('invalidIcsFile', `This is not an iCalendar file${parsed.failed[0] ? `: ${parsed.failed[0].reason}` : ''}`);
  }
  // An event UID already in the folder would make the import a duplicate of that event (highest
  // UID wins, duplicates.ts) and silently replace it: imported events get a new UID instead.
  const taken = new Set((await session.inFolder(w.folderPath, async (f) => (f.fetchSubjects ? f.fetchSubjects() : []))).map((m) => m.subject));
  const failed = [...parsed.failed];
  const ready: { summary: string; raw: Buffer }[] = [];
  for (const event of parsed.events) {
    const uid = taken.has(event.uid) ? randomUUID() : event.uid;
    taken.add(uid);
    try {
      ready.push({ summary: event.summary, raw: encodeKolabMessage(stampImported(event, { now: w.now, by: w.address, uid }), { from: w.address, now: w.now }) });
    } catch (error) {
      failed.push({ summary: event.summary, reason: reasonOf(error) });
    }
  }
  let imported = 0;
  for (const chunk of chunksOf(ready)) {
    try {
      await session.appendMany(w.folderPath, chunk.map((c) => c.raw));
      imported += chunk.length;
    } catch (error) {
      // MULTIAPPEND stores all or none (RFC 3502 §3): the whole chunk failed.
      failed.push(...chunk.map((c) => ({ summary: c.summary, reason: reasonOf(error) })));
    }
  }
  return { imported, failed };
}

/** The folder's events (duplicates resolved, undecodable ones left out), or one of them. */
export async function exportIcs(session: CalendarSession, w: WriteContext, eventUid: string | undefined, calendarName: string): Promise<IcsExport> {
  const events = await session.inFolder(w.folderPath, async (folder): Promise<CalendarEvent[]> => {
    if (!folder.fetchSubjects || !folder.fetchSources) throw new AppError('unsupported', 'This connection cannot read calendar events');
    const listed = await folder.fetchSubjects();
    const live = listed.filter((m) => !m.deleted && (!eventUid || m.subject === eventUid));
    const sources = await folder.fetchSources(live.map((m) => m.uid), MAX_EVENT_BYTES);
    const stored = live.map((m) => storedEventOf(w.accountId, w.folderPath, m.uid, '0', sources.get(m.uid) ?? null));
    return resolveDuplicates(stored, listed).keep.flatMap((s) => (s.event ? [s.event] : []));
  });
  const chosen = eventUid ? events.filter((e) => e.uid === eventUid) : events;
  if (eventUid && chosen.length === 0) throw new AppError('messageNotFound', `The event ${eventUid} is no longer in this calendar`);
  const name = eventUid ? (chosen[0]?.summary ?? 'event') : calendarName;
  return { filename: icsFileName(name), ics: writeIcs(chosen) };
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Chunks of at most 100 messages and about 4 MB: one command each, well inside server limits. */
function chunksOf<T extends { raw: Buffer }>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  let chunk: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (chunk.length > 0 && (chunk.length >= 100 || bytes + item.raw.length > 4 * 1024 * 1024)) {
      out.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(item);
    bytes += item.raw.length;
  }
  if (chunk.length > 0) out.push(chunk);
  return out;
}
