/**
 * The local full-text index (issue #13 §3): SQLite FTS5 as WebAssembly in a Worker, its file in
 * the origin-private file system beside the IndexedDB cache it indexes (search-and-cache notes:
 * rowid ordered by date, so "newest 50 hits" reads the index backwards and stops).
 * This file is the engine's contract: the feeder (search/feeder) writes through `apply`, the
 * results list (search/results) and saved searches read through `search` and `count`.
 */
import type { MessageState } from '../../../shared/search/queryModel';

export interface FolderRef {
  accountId: string;
  folderPath: string;
}

/** The key the engine and its callers use for a folder in maps. */
export const folderRefKey = (accountId: string, folderPath: string): string => `${accountId}\u0000${folderPath}`;

/** One message as the index holds it: its text columns and what filters read. */
export interface IndexDoc {
  uid: number;
  /** Epoch ms (MessageSummary.date): orders hits, newest first. */
  date: number;
  /** Flags as bits (db/pages/flagBits.ts). */
  bits: number;
  size: number;
  attachment: boolean;
  subject: string;
  /** Names and addresses of From and Sender, space-separated. */
  from: string;
  to: string;
  cc: string;
  /** Attachment file names, space-separated. */
  filenames: string;
  snippet: string;
  /** The body text when the body is on this device (opened or kept offline), else null. */
  body: string | null;
}

/** What the index reflects of a folder in the cache: its counts row's epoch and revision. */
export interface FolderState {
  epoch: number;
  rev: number;
}

export type IndexOp =
  /** Insert or replace whole documents (a body that arrived later is an upsert with `body`). */
  | { op: 'upsert'; folder: FolderRef; docs: IndexDoc[] }
  | { op: 'flags'; folder: FolderRef; changes: { uid: number; bits: number }[] }
  | { op: 'remove'; folder: FolderRef; uids: number[] }
  /** The folder's documents go (vanished folder, UIDVALIDITY reset before a re-index). */
  | { op: 'dropFolder'; folder: FolderRef }
  | { op: 'dropAccount'; accountId: string }
  /** Recorded in the same transaction as the ops before it in the same `apply` call. */
  | { op: 'state'; folder: FolderRef; state: FolderState };

/**
 * A query as the engine runs it: the parsed query with `in:`/`mailbox:` atoms already resolved
 * into folder lists (search/resolve.ts), so the engine needs no knowledge of names or roles.
 */
export type EngineTerm =
  | { kind: 'text'; field: 'any' | 'from' | 'to' | 'cc' | 'subject' | 'filename' | 'body'; value: string; phrase: boolean }
  | { kind: 'is'; state: MessageState }
  | { kind: 'has'; what: 'attachment' }
  | { kind: 'folders'; folders: FolderRef[] }
  | { kind: 'date'; op: 'before' | 'after'; ms: number }
  | { kind: 'size'; op: 'larger' | 'smaller'; bytes: number };

export interface EngineAtom {
  term: EngineTerm;
  negated: boolean;
}

export interface EngineQuery {
  /** AND of clauses, each an OR of atoms; empty matches everything in `folders`. */
  clauses: EngineAtom[][];
  /** The scope: only these folders (null = every indexed folder). */
  folders: FolderRef[] | null;
}

export interface IndexHit {
  accountId: string;
  folderPath: string;
  uid: number;
  date: number;
  bits: number;
  /** The hit's place in the newest-first order (its rowid): page on with `below`. */
  seq: number;
}

export interface SearchRequest extends EngineQuery {
  limit: number;
  /** Keyset paging: only hits with `seq` below this (the last hit of the previous page). */
  below?: number;
}

export interface SearchResult {
  hits: IndexHit[];
  /** Time spent inside the engine (the worker), for the bench and the status line. */
  tookMs: number;
}

export interface IndexStats {
  docs: number;
  withBody: number;
  /** Size of the database file(s). */
  bytes: number;
  /** Where the file lives: `opfs` (kept between starts) or `memory` (rebuilt at each start). */
  storage: 'opfs' | 'memory';
}

export interface SearchEngine {
  /** Applies the ops in one transaction, in order. */
  apply(ops: IndexOp[]): Promise<void>;
  search(request: SearchRequest): Promise<SearchResult>;
  /** How many messages match, and how many of them are unread (saved searches' counts). */
  count(query: EngineQuery): Promise<{ total: number; unread: number }>;
  /** Every folder the index holds, with the state it reflects (keyed by folderRefKey). */
  states(): Promise<Map<string, FolderState>>;
  /** Which of these UIDs of a folder the index holds with their body text. */
  bodiesIndexed(folder: FolderRef, uids: number[]): Promise<Set<number>>;
  stats(): Promise<IndexStats>;
  /** Empties the index (it is rebuilt from the cache). */
  clear(): Promise<void>;
  /** Called after every `apply` or `clear` that changed something (in any window's engine). */
  onChange(listener: () => void): () => void;
}
