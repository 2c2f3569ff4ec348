/**
 * Messages as views see them (MessageRow), put together from a page's head (flags, modseq) and
 * its items (the summary), read in one transaction so both describe the same state.
 */
import type { AccountId } from '../../../shared/model';
import type { MessageKey, MessageRow } from '../rows';
import type { PostvakDb } from '../schema';
import { decodeFlags, flaggedBit, isUnreadBits } from './flagBits';
import type { HeadRow, PageKey, StoredSummary } from './pageRows';
import { searchUids } from './searchUids';

const byStart = '[accountId+folderPath+startUid]';

/** Finds a UID's position in a head (UIDs ascend); -1 when absent. */
export function positionIn(head: Pick<HeadRow, 'uids'>, uid: number): number {
  return Math.max(-1, searchUids(head.uids, uid));
}

export function messageRowOf(head: HeadRow, position: number, item: StoredSummary): MessageRow {
  const bits = head.bits[position] as number;
  const uid = head.uids[position] as number;
  const flags = decodeFlags(bits, head.keywords?.[uid]);
  return {
    ...item,
    accountId: head.accountId as AccountId,
    folderPath: head.folderPath,
    uid,
    flags,
    modseq: String(head.modseqs[position] ?? 0n),
    unread: isUnreadBits(bits) ? 1 : 0,
    flagged: bits & flaggedBit ? 1 : 0,
  };
}

/** The head of the page that covers `uid` (whether or not it holds it). */
export async function headCovering(db: PostvakDb, accountId: string, folderPath: string, uid: number): Promise<HeadRow | undefined> {
  return db.heads
    .where(byStart)
    .between([accountId, folderPath, -Infinity], [accountId, folderPath, uid], true, true)
    .reverse()
    .first();
}

/** Whether the cache holds the message: its head alone, not the page's summaries. */
export async function hasMessage(db: PostvakDb, key: MessageKey): Promise<boolean> {
  const [accountId, folderPath, uid] = key;
  const head = await headCovering(db, accountId, folderPath, uid);
  return head !== undefined && positionIn(head, uid) >= 0;
}

/** One message, or undefined when the cache does not hold it. */
export async function getMessage(db: PostvakDb, key: MessageKey): Promise<MessageRow | undefined> {
  const [accountId, folderPath, uid] = key;
  return db.transaction('r', [db.heads, db.pages], async () => {
    const head = await headCovering(db, accountId, folderPath, uid);
    const position = head ? positionIn(head, uid) : -1;
    if (!head || position < 0) return undefined;
    const page = await db.pages.get([accountId, folderPath, head.startUid]);
    const item = page?.items[position];
    return item ? messageRowOf(head, position, item) : undefined;
  });
}

/**
 * A message in a known page (the list index knows each entry's page). `startUid` NaN: the page is
 * not known (a search hit, issue #13) and is found by the UID — the head covering it.
 */
export interface MessageRef {
  accountId: string;
  folderPath: string;
  startUid: number;
  uid: number;
}

/**
 * Many messages at once, in the order asked; a message no longer in its page (changed since the
 * index was read) is left out. One transaction, one bulkGet per table, each page read once.
 */
export async function getMessagesIn(db: PostvakDb, refs: readonly MessageRef[]): Promise<MessageRow[]> {
  return db.transaction('r', [db.heads, db.pages], async () => {
    const known = await withPages(db, refs);
    const keys = new Map<string, PageKey>();
    for (const ref of known) keys.set(`${ref.accountId}\u0000${ref.folderPath}\u0000${ref.startUid}`, [ref.accountId, ref.folderPath, ref.startUid]);
    const list = [...keys.values()];
    const [heads, pages] = await Promise.all([db.heads.bulkGet(list), db.pages.bulkGet(list)]);
    const byKey = new Map<string, { head: HeadRow; items: StoredSummary[] }>();
    [...keys.keys()].forEach((id, index) => {
      const head = heads[index];
      const page = pages[index];
      if (head && page) byKey.set(id, { head, items: page.items });
    });
    const rows: MessageRow[] = [];
    for (const ref of known) {
      const found = byKey.get(`${ref.accountId}\u0000${ref.folderPath}\u0000${ref.startUid}`);
      if (!found) continue;
      const position = positionIn(found.head, ref.uid);
      const item = position >= 0 ? found.items[position] : undefined;
      if (item) rows.push(messageRowOf(found.head, position, item));
    }
    return rows;
  });
}

/** The refs with their pages: an unknown page (NaN) is the one covering the UID, or the ref is left out. */
async function withPages(db: PostvakDb, refs: readonly MessageRef[]): Promise<readonly MessageRef[]> {
  if (!refs.some((ref) => Number.isNaN(ref.startUid))) return refs;
  const resolved = await Promise.all(
    refs.map(async (ref) => {
      if (!Number.isNaN(ref.startUid)) return ref;
      const head = await headCovering(db, ref.accountId, ref.folderPath, ref.uid);
      return head ? { ...ref, startUid: head.startUid } : undefined;
    }),
  );
  return resolved.filter((ref) => ref !== undefined);
}

/** The newest messages of a folder by UID (arrival order), at most `limit`: for scans like the address book. */
export async function latestMessages(db: PostvakDb, accountId: string, folderPath: string, limit: number): Promise<MessageRow[]> {
  return db.transaction('r', [db.heads, db.pages], async () => {
    const range = [[accountId, folderPath, -Infinity], [accountId, folderPath, Infinity]] as const;
    const rows: MessageRow[] = [];
    const heads = await db.heads.where(byStart).between(range[0], range[1], true, true).reverse().limit(Math.ceil(limit / 8) + 1).toArray();
    const pages = await db.pages.bulkGet(heads.map((head) => [accountId, folderPath, head.startUid] as PageKey));
    heads.forEach((head, index) => {
      const items = pages[index]?.items ?? [];
      for (let position = head.uids.length - 1; position >= 0 && rows.length < limit; position--) {
        const item = items[position];
        if (item) rows.push(messageRowOf(head, position, item));
      }
    });
    return rows;
  });
}
