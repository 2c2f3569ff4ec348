/**
 * The folder tree (WAI-ARIA tree pattern): one tab stop, arrow keys move, Right/Left open and
 * close branches or step into/out of them, Home/End jump, Enter/Space open the folder. Each
 * folder is named by its name plus the unread count ("Inbox, 3 unread"); each mailbox by its
 * address, with display name, unread count, read-only and storage in its description.
 */
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useMailData } from '../../db/queries/mailboxes';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { pendingItems } from '../outbox/outboxWording';
import { FolderTreeItem } from './FolderTreeItem';
import { visibleNodes, type TreeNode } from './folderTree';
import { buildMailTree, outboxKey, outboxNode, unifiedKey } from './mailTree';

function useTreeNodes(): TreeNode[] | undefined {
  const { t, localeTag } = useI18n();
  const accounts = useStore((state) => state.accounts);
  const pending = useStore((state) => pendingItems(state.outbox).length);
  const accountIds = useMemo(() => (accounts ?? []).map((account) => account.id), [accounts]);
  const data = useMailData(accountIds);
  return useMemo(() => {
    if (!data || !accounts) return undefined;
    const tree = buildMailTree(accounts, data, t, localeTag);
    const unified = tree.filter((node) => node.kind === 'unified');
    return [...unified, outboxNode(pending, t), ...tree.slice(unified.length)];
  }, [data, accounts, t, localeTag, pending]);
}

export function FolderTree() {
  const { t } = useI18n();
  const nodes = useTreeNodes();
  const selectedKey = useStore((state) =>
    state.selectedOutbox
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
    if (node.kind === 'outbox') selectOutbox();
    else if (node.unifiedRole) selectUnified(node.unifiedRole);
    else if (node.path !== null && node.selectable) selectFolder(node.accountId, node.path);
    else if (node.children.length) setOpen(node.key, !expanded.has(node.key));
  }

  function onKeyDown(event: KeyboardEvent) {
    const index = keys.indexOf(tabKey ?? '');
    const entry = visible[index];
    if (!entry) return;
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
    <ul className="folder-tree" role="tree" aria-label={t('folders.label')} onKeyDown={onKeyDown}>
      {nodes.map((node) => (
        <FolderTreeItem
          key={node.key}
          node={node}
          level={1}
          expanded={expanded}
          selectedKey={selectedKey}
          tabKey={tabKey ?? null}
          register={registerItem}
          onActivate={(target) => {
            setFocusKey(target.key);
            activate(target);
          }}
          onToggle={(target) => setOpen(target.key, !expanded.has(target.key))}
        />
      ))}
    </ul>
  );
}
