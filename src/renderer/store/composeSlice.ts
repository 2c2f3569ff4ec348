/**
 * Writing and sending (issue #4): the open composer, the person's identities and the outbox as
 * main last reported them. UI state only: drafts live in main's durable store and the server.
 */
import type { FromChoice, FromSituation } from '../../shared/compose';
import type { Identity, OutboxItem, OutgoingMessage } from '../../shared/model/compose';
import type { SliceCreator } from './types';

/** Where the composer came from: the From rules' situation and their pick (see shared/compose/chooseFrom). */
export interface ComposerSession {
  message: OutgoingMessage;
  situation: FromSituation;
  choice: FromChoice | null;
  /** The rich body to start with (already sanitised), or null to start in plain text. */
  initialHtml: string | null;
  /** Bumped on every open so the same draft reopened after "Undo" gets a fresh editor. */
  openedAt: number;
}

export interface ComposeSlice {
  composer: ComposerSession | null;
  /** `null` until `identities.list` answered. */
  identities: Identity[] | null;
  outbox: OutboxItem[];
  openComposer(session: Omit<ComposerSession, 'openedAt'>): void;
  closeComposer(): void;
  setIdentities(identities: Identity[]): void;
  setOutbox(items: OutboxItem[]): void;
}

export const createComposeSlice: SliceCreator<ComposeSlice> = (set) => ({
  composer: null,
  identities: null,
  outbox: [],
  openComposer: (session) => set({ composer: { ...session, openedAt: Date.now() } }),
  closeComposer: () => set({ composer: null }),
  setIdentities: (identities) => set({ identities }),
  setOutbox: (outbox) => set({ outbox }),
});
