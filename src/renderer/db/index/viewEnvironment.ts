/**
 * What a view (ViewIndex, issue #12 §6) needs from outside the cache, handed in by the feature
 * layer at load (features/mail/listControls/setupListViews.ts) so db/ imports no views or store:
 * the language to collate in, the person's alias addresses, and the conversation grouping
 * (helper D's `conversationCollapse`, issue #12 §4).
 */
import type { MessageKey } from '../rows';
import type { MessageSource } from './sourceIndex';

/** One row per conversation (issue #12 §4; implemented in features/conversations/threadCollapse.ts). */
export interface Collapse {
  /** The conversation a message belongs to (same number = same conversation), undefined = its own. */
  key(accountId: string, folderPath: string, uid: number): number | undefined;
  /** How many messages the conversation of `key` holds (across the folder and the mailbox's Sent). */
  size(key: number): number;
  subscribe(listener: () => void): () => void;
  ready: Promise<void>;
}

export interface ViewEnvironment {
  /** BCP 47 language of the app (sorting by sender and subject collates in it). */
  language(): string | undefined;
  /** The person's alias addresses of an account (identities of kind alias), lower case. */
  aliases(accountId: string): readonly string[];
  collapse: ((source: MessageSource) => Collapse) | undefined;
  /**
   * The message open in the reader: it stays in a view filtered on Unread or Flagged until the
   * person moves on, so reading it (which marks it read) does not pull it from under them.
   */
  pinned(): MessageKey | null;
}

let environment: ViewEnvironment = { language: () => undefined, aliases: () => [], collapse: undefined, pinned: () => null };

export function setViewEnvironment(next: Partial<ViewEnvironment>): void {
  environment = { ...environment, ...next };
}

export function viewEnvironment(): ViewEnvironment {
  return environment;
}
