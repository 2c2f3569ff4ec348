/**
 * A digest per cached page of one folder (issue #12 §4: the conversation index keeps each
 * message's thread ids, not its summary), kept current the way FolderIndex keeps its entries: a
 * Dexie liveQuery on the folder's counts row, whose revision every page-changing transaction
 * raises; pages rewritten since the revision seen are read again, tombstones drop theirs, and a
 * new epoch (UIDVALIDITY reset, pruned tombstones) reads everything again.
 *
 * Bounded: only the newest pages (by UID) up to `cap` messages are read — a 1,000,000-message
 * folder costs its newest `cap`, and older mail is left out of whatever the digests serve.
 */
import { liveQuery, type Subscription } from 'dexie';
import { folderCountId, type HeadRow, type PageKey, type StoredSummary } from '../pages/pageRows';
import type { PostvakDb } from '../schema';
import { Notifier } from './sourceIndex';
import { OneAtATime } from './oneAtATime';

const byStart = '[accountId+folderPath+startUid]';
const byRev = '[accountId+folderPath+rev]';

type Seen = { epoch: number; rev: number };

export class PageDigests<T> extends Notifier {
  /** Digest per page startUid. */
  readonly pages = new Map<number, T>();
  private seen: Seen | undefined;
  /** The lowest page startUid kept when the cap cut older pages off; -Infinity otherwise. */
  private floor = -Infinity;
  private readonly catchUps = new OneAtATime(() => this.catchUp());
  private subscription: Subscription | undefined;
  private disposed = false;

  constructor(
    private readonly db: PostvakDb,
    readonly accountId: string,
    readonly folderPath: string,
    private readonly digest: (head: HeadRow, items: readonly StoredSummary[]) => T,
    private readonly cap: number,
  ) {
    super();
  }

  live(): this {
    const follow = () => void this.whenCurrent().catch(() => {});
    follow();
    const id = folderCountId(this.accountId, this.folderPath);
    this.subscription = liveQuery(() => this.db.counts.get(id)).subscribe({ next: follow, error: () => {} });
    return this;
  }

  dispose(): void {
    this.disposed = true;
    this.subscription?.unsubscribe();
  }

  /** One read at a time; calls while one waits share it. */
  whenCurrent(): Promise<void> {
    return this.catchUps.run();
  }

  private async catchUp(): Promise<void> {
    if (this.disposed) return;
    const { db, accountId, folderPath } = this;
    const seen = this.seen;
    const changed = await db.transaction('r', [db.counts, db.heads, db.tombstones, db.pages], async () => {
      const row = await db.counts.get(folderCountId(accountId, folderPath));
      const now = { epoch: row?.epoch ?? 0, rev: row?.rev ?? 0 };
      if (seen && seen.epoch === now.epoch && seen.rev === now.rev) return null;
      if (seen && row && seen.epoch === now.epoch && seen.rev < now.rev) {
        const range = [[accountId, folderPath, seen.rev + 1], [accountId, folderPath, Infinity]] as const;
        const [heads, tombstones] = await Promise.all([
          db.heads.where(byRev).between(range[0], range[1], true, true).toArray(),
          db.tombstones.where(byRev).between(range[0], range[1], true, true).toArray(),
        ]);
        const kept = heads.filter((head) => head.startUid >= this.floor);
        const pages = await db.pages.bulkGet(kept.map((head) => [accountId, folderPath, head.startUid] as PageKey));
        return { now, rebuild: false, heads: kept, pages, removed: tombstones.map((t) => t.startUid) };
      }
      let total = 0;
      const heads = await db.heads
        .where(byStart)
        .between([accountId, folderPath, -Infinity], [accountId, folderPath, Infinity], true, true)
        .reverse()
        .until(() => total >= this.cap)
        .filter((head) => {
          total += head.uids.length;
          return true;
        })
        .toArray();
      const pages = await db.pages.bulkGet(heads.map((head) => [accountId, folderPath, head.startUid] as PageKey));
      return { now, rebuild: true, heads, pages, removed: [] as number[] };
    });
    if (!changed || this.disposed) return;
    if (changed.rebuild) {
      this.pages.clear();
      const count = changed.heads.reduce((sum, head) => sum + head.uids.length, 0);
      this.floor = count >= this.cap && changed.heads.length > 0 ? Math.min(...changed.heads.map((head) => head.startUid)) : -Infinity;
    }
    for (const startUid of changed.removed) this.pages.delete(startUid);
    changed.heads.forEach((head, index) => {
      const page = changed.pages[index];
      if (page) this.pages.set(head.startUid, this.digest(head, page.items));
    });
    this.seen = changed.now;
    this.changed();
  }
}
