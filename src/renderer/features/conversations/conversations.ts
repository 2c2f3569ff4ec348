/**
 * The conversation indexes in use, one per folder and database, shared by the list's
 * conversation view, the reader and the conversation actions, and counted: the last release
 * disposes an index after a short linger (like db/index/registry.ts), so opening message after
 * message in one folder threads it once.
 */
import { db as defaultDb } from '../../db/db';
import { PageDigests } from '../../db/index/PageDigests';
import { loadFolders } from '../../db/queries/folders';
import type { PostvakDb } from '../../db/schema';
import { ConversationIndex, digestPage, threadedPerFolder, type PageThreadData } from './ConversationIndex';

interface Slot {
  index: Promise<ConversationIndex>;
  refs: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export interface ConversationLease {
  index: Promise<ConversationIndex>;
  release(): void;
}

const lingerMs = 10_000;
const registries = new WeakMap<PostvakDb, Map<string, Slot>>();

/**
 * The folder a folder's conversations are threaded with, in the same mailbox and account: its
 * Sent folder (info@'s Sent for info@'s Inbox or any other folder — the team's answers, RFC 6154
 * \Sent found at discovery), and for the Sent folder itself its Inbox (what was answered).
 * Undefined when the mailbox has none.
 */
export async function companionFolderOf(database: PostvakDb, accountId: string, folderPath: string): Promise<string | undefined> {
  const folder = await database.folders.get([accountId, folderPath]);
  if (!folder) return undefined;
  const wanted = folder.role === 'sent' ? 'inbox' : 'sent';
  const folders = await loadFolders(database, accountId);
  return folders.find((f) => f.mailboxId === folder.mailboxId && f.role === wanted && f.selectable && f.path !== folderPath)?.path;
}

async function open(database: PostvakDb, accountId: string, folderPath: string): Promise<ConversationIndex> {
  const companion = await companionFolderOf(database, accountId, folderPath);
  const paths = companion ? [folderPath, companion] : [folderPath];
  const sources = paths.map((path) => new PageDigests<PageThreadData>(database, accountId, path, digestPage, threadedPerFolder).live());
  return new ConversationIndex(accountId, sources);
}

export function acquireConversations(accountId: string, folderPath: string, database: PostvakDb = defaultDb): ConversationLease {
  let slots = registries.get(database);
  if (!slots) registries.set(database, (slots = new Map()));
  const tag = JSON.stringify([accountId, folderPath]);
  let slot = slots.get(tag);
  if (!slot) {
    slot = { index: open(database, accountId, folderPath), refs: 0, timer: undefined };
    slots.set(tag, slot);
  }
  const held = slot;
  const all = slots;
  held.refs++;
  clearTimeout(held.timer);
  held.timer = undefined;
  let released = false;
  return {
    index: held.index,
    release() {
      if (released) return;
      released = true;
      if (--held.refs > 0) return;
      held.timer = setTimeout(() => {
        if (held.refs > 0 || all.get(tag) !== held) return;
        all.delete(tag);
        void held.index.then((index) => index.dispose());
      }, lingerMs);
    },
  };
}

/** Disposes every conversation index of a database now (a test's database going away). */
export function closeConversations(database: PostvakDb): void {
  const slots = registries.get(database);
  if (!slots) return;
  registries.delete(database);
  for (const slot of slots.values()) {
    clearTimeout(slot.timer);
    void slot.index.then((index) => index.dispose());
  }
}
