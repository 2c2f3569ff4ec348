/**
 * The folder tree (WAI-ARIA tree pattern): one tab stop, arrow keys move, Right/Left open and
 * close branches or step into/out of them, Home/End jump, Enter/Space open the folder. Each
 * folder is named by its name plus the unread count ("Inbox, 3 unread"); each mailbox by its
 * address, with display name, unread count, read-only and storage in its description.
 * Folders take dropped messages, and a context menu (Shift+F10 / Menu key too) manages them
 * where the rights allow (issue #12 §2, §5, §6).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { FolderRow } from '../../db/rows';
import { useMailData, type MailData } from '../../db/queries/mailboxes';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { pendingItems } from '../outbox/outboxWording';
import { FolderTreeItem } from './FolderTreeItem';
import { FolderContextMenu } from './folderManagement/FolderContextMenu';
import { FolderDialogs } from './folderManagement/FolderDialogs';
import { menuContext } from './folderManagement/menuContext';
import { watchDragSources } from './folderPicker/dragSources';
import { visibleNodes, type TreeNode } from './folderTree';
import { buildMailTree, outboxKey, outboxNode, unifiedKey } from './mailTree';
import { SavedSearchDialogs } from '../savedSearches/SavedSearchDialogs';
import { SavedSearchSection } from '../savedSearches/SavedSearchSection';
import { openSavedSearch, savedSearchKey } from '../savedSearches/openSavedSearch';
import { useSavedSearchSection } from '../savedSearches/useSavedSearchSection';

function useTreeNodes(): { nodes: TreeNode[]; data: MailData } | undefined {
  const { t, localeTag } = useI18n();
  const accounts = useStore((state) => state.accounts);
  const pending = useStore((state) => pendingItems(state.outbox).length);
  const accountIds = useMemo(() => (accounts ?? []).map((account) => account.id), [accounts]);
  const data = useMailData(accountIds);
  // Issue #13 §5: saved searches after the mailboxes, as virtual folders.
  const saved = useSavedSearchSection();
  return useMemo(() => {
    if (!data || !accounts) return undefined;
    const tree = buildMailTree(accounts, data, t, localeTag);
    const unified = tree.filter((node) => node.kind === 'unified');
    return { nodes: [...unified, outboxNode(pending, t), ...tree.slice(unified.length), ...(saved ? [saved] : [])], data };
  }, [data, accounts, t, localeTag, pending, saved]);
}

/** Every node by key, and every folder row by the tree's key for it. */
function useLookups(nodes: readonly TreeNode[] | undefined, folders: readonly FolderRow[] | undefined) {
  return useMemo(() => {
    const nodeByKey = new Map<string, TreeNode>();
    const walk = (list: readonly TreeNode[]) => list.forEach((node) => (nodeByKey.set(node.key, node), walk(node.children)));
    walk(nodes ?? []);
    const folderByKey = new Map((folders ?? []).map((folder) => [`${folder.accountId}\u0000${folder.path}`, folder]));
    return { nodeByKey, folderByKey };
  }, [nodes, folders]);
}

export function FolderTree() {
  const { t } = useI18n();
  const tree = useTreeNodes();
  const nodes = tree?.nodes;
  const accounts = useStore((state) => state.accounts);
  const { nodeByKey, folderByKey } = useLookups(nodes, tree?.data.folders);
  const folderOf = useCallback((node: TreeNode) => folderByKey.get(node.key), [folderByKey]);
  useEffect(watchDragSources, []);
  const selectedKey = useStore((state) =>
    state.search?.savedId
      ? savedSearchKey(state.search.savedId)
      : state.selectedOutbox
        ? outboxKey
        : state.selectedUnified
          ? unifiedKey(state.selectedUnified)
          : `${state.selectedAccountId}\u0000${state.selectedFolderPath}`,
  );
  const selectFolder = useStore((state) => state.selectFolder);
  const selectUnified = useStore((state) => state.selectUnified);
  const selectOutbox = useStore((state) => state.selectOutbox);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const items = useRef(new Map<string, HTMLLIElement>());
  const registerItem = useCallback((key: string, element: HTMLLIElement | null) => {
    if (element) items.current.set(key, element);
    else items.current.delete(key);
  }, []);

  const expanded = useMemo(() => {
    const all = new Set<string>();
    const walk = (list: readonly TreeNode[]) => list.forEach((n) => (n.children.length ? (all.add(n.key), walk(n.children)) : undefined));
    walk(nodes ?? []);
    for (const key of collapsed) all.delete(key);
    return all;
  }, [nodes, collapsed]);
  const visible = useMemo(() => visibleNodes(nodes ?? [], expanded), [nodes, expanded]);

  if (!nodes) return <p className="pane__note">{t('folders.loading')}</p>;
  if (visible.length === 0) return <p className="pane__note">{t('folders.empty')}</p>;

  const keys = visible.map((entry) => entry.node.key);
  const tabKey = [focusKey, selectedKey].find((key) => key !== null && keys.includes(key)) ?? keys[0];

  function moveTo(key: string | undefined) {
    if (!key) return;
    setFocusKey(key);
    items.current.get(key)?.focus();
  }
  function setOpen(key: string, open: boolean) {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (open) next.delete(key);
      else next.add(key);
      return next;
    });
  }
  function activate(node: TreeNode) {
    if (node.kind === 'savedSearch') return void openSavedSearch(node.savedId);
    // A folder chosen while a saved search is open: the list shows that folder again.
    if (node.selectable && useStore.getState().search?.savedId) useStore.getState().setSearch(null);
    if (node.kind === 'outbox') selectOutbox();
    else if (node.unifiedRole) selectUnified(node.unifiedRole);
    else if (node.path !== null && node.selectable) selectFolder(node.accountId, node.path);
    else if (node.children.length) setOpen(node.key, !expanded.has(node.key));
  }

  /** The menu context of the tree item an event happened in (FolderContextMenu). */
  function resolveMenu(target: EventTarget) {
    const element = target instanceof Element ? target.closest<HTMLElement>('[role=treeitem]') : null;
    const key = element ? [...items.current].find(([, item]) => item === element)?.[0] : undefined;
    const node = key === undefined ? undefined : nodeByKey.get(key);
    const context = node && tree ? menuContext(node, { accounts: accounts ?? [], mailboxes: tree.data.mailboxes, folders: tree.data.folders }) : null;
    if (!element || !context) return null;
    setFocusKey(context.node.key);
    return { context, element };
  }

  /** Shift+F10 and the Menu key open the focused item's menu, at the item (not the pointer). */
  function openMenuAt(key: string | undefined) {
    const element = key === undefined ? undefined : items.current.get(key);
    const row = element?.querySelector('.folder-tree__row') ?? element;
    if (!element || !row) return;
    const box = row.getBoundingClientRect();
    element.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: box.left + 24, clientY: box.bottom }));
  }

  function onKeyDown(event: KeyboardEvent) {
    const index = keys.indexOf(tabKey ?? '');
    const entry = visible[index];
    if (!entry) return;
    if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      openMenuAt(entry.node.key);
      return;
    }
    const { node, parent } = entry;
    const isOpen = expanded.has(node.key);
    const handlers: Record<string, () => void> = {
      ArrowDown: () => moveTo(keys[index + 1]),
      ArrowUp: () => moveTo(keys[index - 1]),
      Home: () => moveTo(keys[0]),
      End: () => moveTo(keys[keys.length - 1]),
      ArrowRight: () => (node.children.length === 0 ? undefined : isOpen ? moveTo(node.children[0]?.key) : setOpen(node.key, true)),
      ArrowLeft: () => (node.children.length && isOpen ? setOpen(node.key, false) : moveTo(parent?.key)),
      Enter: () => activate(node),
      ' ': () => activate(node),
    };
    const handler = handlers[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  }

  return (
    <>
      <FolderContextMenu resolve={resolveMenu}>
        <ul className="folder-tree" role="tree" aria-label={t('folders.label')} onKeyDown={onKeyDown}>
          {nodes.map((node) => {
            const item = {
              node,
              level: 1,
              expanded,
              selectedKey,
              tabKey: tabKey ?? null,
              register: registerItem,
              onActivate: (target: TreeNode) => {
                setFocusKey(target.key);
                activate(target);
              },
            };
            return node.kind === 'savedSearches' ? (
              <SavedSearchSection key={node.key} {...item} />
            ) : (
              <FolderTreeItem key={node.key} {...item} onToggle={(target) => setOpen(target.key, !expanded.has(target.key))} folderOf={folderOf} />
            );
          })}
        </ul>
      </FolderContextMenu>
      <FolderDialogs />
      <SavedSearchDialogs />
    </>
  );
}
