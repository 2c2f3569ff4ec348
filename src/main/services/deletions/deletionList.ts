/**
 * deletions.list (issue #12 §7): the records of a Trash folder's messages for the renderer's
 * "Deleted by … · from … · time" line and its Restore. Asked whenever the Trash changes, so it is
 * kept cheap: one SELECT of the records folder per call, and only when its UIDVALIDITY, UIDNEXT
 * or count changed (RFC 9051 §7.3.1: a new or removed record changes one of them) one UID SEARCH
 * and one FETCH of the X-Postvak-* fields. Records whose messages left Trash are removed then,
 * by whoever lists them with the rights to (the cleanup is lazy: no client has to be running).
 */
import type { DeletionEntry } from '../../../shared/model/deletions';
import { parseRights } from '../../../shared/rights';
import { compressUids, parseUidSet } from '../../../shared/uidSet';
import type { ServicesContext } from '../context';
import { toAppError } from '../imap/imapErrors';
import type { ImapSession } from '../imap/types';
import { taskMailbox } from '../tasks/taskMailbox';
import type { DeletionRecord } from './recordFormat';
import { readRecords, recordedUids, recordsPath, recordsStatus, removeRecords, staleRecords, trashPresence, type RecordsState } from './records';

export type DeletionDeps = Pick<ServicesContext, 'accounts' | 'log' | 'mailboxConfig' | 'ops' | 'password'>;

interface Cached extends RecordsState {
  entries: DeletionEntry[];
}

/** The records folder of a Trash, or null when `folderPath` is not its mailbox's Trash. */
export async function recordsFolderOf(session: ImapSession, deps: Pick<DeletionDeps, 'mailboxConfig'>, accountId: string, folderPath: string) {
  const tm = await taskMailbox(session, await deps.mailboxConfig(accountId), folderPath);
  if (tm.trashPath !== folderPath) return null;
  const delimiter = tm.folders.find((f) => f.path === folderPath)?.delimiter || '/';
  return { tm, path: recordsPath(folderPath, delimiter) };
}

/** Present UIDs of one record as entries' UID set, or null when none is left. */
function liveSet(record: DeletionRecord, present: ReadonlySet<number>): string | null {
  const live: number[] = [];
  for (const [a, b] of parseUidSet(record.trashUids)) for (let u = a; u <= b; u++) if (present.has(u)) live.push(u);
  return live.length > 0 ? compressUids(live) : null;
}

/** Removes stale records where the person may (t+e on the records folder, RFC 4314 §4); best effort. */
export async function cleanUp(session: ImapSession, path: string, stale: readonly number[], log: DeletionDeps['log']): Promise<boolean> {
  if (stale.length === 0) return false;
  try {
    const rights = await session.myRights(path);
    if (rights !== null) {
      const r = parseRights(rights);
      if (!r.deleteMessages || !r.expunge) return false;
    }
    return await removeRecords(session, path, stale);
  } catch (error) {
    log('warn', `Could not remove old deletion records in ${path}`, error instanceof Error ? error.message : String(error));
    return false;
  }
}

export class DeletionLists {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly deps: DeletionDeps) {}

  async list(accountId: string, folderPath: string): Promise<DeletionEntry[]> {
    const account = await this.deps.accounts.get(accountId);
    try {
      return await this.deps.ops.use(accountId, (session) => this.listOn(session, accountId, folderPath));
    } catch (error) {
      throw toAppError(error, account.imap.host, await this.deps.password(accountId), this.deps.log);
    }
  }

  private async listOn(session: ImapSession, accountId: string, folderPath: string): Promise<DeletionEntry[]> {
    const folder = await recordsFolderOf(session, this.deps, accountId, folderPath);
    if (!folder) return [];
    const key = `${accountId}\u0000${folder.path}`;
    const status = await recordsStatus(session, folder.path);
    if (!status) {
      this.cache.delete(key);
      return [];
    }
    const cached = this.cache.get(key);
    if (cached && cached.uidValidity === status.uidValidity && cached.uidNext === status.uidNext && cached.exists === status.exists) return cached.entries;
    const records = await readRecords(session, folder.path);
    const trash = await trashPresence(session, folderPath, recordedUids(records));
    const stale = staleRecords(records, trash.uidValidity, trash.present);
    const entries: DeletionEntry[] = [];
    for (const [uid, record] of records) {
      if (stale.includes(uid)) continue;
      const uids = liveSet(record, trash.present);
      if (uids) entries.push({ uids, by: record.by, at: record.at, fromPath: `${folder.tm.mailbox.prefix}${record.fromFolder}` });
    }
    // After a cleanup the folder's count changed: the next call reads it again instead of caching now.
    if (await cleanUp(session, folder.path, stale, this.deps.log)) this.cache.delete(key);
    else this.cache.set(key, { ...status, records, entries });
    return entries;
  }
}

/** Removes the records whose messages are no longer in Trash (after a removal for good). */
export async function dropRecords(ctx: Pick<DeletionDeps, 'log' | 'mailboxConfig'>, session: ImapSession, accountId: string, trashPath: string): Promise<void> {
  try {
    const folder = await recordsFolderOf(session, ctx, accountId, trashPath);
    if (!folder) return;
    const records = await readRecords(session, folder.path);
    if (records.size === 0) return;
    const trash = await trashPresence(session, trashPath, recordedUids(records));
    await cleanUp(session, folder.path, staleRecords(records, trash.uidValidity, trash.present), ctx.log);
  } catch (error) {
    // The records folder may not exist (nothing was ever deleted here by Postvak).
    ctx.log('info', `Deletion records of ${trashPath} not checked`, error instanceof Error ? error.message : String(error));
  }
}
