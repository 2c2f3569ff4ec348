/**
 * The message shown after (or else before) a given one in a list, newest first — where the
 * selection goes when that message is deleted. Read from the same date index the list walks:
 * IndexedDB orders equal dates by primary key, so the list's order is (date, key) descending,
 * and each step is a short index range, not a scan.
 */
import { cmp, Dexie } from 'dexie';
import type { MessageKey, MessageRow } from '../rows';
import type { PostvakDb } from '../schema';
import { byDate, type MessageSource } from './messages';

export async function neighbourOf(database: PostvakDb, source: MessageSource, row: MessageRow): Promise<MessageKey | null> {
  const key: MessageKey = [row.accountId, row.folderPath, row.uid];
  return database.transaction('r', database.messages, async () => {
    const sameDate = await byDate(database, source, row.date, row.date).primaryKeys();
    // Below it in the list: the same date with a smaller key, else the newest older message.
    const below = sameDate.filter((other) => cmp(other, key) < 0).sort((a, b) => cmp(b, a))[0];
    if (below) return below;
    const older = await byDate(database, source, Dexie.minKey, row.date, { to: true }).reverse().limit(1).primaryKeys();
    if (older[0]) return older[0];
    // It was the last one: the one above it.
    const above = sameDate.filter((other) => cmp(other, key) > 0).sort((a, b) => cmp(a, b))[0];
    if (above) return above;
    const newer = await byDate(database, source, row.date, Dexie.maxKey, { from: true }).limit(1).primaryKeys();
    return newer[0] ?? null;
  });
}
