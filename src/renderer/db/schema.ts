/**
 * The IndexedDB cache (Dexie). This folder is the only place that imports dexie.
 *
 * Versions are append-only: never edit a published `version(n)`; add `version(n + 1)` with the
 * new stores and, when rows must change shape, an `.upgrade(tx => …)` (Dexie docs,
 * "Version.upgrade()"). Because the cache heals itself (empty cursors → full sync), an upgrade
 * may also simply clear a table.
 */
import { Dexie, type Table } from 'dexie';
import type { BodyRow, CursorRow, FolderKey, FolderRow, MessageKey, MessageRow } from './rows';

export class PostvakDb extends Dexie {
  declare folders: Table<FolderRow, FolderKey>;
  declare messages: Table<MessageRow, MessageKey>;
  declare cursors: Table<CursorRow, FolderKey>;
  declare bodies: Table<BodyRow, MessageKey>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      folders: '[accountId+path]',
      messages: '[accountId+folderPath+uid], [accountId+folderPath+date], [accountId+folderPath+unread], messageId',
      cursors: '[accountId+path]',
      bodies: '[accountId+folderPath+uid]',
    });
  }
}

/** Key range bounds for "everything of this account" / "everything of this folder". */
export const lowest = Dexie.minKey;
export const highest = Dexie.maxKey;

export function accountRange(accountId: string): [[string, unknown], [string, unknown]] {
  return [
    [accountId, lowest],
    [accountId, highest],
  ];
}

export function folderRange(accountId: string, folderPath: string): [[string, string, unknown], [string, string, unknown]] {
  return [
    [accountId, folderPath, lowest],
    [accountId, folderPath, highest],
  ];
}
