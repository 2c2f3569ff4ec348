/**
 * The shape of the message cache (issue #11 §1): summaries are stored in pages of many messages
 * per record, because IndexedDB pays per record — one record per message with five indexes
 * cannot be written faster than ~4–6k rows/s here, pages of 100 reach ~160k
 * (../shared/notes/search-and-cache.md; test/bench/pageSize.mjs).
 *
 * A page (~100 messages, pageSet.ts pageSizing) is two records under `[accountId, folderPath, startUid]`:
 *  - its **head** (`heads`): what changes and what lists need — UIDs ascending, dates, flags as
 *    bits plus rare keywords, modseqs — as typed arrays, a few bytes per message. A flag change
 *    rewrites only the head (~2 KB), never the summaries; the in-memory list index is built from
 *    heads alone.
 *  - its **items** (`pages`): the summaries without what the head holds, in the head's order.
 *
 * A page covers the UIDs from its `startUid` up to the next page's `startUid`. Heads carry the
 * folder revision they were written at (`rev`); a page that disappears leaves a tombstone with
 * the revision of its removal. An index that has seen revision r catches up by reading heads
 * and tombstones newer than r (FolderIndex).
 */
import type { MessageSummary } from '../../../shared/model';

export type PageKey = [accountId: string, folderPath: string, startUid: number];

/** A summary as a page stores it: its folder, UID, flags and modseq live in the key and head. */
export type StoredSummary = Omit<MessageSummary, 'accountId' | 'folderPath' | 'uid' | 'flags' | 'modseq'>;

export interface HeadRow {
  accountId: string;
  folderPath: string;
  startUid: number;
  /** The folder revision (CountRow.rev) of the transaction that last wrote this page. */
  rev: number;
  uids: Uint32Array;
  /** Epoch ms (MessageSummary.date), per UID. */
  dates: Float64Array;
  /** Well-known flags as bits (flagBits.ts), per UID. */
  bits: Uint16Array;
  /** CONDSTORE modseqs (RFC 7162 §3.1.1, 63-bit), per UID; 0 without CONDSTORE. */
  modseqs: BigInt64Array;
  /** Flags that have no bit (custom keywords), by UID; absent when no message has one. */
  keywords?: Record<number, string[]>;
}

export interface PageRow {
  accountId: string;
  folderPath: string;
  startUid: number;
  /** In the head's order. */
  items: StoredSummary[];
}

/** A page that was removed (emptied, or merged into a neighbour) at folder revision `rev`. */
export interface TombstoneRow {
  accountId: string;
  folderPath: string;
  startUid: number;
  rev: number;
}

/**
 * Counters (issue #11 §3): unread and total per folder, per mailbox and per unified view, kept
 * by deltas in the same transaction as every change, so a count is read, never computed.
 * Ids: `folder:<accountId>:<path>`, `mailbox:<mailboxId>`, `unified:<role>`.
 */
export interface CountRow {
  id: string;
  total: number;
  unread: number;
  /** Folder rows only: the folder's revision, raised by every transaction that writes its pages. */
  rev?: number;
  /**
   * Folder rows only: raised when the folder's pages were replaced wholesale (UIDVALIDITY reset,
   * tombstones pruned): an index built at another epoch rebuilds instead of catching up.
   */
  epoch?: number;
}

export const folderCountId = (accountId: string, path: string) => `folder:${accountId}:${path}`;
export const mailboxCountId = (mailboxId: string) => `mailbox:${mailboxId}`;
export const unifiedCountId = (role: string) => `unified:${role}`;
