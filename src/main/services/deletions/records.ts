/**
 * Deletion records in the mailbox (issue #12 §7; README "Deletion records"): one small message
 * per delete, in the folder `<Trash>/Postvak deletions` of the same mailbox. Why there:
 *  - in the mailbox, so every member's client sees the records with no service of our own;
 *  - under Trash, because a member may not create folders at the top of another person's
 *    mailbox (Dovecot refuses CREATE there), while a folder created under Trash takes Trash's
 *    ACL (RFC 4314; Dovecot copies the parent's on CREATE): whoever may put messages into Trash
 *    may write a record, whoever may read Trash may read them, and nobody else;
 *  - as messages, because keywords cannot carry a name, a time and a folder (and Maildir keeps
 *    only 26 per mailbox, notes/collaboration.md), and METADATA is per folder, not per message
 *    (RFC 5464) and not pushed to other clients.
 * Any mail client shows them as readable mail in that folder; Postvak hides the folder from its
 * tree (sync/folderList.ts) and reads only the X-Postvak-* fields (recordFormat.ts).
 */
import { compressUids, parseUidSet, uidSetHas } from '../../../shared/uidSet';
import { messageStore } from '../imap/storeOps';
import type { ImapSession } from '../imap/types';
import { isFolderGone } from '../tasks/taskErrors';
import { RECORDS_FOLDER_NAME, parseRecord, recordHeaderNames, type DeletionRecord } from './recordFormat';

export function recordsPath(trashPath: string, delimiter: string): string {
  return `${trashPath}${delimiter}${RECORDS_FOLDER_NAME}`;
}

/**
 * APPENDs a record, creating the folder on first use (the APPEND's `[TRYCREATE]`, RFC 9051
 * §6.3.12). Returns the server's refusal instead of throwing: the delete itself has happened.
 */
export async function appendRecord(session: ImapSession, path: string, raw: Buffer): Promise<{ ok: true } | { ok: false; reason: string }> {
  const store = messageStore(session);
  try {
    try {
      await store.append(path, raw, ['\\Seen']);
    } catch (error) {
      if (!isFolderGone(error)) throw error;
      await session.createFolder(path);
      await store.append(path, raw, ['\\Seen']);
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export interface RecordsState {
  uidValidity: number;
  uidNext: number;
  exists: number;
  /** Record UID → the record; malformed ones are left out. */
  records: Map<number, DeletionRecord>;
}

/** Where the records folder is now (SELECT: UIDVALIDITY, UIDNEXT and the count), or null when there is none. */
export async function recordsStatus(session: ImapSession, path: string): Promise<Omit<RecordsState, 'records'> | null> {
  try {
    return await session.inFolder(path, async (folder) => ({ uidValidity: folder.snapshot.uidValidity, uidNext: folder.snapshot.uidNext, exists: folder.currentExists() }), {
      fresh: true,
    });
  } catch (error) {
    if (isFolderGone(error)) return null;
    throw error;
  }
}

/** Every record of the folder: one UID SEARCH and one FETCH of the X-Postvak-* fields. */
export async function readRecords(session: ImapSession, path: string): Promise<Map<number, DeletionRecord>> {
  const uids = await session.inFolder(path, (folder) => folder.searchUids(), { fresh: false });
  const out = new Map<number, DeletionRecord>();
  if (uids.length === 0) return out;
  const blocks = await messageStore(session).headerFields(path, uids, recordHeaderNames);
  for (const [uid, block] of blocks) {
    const record = parseRecord(block.toString('latin1'));
    if (record) out.set(uid, record);
  }
  return out;
}

/** Trash UID → the record that covers it, for the UIDs of this Trash era (UIDVALIDITY, RFC 9051 §2.3.1.1). */
export function recordFor(records: ReadonlyMap<number, DeletionRecord>, trashUidValidity: number, uid: number): DeletionRecord | null {
  let found: { at: number; record: DeletionRecord } | null = null;
  for (const record of records.values()) {
    if (record.trashUidValidity !== trashUidValidity) continue;
    // A UID is never reused within an era, so one record covers it; the newest wins if a client lied.
    if (uidSetHas(parseUidSet(record.trashUids), uid) && (!found || record.at > found.at)) found = { at: record.at, record };
  }
  return found?.record ?? null;
}

/**
 * Records none of whose messages is in Trash any more (restored, removed for good, or from an
 * older UIDVALIDITY): pure, from the Trash UIDs that still exist among the records' UIDs.
 */
export function staleRecords(records: ReadonlyMap<number, DeletionRecord>, trashUidValidity: number, present: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (const [uid, record] of records) {
    if (record.trashUidValidity !== trashUidValidity) {
      out.push(uid);
      continue;
    }
    const live = parseUidSet(record.trashUids).some(([a, b]) => {
      for (let u = a; u <= b; u++) if (present.has(u)) return true;
      return false;
    });
    if (!live) out.push(uid);
  }
  return out;
}

/** Trash's UIDVALIDITY and which of `uids` it still holds (`UID SEARCH UID <set>`). */
export async function trashPresence(session: ImapSession, trashPath: string, uids: readonly number[]): Promise<{ uidValidity: number; present: Set<number> }> {
  return session.inFolder(
    trashPath,
    async (folder) => ({
      uidValidity: folder.snapshot.uidValidity,
      present: new Set(uids.length > 0 ? await folder.searchUids(compressUids(uids)) : []),
    }),
    { fresh: true },
  );
}

/** All UIDs the records name (for the presence check), capped like a task. */
export function recordedUids(records: ReadonlyMap<number, DeletionRecord>): number[] {
  const out = new Set<number>();
  for (const record of records.values()) {
    for (const [a, b] of parseUidSet(record.trashUids)) for (let u = a; u <= b && out.size < 200_000; u++) out.add(u);
  }
  return [...out];
}

/** \Deleted + UID EXPUNGE of exactly these records (RFC 4315 §2.1); skipped without the t+e rights. */
export async function removeRecords(session: ImapSession, path: string, uids: readonly number[]): Promise<boolean> {
  if (uids.length === 0) return true;
  return session.inFolder(
    path,
    async (folder) => {
      if (folder.snapshot.readOnly || !session.caps.uidplus) return false;
      await folder.deleteUids(uids);
      return true;
    },
    { fresh: false },
  );
}
