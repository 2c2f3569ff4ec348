/** Which screen is showing and how wide the panes are (pane sizes are remembered). */
import type { SliceCreator } from './types';

export type Screen =
  | { name: 'mail' }
  /** The shared calendar (issue #5 §3): own and shared mailboxes' calendars overlaid. */
  | { name: 'calendar' }
  | { name: 'settings' }
  /**
   * `accountId` set: edit that account; absent: add a new one — with `kind: 'shared'` a shared
   * mailbox that has its own login (issue #3).
   */
  | { name: 'accountSetup'; accountId?: string; kind?: 'shared' };

export interface PaneSizes {
  folders: number;
  list: number;
}

export const paneLimits = {
  folders: { min: 160, max: 420 },
  list: { min: 260, max: 720 },
} as const;

export interface ViewSlice {
  screen: Screen;
  paneSizes: PaneSizes;
  showScreen(screen: Screen): void;
  setPaneSize(pane: keyof PaneSizes, px: number): void;
}

export const createViewSlice: SliceCreator<ViewSlice> = (set) => ({
  screen: { name: 'mail' },
  paneSizes: { folders: 240, list: 380 },
  showScreen: (screen) => set({ screen }),
  setPaneSize: (pane, px) =>
    set((state) => {
      const { min, max } = paneLimits[pane];
      return { paneSizes: { ...state.paneSizes, [pane]: Math.round(Math.min(max, Math.max(min, px))) } };
    }),
});
