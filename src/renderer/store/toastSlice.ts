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
}

export type ToastExtras = Pick<Toast, 'action' | 'durationMs'>;

export interface ToastSlice {
  toasts: Toast[];
  /** Latest polite announcement for screen readers (sync state changes). */
  announcement: string;
  pushToast(tone: Toast['tone'], text: string, extras?: ToastExtras): number;
  dismissToast(id: number): void;
  announce(text: string): void;
}

let nextToastId = 1;
const maxToasts = 4;

export const createToastSlice: SliceCreator<ToastSlice> = (set) => ({
  toasts: [],
  announcement: '',
  pushToast: (tone, text, extras) => {
    const id = nextToastId++;
    set((state) => ({ toasts: [...state.toasts, { id, tone, text, ...extras }].slice(-maxToasts) }));
    return id;
  },
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
  announce: (announcement) => set({ announcement }),
});
