import type { StateCreator } from 'zustand';
import type { CalendarSlice } from './calendarSlice';
import type { ComposeSlice } from './composeSlice';
import type { PreferencesSlice } from './preferencesSlice';
import type { SearchSlice } from './searchSlice';
import type { SelectionSlice } from './selectionSlice';
import type { SessionSlice } from './sessionSlice';
import type { SyncSlice } from './syncSlice';
import type { ToastSlice } from './toastSlice';
import type { ViewSlice } from './viewSlice';

export type StoreState = SessionSlice & SelectionSlice & ViewSlice & PreferencesSlice & SyncSlice & ToastSlice & ComposeSlice & CalendarSlice & SearchSlice;

/** A slice sees the whole store (zustand "slices pattern"); persist is applied at the root. */
export type SliceCreator<Slice> = StateCreator<StoreState, [['zustand/persist', unknown]], [], Slice>;
