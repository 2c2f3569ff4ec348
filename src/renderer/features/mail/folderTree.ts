/**
 * Builds the folder tree. At the top the unified views (All inboxes, All sent, All drafts);
 * then one node per mailbox — the person's own first, then shared ones alphabetically (issue
 * #3) — each holding its folders: role folders first in a fixed order (Inbox, Drafts, Sent,
 * Archive, Junk, Trash…) with localized names, then the rest by name, nested by `parentPath`.
 * Role folders living under INBOX (`INBOX.Sent`, common on Courier-style servers) are lifted to
 * the top of their mailbox, where people look for them.
 */
import type { Account } from '../../../shared/model';
import { routeGroups } from '../../../shared/mailboxRoutes';
import type { FolderRow, MailboxRow, UnifiedRole } from '../../db/rows';
import type { Translate } from '../../i18n/types';
import { folderDisplayName, isInbox, mailboxRoot, roleOrder } from './folderNames';
import { ownMailboxId } from '../../../shared/mailboxIds';

export interface TreeNode {
  /** Unique across accounts and mailboxes. */
  key: string;
  /** `savedSearches` is the Saved searches section, `savedSearch` one of them (issue #13 §5). */
  kind: 'unified' | 'outbox' | 'mailbox' | 'folder' | 'savedSearches' | 'savedSearch';
  accountId: string;
  /** The folder's path; `null` for unified and mailbox nodes. */
  path: string | null;
  /** The visible text and the accessible name (plus the unread count, for folders). */
  label: string;
  /** Secondary visible text (a mailbox's display name). */
  detail?: string;
  /** The account a mailbox several accounts reach is used through, in words (issue #10 §7). */
  through?: string;
  /** Accessible description (unread, read-only, quota of a mailbox). */
  description?: string;
  /** A mailbox's colour swatch. */
  color?: string;
  unifiedRole?: UnifiedRole;
  mailboxId?: string;
  /** A saved search's id (SavedSearchRow.id) and how many messages it finds. */
  savedId?: string;
  total?: number;
  unread: number;
  selectable: boolean;
  children: TreeNode[];
}

function rank(folder: FolderRow, prefix: string): number {
  if (isInbox(folder, prefix)) return -1;
  const index = folder.role ? roleOrder.indexOf(folder.role) : -1;
  return index >= 0 ? index : roleOrder.length;
}

/** The folders of one mailbox as a tree; `prefix` is the mailbox's path prefix ('' for own). */
export function buildFolderTree(
  folders: readonly FolderRow[],
  unreadOf: (folder: FolderRow) => number,
  t: Translate,
  collator: Intl.Collator,
  prefix = '',
): TreeNode[] {
  // The mailbox's container is its node, not a folder — unless it is its Inbox (Cyrus, issue #10 §8).
  const own = folders.filter((folder) => prefix === '' || folder.path !== mailboxRoot(prefix, folder.delimiter) || isInbox(folder, prefix));
  const byPath = new Map(own.map((folder) => [folder.path, folder]));
  const inboxPath = own.find((folder) => isInbox(folder, prefix))?.path ?? null;
  const inboxIsRoot = prefix !== '' && inboxPath !== null && inboxPath === mailboxRoot(prefix, byPath.get(inboxPath)!.delimiter);
  const parentOf = (folder: FolderRow): string | null => {
    const parent = folder.parentPath;
    if (parent === null || !byPath.has(parent)) return null;
    // Folders below an Inbox that is the mailbox's top (`user.info.Projecten`) sit beside it.
    return (folder.role || inboxIsRoot) && parent === inboxPath ? null : parent;
  };
  const childrenOf = new Map<string | null, FolderRow[]>();
  for (const folder of own) {
    const parent = parentOf(folder);
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), folder]);
  }
  const build = (parent: string | null): TreeNode[] =>
    (childrenOf.get(parent) ?? [])
      .map((folder) => ({ folder, label: folderDisplayName(folder, t, prefix) }))
      .sort((a, b) => rank(a.folder, prefix) - rank(b.folder, prefix) || collator.compare(a.label, b.label))
      .map(({ folder, label }): TreeNode => ({
        key: `${folder.accountId}\u0000${folder.path}`,
        kind: 'folder',
        accountId: folder.accountId,
        path: folder.path,
        label,
        mailboxId: folder.mailboxId,
        unread: unreadOf(folder),
        selectable: folder.selectable,
        children: build(folder.path),
      }))
      // A container that cannot be opened and holds nothing of this mailbox (the `shared`
      // namespace root, whose mailboxes are nodes of their own) is only noise.
      .filter((node) => node.selectable || node.children.length > 0);
  return build(null);
}

export interface MailboxGroup {
  mailbox: MailboxRow;
  folders: FolderRow[];
  /**
   * Issue #10 §7: every account's row of this mailbox (server + address), `mailbox` included —
   * more than one when several signed-in accounts reach it; it is shown once, through `mailbox`.
   */
  routes: MailboxRow[];
}

/** A mailbox counts as shared when discovered/added as one, or reached through its own login. */
export function isSharedMailbox(mailbox: MailboxRow, account: Pick<Account, 'kind'> | undefined): boolean {
  return mailbox.kind === 'shared' || account?.kind === 'shared';
}

/** The own mailbox of an account whose mailboxes the cache does not know yet. */
export function ownMailboxFor(account: Account): MailboxRow {
  return {
    id: ownMailboxId(account.id),
    accountId: account.id,
    kind: 'own',
    source: 'account',
    address: account.email,
    displayName: account.displayName,
    prefix: '',
    rights: null,
    hidden: false,
    quota: null,
    offlineDays: 0,
  };
}

/**
 * The visible mailboxes with their folders, in tree order: own mailboxes in account order, then
 * shared ones by address. Hidden mailboxes are left out, and a mailbox several accounts reach is
 * there once, through the account main uses it through (issue #10 §7, shared/mailboxRoutes.ts).
 * A folder whose mailbox the cache does not know (a cache from before mailboxes existed)
 * belongs to its account's own mailbox.
 */
export function groupByMailbox(
  accounts: readonly Account[],
  mailboxes: readonly MailboxRow[],
  folders: readonly FolderRow[],
  collator: Intl.Collator,
): MailboxGroup[] {
  const groups = new Map<string, MailboxGroup>();
  const hidden = new Set<string>();
  const rows = accounts.flatMap((account) => {
    const ofAccount = mailboxes.filter((mailbox) => mailbox.accountId === account.id);
    return ofAccount.length > 0 ? ofAccount : [ownMailboxFor(account)];
  });
  for (const { chosen, rows: routes } of routeGroups(rows, accounts)) {
    for (const row of routes) if (row !== chosen || row.hidden) hidden.add(row.id);
    if (!chosen.hidden) groups.set(chosen.id, { mailbox: chosen, folders: [], routes });
  }
  for (const folder of folders) {
    if (hidden.has(folder.mailboxId)) continue;
    const group = groups.get(folder.mailboxId) ?? groups.get(ownMailboxId(folder.accountId));
    group?.folders.push(folder);
  }
  const accountOrder = new Map(accounts.map((account, index) => [account.id, index]));
  const accountOf = new Map(accounts.map((account) => [account.id, account]));
  const shared = (group: MailboxGroup) => isSharedMailbox(group.mailbox, accountOf.get(group.mailbox.accountId));
  return [...groups.values()].sort((a, b) => {
    const byKind = Number(shared(a)) - Number(shared(b));
    if (byKind !== 0) return byKind;
    if (!shared(a)) return (accountOrder.get(a.mailbox.accountId) ?? 0) - (accountOrder.get(b.mailbox.accountId) ?? 0);
    return collator.compare(a.mailbox.address, b.mailbox.address) || a.mailbox.id.localeCompare(b.mailbox.id);
  });
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
