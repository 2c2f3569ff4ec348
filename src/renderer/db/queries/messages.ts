/**
 * Message list queries (issue #11 §2). A list reads its source's in-memory index (db/index/):
 * the count is the index's length, and a window of positions becomes page refs, whose rows are
 * read from their pages in one transaction — only the visible window, whatever the folder's
 * size, and positions cost nothing to reach (no IndexedDB cursor stepping over offsets).
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { db } from '../db';
import { acquireIndex, withIndex } from '../index/registry';
import { sourceOfTag, sourceTag, type MessageSource, type SourceIndex } from '../index/sourceIndex';
import { getMessagesIn } from '../pages/messageRows';
import type { MessageRow } from '../rows';
import type { PostvakDb } from '../schema';

export { sourceTag, type MessageSource } from '../index/sourceIndex';

/** A list row; in a conversation view (issue #12 §4) with the size of the conversation it stands for. */
export type ListRow = MessageRow & { conversationSize?: number };

/**
 * Rows `offset … offset + limit` of an index, position by position: a row whose page changed
 * after the index was read (the index catches up a moment later) is `undefined`, never shifted.
 */
export async function readWindow(database: PostvakDb, index: SourceIndex, offset: number, limit: number): Promise<(ListRow | undefined)[]> {
  const refs = index.refsAt(offset, limit);
  const sizes = index.groupSizeAt ? refs.map((_, at) => index.groupSizeAt?.(Math.max(0, offset) + at)) : undefined;
  const rows = await getMessagesIn(database, refs);
  let next = 0;
  return refs.map((ref, at) => {
    const row = rows[next];
    if (!row || row.uid !== ref.uid || row.folderPath !== ref.folderPath || row.accountId !== ref.accountId) return undefined;
    next++;
    const conversationSize = sizes?.[at];
    return conversationSize === undefined ? row : { ...row, conversationSize };
  });
}

/** The source's rows `offset … offset + limit`, newest first (outside React: tests, scans). */
export function loadWindow(database: PostvakDb, source: MessageSource, offset: number, limit: number): Promise<MessageRow[]> {
  return withIndex(database, source, async (index) => (await readWindow(database, index, offset, limit)).filter((row) => row !== undefined));
}

/** How many messages the source lists. */
export function countSource(database: PostvakDb, source: MessageSource): Promise<number> {
  return withIndex(database, source, (index) => index.length);
}

/** The source's shared index while the component shows it (a new index only when the tag changes). */
function useSourceIndex(source: MessageSource | null): SourceIndex | undefined {
  const tag = sourceTag(source);
  const [held, setHeld] = useState<{ tag: string; index: SourceIndex }>();
  useEffect(() => {
    const wanted = sourceOfTag(tag);
    if (!wanted) return;
    const lease = acquireIndex(db, wanted);
    setHeld({ tag, index: lease.index });
    return () => lease.release();
  }, [tag]);
  return held?.tag === tag ? held.index : undefined;
}

const subscribeToNothing = () => () => {};

/** What a view is reading from the pages (a big folder's first sort or filter), or undefined. */
export function useViewProgress(source: MessageSource | null): { done: number; total: number } | undefined {
  const index = useSourceIndex(source);
  return useSyncExternalStore(index?.subscribe ?? subscribeToNothing, () => index?.progress);
}

/** The index's version once it is built, `undefined` before. */
function useIndexVersion(index: SourceIndex | undefined): number | undefined {
  return useSyncExternalStore(index?.subscribe ?? subscribeToNothing, () => (index?.ready ? index.version : undefined));
}

export function useMessageCount(source: MessageSource | null): number | undefined {
  const index = useSourceIndex(source);
  const count = useSyncExternalStore(index?.subscribe ?? subscribeToNothing, () => (index?.ready ? index.length : undefined));
  return source ? count : 0;
}

export interface MessageWindow {
  sourceTag: string;
  offset: number;
  /** By position from `offset`; `undefined` for a row that is being re-read. */
  rows: (ListRow | undefined)[];
}

/**
 * A window of the source's messages, newest first, read again whenever the index changes. While
 * a new window loads, the previous one (same source) stays so rows in both do not flicker. A
 * read is shown unless a later one already is: during a long sync the index changes faster than
 * reads finish, and dropping every superseded read would show none.
 */
export function useMessageWindow(source: MessageSource | null, offset: number, limit: number): MessageWindow | undefined {
  const tag = sourceTag(source);
  const index = useSourceIndex(source);
  const version = useIndexVersion(index);
  const [shown, setShown] = useState<MessageWindow & { read: number }>();
  const reads = useRef(0);
  useEffect(() => {
    if (!index || version === undefined) return;
    const read = ++reads.current;
    readWindow(db, index, offset, limit).then(
      (rows) => setShown((previous) => (previous && previous.read > read ? previous : { sourceTag: tag, offset, rows, read })),
      // A read that fails (the database closing) leaves the previous window; the next change re-reads.
      () => {},
    );
  }, [index, version, tag, offset, limit]);
  return shown && shown.sourceTag === tag ? shown : undefined;
}
