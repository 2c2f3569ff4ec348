/**
 * Hands the list views (db/index/ViewIndex, issue #12 §6) what they need from the app: the
 * language to collate senders and subjects in, the person's alias addresses ("Addressed to me")
 * and the conversation grouping (issue #12 §4). Runs once, when the message list's module loads.
 */
import { db } from '../../../db/db';
import { pinChanged } from '../../../db/index/registry';
import { setViewEnvironment } from '../../../db/index/viewEnvironment';
import { currentI18n } from '../../../i18n/useI18n';
import { useStore } from '../../../store';
import { conversationCollapse } from '../../conversations/threadCollapse';

let done = false;

export function setupListViews(): void {
  if (done) return;
  done = true;
  setViewEnvironment({
    language: () => currentI18n().localeTag,
    aliases: (accountId) =>
      (useStore.getState().identities ?? []).filter((identity) => identity.accountId === accountId && identity.kind !== 'shared').map((identity) => identity.address.toLowerCase()),
    collapse: (source) => conversationCollapse(source),
    pinned: () => useStore.getState().selectedMessage,
  });
  // The open message stays in an Unread or Flagged view while it is read; moving on lets it go.
  useStore.subscribe((state, previous) => {
    if (state.selectedMessage !== previous.selectedMessage) pinChanged(db);
  });
}
