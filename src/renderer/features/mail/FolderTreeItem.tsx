/**
 * One treeitem and, when open, its group of children. A folder's row takes dropped messages
 * (issue #12 §2, useFolderDrop).
 */
import type { FolderRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { useFolderDrop } from './folderPicker/useFolderDrop';
import type { TreeNode } from './folderTree';

/** What every kind of tree item gets from the tree (folders here, saved searches in features/savedSearches). */
export interface TreeItemProps {
  node: TreeNode;
  level: number;
  expanded: ReadonlySet<string>;
  selectedKey: string;
  tabKey: string | null;
  register(key: string, element: HTMLLIElement | null): void;
  onActivate(node: TreeNode): void;
}

interface FolderTreeItemProps extends TreeItemProps {
  onToggle(node: TreeNode): void;
  /** The cached row of a folder node (its rights decide what may be dropped on it). */
  folderOf(node: TreeNode): FolderRow | undefined;
}

export function FolderTreeItem(props: FolderTreeItemProps) {
  const { node, level, expanded, selectedKey, tabKey, register, onActivate, onToggle, folderOf } = props;
  const { t, fmt } = useI18n();
  const closedBranch = node.children.length > 0 && !expanded.has(node.key);
  const drop = useFolderDrop(node.kind === 'folder' ? folderOf(node) : undefined, closedBranch ? () => onToggle(node) : undefined);
  const hasChildren = node.children.length > 0;
  const isOpen = hasChildren && expanded.has(node.key);
  const selected = node.key === selectedKey;
  // A mailbox keeps its address as its whole name (stable for people and tests alike); its
  // unread count, read-only state and storage are the description.
  const name =
    node.kind === 'outbox' && node.unread > 0
      ? t('outbox.treeName', { name: node.label, count: node.unread })
      : node.kind !== 'mailbox' && node.unread > 0
        ? t('folders.unread', { name: node.label, count: node.unread })
        : node.label;
  const descriptionId = node.description ? `tree-${node.key.replace(/[^A-Za-z0-9_-]/g, '_')}-description` : undefined;
  const kindClass = node.kind === 'mailbox' ? ' is-mailbox' : node.kind === 'unified' || node.kind === 'outbox' ? ' is-unified' : '';
  return (
    <li
      ref={(element) => register(node.key, element)}
      role="treeitem"
      aria-label={name}
      aria-describedby={descriptionId}
      aria-level={level}
      aria-selected={selected}
      aria-expanded={hasChildren ? isOpen : undefined}
      tabIndex={node.key === tabKey ? 0 : -1}
      className="folder-tree__item"
      onClick={(event) => {
        event.stopPropagation();
        onActivate(node);
      }}
    >
      <div
        className={`folder-tree__row${selected ? ' is-selected' : ''}${kindClass}${node.unread > 0 ? ' has-unread' : ''}${dropClass(drop.over)}`}
        style={{ paddingInlineStart: `${0.5 + (level - 1) * 1}rem` }}
        {...drop.handlers}
      >
        <span
          className={`folder-tree__twisty${hasChildren ? '' : ' is-leaf'}${isOpen ? ' is-open' : ''}`}
          aria-hidden="true"
          onClick={(event) => {
            if (!hasChildren) return;
            event.stopPropagation();
            onToggle(node);
          }}
        />
        {node.color && <span className="mailbox-swatch" style={{ backgroundColor: node.color }} aria-hidden="true" />}
        <span className="folder-tree__name">
          {node.label}
          {node.detail && (
            <span className="folder-tree__detail" aria-hidden="true">
              {node.detail}
            </span>
          )}
          {node.through && (
            <span className="folder-tree__detail folder-tree__through" aria-hidden="true">
              {node.through}
            </span>
          )}
        </span>
        {node.unread > 0 && (
          <span className="folder-tree__count" aria-hidden="true">
            {fmt.number(node.unread)}
          </span>
        )}
      </div>
      {descriptionId && (
        <span id={descriptionId} className="visually-hidden">
          {node.description}
        </span>
      )}
      {isOpen && (
        <ul role="group" className="folder-tree__group">
          {node.children.map((child) => (
            <FolderTreeItem key={child.key} {...props} node={child} level={level + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

function dropClass(over: 'move' | 'copy' | null): string {
  return over === null ? '' : over === 'copy' ? ' is-drop-target is-drop-copy' : ' is-drop-target';
}
