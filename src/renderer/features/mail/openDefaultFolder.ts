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
  holdIndex(database, first.id, folder.path);
  remember(first.id, folder.path);
  useStore.getState().selectFolder(first.id, folder.path);
}

function holdIndex(database: PostvakDb, accountId: string, folderPath: string): void {
  const lease = acquireIndex(database, { kind: 'folder', accountId, folderPath });
  setTimeout(() => lease.release(), earlyLeaseMs);
}

/**
 * The folder the last start opened on, kept in localStorage (read synchronously at load), so
 * its list index can start building before the accounts even arrive. Only a hint: nothing is
 * selected from it, and a folder that is gone costs one empty index. Account removal forgets it.
 */
const lastFolderKey = 'postvak:defaultFolder';

/** Notes the folder a start opened on (the hint prewarmLastFolder reads). */
export function remember(accountId: string, folderPath: string): void {
  try {
    localStorage.setItem(lastFolderKey, JSON.stringify([accountId, folderPath]));
  } catch {
    // No storage (a locked-down profile): the next start simply waits for the accounts.
  }
}

export function prewarmLastFolder(database: PostvakDb): void {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(lastFolderKey) ?? 'null');
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') holdIndex(database, value[0], value[1]);
  } catch {
    // Unreadable hint: ignore it.
  }
}

export function forgetDefaultFolderOf(accountId: string): void {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(lastFolderKey) ?? 'null');
    if (Array.isArray(value) && value[0] === accountId) localStorage.removeItem(lastFolderKey);
  } catch {
    // Nothing to forget.
  }
}
