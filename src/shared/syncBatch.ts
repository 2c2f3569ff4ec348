/**
 * What the sync engine sends the renderer (the contract's `sync.batch` event, api.ts): folder
 * lists and message batches, each written in one transaction and then acknowledged.
 */
import type { StoredEvent } from './model/calendar';
import type { Folder, FolderCursor, Mailbox, MessageSummary } from './model';

/** A batch of synced data; the renderer writes it in one transaction, then acknowledges it. */
export type SyncBatch =
  | {
      batchId: string;
      accountId: string;
      kind: 'folders';
      /** Every mailbox of the account, hidden ones included (so they can be shown again). */
      mailboxes: Mailbox[];
      /** Every folder of the account's visible mailboxes; the renderer drops the rest. */
      folders: Folder[];
    }
  | {
      batchId: string;
      accountId: string;
      kind: 'messages';
      folderPath: string;
      /** Wipe the folder's cached messages first (UIDVALIDITY changed, RFC 9051 §2.3.1.1). */
      reset: boolean;
      upserts: MessageSummary[];
      /** Flag changes for messages the cache already holds (CONDSTORE, RFC 7162 §3.1). */
      flagUpdates: { uid: number; flags: string[]; modseq: string }[];
      removedUids: number[];
      /**
       * When present (only on a batch that also carries `cursor`): every UID the server holds
       * below `cursor.uidNext`, as an IMAP sequence set (RFC 9051 §9 `sequence-set`, e.g.
       * `1:40,42,45:50`; empty string = none). The renderer deletes the folder's cached rows
       * whose UID is below `cursor.uidNext` and not in the set (parse with src/shared/uidSet).
       * Sent when expunges cannot be listed one by one: without QRESYNC (RFC 7162 §3.2.5) the
       * engine does not know which UIDs the cache holds, only how many (`FolderCursor.count`).
       */
      presentUids?: string;
      /**
       * Calendar folders only (Folder.role 'calendar', issue #5 §2): the decoded event of every
       * upserted message, in the same transaction as its row. Removed UIDs and resets drop theirs.
       */
      events?: StoredEvent[];
      /** Written in the same transaction as the rows; set on the batch that completes a pass. */
      cursor: FolderCursor | null;
      progress: { done: number; total: number };
    };
