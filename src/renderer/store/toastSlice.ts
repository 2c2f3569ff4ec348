/**
 * Short notices and the live region. Texts arrive already in words (translated by the caller),
 * because they describe a moment, not state that should follow a later language switch.
 */
import type { SliceCreator } from './types';

export interface Toast {
  id: number;
  tone: 'info' | 'error';
  text: string;
  /** A button on the notice (e.g. "Undo" while a message waits in the undo window). */
  action?: { label: string; run(): void };
  /** How long an info notice stays, when not the default. */
  durationMs?: number;
  /** Stays until updated or dismissed (a task still running, issue #12 §1). */
  sticky?: boolean;
}

export type ToastExtras = Pick<Toast, 'action' | 'durationMs' | 'sticky'>;

export interface ToastSlice {
  toasts: Toast[];
  /** Latest polite announcement for screen readers (sync state changes). */
  announcement: string;
  pushToast(tone: Toast['tone'], text: string, extras?: ToastExtras): number;
  dismissToast(id: number): void;
  /**
   * Turns a notice into another in place (a running task's notice into its result): read out
   * again by the same live region, its timer starting over. Pushes a new one if it is gone.
   */
  replaceToast(id: number | null, tone: Toast['tone'], text: string, extras?: ToastExtras): number;
  announce(text: string): void;
}

let nextToastId = 1;
const maxToasts = 4;

export const createToastSlice: SliceCreator<ToastSlice> = (set, get) => ({
  toasts: [],
  announcement: '',
  pushToast: (tone, text, extras) => {
    const id = nextToastId++;
    set((state) => ({ toasts: [...state.toasts, { id, tone, text, ...extras }].slice(-maxToasts) }));
    return id;
  },
  replaceToast: (id, tone, text, extras) => {
    // The same id keeps the same element, so its live region reads the new words out.
    if (id !== null && get().toasts.some((toast) => toast.id === id)) {
      set((state) => ({ toasts: state.toasts.map((toast) => (toast.id === id ? { id, tone, text, ...extras } : toast)) }));
      return id;
    }
    return get().pushToast(tone, text, extras);
  },
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
  announce: (announcement) => set({ announcement }),
});
