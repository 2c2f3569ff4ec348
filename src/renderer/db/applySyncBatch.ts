/**
 * The only writer of synced data (HOUSE_STYLE.md). Each batch is applied in ONE read-write
 * transaction that writes the pages, the counters and the folder cursor together: if anything
 * fails, nothing is written and the cursor does not move, so the next `sync.start` resends the
 * same changes. Re-applying a batch gives the same result (upserts replace, removals of absent
 * UIDs do nothing), which makes resends harmless. Summaries live in pages (issue #11 §1,
 * pages/pageSet.ts); the counters move by deltas (pages/counters.ts).
 */
import type { SyncBatch } from '../../shared/api';
import { parseUidSet, uidSetHas } from '../../shared/uidSet';
import type { Folder, Mailbox } from '../../shared/model';
import type { PostvakDb } from './schema';
import { accountRange, folderRange } from './schema';
import type { MessageKey } from './rows';
import { deleteEventsOf, deleteFolderEvents, putBatchEvents, sweepEvents } from './syncEvents';
import { clearFolderPages, commitPageSet, folderPageRange, folderPageSet, pruneTombstones } from './pages/folderPages';
import { moveFolderCounts, resetFolderCounts } from './pages/counters';
import { pendingLocks } from './pendingLocks';

type MessagesBatch = Extract<SyncBatch, { kind: 'messages' }>;
type FoldersBatch = Extract<SyncBatch, { kind: 'folders' }>;

/** Every table a batch may read or write: a caller's transaction around applySyncBatch spans these. */
export function syncBatchTables(db: PostvakDb) {
  return [db.mailboxes, db.folders, db.heads, db.pages, db.tombstones, db.counts, db.cursors, db.bodies, db.events];
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

/**
 * Everything cached of a folder. Its counter row stays, zeroed at a new epoch — also when the
 * folder vanished: a folder that comes back under the same path starts from that row, so a list
 * index that saw the old pages rebuilds instead of taking the new revisions for a continuation.
 */
async function deleteFolderData(db: PostvakDb, accountId: string, folderPath: string): Promise<void> {
  const [lower, upper] = folderRange(accountId, folderPath);
  await resetFolderCounts(db, accountId, folderPath);
  await clearFolderPages(db, accountId, folderPath);
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
  // Also the list index snapshots: a vanished folder's goes with its mail (a reset one is only
  // ignored, by its epoch, until the index saves over it).
  await db.transaction('rw', [...syncBatchTables(db), db.indexSnapshots], async () => {
    const [lower, upper] = accountRange(accountId);
    const cached = await db.folders.where('[accountId+path]').between(lower, upper, true, true).toArray();
    const incoming = new Map(batch.folders.map((folder) => [folder.path, folder]));
    for (const folder of cached) {
      const next = incoming.get(folder.path);
      if (next) continue;
      await deleteFolderData(db, accountId, folder.path);
      await db.folders.delete([accountId, folder.path]);
      await db.indexSnapshots.delete([accountId, folder.path]);
    }
    // A folder that changed mailbox or role moves its counts; one whose messages arrived before
    // the folder was known (no mailbox or role then) adds them to its mailbox and view now.
    const known = new Map(cached.map((folder) => [folder.path, folder]));
    for (const folder of batch.folders) await moveFolderCounts(db, accountId, folder.path, known.get(folder.path), folder);
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
 * upserts, flag updates, the present-UID sweep, the pages and counters, then the cursor — the
 * cursor is written last so it can only describe rows that are already there.
 */
async function applyMessages(db: PostvakDb, received: MessagesBatch): Promise<void> {
  // Pending task changes win over what the server said before it saw them (pendingLocks.ts).
  const batch = pendingLocks.filterBatch(received);
  const { accountId, folderPath } = batch;
  const keyOf = (uid: number): MessageKey => [accountId, folderPath, uid];
  // A batch that only confirms a folder's cursor (nothing changed on the server) — one per folder
  // of every account at each start — writes the cursor alone. A transaction over every table
  // would queue the list index's first read behind each of them (issue #11 §4).
  if (batch.cursor && confirmsOnly(batch)) {
    const cursor = batch.cursor;
    await db.transaction('rw', db.cursors, () => db.cursors.put({ ...cursor, accountId, path: folderPath }));
    return;
  }
  await db.transaction('rw', syncBatchTables(db), async () => {
    if (batch.reset) await deleteFolderData(db, accountId, folderPath);
    const set = folderPageSet(db, accountId, folderPath);

    const changing = [...batch.removedUids, ...batch.upserts.map((summary) => summary.uid)];
    await set.load(changing, true);
    await set.load(
      batch.flagUpdates.map((update) => update.uid),
      false,
    );
    const removed = new Set<number>();
    for (const uid of batch.removedUids) if (set.remove(uid)) removed.add(uid);
    // The batch's folder and account win over what a summary says (pages are per folder anyway).
    // In UID order: each one then lands at the end of its page (a push, not a splice).
    for (const summary of [...batch.upserts].sort((a, b) => a.uid - b.uid)) set.upsert(summary);
    for (const update of batch.flagUpdates) set.setFlags(update.uid, update.flags, update.modseq);

    // Without QRESYNC the engine cannot say which UIDs vanished, only which remain (RFC 9051
    // §6.4.9 UID SEARCH ALL): drop what the cache holds below uidNext that the server no longer has.
    if (batch.cursor && batch.presentUids !== undefined) {
      const present = parseUidSet(batch.presentUids);
      const gone = await absentBelow(db, accountId, folderPath, batch.cursor.uidNext, (uid) => uidSetHas(present, uid));
      await set.load(gone, true);
      for (const uid of gone) if (set.remove(uid)) removed.add(uid);
      await sweepEvents(db, accountId, folderPath, batch.cursor.uidNext, (uid) => uidSetHas(present, uid));
    }

    await commitPageSet(db, accountId, folderPath, set);
    const removedKeys = [...new Set([...batch.removedUids, ...removed])].map(keyOf);
    if (removedKeys.length > 0) {
      await db.bodies.bulkDelete(removedKeys);
      await deleteEventsOf(db, removedKeys);
    }
    await putBatchEvents(db, batch);

    if (batch.cursor) {
      await pruneTombstones(db, accountId, folderPath);
      await db.cursors.put({ ...batch.cursor, accountId, path: folderPath });
    }
  });
}

function confirmsOnly(batch: MessagesBatch): boolean {
  return (
    !batch.reset &&
    batch.upserts.length === 0 &&
    batch.removedUids.length === 0 &&
    batch.flagUpdates.length === 0 &&
    batch.presentUids === undefined &&
    (batch.events?.length ?? 0) === 0
  );
}

/** The cached UIDs below `uidNext` that `isPresent` rejects, read from the heads alone. */
async function absentBelow(db: PostvakDb, accountId: string, folderPath: string, uidNext: number, isPresent: (uid: number) => boolean): Promise<number[]> {
  const [lower] = folderPageRange(accountId, folderPath);
  const heads = await db.heads.where('[accountId+folderPath+startUid]').between(lower, [accountId, folderPath, uidNext], true, false).toArray();
  const gone: number[] = [];
  for (const head of heads) for (const uid of head.uids) if (uid < uidNext && !isPresent(uid)) gone.push(uid);
  return gone;
}
