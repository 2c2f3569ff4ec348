/**
 * The conversation of the open message for the reader (issue #12 §4): its messages, oldest
 * first, read live from the cache — or `null` while it is alone (or not known yet), so the
 * reader shows the single message as before.
 */
import { useEffect, useState } from 'react';
import { db } from '../../db/db';
import { getMessagesIn } from '../../db/pages/messageRows';
import { useFreshLiveQuery } from '../../db/queries/useFreshLiveQuery';
import type { MessageKey, MessageRow } from '../../db/rows';
import type { ConversationMember } from './ConversationIndex';
import { acquireConversations } from './conversations';

/** The open message's conversation members (more than one), or null. */
export function useConversationMembers(key: MessageKey): ConversationMember[] | null {
  const [accountId, folderPath, uid] = key;
  const [state, setState] = useState<{ keyTag: string; tag: string; members: ConversationMember[] } | null>(null);
  const keyTag = JSON.stringify(key);

  useEffect(() => {
    const lease = acquireConversations(accountId, folderPath);
    let stop: (() => void) | undefined;
    let cancelled = false;
    const read = (index: { members(path: string, uid: number): ConversationMember[] }) => {
      const members = index.members(folderPath, uid);
      const tag = JSON.stringify(members.map((m) => [m.key, m.startUid]));
      // Re-render only when the conversation changed, not on every recompute of the folder.
      setState((previous) => (previous?.keyTag === keyTag && previous.tag === tag ? previous : { keyTag, tag, members }));
    };
    void lease.index.then(async (index) => {
      await index.ready;
      if (cancelled) return;
      stop = index.subscribe(() => read(index));
      read(index);
    });
    return () => {
      cancelled = true;
      stop?.();
      lease.release();
    };
  }, [accountId, folderPath, uid, keyTag]);

  const members = state?.keyTag === keyTag ? state.members : null;
  return members && members.length > 1 ? members : null;
}

/** The conversation's messages as rows, oldest first, live (flags, removals); null while alone. */
export function useConversation(key: MessageKey): MessageRow[] | null {
  const members = useConversationMembers(key);
  const refs = members?.map((m) => ({ accountId: m.key[0], folderPath: m.key[1], startUid: m.startUid, uid: m.key[2] })) ?? [];
  const rows = useFreshLiveQuery(async () => (refs.length > 1 ? getMessagesIn(db, refs) : []), [refs]);
  return rows && rows.length > 1 ? rows : null;
}
