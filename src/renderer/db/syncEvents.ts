/**
 * The calendar part of applySyncBatch (issue #5 §2), kept apart from the message write path:
 * every function runs inside the batch's transaction (the caller lists `db.events`), so an
 * event and its message row land, or vanish, together.
 */
import type { SyncBatch } from '../../shared/api';
import type { EventKey } from './rows';
import type { PostvakDb } from './schema';
import { folderRange } from './schema';

type MessagesBatch = Extract<SyncBatch, { kind: 'messages' }>;

/** A folder's events (reset, vanished folder). */
export async function deleteFolderEvents(db: PostvakDb, accountId: string, folderPath: string): Promise<void> {
  const [lower, upper] = folderRange(accountId, folderPath);
  await db.events.where('[accountId+folderPath+imapUid]').between(lower, upper, true, true).delete();
}

/** The events held by these messages (expunged, or missing from the present-UID sweep). */
export async function deleteEventsOf(db: PostvakDb, keys: readonly EventKey[]): Promise<void> {
  if (keys.length > 0) await db.events.bulkDelete([...keys]);
}

/**
 * The batch's decoded events. The batch's folder and account win over what a row says, as for
 * messages: an event can never land in another folder's calendar.
 */
export async function putBatchEvents(db: PostvakDb, batch: MessagesBatch): Promise<void> {
  const events = batch.events;
  if (!events || events.length === 0) return;
  await db.events.bulkPut(events.map((stored) => ({ ...stored, accountId: batch.accountId, folderPath: batch.folderPath })));
}

/** Events below `uidNext` whose message the server no longer lists (the present-UID sweep). */
export async function sweepEvents(
  db: PostvakDb,
  accountId: string,
  folderPath: string,
  uidNext: number,
  isPresent: (uid: number) => boolean,
): Promise<void> {
  const [lower] = folderRange(accountId, folderPath);
  const keys = await db.events
    .where('[accountId+folderPath+imapUid]')
    .between(lower, [accountId, folderPath, uidNext], true, false)
    .primaryKeys();
  await deleteEventsOf(db, keys.filter(([, , uid]) => !isPresent(uid)));
}
