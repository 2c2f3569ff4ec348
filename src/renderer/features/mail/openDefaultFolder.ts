/**
 * Which folder a window opens on when nothing is selected (first start, account removed): the
 * first account's own Inbox, else any Inbox, else its first selectable folder.
 *
 * `openDefaultFolderEarly` does this as soon as the accounts are known at start — before React
 * has mounted the mail view and its queries — and starts building the folder's list index then
 * (issue #11 §4: first rows of a cached Inbox within 500 ms of navigation). The hook
 * useDefaultFolder still covers a cache that has no folders yet (the first sync brings them).
 */
import type { Account } from '../../../shared/model';
import { ownMailboxId } from '../../../shared/mailboxIds';
import { acquireIndex } from '../../db/index/registry';
import { loadFolders } from '../../db/queries/folders';
import type { FolderRow } from '../../db/rows';
import type { PostvakDb } from '../../db/schema';
import { useStore } from '../../store';
import { isInbox } from './folderNames';

export function pickDefaultFolder(folders: readonly FolderRow[], accountId: string): FolderRow | undefined {
  const own = ownMailboxId(accountId);
  return folders.find((folder) => folder.mailboxId === own && isInbox(folder)) ?? folders.find((folder) => isInbox(folder)) ?? folders.find((folder) => folder.selectable);
}

const nothingSelected = () => {
  const state = useStore.getState();
  return state.selectedFolderPath === null && state.selectedUnified === null && !state.selectedOutbox;
};

/** How long the early lease keeps the index for the list, which takes its own when it mounts. */
const earlyLeaseMs = 10_000;

export async function openDefaultFolderEarly(database: PostvakDb, accounts: readonly Account[]): Promise<void> {
  const first = accounts[0];
  if (!first || !nothingSelected()) return;
  const folder = pickDefaultFolder(await loadFolders(database, first.id), first.id);
  if (!folder || !nothingSelected()) return;
  const lease = acquireIndex(database, { kind: 'folder', accountId: first.id, folderPath: folder.path });
  setTimeout(() => lease.release(), earlyLeaseMs);
  useStore.getState().selectFolder(first.id, folder.path);
}
