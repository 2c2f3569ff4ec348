/**
 * The server's share of a search (issue #13 §4): words in bodies not on this device and folders
 * the cache has not synced are searched with IMAP SEARCH (ESEARCH, RFC 4731, where offered),
 * folder by folder in the background within the account's connection budget. Results stream
 * back as `search.results` events to the window that asked; the local results never wait.
 */
import { z } from 'zod';
import { accountId, folderPath } from '../fieldSchemas';
import type { MessageSummary } from '../model';
import { searchQuerySchema } from './queryModel';

export const searchId = z.string().min(1).max(64);

export const serverSearchFolderSchema = z.strictObject({
  accountId,
  folderPath,
  /**
   * The cache's cursor for the folder, when it has one. Hits below `uidNext` under the same
   * UIDVALIDITY are in the cache already (the window reads them from its pages); every other hit
   * comes with its summary, so it can be shown and opened like any message.
   */
  cached: z.strictObject({ uidValidity: z.number().int().min(0), uidNext: z.number().int().min(0) }).nullable(),
});
export type ServerSearchFolder = z.infer<typeof serverSearchFolderSchema>;

export const serverSearchInput = z.strictObject({
  searchId,
  query: searchQuerySchema,
  /** In the order to search them (the folder on screen first, then Inboxes …). */
  folders: z.array(serverSearchFolderSchema).min(1).max(5000),
});

/** At most this many UIDs per folder travel back (newest first); `truncated` says there were more. */
export const serverHitLimit = 10_000;
/** At most this many summaries per folder (the newest hits the cache lacks). */
export const serverSummaryLimit = 200;

export type ServerSearchEvent =
  | {
      searchId: string;
      kind: 'folder';
      accountId: string;
      folderPath: string;
      uidValidity: number;
      /** Every hit's UID, newest (highest) first, at most serverHitLimit. */
      uids: number[];
      truncated: boolean;
      /** Summaries of hits the cache lacks (see `cached`), newest first, at most serverSummaryLimit. */
      summaries: MessageSummary[];
    }
  /** One folder could not be searched (gone, no rights, connection lost): the others go on. */
  | { searchId: string; kind: 'folderFailed'; accountId: string; folderPath: string; code: string; message: string }
  /** Every folder answered or failed, or the search was cancelled. */
  | { searchId: string; kind: 'done'; cancelled: boolean };

/** Body text of messages kept offline (main's offline store), for the local index (issue #13 §3). */
export const offlineTextsInput = z.strictObject({
  accountId,
  folderPath,
  /** Texts of UIDs above this one, ascending. */
  afterUid: z.number().int().min(0),
  limit: z.number().int().min(1).max(200),
});
export interface OfflineTexts {
  /** Plain text of each message (HTML reduced to text), cut at offlineTextLimit characters. */
  texts: { uid: number; text: string }[];
  /** The UID to continue after, or null when the folder's offline store has no more. */
  next: number | null;
}
export { offlineTextLimit } from './textLimits';
