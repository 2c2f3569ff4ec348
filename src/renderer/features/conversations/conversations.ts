/**
 * The conversation indexes in use, one per folder and database, shared by the list's
 * conversation view, the reader and the conversation actions, and counted: the last release
 * disposes an index after a short linger (like db/index/registry.ts), so opening message after
 * message in one folder threads it once.
 */
import { db as defaultDb } from '../../db/db';
import { perDatabase } from '../../db/index/leases';
import { PageDigests } from '../../db/index/PageDigests';
import { loadFolders } from '../../db/queries/folders';
import type { PostvakDb } from '../../db/schema';
import { ConversationIndex, digestPage, threadedPerFolder, type PageThreadData } from './ConversationIndex';

export interface ConversationLease {
  index: Promise<ConversationIndex>;
  release(): void;
}

const registries = perDatabase<PostvakDb, Promise<ConversationIndex>>(10_000, (index) => void index.then((i) => i.dispose()));

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
  const lease = registries.of(database).acquire(JSON.stringify([accountId, folderPath]), () => open(database, accountId, folderPath));
  return { index: lease.value, release: lease.release };
}

/** Disposes every conversation index of a database now (a test's database going away). */
export function closeConversations(database: PostvakDb): void {
  registries.close(database);
}
