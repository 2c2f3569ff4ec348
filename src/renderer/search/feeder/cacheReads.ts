/**
 * The feeder's reads of the cache. Each is one short read transaction that ends before the
 * engine is called (issue #13 §3: never hold an IndexedDB transaction across an engine await —
 * a sync batch's write transaction would wait for it).
 */
import { folderCountId, type CountRow, type HeadRow, type PageKey, type StoredSummary } from '../../db/pages/pageRows';
import { positionIn } from '../../db/pages/messageRows';
import type { BodyRow, FolderRow } from '../../db/rows';
import type { PostvakDb } from '../../db/schema';
import type { FolderRef, FolderState, IndexDoc } from '../engine/engineTypes';
import { bodyText, toIndexDoc } from './docs';

const byStart = '[accountId+folderPath+startUid]';
const byRev = '[accountId+folderPath+rev]';
const byMessage = '[accountId+folderPath+uid]';
/** Heads read per request of a whole-folder read (pages of ~100: ~60,000 messages). */
const headChunk = 600;

export interface CacheFolder {
  ref: FolderRef;
  role: FolderRow['role'];
  mailboxId: string;
  state: FolderState;
  /** Messages the cache holds in the folder. */
  total: number;
}

export interface CacheState {
  folders: CacheFolder[];
  /** Mailboxes whose mail is kept offline (their bodies live in main's offline store). */
  offlineMailboxes: Set<string>;
  /** The newest `fetchedAt` in `bodies` (0 when none). */
  lastFetchedAt: number;
}

const stateOf = (row: CountRow | undefined): FolderState => ({ epoch: row?.epoch ?? 0, rev: row?.rev ?? 0 });

/** Every folder with the revision its pages are at, in one transaction so they agree. */
export async function readCacheState(db: PostvakDb): Promise<CacheState> {
  return db.transaction('r', [db.folders, db.counts, db.mailboxes, db.bodies], async () => {
    const [folders, counts, mailboxes, lastFetchedAt] = await Promise.all([
      db.folders.toArray(),
      db.counts.where('id').startsWith('folder:').toArray(),
      db.mailboxes.toArray(),
      db.bodies.orderBy('fetchedAt').lastKey(),
    ]);
    const rows = new Map(counts.map((row) => [row.id, row]));
    return {
      // Calendar folders hold events, not mail (issue #5 §3: the tree leaves them out too): their
      // Kolab objects would turn up as hits for `mailbox:info@` and plain words alike.
      folders: folders.filter((folder) => folder.role !== 'calendar').map((folder) => {
        const row = rows.get(folderCountId(folder.accountId, folder.path));
        return { ref: { accountId: folder.accountId, folderPath: folder.path }, role: folder.role, mailboxId: folder.mailboxId, state: stateOf(row), total: row?.total ?? 0 };
      }),
      offlineMailboxes: new Set(mailboxes.filter((mailbox) => mailbox.offlineDays > 0 && !mailbox.hidden).map((mailbox) => mailbox.id)),
      lastFetchedAt: typeof lastFetchedAt === 'number' ? lastFetchedAt : 0,
    };
  });
}

export type FolderChanges =
  | { kind: 'same' }
  /** Another epoch, or a revision below the indexed one (the cache was wiped): index again. */
  | { kind: 'rebuild' }
  | { kind: 'catchUp'; state: FolderState; heads: HeadRow[]; removedStarts: number[] };

/** The counts row and the heads and tombstones written after `seen`, in one read. */
export async function readChanges(db: PostvakDb, { accountId, folderPath }: FolderRef, seen: FolderState): Promise<FolderChanges> {
  return db.transaction('r', [db.counts, db.heads, db.tombstones], async (): Promise<FolderChanges> => {
    const state = stateOf(await db.counts.get(folderCountId(accountId, folderPath)));
    if (state.epoch !== seen.epoch || state.rev < seen.rev) return { kind: 'rebuild' };
    if (state.rev === seen.rev) return { kind: 'same' };
    const range = [[accountId, folderPath, seen.rev + 1], [accountId, folderPath, Infinity]] as const;
    const [heads, tombstones] = await Promise.all([
      db.heads.where(byRev).between(range[0], range[1], true, true).toArray(),
      db.tombstones.where(byRev).between(range[0], range[1], true, true).toArray(),
    ]);
    return { kind: 'catchUp', state, heads, removedStarts: tombstones.map((tombstone) => tombstone.startUid) };
  });
}

/** All of a folder's heads with the state they are at (ranges asked for at once, as FolderIndex does). */
export async function readAllHeads(db: PostvakDb, { accountId, folderPath }: FolderRef): Promise<{ state: FolderState; heads: HeadRow[] }> {
  return db.transaction('r', [db.counts, db.heads], async () => {
    const state = stateOf(await db.counts.get(folderCountId(accountId, folderPath)));
    const keys = await db.heads.where(byStart).between([accountId, folderPath, -Infinity], [accountId, folderPath, Infinity], true, true).primaryKeys();
    const ranges: [PageKey, PageKey][] = [];
    for (let at = 0; at < keys.length; at += headChunk) ranges.push([keys[at] as PageKey, keys[Math.min(keys.length, at + headChunk) - 1] as PageKey]);
    const chunks = await Promise.all(ranges.map(([from, to]) => db.heads.where(byStart).between(from, to, true, true).toArray()));
    return { state, heads: chunks.flat() };
  });
}

/** Documents read for the index, with what the folder's mirror records of them. */
export interface ReadDocs {
  docs: IndexDoc[];
  uids: number[];
  bits: number[];
  starts: number[];
}

/**
 * The documents of arrivals (UIDs by the page a head showed them in), with the body text of any
 * whose body is cached. Head and items are read together, so they describe the same page; a UID
 * no longer in that page (split or removed since) is left out — the next catch-up sees its new page.
 */
export async function readArrivals(db: PostvakDb, { accountId, folderPath }: FolderRef, wanted: readonly (readonly [number, readonly number[]])[]): Promise<ReadDocs> {
  const keys = wanted.map(([start]): PageKey => [accountId, folderPath, start]);
  const all = wanted.flatMap(([, uids]) => uids);
  const low = Math.min(...all);
  const high = Math.max(...all);
  return db.transaction('r', [db.heads, db.pages, db.bodies], async () => {
    const [heads, pages, bodyKeys] = await Promise.all([
      db.heads.bulkGet(keys),
      db.pages.bulkGet(keys),
      db.bodies.where(byMessage).between([accountId, folderPath, low], [accountId, folderPath, high], true, true).primaryKeys(),
    ]);
    const wantedUids = new Set(all);
    const bodyUids = bodyKeys.map(([, , uid]) => uid as number).filter((uid) => wantedUids.has(uid));
    const bodies = bodyUids.length > 0 ? await db.bodies.bulkGet(bodyUids.map((uid) => [accountId, folderPath, uid] as [string, string, number])) : [];
    const texts = new Map<number, string | null>();
    bodies.forEach((body, at) => body && texts.set(bodyUids[at] as number, bodyText(body)));
    const read: ReadDocs = { docs: [], uids: [], bits: [], starts: [] };
    wanted.forEach(([, uids], index) => {
      const head = heads[index];
      const items = pages[index]?.items;
      if (!head || !items) return;
      for (const uid of uids) {
        const position = positionIn(head, uid);
        const item = position >= 0 ? items[position] : undefined;
        if (!item) continue;
        const bits = head.bits[position] as number;
        read.docs.push(toIndexDoc(uid, bits, item, texts.get(uid) ?? null));
        read.uids.push(uid);
        read.bits.push(bits);
        read.starts.push(head.startUid);
      }
    });
    return read;
  });
}

/**
 * Messages by UID as the cache holds them now (for a body that arrived later): flags, page and
 * summary. `pageOf` says which page a UID was last seen in (the feeder's mirror): those heads are
 * read at once; a UID not found there (its page split or merged since) is looked up alone.
 */
export async function readMessages(
  db: PostvakDb,
  { accountId, folderPath }: FolderRef,
  uids: readonly number[],
  pageOf: (uid: number) => number | undefined,
): Promise<Map<number, { bits: number; start: number; item: StoredSummary }>> {
  const key = (start: number): PageKey => [accountId, folderPath, start];
  return db.transaction('r', [db.heads, db.pages], async () => {
    const hinted = [...new Set(uids.flatMap((uid) => pageOf(uid) ?? []))];
    const hintedHeads = new Map((await db.heads.bulkGet(hinted.map(key))).flatMap((head) => (head ? [[head.startUid, head] as const] : [])));
    const headOf = new Map<number, HeadRow>();
    const lost: number[] = [];
    for (const uid of uids) {
      const start = pageOf(uid);
      const head = start === undefined ? undefined : hintedHeads.get(start);
      if (head && positionIn(head, uid) >= 0) headOf.set(uid, head);
      else lost.push(uid);
    }
    const looked = await Promise.all(lost.map((uid) => db.heads.where(byStart).between(key(-Infinity), key(uid), true, true).reverse().first()));
    lost.forEach((uid, at) => {
      const head = looked[at];
      if (head) headOf.set(uid, head);
    });
    const starts = [...new Set([...headOf.values()].map((head) => head.startUid))];
    const pages = await db.pages.bulkGet(starts.map(key));
    const items = new Map(starts.map((start, at) => [start, pages[at]?.items]));
    const found = new Map<number, { bits: number; start: number; item: StoredSummary }>();
    for (const [uid, head] of headOf) {
      const position = positionIn(head, uid);
      const item = position >= 0 ? items.get(head.startUid)?.[position] : undefined;
      if (item) found.set(uid, { bits: head.bits[position] as number, start: head.startUid, item });
    }
    return found;
  });
}

/**
 * Bodies from a place in `fetchedAt` order: those stored at `at` after the first `skip` of them,
 * then later ones, oldest first — so bodies stored in one millisecond are never skipped.
 */
export async function readBodiesFrom(db: PostvakDb, at: number, skip: number, limit: number): Promise<BodyRow[]> {
  return db.bodies.where('fetchedAt').aboveOrEqual(at).offset(skip).limit(limit).toArray();
}

/** How many bodies were stored in the millisecond `at`. */
export function bodiesAt(db: PostvakDb, at: number): Promise<number> {
  return db.bodies.where('fetchedAt').equals(at).count();
}
