/**
 * Message list queries. The list is virtualised: only the visible window plus overscan is ever
 * read, walking the `[accountId+folderPath+date]` index backwards (newest first) with
 * offset/limit, so a folder of 100,000 messages costs the same as one of 100.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db';
import type { MessageKey, MessageRow } from '../rows';
import type { PostvakDb } from '../schema';
import { folderRange } from '../schema';
import { useFreshLiveQuery } from './useFreshLiveQuery';

/**
 * Rows `offset … offset + limit` of the folder, newest first. IndexedDB has no random access
 * by position: a cursor must step over `offset` entries. So the window is read from whichever
 * end of the index is nearer (descending for the top half, ascending and then reversed for the
 * bottom half), which bounds the cost by half the folder. Count and window are read in one
 * transaction so they describe the same state.
 */
export async function loadMessageWindow(
  database: PostvakDb,
  accountId: string,
  folderPath: string,
  offset: number,
  limit: number,
): Promise<MessageRow[]> {
  const [lower, upper] = folderRange(accountId, folderPath);
  const byDate = () => database.messages.where('[accountId+folderPath+date]').between(lower, upper, true, true);
  return database.transaction('r', database.messages, async () => {
    const total = await byDate().count();
    const end = Math.min(total, offset + limit);
    if (offset >= end) return [];
    if (offset < total - end) return byDate().reverse().offset(offset).limit(end - offset).toArray();
    const rows = await byDate().offset(total - end).limit(end - offset).toArray();
    return rows.reverse();
  });
}

export async function countMessages(database: PostvakDb, accountId: string, folderPath: string): Promise<number> {
  const [lower, upper] = folderRange(accountId, folderPath);
  return database.messages.where('[accountId+folderPath+uid]').between(lower, upper, true, true).count();
}

export function useMessageCount(accountId: string | null, folderPath: string | null): number | undefined {
  return useFreshLiveQuery(
    async () => (accountId && folderPath ? countMessages(db, accountId, folderPath) : 0),
    [accountId, folderPath],
  );
}

export interface MessageWindow {
  folderTag: string;
  offset: number;
  rows: MessageRow[];
}

/**
 * A window of the folder's messages, newest first. While a new window loads, the previous one
 * (same folder) stays available so rows that are in both do not flicker during scrolling.
 */
export function useMessageWindow(
  accountId: string | null,
  folderPath: string | null,
  offset: number,
  limit: number,
): MessageWindow | undefined {
  const folderTag = JSON.stringify([accountId, folderPath]);
  const result = useLiveQuery(
    async (): Promise<MessageWindow> => ({
      folderTag,
      offset,
      rows: accountId && folderPath ? await loadMessageWindow(db, accountId, folderPath, offset, limit) : [],
    }),
    [folderTag, offset, limit],
  );
  return result && result.folderTag === folderTag ? result : undefined;
}

/** One message by key; `null` once it is known not to be cached (removed meanwhile). */
export function useMessage(key: MessageKey | null): MessageRow | null | undefined {
  return useFreshLiveQuery(async () => (key ? ((await db.messages.get(key)) ?? null) : null), [key]);
}
