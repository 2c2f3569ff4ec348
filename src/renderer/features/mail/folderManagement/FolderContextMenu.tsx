/**
 * The folder context menu (issue #12 §5, §6): one Radix context menu over the whole tree; the
 * tree item it was opened on decides what it offers (folderMenuActions.ts: only what the rights
 * allow). Opened with the right mouse button, a long press, or — on the focused item — Shift+F10
 * or the Menu key (FolderTree dispatches the contextmenu event for those).
 */
import * as ContextMenu from '@radix-ui/react-context-menu';
import { useRef, useState, type ReactElement } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import type { MessageKey as TextKey } from '../../../i18n/types';
import { runAction } from '../../../tasks/mailActions';
import { folderMenuActions, type FolderMenuAction } from './folderMenuActions';
import { dialogFor, type FolderMenuContext } from './menuContext';
import { openFolderDialog } from './openFolderDialog';
import '../folderPicker/folderPicker.css';

const labels = {
  markRead: 'folderMenu.markRead',
  emptyTrash: 'folderMenu.emptyTrash',
  emptyJunk: 'folderMenu.emptyJunk',
  newFolder: 'folderMenu.newFolder',
  rename: 'folderMenu.rename',
  delete: 'folderMenu.delete',
} as const satisfies Record<FolderMenuAction, TextKey>;

/** Separators between what reads, what empties and what manages folders. */
const groupOf: Record<FolderMenuAction, number> = { markRead: 0, emptyTrash: 1, emptyJunk: 1, newFolder: 2, rename: 2, delete: 2 };

interface Opened {
  context: FolderMenuContext;
  element: HTMLElement;
}

interface FolderContextMenuProps {
  /** The tree (its root element receives the contextmenu events). */
  children: ReactElement;
  /** The menu context of the tree item an event happened in; null where no menu belongs. */
  resolve(target: EventTarget): { context: FolderMenuContext; element: HTMLElement } | null;
}

export function FolderContextMenu({ children, resolve }: FolderContextMenuProps) {
  const { t } = useI18n();
  const [opened, setOpened] = useState<Opened | null>(null);
  // A dialog chosen from the menu takes focus itself; the menu must not pull it back on closing.
  const dialogOpening = useRef(false);
  const actions = opened ? folderMenuActions(opened.context.target) : [];

  function choose(action: FolderMenuAction) {
    if (!opened) return;
    const { context, element } = opened;
    if (action === 'markRead') {
      void runAction({ kind: 'markFolderRead', accountId: context.accountId, folderPath: context.node.path ?? '' });
      return;
    }
    const request = dialogFor(action, context);
    if (!request) return;
    dialogOpening.current = true;
    openFolderDialog(request, element);
  }

  return (
    // Not modal: Radix's modal scroll lock injects a <style> element, which the CSP refuses.
    <ContextMenu.Root modal={false}>
      <ContextMenu.Trigger
        asChild
        onContextMenu={(event) => {
          const found = resolve(event.target);
          if (!found) {
            // No menu of ours here (All inboxes, Outbox): nor the browser's.
            event.preventDefault();
            return;
          }
          found.element.focus();
          setOpened(found);
        }}
      >
        {children}
      </ContextMenu.Trigger>
      <ContextMenu.Portal>
        <ContextMenu.Content
          className="folder-menu"
          aria-label={opened ? `${t('folderMenu.label')}: ${opened.context.label}` : t('folderMenu.label')}
          loop
          onCloseAutoFocus={(event) => {
            if (dialogOpening.current) event.preventDefault();
            else opened?.element.focus();
            dialogOpening.current = false;
          }}
        >
          {actions.length === 0 && (
            <ContextMenu.Item className="folder-menu__item" disabled>
              {t('folderMenu.nothing')}
            </ContextMenu.Item>
          )}
          {actions.map((action, index) => {
            const previous = actions[index - 1];
            return [
              previous !== undefined && groupOf[previous] !== groupOf[action] ? (
                <ContextMenu.Separator key={`${action}-separator`} className="folder-menu__separator" />
              ) : null,
              <ContextMenu.Item key={action} className="folder-menu__item" onSelect={() => choose(action)}>
                {t(labels[action])}
              </ContextMenu.Item>,
            ];
          })}
        </ContextMenu.Content>
      </ContextMenu.Portal>
    </ContextMenu.Root>
  );
}
