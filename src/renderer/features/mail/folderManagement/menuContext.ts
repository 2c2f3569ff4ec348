/**
 * What the folder menu and its dialogs need to know about the tree node they were opened on:
 * the folder and mailbox rows (rights, prefix), whether the mailbox is shared (then a removal
 * is everyone's loss, and the question says so), and the names beside it. Pure.
 */
import type { Account } from '../../../../shared/model';
import type { FolderRow, MailboxRow } from '../../../db/rows';
import { isInbox, mailboxRoot } from '../folderNames';
import { isSharedMailbox, ownMailboxFor, type TreeNode } from '../folderTree';
import type { FolderMenuAction, MenuTarget } from './folderMenuActions';

export interface FolderMenuContext {
  target: MenuTarget;
  node: TreeNode;
  accountId: string;
  /** The mailbox's address (info@example.test). */
  mailbox: string;
  shared: boolean;
  /** How the tree names the folder, or the mailbox's address. */
  label: string;
  delimiter: string;
  /** Where a new folder goes: the folder itself, or the mailbox's top (null: the account's top). */
  newParentPath: string | null;
  /** Names of the folders under `newParentPath`. */
  childNames: string[];
  /** Names of the folders beside this folder (for a rename). */
  siblingNames: string[];
  hasChildren: boolean;
  /** The parent folder when it can be opened, else the mailbox's Inbox. */
  fallbackPath: string | null;
}

export type FolderDialogRequest =
  | { kind: 'create'; accountId: string; parentPath: string | null; parentLabel: string; mailbox: string; delimiter: string; siblings: string[] }
  | { kind: 'rename'; accountId: string; folderPath: string; name: string; label: string; delimiter: string; siblings: string[] }
  | {
      kind: 'delete';
      accountId: string;
      folderPath: string;
      label: string;
      mailbox: string;
      shared: boolean;
      hasChildren: boolean;
      delimiter: string;
      /** What to open instead when the open folder is deleted: its parent, else the mailbox's Inbox. */
      fallbackPath: string | null;
    }
  | { kind: 'empty'; accountId: string; folderPath: string; label: string; mailbox: string; shared: boolean };

export interface MenuData {
  accounts: readonly Account[];
  mailboxes: readonly MailboxRow[];
  folders: readonly FolderRow[];
}

const namesUnder = (folders: readonly FolderRow[], accountId: string, parentPath: string | null) =>
  folders.filter((f) => f.accountId === accountId && f.parentPath === parentPath).map((f) => f.name);

/** The context of a mailbox or folder node; null for the unified views and the Outbox. */
export function menuContext(node: TreeNode, data: MenuData): FolderMenuContext | null {
  if (node.kind !== 'folder' && node.kind !== 'mailbox') return null;
  const account = data.accounts.find((a) => a.id === node.accountId);
  if (!account) return null;
  const accountFolders = data.folders.filter((f) => f.accountId === node.accountId);
  const folder = node.kind === 'folder' ? accountFolders.find((f) => f.path === node.path) : undefined;
  if (node.kind === 'folder' && !folder) return null;
  const mailboxId = folder?.mailboxId ?? node.mailboxId;
  const mailbox = data.mailboxes.find((m) => m.id === mailboxId) ?? ownMailboxFor(account);
  const delimiter = folder?.delimiter ?? accountFolders.find((f) => f.mailboxId === mailbox.id)?.delimiter ?? '/';
  const root = mailbox.prefix === '' ? null : mailboxRoot(mailbox.prefix, delimiter);
  const inbox = accountFolders.find((f) => f.mailboxId === mailbox.id && isInbox(f, mailbox.prefix))?.path ?? null;
  const common = { node, accountId: node.accountId, mailbox: mailbox.address, shared: isSharedMailbox(mailbox, account), label: node.label, delimiter };
  if (!folder) {
    const top = root === null ? undefined : accountFolders.find((f) => f.path === root && f.selectable);
    return {
      ...common,
      target: { kind: 'mailbox', topRights: root === null ? mailbox.rights : top ? top.rights : undefined },
      newParentPath: root,
      childNames: namesUnder(accountFolders, node.accountId, root),
      siblingNames: [],
      hasChildren: true,
      fallbackPath: inbox,
    };
  }
  // The mailbox's container (`shared/info@example.test`) is no folder of it: its rights are not the parent's.
  const parent = folder.parentPath === null || folder.parentPath === root ? null : (accountFolders.find((f) => f.path === folder.parentPath) ?? null);
  return {
    ...common,
    target: { kind: 'folder', folder, mailbox, parent },
    newParentPath: folder.path,
    childNames: namesUnder(accountFolders, node.accountId, folder.path),
    siblingNames: namesUnder(accountFolders, node.accountId, folder.parentPath),
    hasChildren: accountFolders.some((f) => f.parentPath === folder.path),
    fallbackPath: parent?.selectable ? parent.path : inbox,
  };
}

/** The dialog a menu action opens; null for actions that run at once (Mark all as read). */
export function dialogFor(action: FolderMenuAction, context: FolderMenuContext): FolderDialogRequest | null {
  const { accountId, mailbox, shared, label, delimiter } = context;
  const folderPath = context.node.path ?? '';
  switch (action) {
    case 'markRead':
      return null;
    case 'newFolder':
      return { kind: 'create', accountId, parentPath: context.newParentPath, parentLabel: label, mailbox, delimiter, siblings: context.childNames };
    case 'rename': {
      const name = context.target.kind === 'folder' ? context.target.folder.name : label;
      return { kind: 'rename', accountId, folderPath, name, label, delimiter, siblings: context.siblingNames };
    }
    case 'delete':
      return { kind: 'delete', accountId, folderPath, label, mailbox, shared, hasChildren: context.hasChildren, delimiter, fallbackPath: context.fallbackPath };
    case 'emptyTrash':
    case 'emptyJunk':
      return { kind: 'empty', accountId, folderPath, label, mailbox, shared };
  }
}
