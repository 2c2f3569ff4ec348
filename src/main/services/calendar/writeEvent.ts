/**
 * calendar.save / calendar.delete on the account's request connection (issue #5 §5;
 * notes/calendar.md "Updates and conflicts"). An update never overwrites: it swaps out exactly
 * the version the person opened (UID STORE UNCHANGEDSINCE, RFC 7162 §3.1.3), so when another
 * member saved first nothing is written and the person gets that member's version to merge.
 */
import type { CalendarEvent, CalendarWriteResult, EventVersion, StoredEvent } from '../../../shared/model/calendar';
import { AppError } from '../../../shared/errors';
import type { CalendarStore, ImapSession, MessageStore } from '../imap/types';
import { encodeKolabMessage } from './kolabCodec';
import { stampEvent, writeRefusal } from './calendarRules';
import { MAX_EVENT_BYTES, storedEventOf } from './syncEvents';
import { isCalendarType } from './folderTypes';

export type CalendarSession = ImapSession & CalendarStore & MessageStore;

export interface WriteContext {
  accountId: string;
  /** The account's address: lastModifiedBy / createdBy and the From of the message. */
  address: string;
  folderPath: string;
  /** The mailbox address the folder belongs to, for the refusal's words. */
  mailboxAddress: () => Promise<string>;
  now: number;
}

/**
 * Refuses to write events into a folder another type claims (RFC 5464 folder-type `mail`,
 * `contact`…): a renderer bug must not put Kolab messages into someone's mail. An untyped folder
 * is accepted: without METADATA the name decided (folderTypes.ts).
 */
export async function checkCalendarFolder(session: CalendarSession, folderPath: string): Promise<void> {
  const type = (await session.kolabFolderTypes())?.get(folderPath);
  if (type !== undefined && !isCalendarType(type)) throw new AppError('invalidInput', `${folderPath} is not a calendar but a folder of type ${type}`);
}

async function checkRights(session: CalendarSession, w: WriteContext, write: 'create' | 'replace' | 'delete'): Promise<void> {
  await checkCalendarFolder(session, w.folderPath);
  const missing = writeRefusal(await session.myRights(w.folderPath), write);
  if (!missing) return;
  const mailbox = await w.mailboxAddress();
  throw new AppError('calendarReadOnly', `You may not ${missing} in the calendar of ${mailbox}`, { mailbox, folderPath: w.folderPath });
}

export async function saveEvent(session: CalendarSession, w: WriteContext, event: CalendarEvent, base: EventVersion | null): Promise<CalendarWriteResult> {
  await checkRights(session, w, base ? 'replace' : 'create');
  const stamped = stampEvent(event, { now: w.now, by: w.address, isNew: base === null });
  const raw = encodeKolabMessage(stamped, { from: w.address, now: w.now });
  if (!base) {
    const { uid } = await session.append(w.folderPath, raw, []);
    return { status: 'saved', imapUid: uid };
  }
  const outcome = await session.replaceUnchangedSince(w.folderPath, { uid: base.imapUid, modseq: base.modseq }, raw);
  if (outcome.status === 'replaced') return { status: 'saved', imapUid: outcome.uid };
  return { status: 'conflict', current: await currentVersion(session, w, event.uid) };
}

export async function deleteEvent(session: CalendarSession, w: WriteContext, base: EventVersion, knownUid: string | undefined): Promise<CalendarWriteResult> {
  await checkRights(session, w, 'delete');
  // The event UID (the Subject, calendar.md) names the event after its message is gone.
  const header = knownUid ? undefined : (await session.headerFields(w.folderPath, [base.imapUid], ['subject'])).get(base.imapUid);
  const eventUid = knownUid ?? (header ? subjectOf(header) : null);
  const outcome = await session.replaceUnchangedSince(w.folderPath, { uid: base.imapUid, modseq: base.modseq }, null);
  if (outcome.status === 'replaced') return { status: 'saved', imapUid: null };
  return { status: 'conflict', current: eventUid ? await currentVersion(session, w, eventUid) : null };
}

/** The event as the server holds it now (highest UID wins, like sync), or null when deleted. */
async function currentVersion(session: CalendarSession, w: WriteContext, eventUid: string): Promise<StoredEvent | null> {
  const found = await session.sourcesBySubject(w.folderPath, eventUid, MAX_EVENT_BYTES);
  const newest = found.at(-1);
  return newest ? storedEventOf(w.accountId, w.folderPath, newest.uid, newest.modseq, newest.source) : null;
}

/** `Subject: <uid>` from a raw header block (unfolded; event UIDs are printable ASCII). */
function subjectOf(header: Buffer): string | null {
  const match = /^subject:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(header.toString('utf8'));
  const value = match?.[1]?.replace(/\r?\n[ \t]+/g, ' ').trim() ?? '';
  return value || null;
}
