/** Whole-account cache operations: the cursors to resume from, and forgetting an account. */
import type { FolderCursor } from '../../shared/model';
import type { PostvakDb } from './schema';
import { accountRange } from './schema';
import { folderCountId, mailboxCountId } from './pages/pageRows';
import { recountUnified } from './pages/counters';

/** The cursors the cache holds for an account, as `sync.start` expects them. */
export async function readCursors(db: PostvakDb, accountId: string): Promise<FolderCursor[]> {
  const [lower, upper] = accountRange(accountId);
  const rows = await db.cursors.where('[accountId+path]').between(lower, upper, true, true).toArray();
  return rows.map(({ path, uidValidity, uidNext, highestModseq, count }) => ({
    path,
    uidValidity,
    uidNext,
    highestModseq,
    count,
  }));
}

/**
 * Deletes everything kept for an account, in one transaction (issue #10 §6): the synced rows,
 * and the person's own choices that name it — From picker memory pointing at its identities or
 * mailboxes (ids `<accountId>:…`), its calendars' settings and reminder states
 * (`<accountId>|<folder>|…`). Account ids are base64url, so neither separator occurs in one.
 */
export async function removeAccountData(db: PostvakDb, accountId: string): Promise<void> {
  const [lower, upper] = accountRange(accountId);
  const ofAccount = (id: string) => id.startsWith(`${accountId}:`);
  const tables = [db.mailboxes, db.folders, db.heads, db.pages, db.tombstones, db.counts, db.indexSnapshots, db.cursors, db.bodies, db.events, db.fromMemory, db.calendarPrefs, db.reminderState];
  await db.transaction('rw', tables, async () => {
    await db.fromMemory.filter((row) => ofAccount(row.identityId) || (row.kind === 'mailbox' && ofAccount(row.key))).delete();
    await db.calendarPrefs.where('key').startsWith(`${accountId}|`).delete();
    await db.reminderState.where('id').startsWith(`${accountId}|`).delete();
    const mailboxIds = await db.mailboxes.where('accountId').equals(accountId).primaryKeys();
    await db.counts.bulkDelete(mailboxIds.map(mailboxCountId));
    await db.counts.where('id').startsWith(folderCountId(accountId, '')).delete();
    await db.mailboxes.where('accountId').equals(accountId).delete();
    await db.folders.where('[accountId+path]').between(lower, upper, true, true).delete();
    await db.cursors.where('[accountId+path]').between(lower, upper, true, true).delete();
    for (const table of [db.heads, db.pages, db.tombstones]) await table.where('[accountId+folderPath+startUid]').between(lower, upper, true, true).delete();
    await db.bodies.where('[accountId+folderPath+uid]').between(lower, upper, true, true).delete();
    await db.indexSnapshots.where('[accountId+folderPath]').between(lower, upper, true, true).delete();
    await db.events.where('[accountId+folderPath+imapUid]').between(lower, upper, true, true).delete();
    // The unified views lose this account's share: summed again from the folder counters left.
    await recountUnified(db);
  });
}

/** Accounts that have anything cached (to clean up after an account was removed elsewhere). */
export async function cachedAccountIds(db: PostvakDb): Promise<string[]> {
  const keys = await db.folders.toCollection().primaryKeys();
  const mailboxAccounts = await db.mailboxes.orderBy('accountId').uniqueKeys();
  return [...new Set([...keys.map(([accountId]) => accountId), ...mailboxAccounts.map(String)])];
}
