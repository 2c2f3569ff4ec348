/**
 * Watching, for AccountSync (issue #10 §9, §12): which folders get an IDLE connection, most
 * important first, and which folders a LIST-STATUS poll says need a pass. The own INBOX IDLEs
 * on the sync connection itself between passes; the IdlePool watches the rest within the
 * account's connection budget — shared Inboxes before calendars — and the poll covers every
 * folder whose watcher is not live. Pure.
 */
import type { Folder, FolderCursor, Mailbox } from '../../../shared/model';
import type { FolderStatus } from '../imap/types';
import { watchedCalendars, watchedInboxes } from '../mailboxes/discover';
import { inboxPath } from './folderList';
import { foldersToPass } from './pollDecision';

/** The folders for the IdlePool, most important first; none without IDLE (RFC 2177 capability). */
export function poolWatchList(folders: readonly Folder[], mailboxes: readonly Mailbox[], idle: boolean): string[] {
  if (!idle) return [];
  const own = inboxPath(folders);
  const ordered = [...watchedInboxes(folders, mailboxes), ...watchedCalendars(folders, mailboxes)].filter((p) => p !== own);
  return [...new Set(ordered)];
}

/**
 * Folders to pass after a poll. A watcher counts only when it was live at the previous poll as
 * well: one that went live since may have missed a change made before its IDLE began. The own
 * INBOX IDLEs on the sync connection only between passes (mail that arrives while a pass has
 * another folder selected raises no EXISTS), so it is always checked: an unchanged INBOX costs
 * nothing more than its STATUS line.
 */
export function foldersAfterPoll(
  folders: readonly Folder[],
  status: ReadonlyMap<string, FolderStatus>,
  cursors: ReadonlyMap<string, FolderCursor>,
  liveNow: ReadonlySet<string>,
  livePreviously: ReadonlySet<string>,
  condstore: boolean,
): string[] {
  const watched = new Set([...liveNow].filter((p) => livePreviously.has(p)));
  return foldersToPass(folders, status, cursors, watched, condstore);
}
