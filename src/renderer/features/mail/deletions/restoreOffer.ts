/**
 * Whether Restore is offered for a message in Trash, and where it goes (issue #12 §7): the
 * folder its deletion record names when that still exists, else its mailbox's Inbox — the rule
 * main follows (services/tasks/restoreTask.ts). Offered only with `t` and `e` on Trash (the
 * message leaves it) and `i` on the target (RFC 4314 §4); main checks again. Pure.
 */
import type { FolderRow } from '../../../db/rows';
import { isInbox } from '../folderNames';
import { folderCapabilities } from '../mailboxInfo';

export function restoreTarget(
  trash: Pick<FolderRow, 'role' | 'rights' | 'mailboxId'> | null | undefined,
  recordedPath: string | null,
  folders: readonly FolderRow[],
  mailboxPrefix: string,
): FolderRow | null {
  if (!trash || trash.role !== 'trash' || !folderCapabilities(trash.rights).canDelete) return null;
  const own = folders.filter((f) => f.mailboxId === trash.mailboxId && f.selectable);
  const target = (recordedPath !== null ? own.find((f) => f.path === recordedPath) : undefined) ?? own.find((f) => isInbox(f, mailboxPrefix));
  return target && folderCapabilities(target.rights).canMoveIn ? target : null;
}
