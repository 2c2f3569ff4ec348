/**
 * Messages the server found that the cache lacks (issue #13 §4): their summaries come with the
 * server's answer (`search.results`), and are written into the cache so the results list reads,
 * opens and acts on them like any message. Through PageSet, like localChanges.ts: pages, the
 * folder's revision and the counters change in one transaction; the folder's cursor is left
 * alone, so the sync still fetches everything above it — its later batches upsert the same rows
 * (replace, no double count).
 *
 * Written only where it cannot contradict the cache: the folder is known and its cached
 * UIDVALIDITY is the answer's (or it has no cursor yet), the message is not cached already (the
 * cache's copy is as new or newer), not below the cursor's UIDNEXT (then the cache knows it is
 * gone: a removal the server's answer predates), and not being removed by a pending task.
 */
import { liveQuery } from 'dexie';
import type { MessageSummary } from '../../shared/model';
import { commitPageSet, folderPageSet, pageTables } from './pages/folderPages';
import type { CountRow } from './pages/pageRows';
import { pendingLocks } from './pendingLocks';
import type { PostvakDb } from './schema';

/** Writes the summaries the cache can take; returns the UIDs written. */
export async function writeServerHits(
  db: PostvakDb,
  accountId: string,
  folderPath: string,
  uidValidity: number,
  summaries: readonly MessageSummary[],
): Promise<number[]> {
  if (summaries.length === 0) return [];
  return db.transaction('rw', [...pageTables(db), db.cursors], async () => {
    const [folder, cursor] = await Promise.all([db.folders.get([accountId, folderPath]), db.cursors.get([accountId, folderPath])]);
    if (!folder) return [];
    // RFC 9051 §2.3.1.1: under another UIDVALIDITY the same UIDs name other messages.
    if (cursor && cursor.uidValidity !== uidValidity) return [];
    const removing = new Set<number>();
    for (const lock of pendingLocks.inFolder(accountId, folderPath)) if (lock.change.kind === 'removal') for (const uid of lock.uids) removing.add(uid);
    const candidates = summaries.filter((summary) => !removing.has(summary.uid) && (!cursor || summary.uid >= cursor.uidNext));
    if (candidates.length === 0) return [];
    const set = folderPageSet(db, accountId, folderPath);
    await set.load(
      candidates.map((summary) => summary.uid),
      true,
    );
    const written: number[] = [];
    for (const summary of [...candidates].sort((a, b) => a.uid - b.uid)) {
      if (set.get(summary.uid)) continue;
      // The answer's folder wins over what a summary says; pending flag changes apply over it.
      const flags = pendingLocks.overlay(accountId, folderPath, summary.uid, summary.flags);
      set.upsert({ ...summary, accountId: folder.accountId, folderPath, flags });
      written.push(summary.uid);
    }
    if (written.length > 0) await commitPageSet(db, accountId, folderPath, set);
    return written;
  });
}

/**
 * Calls `onRows` with the counts rows of these folders now and after every change to them (a
 * Dexie liveQuery: writes from any window or tab), for a search's results to follow the folders
 * their hits are in. Returns the unsubscribe.
 */
export function watchFolderCounts(db: PostvakDb, countIds: readonly string[], onRows: (rows: readonly (CountRow | undefined)[]) => void): () => void {
  const subscription = liveQuery(() => db.counts.bulkGet([...countIds])).subscribe({ next: onRows, error: () => {} });
  return () => subscription.unsubscribe();
}
