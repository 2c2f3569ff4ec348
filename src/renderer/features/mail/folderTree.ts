/**
 * Builds the folder tree from the flat folder list: role folders first in a fixed order
 * (Inbox, Drafts, Sent, Archive, Junk, Trash…) with localized names, then the rest by name,
 * nested by `parentPath`. Role folders living under INBOX (`INBOX.Sent`, common on Courier-style
 * servers) are lifted to the top, where people look for them.
 */
import type { FolderRow } from '../../db/rows';
import type { Translate } from '../../i18n/types';
import { folderDisplayName, isInbox, roleOrder } from './folderNames';

export interface TreeNode {
  /** Unique across accounts. */
  key: string;
  accountId: string;
  /** `null` for an account node (several accounts). */
  path: string | null;
  label: string;
  unread: number;
  selectable: boolean;
  children: TreeNode[];
}

function rank(folder: FolderRow): number {
  if (isInbox(folder)) return -1;
  const index = folder.role ? roleOrder.indexOf(folder.role) : -1;
  return index >= 0 ? index : roleOrder.length;
}

export function buildFolderTree(
  folders: readonly FolderRow[],
  unread: Readonly<Record<string, number>>,
  t: Translate,
  collator: Intl.Collator,
): TreeNode[] {
  const byPath = new Map(folders.map((folder) => [folder.path, folder]));
  const inboxPath = folders.find(isInbox)?.path ?? null;
  const parentOf = (folder: FolderRow): string | null => {
    const parent = folder.parentPath;
    if (parent === null || !byPath.has(parent)) return null;
    return folder.role && parent === inboxPath ? null : parent;
  };
  const childrenOf = new Map<string | null, FolderRow[]>();
  for (const folder of folders) {
    const parent = parentOf(folder);
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), folder]);
  }
  const build = (parent: string | null): TreeNode[] =>
    (childrenOf.get(parent) ?? [])
      .map((folder) => ({ folder, label: folderDisplayName(folder, t) }))
      .sort((a, b) => rank(a.folder) - rank(b.folder) || collator.compare(a.label, b.label))
      .map(({ folder, label }) => ({
        key: `${folder.accountId}\u0000${folder.path}`,
        accountId: folder.accountId,
        path: folder.path,
        label,
        unread: unread[folder.path] ?? 0,
        selectable: folder.selectable,
        children: build(folder.path),
      }));
  return build(null);
}

/** The nodes a person can reach with the arrow keys: expanded branches only, in screen order. */
export function visibleNodes(nodes: readonly TreeNode[], expanded: ReadonlySet<string>, level = 1): { node: TreeNode; level: number; parent: TreeNode | null }[] {
  const out: { node: TreeNode; level: number; parent: TreeNode | null }[] = [];
  const walk = (list: readonly TreeNode[], depth: number, parent: TreeNode | null) => {
    for (const node of list) {
      out.push({ node, level: depth, parent });
      if (node.children.length > 0 && expanded.has(node.key)) walk(node.children, depth + 1, node);
    }
  };
  walk(nodes, level, null);
  return out;
}
