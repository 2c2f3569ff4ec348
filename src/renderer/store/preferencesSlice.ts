/** UI preferences the person chose; persisted by the store's root middleware. */
import type { LanguagePreference } from '../i18n/types';
import type { SliceCreator } from './types';

export interface PreferencesSlice {
  language: LanguagePreference;
  setLanguage(language: LanguagePreference): void;
}

export const createPreferencesSlice: SliceCreator<PreferencesSlice> = (set) => ({
  language: 'system',
  setLanguage: (language) => set({ language }),
});
