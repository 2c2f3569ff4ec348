/** Whether the `?` overlay (the shortcut list) is open: UI state the key handler and the overlay share. */
import { useSyncExternalStore } from 'react';

let open = false;
const listeners = new Set<() => void>();

export function setShortcutsOpen(value: boolean): void {
  if (open === value) return;
  open = value;
  for (const listener of [...listeners]) listener();
}

export function useShortcutsOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => open,
  );
}
