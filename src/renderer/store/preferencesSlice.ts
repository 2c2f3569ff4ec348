/** UI preferences the person chose; persisted by the store's root middleware. */
import type { Scheme } from '../features/commands/registry';
import type { LanguagePreference } from '../i18n/types';
import type { SliceCreator } from './types';

export interface PreferencesSlice {
  language: LanguagePreference;
  /**
   * New-mail notifications per mailbox id, where the person changed the default (on for
   * every mailbox's Inbox, issue #3). A renderer preference: main never needs it.
   */
  mailboxNotify: Record<string, boolean>;
  /** Seconds a sent message waits in the outbox so it can be taken back (issue #4 §6). */
  undoSendSeconds: number;
  /**
   * Per account id, the authserv-ids whose Authentication-Results the sender check trusts
   * (issue #10 §3); absent or empty: the defaults (src/shared/mail/senderTrust.ts).
   */
  authservIds: Record<string, string[]>;
  /** The keyboard shortcut set (issue #12 §5): Outlook's by default, Gmail's as the option. */
  shortcutScheme: Scheme;
  setLanguage(language: LanguagePreference): void;
  setMailboxNotify(mailboxId: string, on: boolean): void;
  setUndoSendSeconds(seconds: number): void;
  setAuthservIds(accountId: string, ids: string[]): void;
  setShortcutScheme(scheme: Scheme): void;
}

/** The "Undo send" choices in Settings; 5 s is long enough to notice a mistake, short enough not to wait for. */
export const undoSendChoices = [0, 5, 10, 20, 30] as const;

export const createPreferencesSlice: SliceCreator<PreferencesSlice> = (set) => ({
  language: 'system',
  mailboxNotify: {},
  undoSendSeconds: 5,
  authservIds: {},
  shortcutScheme: 'outlook',
  setLanguage: (language) => set({ language }),
  setMailboxNotify: (mailboxId, on) => set((state) => ({ mailboxNotify: { ...state.mailboxNotify, [mailboxId]: on } })),
  setUndoSendSeconds: (seconds) =>
    set({ undoSendSeconds: (undoSendChoices as readonly number[]).includes(seconds) ? seconds : 5 }),
  setAuthservIds: (accountId, ids) => set((state) => ({ authservIds: { ...state.authservIds, [accountId]: ids } })),
  setShortcutScheme: (scheme) => set({ shortcutScheme: scheme === 'gmail' ? 'gmail' : 'outlook' }),
});

/** Whether new mail in this mailbox's Inbox is announced (default: yes). */
export function notifiesFor(preferences: Record<string, boolean>, mailboxId: string): boolean {
  return preferences[mailboxId] ?? true;
}
