/**
 * What the folder picker offers (issue #12 §2 "a folder picker with type-to-filter"): every
 * selectable folder of every visible mailbox — own and shared, in the tree's order — where the
 * person may put messages (the `i` right, RFC 4314 §2.1), minus the folder they come from when
 * moving. Pure, so filtering and ordering are tested without rendering.
 */
import type { FolderRow, MessageKey } from '../../../db/rows';
import type { TreeNode } from '../folderTree';
import { folderCapabilities } from '../mailboxInfo';
import { fold } from '../../../../shared/text/fold';

export interface PickerOption {
  /** `${accountId}\u0000${folderPath}`, the tree's key for the folder. */
  key: string;
  accountId: string;
  folderPath: string;
  /** The mailbox's address (its node's label). */
  mailbox: string;
  /** The folder's place in its mailbox as people read it: "Projects / Alpha", "Inbox". */
  label: string;
  /** Label, address and raw IMAP path, folded for matching (foldText). */
  haystack: string;
}

export function folderKey(accountId: string, folderPath: string): string {
  return `${accountId}\u0000${folderPath}`;
}

/** Lower case without diacritics, so "kopieen" finds "Kopiëen" and "CAFE" finds "Café". */
export const foldText = fold;

/** The folders the keys come from. */
export function sourceFolders(keys: readonly MessageKey[]): Set<string> {
  return new Set(keys.map(([accountId, folderPath]) => folderKey(accountId, folderPath)));
}

/**
 * A move out of one folder does not offer that folder. A selection from several folders (a
 * unified view) may gather them in one of them: those already there stay (keysFor).
 */
export function excludedFor(mode: 'move' | 'copy', keys: readonly MessageKey[]): Set<string> {
  const sources = sourceFolders(keys);
  return sources.size === 1 || mode === 'copy' ? sources : new Set();
}

/** Every folder of the tree the messages may go to, in tree order. */
export function pickerOptions(tree: readonly TreeNode[], folders: readonly FolderRow[], excluded: ReadonlySet<string>): PickerOption[] {
  const rows = new Map(folders.map((folder) => [folderKey(folder.accountId, folder.path), folder]));
  const out: PickerOption[] = [];
  const walk = (nodes: readonly TreeNode[], mailbox: string, trail: readonly string[]) => {
    for (const node of nodes) {
      const label = [...trail, node.label].join(' / ');
      const row = node.path === null ? undefined : rows.get(node.key);
      if (row && node.selectable && !excluded.has(node.key) && folderCapabilities(row.rights).canMoveIn) {
        out.push({
          key: node.key,
          accountId: row.accountId,
          folderPath: row.path,
          mailbox,
          label,
          haystack: foldText(`${label} ${mailbox} ${row.path}`),
        });
      }
      walk(node.children, mailbox, [...trail, node.label]);
    }
  };
  for (const node of tree) if (node.kind === 'mailbox') walk(node.children, node.label, []);
  return out;
}

/**
 * The options matching `query` (every word found, in any order), recently used targets first
 * (most recent first), the rest in tree order.
 */
export function filterOptions(options: readonly PickerOption[], query: string, recent: readonly string[]): PickerOption[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const matching = options.filter((option) => words.every((word) => option.haystack.includes(word)));
  const rank = new Map(recent.map((key, index) => [key, index]));
  const first = matching.filter((option) => rank.has(option.key)).sort((a, b) => (rank.get(a.key) ?? 0) - (rank.get(b.key) ?? 0));
  return [...first, ...matching.filter((option) => !rank.has(option.key))];
}

/** The messages that actually change place: those already in the target stay where they are. */
export function keysFor(keys: readonly MessageKey[], to: { accountId: string; folderPath: string }): MessageKey[] {
  return keys.filter(([accountId, folderPath]) => accountId !== to.accountId || folderPath !== to.folderPath);
}
