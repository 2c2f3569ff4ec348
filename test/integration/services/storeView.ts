/**
 * What the renderer's page store (src/renderer/db, issue #11) holds, read back as the simple
 * shape integration tests compare with the server: folders, messages per folder, cursors — and
 * whether its counters agree with the messages it holds.
 */
import type { Folder, FolderCursor, MessageSummary } from '../../../src/shared/model';
import type { PostvakDb } from '../../../src/renderer/db/schema';
import { messageRowOf } from '../../../src/renderer/db/pages/messageRows';
import { folderCountId } from '../../../src/renderer/db/pages/pageRows';

export interface CacheView {
  folders: Map<string, Folder>;
  messages: Map<string, Map<number, MessageSummary>>;
  cursors: Map<string, FolderCursor>;
}

export async function storeView(db: PostvakDb): Promise<CacheView & { counterDiffs: string[] }> {
  return db.transaction('r', [db.folders, db.heads, db.pages, db.cursors, db.counts], async () => {
    const folders = new Map((await db.folders.toArray()).map((folder) => [folder.path, folder]));
    const cursors = new Map((await db.cursors.toArray()).map((row) => [row.path, row]));
    const messages = new Map<string, Map<number, MessageSummary>>();
    const [heads, pages] = await Promise.all([db.heads.toArray(), db.pages.toArray()]);
    const unread = new Map<string, number>();
    heads.forEach((head, index) => {
      const items = pages[index]?.items ?? [];
      const rows = messages.get(head.folderPath) ?? new Map<number, MessageSummary>();
      messages.set(head.folderPath, rows);
      head.uids.forEach((uid, position) => {
        const item = items[position];
        if (!item) return;
        const row = messageRowOf(head, position, item);
        // Two pages holding one UID would hide a duplicate in the Map: count it instead.
        if (rows.has(uid)) rows.set(-uid, row);
        rows.set(uid, row);
        if (row.unread) unread.set(head.folderPath, (unread.get(head.folderPath) ?? 0) + 1);
      });
    });
    const counterDiffs: string[] = [];
    for (const folder of folders.values()) {
      const count = await db.counts.get(folderCountId(folder.accountId, folder.path));
      const total = messages.get(folder.path)?.size ?? 0;
      if ((count?.total ?? 0) !== total || (count?.unread ?? 0) !== (unread.get(folder.path) ?? 0)) {
        counterDiffs.push(`${folder.path}: counter ${count?.total ?? 0}/${count?.unread ?? 0} unread ≠ held ${total}/${unread.get(folder.path) ?? 0}`);
      }
    }
    return { folders, messages, cursors, counterDiffs };
  });
}
