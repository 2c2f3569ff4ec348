/**
 * What the rest of main needs from an IMAP connection, in our own types. Only the imap/ folder
 * knows imapflow (ImapFlowSession.ts creates and drives the client); the sync engine and the
 * handlers see this interface, so they can be tested with a fake and the library can be
 * replaced in one place.
 */
import type { Address } from '../../../shared/model';
import type { Readable } from 'node:stream';
import type { BodyNode } from '../mail/bodyStructure';

export interface ImapCaps {
  imap4rev1: boolean;
  imap4rev2: boolean;
  idle: boolean;
  /** CONDSTORE enabled for this session (RFC 7162 §3.1). */
  condstore: boolean;
  /** QRESYNC enabled for this session (RFC 7162 §3.2). */
  qresync: boolean;
  uidplus: boolean;
  /** Every capability the server announced, upper case. */
  all: string[];
}

export interface ListedFolder {
  path: string;
  /** Last segment, modified UTF-7 decoded (RFC 9051 §5.1.3). */
  name: string;
  delimiter: string;
  parentPath: string | null;
  /** LIST attributes (`\Noselect`, `\HasChildren`, `\Sent`, …). */
  flags: string[];
  subscribed: boolean;
}

export interface FolderStatus {
  path: string;
  uidValidity: number;
  uidNext: number;
  highestModseq: string;
  messages: number;
}

/** Copied out of the library's mailbox object the moment the folder is selected (it mutates). */
export interface FolderSnapshot {
  path: string;
  uidValidity: number;
  uidNext: number;
  /** Decimal string, '0' without CONDSTORE or for a NOMODSEQ mailbox (RFC 7162 §3.1.2.2). */
  highestModseq: string;
  exists: number;
  readOnly: boolean;
  /** PERMANENTFLAGS (RFC 9051 §7.1); `null` when the server did not say (then all are allowed). */
  permanentFlags: string[] | null;
}

export interface Envelope {
  /** Epoch ms of the Date header, `null` when missing or unparsable. */
  date: number | null;
  subject: string;
  messageId: string | null;
  inReplyTo: string | null;
  from: Address[];
  sender: Address[];
  replyTo: Address[];
  to: Address[];
  cc: Address[];
}

export interface FetchedSummary {
  uid: number;
  flags: string[];
  modseq: string;
  envelope: Envelope | null;
  bodyStructure: BodyNode | null;
  /** Epoch ms, `null` when the server sent none or garbage. */
  internalDate: number | null;
  size: number;
  /** The first bytes of part 1, when asked for. */
  part1?: Buffer;
  /** The References msg-ids (bounded, shared/mail/messageIds.ts); absent when none (issue #12 §4). */
  references?: string[];
}

export interface FlagChange {
  uid: number;
  flags: string[];
  modseq: string;
}

export interface DownloadedPart {
  data: Buffer;
  contentType: string;
  filename: string | null;
}

/** Source UID → the copy's UID in the destination (COPYUID, RFC 4315 §3). */
export type UidMap = Map<number, number>;

/** Operations on the selected folder; valid only inside `ImapSession.inFolder`. */
export interface OpenFolder {
  readonly snapshot: FolderSnapshot;
  /** Message count now: the library follows EXISTS / EXPUNGE / VANISHED as they arrive. */
  currentExists(): number;
  /** `UID SEARCH UID <range>` (all messages when no range). Ascending. */
  searchUids(uidRange?: string): Promise<number[]>;
  /**
   * The UIDs of the last `count` messages by sequence number, ascending: `UID SEARCH n:*` with a
   * sequence set (RFC 9051 §6.4.4), so the newest mail is found without listing every UID.
   */
  newestUids(count: number): Promise<number[]>;
  /**
   * UID FLAGS ENVELOPE BODYSTRUCTURE INTERNALDATE RFC822.SIZE (+ MODSEQ with CONDSTORE), and
   * with `part1Bytes` also `BODY.PEEK[1]<0.n>` in the same command: part 1 is the text of most
   * single-part mail, and the server reads the message once instead of twice.
   */
  fetchSummaries(uids: readonly number[], part1Bytes?: number): Promise<FetchedSummary[]>;
  /**
   * `UID FETCH <range> (FLAGS)`, with `(CHANGEDSINCE m)` when `changedSince` is given and, when
   * QRESYNC is on, `VANISHED` (RFC 7162 §3.2.6) whose UIDs come back in `vanished`.
   */
  fetchFlags(uidRange: string, changedSince: string | null): Promise<{ changes: FlagChange[]; vanished: number[] }>;
  /** `BODY.PEEK[part]<0.bytes>` for each UID (RFC 9051 §6.4.5); UIDs without the part are left out. */
  fetchPartPrefixes(uids: readonly number[], partId: string, bytes: number): Promise<Map<number, Buffer>>;
  /** UID STORE +FLAGS / -FLAGS; throws ImapCommandError when the server refuses. */
  store(uids: readonly number[], add: readonly string[], remove: readonly string[]): Promise<void>;
  /** RFC822.SIZE, or `null` when the UID does not exist. */
  messageSize(uid: number): Promise<number | null>;
  /** The full source (`BODY.PEEK[]`), or `null` when the UID does not exist. */
  downloadSource(uid: number, maxBytes: number): Promise<Buffer | null>;
  /** One body part with its transfer encoding removed, or `null` when it does not exist. */
  downloadPart(uid: number, partId: string, maxBytes: number): Promise<DownloadedPart | null>;
  /**
   * BODYSTRUCTURE, ENVELOPE and RFC822.SIZE of one message (issue #10 §1: the reader plans from
   * these), or `null` when the UID does not exist. Optional like fetchSources.
   */
  fetchStructure?(uid: number): Promise<{ bodyStructure: BodyNode | null; envelope: Envelope | null; size: number } | null>;
  /** `BODY.PEEK[<section>]<0.n>` of one message, keyed by section in upper case (`HEADER`, `1.2`, `2.HEADER`). */
  fetchSections?(uid: number, sections: readonly { key: string; maxLength?: number }[]): Promise<Map<string, Buffer>>;
  /**
   * One leaf part, transfer encoding removed, streamed to `consume` while the folder is held;
   * false when the part does not exist.
   */
  streamPart?(
    uid: number,
    partId: string,
    consume: (content: Readable, meta: { contentType: string; filename: string | null }) => Promise<void>,
  ): Promise<boolean>;
  /** STORE +FLAGS \Deleted then UID EXPUNGE of exactly these UIDs (RFC 4315 §2.1); needs UIDPLUS. */
  deleteUids(uids: readonly number[]): Promise<void>;
  /**
   * UID MOVE (RFC 6851), or COPY + \Deleted + UID EXPUNGE where MOVE is missing; one command for
   * any number of UIDs. Returns COPYUID's old → new UIDs (RFC 4315 §3), `null` when the server
   * sent none. A NO throws ImapExtError('refused') with the server's code (TRYCREATE, NOPERM …).
   */
  moveUids(uids: readonly number[], destination: string): Promise<UidMap | null>;
  /** UID COPY (RFC 9051 §6.4.8); COPYUID's map or `null`, errors like moveUids. */
  copyUids(uids: readonly number[], destination: string): Promise<UidMap | null>;
  /** UID SEARCH UNSEEN (RFC 9051 §6.4.4), ascending. */
  unseenUids(): Promise<number[]>;
  /**
   * FLAGS, INTERNALDATE and RFC822.SIZE of these UIDs (one FETCH): what an APPEND elsewhere needs
   * to keep a message as it was (a move between accounts, issue #12 §2). Missing UIDs are left out.
   */
  copyFacts(uids: readonly number[]): Promise<{ uid: number; flags: string[]; internalDate: number | null; size: number }[]>;
  /**
   * Full sources (`BODY.PEEK[]`, never setting \Seen) of these UIDs in one FETCH; messages above
   * `maxBytes` come back as `null`. Optional: sessions that only sync mail need not have it.
   */
  fetchSources?(uids: readonly number[], maxBytes: number): Promise<Map<number, Buffer | null>>;
  /**
   * Subject of every message and which carry \Deleted; with `only`, just the messages whose
   * Subject contains one of these (UID SEARCH HEADER, RFC 9051 §6.4.4). Optional like fetchSources.
   */
  fetchSubjects?(only?: readonly string[]): Promise<{ uid: number; subject: string; deleted: boolean }[]>;
}

/** The namespaces that hold other people's mailboxes (RFC 2342 §3, §4). */
export interface SharedNamespaces {
  otherUsers: { prefix: string; delimiter: string | null }[];
  shared: { prefix: string; delimiter: string | null }[];
}

/** Storage quota in KiB (RFC 9208 §5.1 STORAGE). */
export interface StorageQuota {
  usedKiB: number;
  limitKiB: number;
}

export interface ImapSession {
  readonly caps: ImapCaps;
  /** Prefixes of the other-users and shared namespaces (RFC 2342), e.g. `shared/`. */
  readonly sharedPrefixes: string[];
  readonly usable: boolean;
  listFolders(): Promise<ListedFolder[]>;
  /**
   * The folder list with each selectable folder's STATUS: one `LIST … RETURN (STATUS …)` where
   * the server has LIST-STATUS (RFC 5819), else the library sends one STATUS per folder.
   */
  listWithStatus(): Promise<{ folders: ListedFolder[]; status: Map<string, FolderStatus> }>;
  /**
   * Selects `path` and runs `fn` with exclusive use of the connection. With `fresh` (default)
   * an already selected folder is selected again, for current UIDNEXT / HIGHESTMODSEQ.
   */
  inFolder<T>(path: string, fn: (folder: OpenFolder) => Promise<T>, options?: { fresh?: boolean }): Promise<T>;
  /** NAMESPACE (RFC 2342), as sent at login. */
  namespaces(): Promise<SharedNamespaces>;
  /** MYRIGHTS (RFC 4314 §3.5); `null` when the server has no ACL extension (then: all rights). */
  myRights(path: string): Promise<string | null>;
  /**
   * STORAGE of the quota root `path` counts against (GETQUOTAROOT, RFC 9208 §4.3); `null` when
   * the server will not say (e.g. Dovecot to a member of another user's mailbox, issue #10 §9).
   */
  storageQuota(path: string): Promise<StorageQuota | null>;
  /** METADATA `/shared/comment` of `path` (RFC 5464 §3.2.1.2); `null` when absent or unsupported. */
  comment(path: string): Promise<string | null>;
  /**
   * CREATE (RFC 9051 §6.3.4); with `specialUse` (e.g. `\Archive`) as `CREATE … (USE (…))` where
   * CREATE-SPECIAL-USE is offered (RFC 6154 §3). A NO throws ImapExtError('refused').
   */
  createFolder(path: string, specialUse?: string): Promise<void>;
  /** RENAME (RFC 9051 §6.3.6). */
  renameFolder(from: string, to: string): Promise<void>;
  /** DELETE (RFC 9051 §6.3.5). */
  deleteFolder(path: string): Promise<void>;
  /** Leaves `path` selected, so the library IDLEs on it (RFC 2177) between commands. */
  watch(path: string): Promise<void>;
  /** Unsolicited changes (EXISTS, EXPUNGE, VANISHED, FETCH FLAGS) in the selected folder. */
  onChange(listener: (path: string) => void): () => void;
  /** The connection ended (the server, the network or `close()`). */
  onClose(listener: () => void): () => void;
  close(): Promise<void>;
}

export interface ImapAccount {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username: string;
}

export interface OpenImapOptions {
  /** Extra trusted CA certificates (PEM), added to Node's roots. */
  extraCa: readonly string[];
  /** Connection attempt budget (DNS + TCP + TLS), ms. */
  connectTimeoutMs?: number;
  /** How long before the library IDLEs on the watched folder, ms. */
  idleDelayMs?: number;
}

/** Where APPEND put a message: its UID from APPENDUID (RFC 4315 §3), `null` without UIDPLUS. */
export interface AppendResult {
  uid: number | null;
}

/** One `HEADER <name> <value>` search term (RFC 9051 §6.4.4: a substring match). */
export interface HeaderQuery {
  name: string;
  value: string;
}

/**
 * Whole-message operations (issue #4: Sent copies, drafts, answers). A separate interface so
 * sessions that only sync (and their test fakes) need not have them; see imap/storeOps.ts.
 */
export interface MessageStore {
  /** APPEND with flags; throws the server's NO (e.g. NOPERM without the insert right). */
  append(path: string, raw: Buffer, flags: readonly string[], internalDate?: Date): Promise<AppendResult>;
  /** Selects `path` (read-only, EXAMINE) and returns the UIDs matching any of the terms. */
  searchHeader(path: string, any: readonly HeaderQuery[]): Promise<number[]>;
  /** Selects `path` (EXAMINE) and returns the raw header fields `names` of each UID that exists. */
  headerFields(path: string, uids: readonly number[], names: readonly string[]): Promise<Map<number, Buffer>>;
}

/** Result of a compare-and-swap replacement (issue #5 §5, calendar.md "Updates and conflicts"). */
export type ReplaceOutcome =
  /** The old message was removed (and the new one appended: its APPENDUID, null without UIDPLUS). */
  | { status: 'replaced'; uid: number | null }
  /** `[MODIFIED]`: someone changed the old message after `modseq` (RFC 7162 §3.1.3). */
  | { status: 'modified' }
  /** The old UID no longer exists: someone replaced or deleted it. */
  | { status: 'missing' };

/** A message's full source with the version facts a later compare-and-swap needs. */
export interface SourcedMessage {
  uid: number;
  modseq: string;
  flags: string[];
  source: Buffer;
}

/**
 * Calendar folders (issue #5): Kolab folder types (RFC 5464 METADATA), folder creation and the
 * compare-and-swap replacement of one message. A separate interface like MessageStore, so
 * sessions that only sync (and their test fakes) need not have it; see imap/calendarOps.ts.
 */
export interface CalendarStore {
  /**
   * `GETMETADATA "*" (/shared/vendor/kolab/folder-type /private/vendor/kolab/folder-type)`:
   * path → the type, the private value preferred (calendar.md). `null` without METADATA.
   */
  kolabFolderTypes(): Promise<Map<string, string> | null>;
  /** CREATE (RFC 9051 §6.3.4); the server's NO is thrown as ImapExtError('refused'). */
  createFolder(path: string): Promise<void>;
  /** SETMETADATA (RFC 5464 §4.3); `null` removes an entry. */
  setAnnotations(path: string, values: Record<string, string | null>): Promise<void>;
  /**
   * In `path`: `UID STORE <uid> (UNCHANGEDSINCE <modseq>) +FLAGS.SILENT (\Deleted)`, then APPEND
   * `raw` (when given) and `UID EXPUNGE <uid>` (RFC 4315 §2.1). Nothing is changed unless the
   * old message is still the version `modseq` names.
   */
  replaceUnchangedSince(path: string, old: { uid: number; modseq: string }, raw: Buffer | null): Promise<ReplaceOutcome>;
  /** APPENDs all of `raws` (no flags), in one MULTIAPPEND where offered (RFC 3502: all or none). */
  appendMany(path: string, raws: readonly Buffer[]): Promise<void>;
  /** Messages in `path` whose Subject is exactly `subject` (not \Deleted), with their sources. */
  sourcesBySubject(path: string, subject: string, maxBytes: number): Promise<SourcedMessage[]>;
}
