/**
 * The head start and the first pass's order, for AccountSync (issue #3 first rows; issue #10
 * §12). The head start (WarmStarts.ts) logged in and fetched the own INBOX's top while the
 * window loaded; its batches are sent as the first pass would have sent them.
 */
import type { Folder } from '../../../shared/model';
import type { MessagesBody, Warm } from './WarmStarts';

/**
 * Sends the head start's INBOX batches when this cache has never completed the INBOX. The
 * INBOX is then left out of the previews but not of the passes that follow them: a full pass,
 * or — after a small INBOX's complete pass, whose cursor is from the head start's moment — an
 * incremental one. → the folders previewed.
 */
export async function replayHeadStart(
  head: Warm | null,
  folders: readonly Folder[],
  hasCursor: (path: string) => boolean,
  send: (path: string, body: MessagesBody) => Promise<void>,
): Promise<Set<string>> {
  const preview = head?.preview;
  if (!preview || hasCursor(preview.path) || !folders.some((f) => f.path === preview.path && f.selectable)) return new Set();
  for (const body of preview.bodies) await send(preview.path, body);
  return new Set([preview.path]);
}

/**
 * The first pass in two rounds: first the top of every folder the cache has never completed,
 * then the rest of them, so the newest mail of a big folder late in the order is not kept
 * waiting behind other big ones. → the folders for the first round.
 */
export function firstLooks(order: readonly string[], hasCursor: (path: string) => boolean, previewed: ReadonlySet<string>): string[] {
  return order.filter((path) => !hasCursor(path) && !previewed.has(path));
}
