/**
 * The mail view's keyboard commands (issue #12 §5): one keydown listener on the document that
 * looks the key up in the active scheme (registry.ts) and runs the command. Never while the
 * person is typing in a field, nor while a dialog or a menu owns the keyboard; Escape only when
 * there is a selection to clear, the row menu key only in the list. Answering keys wait while
 * the composer is open.
 */
import { useEffect } from 'react';
import { useStore } from '../../store';
import { hasChoice } from '../mail/selection/currentSelection';
import { isTyping, somethingModalOpen } from './keys';
import { commandFor, type CommandId } from './registry';
import { runCommand } from './runCommand';

const composing: ReadonlySet<CommandId> = new Set(['reply', 'replyAll', 'forward', 'newMessage']);

export function useCommandKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (isTyping(event.target) || somethingModalOpen(document)) return;
      const store = useStore.getState();
      const id = commandFor(event, store.shortcutScheme);
      if (!id) return;
      if (id === 'clearSelection' && !hasChoice(store.messageSelection)) return;
      // Shift+F10 / the menu key belong to whatever has focus (the folder tree has its own menu).
      if (id === 'contextMenu' && !(event.target instanceof Element && event.target.closest('#message-list'))) return;
      if (composing.has(id) && store.composer !== null) return;
      event.preventDefault();
      void runCommand(id);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
