/**
 * The calendar part of a sync pass (issue #5 §2): for each upserted message of a calendar folder
 * the full source is fetched (BODY.PEEK[], never \Seen) and decoded by the Kolab codec into a
 * StoredEvent, sent in the same batch as the rows. Duplicates converge (duplicates.ts).
 */
import type { AccountId, MessageSummary } from '../../../shared/model';
import type { StoredEvent } from '../../../shared/model/calendar';
import type { OpenFolder } from '../imap/types';
import { decodeKolabMessage } from './kolabCodec';
import { mayExpunge, resolveDuplicates } from './duplicates';

/** Larger messages are not decoded: an event with big attachments is shown as unreadable. */
export const MAX_EVENT_BYTES = 10 * 1024 * 1024;
/** Up to this many events a batch looks for rivals by UID SEARCH HEADER SUBJECT; more list the folder. */
const SEARCH_LIMIT = 20;

export function storedEventOf(accountId: string, folderPath: string, imapUid: number, modseq: string, source: Buffer | null): StoredEvent {
  const base = { accountId, folderPath, imapUid, modseq };
  if (!source) return { ...base, event: null, error: `The event message is larger than ${MAX_EVENT_BYTES / 1024 / 1024} MB` };
  try {
    return { ...base, event: decodeKolabMessage(source), error: null };
  } catch (error) {
    return { ...base, event: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The PassContext.events hook for one calendar folder.
 * @param rights the member's MYRIGHTS on the folder (Folder.rights; null = own folder / no ACL).
 */
export function calendarPassHook(accountId: AccountId, rights: string | null, log: (level: 'warn', message: string) => void) {
  return async (folder: OpenFolder, upserts: readonly MessageSummary[]): Promise<StoredEvent[]> => {
    // A \Deleted message is the old half of someone's compare-and-swap: expunged in a moment.
    const live = upserts.filter((m) => !m.flags.includes('\\Deleted'));
    if (live.length === 0 || !folder.fetchSources) return [];
    const path = folder.snapshot.path;
    const sources = await folder.fetchSources(live.map((m) => m.uid), MAX_EVENT_BYTES);
    const events = live.map((m) => storedEventOf(accountId, path, m.uid, m.modseq, sources.get(m.uid) ?? null));
    // Rivals of these events only: a targeted SEARCH for a few, one listing of the folder for many.
    const uids = [...new Set(events.flatMap((e) => (e.event ? [e.event.uid] : [])))];
    const listed = folder.fetchSubjects ? await folder.fetchSubjects(uids.length <= SEARCH_LIMIT ? uids : undefined) : [];
    const { keep, losers } = resolveDuplicates(events, listed);
    if (losers.length > 0 && mayExpunge(rights) && !folder.snapshot.readOnly) {
      // Their removal reaches every cache as an ordinary expunge in the next pass.
      await folder.deleteUids(losers).catch((error: unknown) => log('warn', `Could not remove duplicate events in ${path}: ${String(error)}`));
    }
    return keep;
  };
}
