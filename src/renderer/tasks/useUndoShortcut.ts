/**
 * Ctrl+Z (Cmd+Z on a Mac) anywhere outside a text field undoes the last mail action (issue #12
 * §1). Listens on the window, after the document's listeners: a command handler that took the
 * key already (preventDefault) wins, so the undo never runs twice; in a field the key stays the
 * field's own undo.
 */
import { useEffect } from 'react';
import { undoLast } from './mailActions';

const isMac = typeof navigator !== 'undefined' && /mac/i.test(navigator.platform || navigator.userAgent);

/** Whether a key press is typing (in a field or an editable area), where the key is the field's. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function isUndoKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, mac = isMac): boolean {
  const primary = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return primary && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z';
}

export function useUndoShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isUndoKey(event) || isTextField(event.target)) return;
      event.preventDefault();
      void undoLast();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
