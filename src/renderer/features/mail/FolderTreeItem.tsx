/** One treeitem and, when open, its group of children. */
import { useI18n } from '../../i18n/useI18n';
import type { TreeNode } from './folderTree';

interface FolderTreeItemProps {
  node: TreeNode;
  level: number;
  expanded: ReadonlySet<string>;
  selectedKey: string;
  tabKey: string | null;
  register(key: string, element: HTMLLIElement | null): void;
  onActivate(node: TreeNode): void;
  onToggle(node: TreeNode): void;
}

export function FolderTreeItem(props: FolderTreeItemProps) {
  const { node, level, expanded, selectedKey, tabKey, register, onActivate, onToggle } = props;
  const { t, fmt } = useI18n();
  const hasChildren = node.children.length > 0;
  const isOpen = hasChildren && expanded.has(node.key);
  const selected = node.key === selectedKey;
  const name = node.unread > 0 ? t('folders.unread', { name: node.label, count: node.unread }) : node.label;
  return (
    <li
      ref={(element) => register(node.key, element)}
      role="treeitem"
      aria-label={name}
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
        className={`folder-tree__row${selected ? ' is-selected' : ''}${node.path === null ? ' is-account' : ''}${node.unread > 0 ? ' has-unread' : ''}`}
        style={{ paddingInlineStart: `${0.5 + (level - 1) * 1}rem` }}
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
        <span className="folder-tree__name">{node.label}</span>
        {node.unread > 0 && (
          <span className="folder-tree__count" aria-hidden="true">
            {fmt.number(node.unread)}
          </span>
        )}
      </div>
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
