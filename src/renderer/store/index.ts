/**
 * The one UI store, built from typed slices (zustand "slices pattern"). UI state only: cached
 * mail lives in Dexie and views read it with useLiveQuery. Language, pane sizes,
 * per-mailbox notification choices and the undo-send delay are remembered in localStorage (a UI preference, not data).
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createCalendarSlice } from './calendarSlice';
import { createComposeSlice } from './composeSlice';
import { createPreferencesSlice } from './preferencesSlice';
import { createSearchSlice } from './searchSlice';
import { createSelectionSlice } from './selectionSlice';
import { createSessionSlice } from './sessionSlice';
import { createSyncSlice } from './syncSlice';
import { createToastSlice } from './toastSlice';
import type { StoreState } from './types';
import { createViewSlice } from './viewSlice';

export type { StoreState } from './types';

export const useStore = create<StoreState>()(
  persist(
    (...a) => ({
      ...createSessionSlice(...a),
      ...createSelectionSlice(...a),
      ...createViewSlice(...a),
      ...createPreferencesSlice(...a),
      ...createSyncSlice(...a),
      ...createToastSlice(...a),
      ...createComposeSlice(...a),
      ...createCalendarSlice(...a),
      ...createSearchSlice(...a),
    }),
    {
      name: 'postvak.ui',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({
        language: state.language,
        paneSizes: state.paneSizes,
        mailboxNotify: state.mailboxNotify,
        undoSendSeconds: state.undoSendSeconds,
        authservIds: state.authservIds,
        shortcutScheme: state.shortcutScheme,
        calendarView: state.calendarView,
      }),
    },
  ),
);
