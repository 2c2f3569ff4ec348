/**
 * A saved search's context menu (issue #13 §5): Open, Rename…, Delete…. One Radix context menu
 * over the Saved searches group, opened like the folder menu — right click, long press, or on
 * the focused item Shift+F10 / the Menu key (FolderTree dispatches the contextmenu event, which
 * reaches this trigger before the folder menu's, which has nothing for saved searches).
 */
import * as ContextMenu from '@radix-ui/react-context-menu';
import { useRef, useState, type ReactElement, type SyntheticEvent } from 'react';
import type { SavedSearchRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { openSavedSearchDialog } from './savedSearchDialog';
import '../mail/folderPicker/folderPicker.css';

const stop = (event: SyntheticEvent) => event.stopPropagation();

interface Opened {
  row: SavedSearchRow;
  element: HTMLElement;
}

interface SavedSearchMenuProps {
  /** The group of saved-search tree items (its element receives the contextmenu events). */
  children: ReactElement;
  /** The saved search of the tree item an event happened in. */
  resolve(target: EventTarget): Opened | null;
  onOpen(row: SavedSearchRow): void;
}

export function SavedSearchMenu({ children, resolve, onOpen }: SavedSearchMenuProps) {
  const { t } = useI18n();
  const [opened, setOpened] = useState<Opened | null>(null);
  // A dialog chosen from the menu takes focus itself; the menu must not pull it back on closing.
  const dialogOpening = useRef(false);

  function dialog(kind: 'rename' | 'delete') {
    if (!opened) return;
    dialogOpening.current = true;
    openSavedSearchDialog({ kind, row: opened.row }, opened.element);
  }

  return (
    // Not modal: Radix's modal scroll lock injects a <style> element, which the CSP refuses.
    <ContextMenu.Root modal={false}>
      <ContextMenu.Trigger
        asChild
        // A touch's long press opens this menu only, not also the folder menu around it.
        onPointerDown={(event) => (event.pointerType === 'mouse' ? undefined : event.stopPropagation())}
        onContextMenu={(event) => {
          const found = resolve(event.target);
          if (!found) {
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
          aria-label={opened ? `${t('savedSearches.menu')}: ${opened.row.name}` : t('savedSearches.menu')}
          loop
          // The menu sits inside the tree item in React's tree: its keys and clicks are the menu's,
          // not the tree's (arrows would move the tree's focus, a click would close the section).
          onKeyDown={stop}
          onClick={stop}
          onPointerDown={stop}
          onContextMenu={stop}
          onCloseAutoFocus={(event) => {
            if (dialogOpening.current) event.preventDefault();
            else opened?.element.focus();
            dialogOpening.current = false;
          }}
        >
          <ContextMenu.Item className="folder-menu__item" onSelect={() => opened && onOpen(opened.row)}>
            {t('savedSearches.open')}
          </ContextMenu.Item>
          <ContextMenu.Separator className="folder-menu__separator" />
          <ContextMenu.Item className="folder-menu__item" onSelect={() => dialog('rename')}>
            {t('savedSearches.rename')}
          </ContextMenu.Item>
          <ContextMenu.Item className="folder-menu__item" onSelect={() => dialog('delete')}>
            {t('savedSearches.delete')}
          </ContextMenu.Item>
        </ContextMenu.Content>
      </ContextMenu.Portal>
    </ContextMenu.Root>
  );
}
