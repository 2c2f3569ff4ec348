/**
 * Ctrl+Z (Cmd+Z on a Mac) anywhere outside a text field undoes the last mail action (issue #12
 * §1) — in the calendar, settings or the notices too, not only where the mail view's command
 * keys listen. Listens on the window, after the document's listeners: the mail view's command
 * (features/commands, which takes the key with preventDefault) wins, so the undo never runs
 * twice; in a field the key stays the field's own undo, and an open dialog or menu keeps it.
 */
import { useEffect } from 'react';
import { isTyping, somethingModalOpen } from '../features/commands/keys';
import { undoLast } from './mailActions';
import { isUndoKey } from './undoKey';

export function useUndoShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isUndoKey(event) || isTyping(event.target) || somethingModalOpen(document)) return;
      event.preventDefault();
      void undoLast();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
