/**
 * The Saved searches section as tree items (issue #13 §5): the heading opens and closes like a
 * mailbox, each saved search is a leaf with a search icon and its number (savedSearchTree.ts
 * says which). The tree's keyboard handling (FolderTree) moves through these items like any
 * other; a saved search's menu (SavedSearchMenu) offers Open, Rename and Delete.
 */
import { useSavedSearches } from '../../db/queries/savedSearches';
import { useI18n } from '../../i18n/useI18n';
import type { TreeItemProps } from '../mail/FolderTreeItem';
import type { TreeNode } from '../mail/folderTree';
import { openSavedSearch } from './openSavedSearch';
import { SavedSearchMenu } from './SavedSearchMenu';
import { savedSearchName } from './savedSearchTree';
import './savedSearches.css';

/** `onActivate` on a click: the heading opens or closes (FolderTree's activate), a saved search opens. */
export function SavedSearchSection(props: TreeItemProps) {
  const { node, level, expanded, tabKey, register, onActivate } = props;
  const { localeTag } = useI18n();
  const rows = useSavedSearches(localeTag);
  const isOpen = expanded.has(node.key);

  function resolve(target: EventTarget) {
    const element = target instanceof Element ? target.closest<HTMLElement>('[data-saved-id]') : null;
    const row = element ? rows?.find((candidate) => candidate.id === element.dataset.savedId) : undefined;
    return element && row ? { row, element } : null;
  }

  return (
    <li
      ref={(element) => register(node.key, element)}
      role="treeitem"
      aria-label={node.label}
      aria-level={level}
      aria-selected={false}
      aria-expanded={isOpen}
      tabIndex={node.key === tabKey ? 0 : -1}
      className="folder-tree__item saved-searches"
      onClick={(event) => {
        event.stopPropagation();
        onActivate(node);
      }}
    >
      <div className="folder-tree__row is-mailbox" style={{ paddingInlineStart: `${0.5 + (level - 1) * 1}rem` }}>
        <span className={`folder-tree__twisty${isOpen ? ' is-open' : ''}`} aria-hidden="true" />
        <span className="folder-tree__name">{node.label}</span>
      </div>
      {isOpen && (
        <SavedSearchMenu resolve={resolve} onOpen={(row) => void openSavedSearch(row.id)}>
          <ul role="group" className="folder-tree__group">
            {node.children.map((child) => (
              <SavedSearchLeaf
                key={child.key}
                node={child}
                level={level + 1}
                selected={child.key === props.selectedKey}
                tabKey={tabKey}
                register={register}
                onActivate={onActivate}
              />
            ))}
          </ul>
        </SavedSearchMenu>
      )}
    </li>
  );
}

interface SavedSearchLeafProps {
  node: TreeNode;
  level: number;
  selected: boolean;
  tabKey: string | null;
  register(key: string, element: HTMLLIElement | null): void;
  onActivate(node: TreeNode): void;
}

function SavedSearchLeaf({ node, level, selected, tabKey, register, onActivate }: SavedSearchLeafProps) {
  const { t, fmt } = useI18n();
  const descriptionId = `tree-saved-${(node.savedId ?? '').replace(/[^A-Za-z0-9_-]/g, '_')}-description`;
  const unread = node.unread > 0;
  return (
    <li
      ref={(element) => register(node.key, element)}
      role="treeitem"
      aria-label={savedSearchName(node, t)}
      aria-describedby={descriptionId}
      aria-level={level}
      aria-selected={selected}
      aria-current={selected ? 'page' : undefined}
      tabIndex={node.key === tabKey ? 0 : -1}
      className="folder-tree__item"
      data-saved-id={node.savedId}
      onClick={(event) => {
        event.stopPropagation();
        onActivate(node);
      }}
    >
      <div
        className={`folder-tree__row${selected ? ' is-selected' : ''}${unread ? ' has-unread' : ''}`}
        style={{ paddingInlineStart: `${0.5 + (level - 1) * 1}rem` }}
      >
        <svg className="icon icon--small saved-search__icon" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="10.5" cy="10.5" r="6" />
          <path d="M15 15l5.5 5.5" />
        </svg>
        <span className="folder-tree__name">{node.label}</span>
        {unread ? (
          <span className="folder-tree__count" aria-hidden="true">
            {fmt.number(node.unread)}
          </span>
        ) : (
          node.total !== undefined && (
            <span className="folder-tree__count is-total" aria-hidden="true">
              {fmt.number(node.total)}
            </span>
          )
        )}
      </div>
      <span id={descriptionId} className="visually-hidden">
        {node.description}
      </span>
    </li>
  );
}
