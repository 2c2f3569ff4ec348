/**
 * The row menu (issue #12 §5): right-click, Shift+F10 or the ContextMenu key on the active row.
 * It acts on the selection when the row is part of it, else on that row alone, and offers what
 * the folders' rights allow (availability.ts) — the same commands, names and keys as the keys
 * and the reader toolbar. One menu for the whole list (Radix ContextMenu, a role="menu" with
 * menuitems and arrow-key focus); the row is found from the event. Non-modal: a modal Radix
 * menu injects a <style> element for its scroll lock, which the renderer's CSP (style-src
 * 'self') refuses.
 */
import * as ContextMenu from '@radix-ui/react-context-menu';
import { useState, type ReactElement, type MouseEvent } from 'react';
import type { MessageKey, MessageRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import type { MailboxLookup } from '../mail/useMailboxLookup';
import { RestoreMenuItem } from '../mail/deletions/RestoreMenuItem';
import { ShowInFolderMenuItem } from '../../search/results/ShowInFolderMenuItem';
import { offerFor, type Offer, type TargetFolder } from './availability';
import { ariaKeys } from './keys';
import { keyLabel } from './keyNames';
import { keysOf, type CommandId, type LabelKey } from './registry';
import { runCommand, type CommandOptions } from './runCommand';
import './commands.css';

interface Target {
  keys: MessageKey[];
  row: MessageRow;
}

interface RowContextMenuProps {
  lookup: MailboxLookup | undefined;
  /** What a menu on row `at` acts on, null for a row not loaded yet. */
  targetOf(at: number): Target | null;
  children: ReactElement;
}

/** Opens the menu on a row from the keyboard: the same event a right-click sends, at the row. */
export function openMenuOn(element: HTMLElement): void {
  const rect = element.getBoundingClientRect();
  element.dispatchEvent(
    new window.MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: rect.left + 24, clientY: rect.top + rect.height / 2 }),
  );
}

function foldersOf(keys: readonly MessageKey[], lookup: MailboxLookup | undefined): TargetFolder[] {
  const seen = new Map<string, TargetFolder>();
  for (const [accountId, folderPath] of keys) {
    const tag = `${accountId}\u0000${folderPath}`;
    if (seen.has(tag)) continue;
    const folder = lookup?.folder(accountId, folderPath);
    seen.set(tag, folder ? { rights: folder.rights, role: folder.role } : { rights: '', role: null });
  }
  return [...seen.values()];
}

export function RowContextMenu({ lookup, targetOf, children }: RowContextMenuProps) {
  const [target, setTarget] = useState<(Target & { offer: Offer }) | null>(null);
  function onContextMenu(event: MouseEvent) {
    const option = (event.target as Element).closest('[data-index]');
    const found = option ? targetOf(Number(option.getAttribute('data-index'))) : null;
    // Not on a loaded row: no menu (preventDefault also keeps Radix from opening one).
    if (!found) return event.preventDefault();
    setTarget({ ...found, offer: offerFor(foldersOf(found.keys, lookup)) });
  }
  return (
    <ContextMenu.Root modal={false}>
      <ContextMenu.Trigger asChild onContextMenu={onContextMenu}>
        {children}
      </ContextMenu.Trigger>
      <ContextMenu.Portal>{target && <MenuContent target={target} />}</ContextMenu.Portal>
    </ContextMenu.Root>
  );
}

function MenuContent({ target }: { target: Target & { offer: Offer } }) {
  const { t } = useI18n();
  const scheme = useStore((state) => state.shortcutScheme);
  const { keys, row, offer } = target;
  const one: MessageKey[] = [[row.accountId, row.folderPath, row.uid]];
  const item = (id: CommandId, label: LabelKey, options: CommandOptions = { keys }) => {
    const binding = keysOf(id, scheme)[0];
    return (
      <ContextMenu.Item className="row-menu__item" aria-keyshortcuts={binding && ariaKeys(binding)} onSelect={() => void runCommand(id, options)}>
        {t(label)}
        {binding && (
          <span className="row-menu__keys" aria-hidden="true">
            {keyLabel(binding, t)}
          </span>
        )}
      </ContextMenu.Item>
    );
  };
  const flagged = row.flagged === 1;
  return (
    <ContextMenu.Content className="row-menu" aria-label={t('commands.menu')} collisionPadding={8}>
      {item('reply', 'commands.reply', { keys: one })}
      {item('replyAll', 'commands.replyAll', { keys: one })}
      {item('forward', 'commands.forward', { keys: one })}
      <ShowInFolderMenuItem row={row} />
      <ContextMenu.Separator className="row-menu__separator" />
      {offer.seen && (row.unread === 1 ? item('markRead', 'commands.markRead') : item('markUnread', 'commands.markUnread'))}
      {offer.flag && item('toggleFlag', flagged ? 'commands.unflag' : 'commands.flag', { keys, flag: !flagged })}
      {offer.move && item('move', 'commands.move')}
      {offer.copy && item('copy', 'commands.copy')}
      {offer.archive && item('archive', 'commands.archive')}
      {offer.junk && item('junk', 'commands.junk')}
      {offer.notJunk && item('notJunk', 'commands.notJunk')}
      <RestoreMenuItem row={row} keys={keys} />
      {offer.delete && item('delete', 'commands.delete')}
    </ContextMenu.Content>
  );
}
