/**
 * The message shown after (or else before) a given one in a list, newest first — where the
 * selection goes when that message is deleted. Read from the source's in-memory index (the one
 * the list shows, issue #11 §2): a binary search for the message, then the entry beside it.
 */
import { withIndex } from '../index/registry';
import type { IndexedMessage, MessageSource } from '../index/sourceIndex';
import type { MessageKey } from '../rows';
import type { PostvakDb } from '../schema';

export async function neighbourOf(database: PostvakDb, source: MessageSource, message: IndexedMessage): Promise<MessageKey | null> {
  return withIndex(database, source, (index) => {
    const position = index.positionOf(message);
    if (position < 0) return null;
    return index.keyAt(position + 1) ?? index.keyAt(position - 1) ?? null;
  });
}
