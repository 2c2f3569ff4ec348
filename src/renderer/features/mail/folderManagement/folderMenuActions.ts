/**
 * What the folder context menu offers (issue #12 §5, §6: "folder management where the rights
 * allow (`k`, `x`)"). Pure: from the folder's MYRIGHTS (RFC 4314 §2.1, §4) and its role.
 * Main checks the rights again before anything reaches the server.
 */
import type { FolderRow, MailboxRow } from '../../../db/rows';
import { isInbox } from '../folderNames';
import { folderCapabilities } from '../mailboxInfo';

export type FolderMenuAction = 'markRead' | 'emptyTrash' | 'emptyJunk' | 'newFolder' | 'rename' | 'delete';

export type MenuTarget =
  | { kind: 'folder'; folder: FolderRow; mailbox: Pick<MailboxRow, 'prefix' | 'rights'>; parent: FolderRow | null }
  | {
      kind: 'mailbox';
      /**
       * The rights where a folder at the mailbox's top would be created: the person's own tree
       * (null: all), or a shared mailbox whose Inbox is its top (Cyrus `user.info`). Undefined
       * where no folder holds them: another person's namespace node (`shared/info@…`) answers
       * MYRIGHTS with what its Inbox has, yet Dovecot refuses a CREATE beside that Inbox.
       */
      topRights: string | null | undefined;
    };

/**
 * A role folder (Inbox, Sent, Trash… RFC 6154) is where other clients and the server's filters
 * expect it: renaming or deleting it would break them, so neither is offered.
 */
export function isRoleFolder(folder: Pick<FolderRow, 'role' | 'path' | 'parentPath' | 'delimiter'>, prefix: string): boolean {
  return folder.role !== null || isInbox(folder, prefix);
}

/** The actions the person may take on the target, in menu order. */
export function folderMenuActions(target: MenuTarget): FolderMenuAction[] {
  if (target.kind === 'mailbox') {
    // A folder at the mailbox's top needs `k` where it is created (RFC 4314 §4 CREATE).
    return target.topRights !== undefined && folderCapabilities(target.topRights).canCreateSubfolder ? ['newFolder'] : [];
  }
  const { folder, mailbox, parent } = target;
  const may = folderCapabilities(folder.rights);
  const out: FolderMenuAction[] = [];
  if (folder.selectable && may.canSetSeen) out.push('markRead');
  if (folder.selectable && may.canDelete && folder.role === 'trash') out.push('emptyTrash');
  if (folder.selectable && may.canDelete && folder.role === 'junk') out.push('emptyJunk');
  if (may.canCreateSubfolder) out.push('newFolder');
  if (!isRoleFolder(folder, mailbox.prefix) && may.canDeleteFolder) {
    // RENAME needs `x` on the folder and `k` on the parent it stays under (RFC 4314 §4).
    const parentRights = parent ? parent.rights : mailbox.rights;
    if (folderCapabilities(parentRights).canCreateSubfolder) out.push('rename');
    out.push('delete');
  }
  return out;
}
