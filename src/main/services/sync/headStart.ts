/**
 * The head start and the first pass's order, for AccountSync (issue #3 first rows; issue #10
 * §12; issue #11 §4). The head start (WarmStarts.ts) logged in, discovered the mailboxes and
 * fetched the top of the own INBOX and of the shared Inboxes while the window loaded; its
 * batches are sent as the first pass would have sent them.
 */
import type { Folder } from '../../../shared/model';
import { ownMailboxId } from '../../../shared/mailboxIds';
import { watchedInboxes } from '../mailboxes/discover';
import type { Discovered } from './accountDiscovery';
import type { MessagesBody, Warm } from './WarmStarts';

/**
 * The Inboxes a head start looks into, in the order the first pass takes them (folderList.ts
 * syncOrder: the own INBOX, then the other Inboxes): the own mailbox's and each visible shared
 * mailbox's — not those of hidden mailboxes or of mailboxes used through another account
 * (MailboxRoutes: they are hidden here), which the sync leaves alone too. Pure.
 */
export function headStartInboxes(found: Pick<Discovered, 'folders' | 'mailboxes'>): string[] {
  const inboxes = watchedInboxes(found.folders, found.mailboxes);
  const own = found.folders.find((f) => f.role === 'inbox' && f.selectable && f.mailboxId === ownMailboxId(f.accountId))?.path;
  return own && inboxes.includes(own) ? [own, ...inboxes.filter((p) => p !== own)] : inboxes;
}

/**
 * Sends the head start's Inbox batches, for each Inbox this cache has never completed. Those
 * Inboxes are then left out of the previews but not of the passes that follow them: a full
 * pass, or — after a small Inbox's complete pass, whose cursor is from the head start's moment
 * — an incremental one. → the folders previewed.
 */
export async function replayHeadStart(
  head: Warm | null,
  folders: readonly Folder[],
  hasCursor: (path: string) => boolean,
  send: (path: string, body: MessagesBody) => Promise<void>,
): Promise<Set<string>> {
  const previewed = new Set<string>();
  for (const preview of head?.previews ?? []) {
    if (hasCursor(preview.path) || !folders.some((f) => f.path === preview.path && f.selectable)) continue;
    for (const body of preview.bodies) await send(preview.path, body);
    previewed.add(preview.path);
  }
  return previewed;
}

/**
 * The first pass in two rounds: first the top of every folder the cache has never completed,
 * then the rest of them, so the newest mail of a big folder late in the order is not kept
 * waiting behind other big ones. → the folders for the first round.
 */
export function firstLooks(order: readonly string[], hasCursor: (path: string) => boolean, previewed: ReadonlySet<string>): string[] {
  return order.filter((path) => !hasCursor(path) && !previewed.has(path));
}
