/**
 * What the cache says of search hits now (issue #13 §4): each hit's date and flags from its
 * page head, or nothing when the cache does not hold it (removed, moved, not written yet). The
 * results list keeps only hits the cache holds, with the cache's flags: a message deleted from
 * the results leaves them as soon as the cache lets go of it, before the index catches up, and
 * the commands see the flags the reader shows.
 */
import { headCovering, positionIn } from '../../db/pages/messageRows';
import type { HeadRow } from '../../db/pages/pageRows';
import type { PostvakDb } from '../../db/schema';

export interface HitKey {
  accountId: string;
  folderPath: string;
  uid: number;
}

export interface CachedFacts {
  date: number;
  bits: number;
}

const byStart = '[accountId+folderPath+startUid]';
export const hitId = (accountId: string, folderPath: string, uid: number): string => `${accountId}\u0000${folderPath}\u0000${uid}`;

/**
 * The cached date and flags of each hit the cache holds, keyed by hitId. One read transaction;
 * per folder, the heads from the one covering the lowest UID up to the highest — or, where those
 * are many more than the hits, each hit's own head.
 */
export async function lookUpHits(db: PostvakDb, hits: readonly HitKey[]): Promise<Map<string, CachedFacts>> {
  const byFolder = new Map<string, { accountId: string; folderPath: string; uids: number[] }>();
  for (const hit of hits) {
    const id = `${hit.accountId}\u0000${hit.folderPath}`;
    let group = byFolder.get(id);
    if (!group) byFolder.set(id, (group = { accountId: hit.accountId, folderPath: hit.folderPath, uids: [] }));
    group.uids.push(hit.uid);
  }
  const found = new Map<string, CachedFacts>();
  if (byFolder.size === 0) return found;
  await db.transaction('r', db.heads, async () => {
    await Promise.all(
      [...byFolder.values()].map(async ({ accountId, folderPath, uids }) => {
        uids.sort((a, b) => a - b);
        const lowest = uids[0] as number;
        const highest = uids[uids.length - 1] as number;
        const first = await headCovering(db, accountId, folderPath, lowest);
        const from = first ? first.startUid : lowest;
        const range = db.heads.where(byStart).between([accountId, folderPath, from], [accountId, folderPath, highest], true, true);
        const note = (head: HeadRow | undefined, uid: number) => {
          const position = head && head.startUid <= uid ? positionIn(head, uid) : -1;
          if (head && position >= 0) found.set(hitId(accountId, folderPath, uid), { date: head.dates[position] as number, bits: head.bits[position] as number });
        };
        // Few hits spread over a big folder (a rare word in a million messages): each hit's own
        // page, not every page between the oldest and the newest hit.
        if ((await range.count()) > uids.length * 2) {
          let head = first;
          for (const uid of uids) {
            if (!head || uid > (head.uids[head.uids.length - 1] ?? -1)) head = await headCovering(db, accountId, folderPath, uid);
            note(head, uid);
          }
          return;
        }
        const heads: HeadRow[] = await range.toArray();
        let at = 0;
        for (const uid of uids) {
          // The page covering `uid`: the last head whose startUid ≤ uid (heads and uids both ascend).
          while (at + 1 < heads.length && (heads[at + 1] as HeadRow).startUid <= uid) at++;
          note(heads[at], uid);
        }
      }),
    );
  });
  return found;
}
