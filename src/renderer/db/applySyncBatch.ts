/**
 * The only writer of synced data (HOUSE_STYLE.md). Each batch is applied in ONE read-write
 * transaction that writes the rows and the folder cursor together: if anything fails, nothing
 * is written and the cursor does not move, so the next `sync.start` resends the same changes.
 * Re-applying a batch gives the same result (puts, not adds), which makes resends harmless.
 */
import type { SyncBatch } from '../../shared/api';
import { parseUidSet, uidSetHas } from '../../shared/uidSet';
import type { Folder, Mailbox } from '../../shared/model';
import type { PostvakDb } from './schema';
import { accountRange, folderRange } from './schema';
import { flagColumns, toMessageRow, unifiedRoleOf, type MessageKey, type MessageRow } from './rows';
import { deleteEventsOf, deleteFolderEvents, putBatchEvents, sweepEvents } from './syncEvents';

type MessagesBatch = Extract<SyncBatch, { kind: 'messages' }>;
type FoldersBatch = Extract<SyncBatch, { kind: 'folders' }>;

/** Every table a batch may read or write: a caller's transaction around applySyncBatch spans these. */
export function syncBatchTables(db: PostvakDb) {
  return [db.mailboxes, db.folders, db.messages, db.cursors, db.bodies, db.events];
}

export async function applySyncBatch(db: PostvakDb, batch: SyncBatch): Promise<void> {
  if (batch.kind === 'folders') await applyFolders(db, batch);
  else await applyMessages(db, batch);
}

/** Compares CONDSTORE mod-sequences, which are 63-bit (RFC 7162 §3.1.1): decimal strings. */
export function compareModseq(a: string, b: string): number {
  const x = BigInt(a || '0');
  const y = BigInt(b || '0');
  return x === y ? 0 : x > y ? 1 : -1;
}

async function deleteFolderData(db: PostvakDb, accountId: string, folderPath: string): Promise<void> {
  const [lower, upper] = folderRange(accountId, folderPath);
  await db.messages.where('[accountId+folderPath+uid]').between(lower, upper, true, true).delete();
  await db.bodies.where('[accountId+folderPath+uid]').between(lower, upper, true, true).delete();
  await db.cursors.delete([accountId, folderPath]);
  await deleteFolderEvents(db, accountId, folderPath);
}

/**
 * The account's complete mailbox and folder lists: replace the cached ones. Vanished folders
 * (a revoked grant, a hidden mailbox, a deleted folder) lose their mail; a folder whose role
 * changed moves its messages in or out of the unified views.
 */
async function applyFolders(db: PostvakDb, batch: FoldersBatch): Promise<void> {
  const { accountId } = batch;
  const asAccount = accountId as Folder['accountId'];
  await db.transaction('rw', syncBatchTables(db), async () => {
    const [lower, upper] = accountRange(accountId);
    const cached = await db.folders.where('[accountId+path]').between(lower, upper, true, true).toArray();
    const incoming = new Map(batch.folders.map((folder) => [folder.path, folder]));
    for (const folder of cached) {
      const next = incoming.get(folder.path);
      if (!next) {
        await deleteFolderData(db, accountId, folder.path);
        await db.folders.delete([accountId, folder.path]);
        continue;
      }
      const before = unifiedRoleOf(folder.role);
      const after = unifiedRoleOf(next.role);
      if (before === after) continue;
      const [first, last] = folderRange(accountId, folder.path);
      await db.messages
        .where('[accountId+folderPath+uid]')
        .between(first, last, true, true)
        .modify((row) => {
          if (after) row.unifiedRole = after;
          else delete row.unifiedRole;
        });
    }
    // Messages may have arrived before their folder was known (no role then): give them one.
    const known = new Set(cached.map((folder) => folder.path));
    for (const folder of batch.folders) {
      const role = unifiedRoleOf(folder.role);
      if (known.has(folder.path) || !role) continue;
      const [first, last] = folderRange(accountId, folder.path);
      await db.messages
        .where('[accountId+folderPath+uid]')
        .between(first, last, true, true)
        .modify({ unifiedRole: role });
    }
    // The batch's account wins: a folder or mailbox can never land in another account's tree.
    await db.folders.bulkPut(batch.folders.map((folder) => ({ ...folder, accountId: asAccount })));
    const mailboxIds = new Set(batch.mailboxes.map((mailbox) => mailbox.id));
    const cachedMailboxes = await db.mailboxes.where('accountId').equals(accountId).primaryKeys();
    await db.mailboxes.bulkDelete(cachedMailboxes.filter((id) => !mailboxIds.has(id)));
    await db.mailboxes.bulkPut(batch.mailboxes.map((mailbox): Mailbox => ({ ...mailbox, accountId: asAccount })));
  });
}

/**
 * Order inside the transaction: reset (UIDVALIDITY changed, RFC 9051 §2.3.1.1), removals,
 * upserts, flag updates, the present-UID sweep, then the cursor — the cursor is written last so it can only describe
 * rows that are already there.
 */
async function applyMessages(db: PostvakDb, batch: MessagesBatch): Promise<void> {
  const { accountId, folderPath } = batch;
  const keyOf = (uid: number): MessageKey => [accountId, folderPath, uid];
  await db.transaction('rw', [db.folders, db.messages, db.cursors, db.bodies, db.events], async () => {
    if (batch.reset) await deleteFolderData(db, accountId, folderPath);
    const unifiedRole = unifiedRoleOf((await db.folders.get([accountId, folderPath]))?.role);

    if (batch.removedUids.length > 0) {
      const keys = batch.removedUids.map(keyOf);
      await db.messages.bulkDelete(keys);
      await db.bodies.bulkDelete(keys);
      await deleteEventsOf(db, keys);
    }

    if (batch.upserts.length > 0) {
      await db.messages.bulkPut(batch.upserts.map((summary) => toMessageRow(summary, accountId, unifiedRole, folderPath)));
    }
    await putBatchEvents(db, batch);

    if (batch.flagUpdates.length > 0) {
      const rows = await db.messages.bulkGet(batch.flagUpdates.map((update) => keyOf(update.uid)));
      const changed: MessageRow[] = [];
      batch.flagUpdates.forEach((update, index) => {
        const row = rows[index];
        // An older change must not overwrite a newer one (RFC 7162 §3.1: modseq only grows).
        if (!row || compareModseq(update.modseq, row.modseq) < 0) return;
        changed.push({ ...row, flags: update.flags, modseq: update.modseq, ...flagColumns(update.flags) });
      });
      if (changed.length > 0) await db.messages.bulkPut(changed);
    }

    // Without QRESYNC the engine cannot say which UIDs vanished, only which remain (RFC 9051
    // §6.4.9 UID SEARCH ALL): drop what the cache holds below uidNext that the server no longer has.
    if (batch.cursor && batch.presentUids !== undefined) {
      const present = parseUidSet(batch.presentUids);
      const [lower] = folderRange(accountId, folderPath);
      const keys = await db.messages
        .where('[accountId+folderPath+uid]')
        .between(lower, keyOf(batch.cursor.uidNext), true, false)
        .primaryKeys();
      const gone = keys.filter(([, , uid]) => !uidSetHas(present, uid));
      if (gone.length > 0) {
        await db.messages.bulkDelete(gone);
        await db.bodies.bulkDelete(gone);
      }
      await sweepEvents(db, accountId, folderPath, batch.cursor.uidNext, (uid) => uidSetHas(present, uid));
    }

    if (batch.cursor) await db.cursors.put({ ...batch.cursor, accountId, path: folderPath });
  });
}
