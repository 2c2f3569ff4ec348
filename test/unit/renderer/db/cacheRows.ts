/**
 * Reading the page cache back in tests (issue #11 §1): a folder's messages from its heads and
 * pages, and the counts a person would expect — messages and unread ones counted message by
 * message — to hold the counters table against.
 */
import { messageRowOf } from '../../../../src/renderer/db/pages/messageRows';
import { folderCountId, mailboxCountId, unifiedCountId } from '../../../../src/renderer/db/pages/pageRows';
import { unifiedRoleOf, type MessageRow } from '../../../../src/renderer/db/rows';
import type { PostvakDb } from '../../../../src/renderer/db/schema';

/** A folder's cached messages, by UID ascending. */
export async function folderMessages(db: PostvakDb, accountId: string, folderPath: string): Promise<MessageRow[]> {
  const range = [
    [accountId, folderPath, -Infinity],
    [accountId, folderPath, Infinity],
  ] as const;
  const heads = await db.heads.where('[accountId+folderPath+startUid]').between(range[0], range[1], true, true).toArray();
  const pages = await db.pages.bulkGet(heads.map((head) => [accountId, folderPath, head.startUid] as [string, string, number]));
  return heads.flatMap((head, index) => {
    const items = pages[index]?.items ?? [];
    if (items.length !== head.uids.length) throw new Error(`page ${head.startUid}: ${items.length} items for ${head.uids.length} uids`);
    return items.map((item, position) => messageRowOf(head, position, item));
  });
}

export async function folderUids(db: PostvakDb, folderPath: string, accountId: string): Promise<number[]> {
  return (await folderMessages(db, accountId, folderPath)).map((row) => row.uid);
}

/** Every cached message, folder by folder. */
export async function allMessages(db: PostvakDb): Promise<MessageRow[]> {
  const keys = await db.heads.toCollection().primaryKeys();
  const folders = [...new Map(keys.map(([accountId, path]) => [`${accountId}\u0000${path}`, [accountId, path] as const])).values()];
  return (await Promise.all(folders.map(([accountId, path]) => folderMessages(db, accountId, path)))).flat();
}

export type Counts = Record<string, { total: number; unread: number }>;

/** The counters table, without rows at zero (a row that fell to zero and one never written mean the same). */
export async function storedCounts(db: PostvakDb): Promise<Counts> {
  const counts: Counts = {};
  for (const row of await db.counts.toArray()) {
    if (row.total !== 0 || row.unread !== 0) counts[row.id] = { total: row.total, unread: row.unread };
  }
  return counts;
}

/**
 * What the counters must say, counted message by message: per folder, per mailbox (its folders)
 * and per unified view (folders of that role) — from the messages read back, not the heads' bits.
 */
export async function expectedCounts(db: PostvakDb): Promise<Counts> {
  const counts: Counts = {};
  const add = (id: string, unread: boolean) => {
    const row = (counts[id] ??= { total: 0, unread: 0 });
    row.total += 1;
    row.unread += unread ? 1 : 0;
  };
  const folders = new Map((await db.folders.toArray()).map((folder) => [`${folder.accountId}\u0000${folder.path}`, folder]));
  for (const message of await allMessages(db)) {
    const unread = !message.flags.includes('\\Seen');
    add(folderCountId(message.accountId, message.folderPath), unread);
    const folder = folders.get(`${message.accountId}\u0000${message.folderPath}`);
    if (!folder) continue;
    add(mailboxCountId(folder.mailboxId), unread);
    const role = unifiedRoleOf(folder.role);
    if (role) add(unifiedCountId(role), unread);
  }
  return counts;
}
