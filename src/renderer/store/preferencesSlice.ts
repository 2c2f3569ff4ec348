/** UI preferences the person chose; persisted by the store's root middleware. */
import type { LanguagePreference } from '../i18n/types';
import type { SliceCreator } from './types';

export interface PreferencesSlice {
  language: LanguagePreference;
  /**
   * New-mail notifications per mailbox id, where the person changed the default (on for
   * every mailbox's Inbox, issue #3). A renderer preference: main never needs it.
   */
  mailboxNotify: Record<string, boolean>;
  setLanguage(language: LanguagePreference): void;
  setMailboxNotify(mailboxId: string, on: boolean): void;
}

export const createPreferencesSlice: SliceCreator<PreferencesSlice> = (set) => ({
  language: 'system',
  mailboxNotify: {},
  setLanguage: (language) => set({ language }),
  setMailboxNotify: (mailboxId, on) => set((state) => ({ mailboxNotify: { ...state.mailboxNotify, [mailboxId]: on } })),
});

/** Whether new mail in this mailbox's Inbox is announced (default: yes). */
export function notifiesFor(preferences: Record<string, boolean>, mailboxId: string): boolean {
  return preferences[mailboxId] ?? true;
}
