/**
 * Message list queries. The list is virtualised: only the visible window plus overscan is ever
 * read, walking a date index backwards (newest first) with offset/limit, so a folder of 100,000
 * messages costs the same as one of 100. A list shows one folder (`[accountId+folderPath+date]`)
 * or one unified view across all mailboxes (`[unifiedRole+date]`, issue #3).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Collection } from 'dexie';
import { db } from '../db';
import type { MessageKey, MessageRow, UnifiedRole } from '../rows';
import type { PostvakDb } from '../schema';
import { folderRange, highest, lowest } from '../schema';
import { useFreshLiveQuery } from './useFreshLiveQuery';

/** What a message list shows. */
export type MessageSource =
  | { kind: 'folder'; accountId: string; folderPath: string }
  | { kind: 'unified'; role: UnifiedRole };

export function sourceTag(source: MessageSource | null): string {
  if (!source) return 'none';
  return source.kind === 'folder' ? JSON.stringify([source.accountId, source.folderPath]) : `unified:${source.role}`;
}

type DateBound = number | typeof lowest | typeof highest;

/**
 * The source's rows in date order (oldest first), on the index that serves it, optionally only
 * dates in `[from, to]` (either end exclusive with `open`).
 */
export function byDate(
  database: PostvakDb,
  source: MessageSource,
  from: DateBound = lowest,
  to: DateBound = highest,
  open: { from?: boolean; to?: boolean } = {},
): Collection<MessageRow, MessageKey> {
  const prefix = source.kind === 'unified' ? [source.role] : [source.accountId, source.folderPath];
  const index = source.kind === 'unified' ? '[unifiedRole+date]' : '[accountId+folderPath+date]';
  return database.messages.where(index).between([...prefix, from], [...prefix, to], !open.from, !open.to);
}

/**
 * Rows `offset … offset + limit` of the source, newest first. IndexedDB has no random access
 * by position: a cursor must step over `offset` entries. So the window is read from whichever
 * end of the index is nearer (descending for the top half, ascending and then reversed for the
 * bottom half), which bounds the cost by half the list. Count and window are read in one
 * transaction so they describe the same state.
 */
export async function loadWindow(database: PostvakDb, source: MessageSource, offset: number, limit: number): Promise<MessageRow[]> {
  // The top of the list (what new mail changes) needs no count first: one read instead of two.
  if (offset === 0) return byDate(database, source).reverse().limit(limit).toArray();
  return database.transaction('r', database.messages, async () => {
    const total = await byDate(database, source).count();
    const end = Math.min(total, offset + limit);
    if (offset >= end) return [];
    if (offset < total - end) return byDate(database, source).reverse().offset(offset).limit(end - offset).toArray();
    const rows = await byDate(database, source).offset(total - end).limit(end - offset).toArray();
    return rows.reverse();
  });
}

/** A folder's window (kept for callers that think in folders). */
export function loadMessageWindow(
  database: PostvakDb,
  accountId: string,
  folderPath: string,
  offset: number,
  limit: number,
): Promise<MessageRow[]> {
  return loadWindow(database, { kind: 'folder', accountId, folderPath }, offset, limit);
}

export async function countMessages(database: PostvakDb, accountId: string, folderPath: string): Promise<number> {
  const [lower, upper] = folderRange(accountId, folderPath);
  return database.messages.where('[accountId+folderPath+uid]').between(lower, upper, true, true).count();
}

export function countSource(database: PostvakDb, source: MessageSource): Promise<number> {
  return source.kind === 'folder' ? countMessages(database, source.accountId, source.folderPath) : byDate(database, source).count();
}

/** Unread messages in a unified view, on the `[unifiedRole+unread]` index. */
export function countUnifiedUnread(database: PostvakDb, role: UnifiedRole): Promise<number> {
  return database.messages.where('[unifiedRole+unread]').equals([role, 1]).count();
}

export function useMessageCount(source: MessageSource | null): number | undefined {
  return useFreshLiveQuery(async () => (source ? countSource(db, source) : 0), [sourceTag(source)]);
}

export function useUnifiedUnread(role: UnifiedRole): number | undefined {
  return useFreshLiveQuery(() => countUnifiedUnread(db, role), [role]);
}

export interface MessageWindow {
  sourceTag: string;
  offset: number;
  rows: MessageRow[];
}

/**
 * A window of the source's messages, newest first. While a new window loads, the previous one
 * (same source) stays available so rows that are in both do not flicker during scrolling.
 */
export function useMessageWindow(source: MessageSource | null, offset: number, limit: number): MessageWindow | undefined {
  const tag = sourceTag(source);
  const result = useLiveQuery(
    async (): Promise<MessageWindow> => ({
      sourceTag: tag,
      offset,
      rows: source ? await loadWindow(db, source, offset, limit) : [],
    }),
    [tag, offset, limit],
  );
  return result && result.sourceTag === tag ? result : undefined;
}

/** One message by key; `null` once it is known not to be cached (removed meanwhile). */
export function useMessage(key: MessageKey | null): MessageRow | null | undefined {
  return useFreshLiveQuery(async () => (key ? ((await db.messages.get(key)) ?? null) : null), [key]);
}
