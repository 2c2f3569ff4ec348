/**
 * The Saved searches section of the folder tree (issue #13 §5): one branch after the
 * mailboxes, a leaf per saved search. Pure: the rows and their counts in, tree nodes out.
 *
 * Which number a saved search shows: like a folder, its unread matches in bold when there are
 * any ("Unanswered in info@ 3" — what still needs someone); otherwise how many messages it finds,
 * in a quiet grey, so a search of read mail (`from:jansen`) still says it found 12 — or 0: a
 * counted nothing is news too. No number at all while it has not been counted yet (never a
 * guessed 0).
 */
import type { SavedSearchRow } from '../../db/rows';
import type { Translate } from '../../i18n/types';
import type { TreeNode } from '../mail/folderTree';
import type { SavedCounts } from './savedSearchCounter';

export const savedSectionKey = 'savedSearches';

export function savedSearchKey(id: string): string {
  return `savedSearch\u0000${id}`;
}

/** The section with its saved searches, or null when there are none (no empty heading). */
export function savedSearchesNode(rows: readonly SavedSearchRow[], counts: SavedCounts, t: Translate): TreeNode | null {
  if (rows.length === 0) return null;
  const children = rows.map((row): TreeNode => {
    const count = counts.get(row.id);
    return {
      key: savedSearchKey(row.id),
      kind: 'savedSearch',
      accountId: '',
      path: null,
      label: row.name,
      description: t('savedSearches.description', { query: row.query }),
      savedId: row.id,
      unread: count?.unread ?? 0,
      ...(count ? { total: count.total } : {}),
      selectable: true,
      children: [],
    };
  });
  // The section shows no number: saved searches overlap, a sum would count messages twice.
  return { key: savedSectionKey, kind: 'savedSearches', accountId: '', path: null, label: t('savedSearches.title'), unread: 0, selectable: false, children };
}

/** The tree item's accessible name: the name with the number it shows (see above). */
export function savedSearchName(node: TreeNode, t: Translate): string {
  if (node.unread > 0) return t('savedSearches.unread', { name: node.label, count: node.unread });
  if (node.total !== undefined) return t('savedSearches.total', { name: node.label, count: node.total });
  return node.label;
}
