/**
 * Delete, as every entry point does it (issue #12 §7; C's Delete command, the reader): when the
 * messages would be removed for good — from a Trash, or asked for (`permanent`, Shift+Delete) —
 * ask once, naming the consequence ("for everyone in
 * info@example.test" for a shared mailbox); then the task queue's runAction (optimistic, one
 * notice, Undo where there is one). A delete elsewhere moves to the mailbox's Trash (Junk
 * included): nothing is lost, so nothing is asked.
 */
import { db } from '../../../db/db';
import type { FolderRow, MessageKey } from '../../../db/rows';
import { runAction } from '../../../tasks/mailActions';
import { askForGood, type ForGoodQuestion } from './forGoodQuestion';

interface FolderFacts {
  folder: Pick<FolderRow, 'role'> | null;
  shared: string | null;
}

/** Whether deleting from these folders removes for good, and from which shared mailboxes. Pure. */
export function forGoodOf(folders: readonly FolderFacts[], permanent: boolean): { forGood: boolean; shared: string[] } {
  const gone = folders.filter((f) => permanent || f.folder?.role === 'trash');
  const shared = [...new Set(gone.flatMap((f) => (f.shared ? [f.shared] : [])))].sort();
  return { forGood: gone.length > 0, shared };
}

async function factsOf(keys: readonly MessageKey[]): Promise<FolderFacts[]> {
  const seen = new Map<string, FolderFacts>();
  for (const [accountId, folderPath] of keys) {
    const tag = `${accountId}\u0000${folderPath}`;
    if (seen.has(tag)) continue;
    const folder = (await db.folders.get([accountId, folderPath])) ?? null;
    const mailbox = folder ? await db.mailboxes.get(folder.mailboxId) : undefined;
    seen.set(tag, { folder, shared: mailbox?.kind === 'shared' ? mailbox.address : null });
  }
  return [...seen.values()];
}

/** Returns true when the messages were deleted (false: the person said no, or the server refused). */
export async function deleteMessages(keys: MessageKey[], options: { permanent?: boolean } = {}): Promise<boolean> {
  if (keys.length === 0) return false;
  const permanent = options.permanent === true;
  const { forGood, shared } = forGoodOf(await factsOf(keys), permanent);
  if (forGood) {
    const question: ForGoodQuestion = { count: keys.length, shared };
    if (!(await askForGood(question))) return false;
  }
  const { ok } = await runAction({ kind: 'delete', keys, ...(permanent ? { permanent } : {}) });
  return ok;
}
