/**
 * What the list's conversation view (helper G's ViewIndex) and the conversation actions use
 * (issue #12 §4, lead's brief §4):
 *  - `conversationCollapse(source)`: which conversation each message of a folder belongs to and
 *    how big it is, across the folder and its mailbox's Sent folder;
 *  - `expandToConversations(keys)`: the keys of whole conversations, for actions.
 *
 * Actions on a conversation apply to its messages **in the list's folder** only, never to the
 * copies in Sent: Archive or Delete in info@'s Inbox must not take the team's Sent copies along —
 * they are the record of who answered (issue #4 §5) — and every task names one folder anyway.
 * Unified views ("All inboxes") are not grouped: a conversation is a mailbox's own.
 */
import { db as defaultDb } from '../../db/db';
import type { MessageSource } from '../../db/index/sourceIndex';
import type { Collapse } from '../../db/index/viewEnvironment';
import type { MessageKey } from '../../db/rows';
import type { PostvakDb } from '../../db/schema';
import type { ConversationIndex } from './ConversationIndex';
import { acquireConversations, type ConversationLease } from './conversations';

/** A Collapse nobody listens to lets go of its index after this long. */
const unheardMs = 60_000;

const noCollapse: Collapse = { key: () => undefined, size: () => 1, subscribe: () => () => {}, ready: Promise.resolve() };

export function conversationCollapse(source: MessageSource, database: PostvakDb = defaultDb): Collapse {
  if (source.kind !== 'folder') return noCollapse;
  const { accountId, folderPath } = source;
  let lease: ConversationLease | undefined = acquireConversations(accountId, folderPath, database);
  let index: ConversationIndex | undefined;
  const listeners = new Set<() => void>();
  let stop: (() => void) | undefined;
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const attach = (held: ConversationLease) => {
    void held.index.then(async (opened) => {
      await opened.ready;
      if (lease !== held) return;
      index = opened;
      stop?.();
      stop = opened.subscribe(notify);
      notify();
    });
  };
  const ready = lease.index.then((opened) => opened.ready);
  attach(lease);
  // Held while someone listens; an unheard Collapse releases after a while (the interface has no dispose).
  let idle: ReturnType<typeof setTimeout> | undefined = setTimeout(() => letGo(), unheardMs);
  const letGo = () => {
    if (listeners.size > 0) return;
    stop?.();
    stop = undefined;
    index = undefined;
    lease?.release();
    lease = undefined;
  };
  return {
    key: (account, path, uid) => (account === accountId ? index?.key(path, uid) : undefined),
    size: (key) => index?.size(key) ?? 1,
    ready,
    subscribe(listener) {
      listeners.add(listener);
      clearTimeout(idle);
      idle = undefined;
      if (!lease) {
        lease = acquireConversations(accountId, folderPath, database);
        attach(lease);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) letGo();
      };
    },
  };
}

/**
 * The given messages with the rest of their conversations in the same folder (each key's own
 * folder: unified selections mix folders), without duplicates, in the order first met. A message
 * whose conversation is unknown stays itself.
 */
export async function expandToConversations(keys: readonly MessageKey[], database: PostvakDb = defaultDb): Promise<MessageKey[]> {
  const byFolder = new Map<string, MessageKey[]>();
  for (const key of keys) {
    const tag = JSON.stringify([key[0], key[1]]);
    byFolder.set(tag, [...(byFolder.get(tag) ?? []), key]);
  }
  const out = new Map<string, MessageKey>();
  const add = (key: MessageKey) => out.set(JSON.stringify(key), key);
  for (const group of byFolder.values()) {
    const [accountId, folderPath] = group[0] as MessageKey;
    const lease = acquireConversations(accountId, folderPath, database);
    try {
      const index = await lease.index;
      await index.ready;
      for (const key of group) {
        add(key);
        for (const member of index.members(folderPath, key[2])) if (member.key[1] === folderPath) add(member.key);
      }
    } finally {
      lease.release();
    }
  }
  return [...out.values()];
}
