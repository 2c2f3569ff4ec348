/**
 * The domain model both processes share. Plain data only: everything here crosses
 * IPC / WebSocket as JSON, so no classes, Dates or Maps.
 */
export type AccountId = string & { readonly __brand: 'AccountId' };

export type Security = 'tls' | 'starttls' | 'none';

export interface ServerSettings {
  host: string;
  port: number;
  security: Security;
}

/** What the user configures for an account. Never contains a password. */
export interface AccountSettings {
  email: string;
  /**
   * 'shared' for a shared mailbox reached through its own login (as Microsoft 365 and others
   * expose them over IMAP, issue #3); it then shows as a shared mailbox, not a person's own.
   */
  kind?: 'personal' | 'shared';
  displayName: string;
  /** Login name; usually the email address. */
  username: string;
  imap: ServerSettings;
  smtp: ServerSettings;
}

export interface Account extends AccountSettings {
  id: AccountId;
  /** Whether main holds a password for this account (kept in main only). */
  hasPassword: boolean;
  /** Whether the password survives a restart (safeStorage / user-only file). */
  rememberPassword: boolean;
}

/**
 * Special-use roles (RFC 6154) plus inbox; `calendar` for a Kolab v3 event folder (METADATA
 * `/vendor/kolab/folder-type` = `event`, or the name, issue #5); `null` for ordinary folders.
 */
export type FolderRole = 'inbox' | 'drafts' | 'sent' | 'trash' | 'junk' | 'archive' | 'all' | 'flagged' | 'calendar';

/**
 * A mailbox the person works in: their own, or a shared one (info@, sales@) found through
 * NAMESPACE + LIST + MYRIGHTS (RFC 2342, 4314) or added by hand (issue #3).
 */
export interface Mailbox {
  /**
   * Stable (built by src/shared/mailboxIds.ts): `<accountId>:own`, `<accountId>:shared:<address>`, `<accountId>:public:<prefix>`,
   * `<accountId>:manual:<prefix>`.
   */
  id: string;
  accountId: AccountId;
  kind: 'own' | 'shared';
  source: 'account' | 'discovered' | 'manual';
  /**
   * Public folders (the server's shared namespace, RFC 2342 §4: `Shared Folders/team`, Cyrus
   * `shared.team`): folders the team shares, not anyone's mailbox — no address to send from,
   * no Inbox (issue #10 §8). Absent for mailboxes.
   */
  public?: true;
  /**
   * The mailbox's address, e.g. `info@example.test` (the account's own address for `own`); for
   * public folders their name (`team`), which is no address.
   */
  address: string;
  displayName: string;
  /** Path prefix of its folders inside the account's IMAP tree: '' for own, `shared/info@example.test/`. */
  prefix: string;
  /** MYRIGHTS on the mailbox's INBOX (RFC 4314 §3.5); null where the person owns it. */
  rights: string | null;
  /**
   * Listed (so it can be shown again) but not synced: hidden by the person, or reached through
   * another account (`via`).
   */
  hidden: boolean;
  /**
   * Issue #10 §7: the same mailbox (server + address) is used through another signed-in
   * account — this one. Set together with `hidden`; absent when it is used through this account.
   */
  via?: AccountId;
  /** Storage in KiB (RFC 9208 STORAGE); null where the server gives none. */
  quota: { usedKiB: number; limitKiB: number } | null;
  /** Keep full messages from the last N days on this device for reading offline; 0 = off. */
  offlineDays: number;
}

export interface Folder {
  accountId: AccountId;
  /** The Mailbox this folder belongs to. */
  mailboxId: string;
  /** MYRIGHTS for this folder (RFC 4314 §3.5); null for the person's own folders (all rights). */
  rights: string | null;
  /** Full IMAP path, e.g. `INBOX/Projects`. */
  path: string;
  /** Last path segment, decoded (modified UTF-7 already decoded by imapflow). */
  name: string;
  delimiter: string;
  parentPath: string | null;
  role: FolderRole | null;
  /** False for \Noselect containers. */
  selectable: boolean;
  subscribed: boolean;
}

/** What the cache knows of a folder's server state (RFC 7162 §3.1, §3.2). */
export interface FolderCursor {
  path: string;
  uidValidity: number;
  uidNext: number;
  /** 0 when the server has no CONDSTORE. Serialised as a decimal string: modseqs are 63-bit. */
  highestModseq: string;
  /** Number of messages the cache holds for the folder (detects missed expunges without QRESYNC). */
  count: number;
}

export interface Address {
  name: string;
  address: string;
}

export interface MessageSummary {
  accountId: AccountId;
  folderPath: string;
  uid: number;
  messageId: string | null;
  inReplyTo: string | null;
  subject: string;
  from: Address[];
  to: Address[];
  cc: Address[];
  /** Sender header (RFC 5322 §3.6.2) when it differs from From. */
  sender: Address[];
  /** Epoch milliseconds: the Date header, or INTERNALDATE when absent. */
  date: number;
  /** Epoch milliseconds of INTERNALDATE (arrival). */
  receivedAt: number;
  flags: string[];
  size: number;
  hasAttachments: boolean;
  /**
   * File names of the attachments, from BODYSTRUCTURE (issue #13 §3: `filename:` and plain words
   * find them). Absent when there are none, and in pages cached before issue #13.
   */
  attachmentNames?: string[];
  /** First ~200 characters of the text, whitespace collapsed. */
  snippet: string;
  /** CONDSTORE modseq of the last change, as a decimal string ('0' without CONDSTORE). */
  modseq: string;
  /**
   * The References msg-ids as `<id>` (RFC 5322 §3.6.4), the first and the last 20 at most
   * (shared/mail/messageIds.ts) — for conversations (issue #12 §4). Absent when the message has
   * none, and in pages cached before issue #12: read as [].
   */
  references?: string[];
}

export interface AttachmentInfo {
  /** IMAP body part id, e.g. `2` or `1.2`. */
  partId: string;
  filename: string;
  contentType: string;
  size: number;
  /** Content-ID without angle brackets, for inline (cid:) images. */
  contentId: string | null;
  inline: boolean;
}

/** The few header fields shown for an attached message (message/rfc822, issue #10 §2). */
export interface AttachedMessageHeaders {
  from: Address[];
  to: Address[];
  cc: Address[];
  subject: string;
  date: number;
}

/**
 * What the reader shows, in order (issue #10 §2): every text part of a multipart/mixed, the
 * richest part of a multipart/alternative, an attached message as a message with its own parts.
 * HTML is unsanitised, as in `MessageBody.html`.
 */
export type BodyPart =
  | { kind: 'text'; text: string }
  | { kind: 'html'; html: string }
  | { kind: 'message'; partId: string; headers: AttachedMessageHeaders; parts: BodyPart[] };

export interface MessageBody {
  accountId: AccountId;
  folderPath: string;
  uid: number;
  /** Unsanitised HTML as sent; the renderer sanitises before display. `null` for plain-text mail. */
  html: string | null;
  text: string | null;
  attachments: AttachmentInfo[];
  /**
   * The parts to show, in order. Absent in bodies cached before issue #10: the reader then shows
   * `html` or else `text`. `html` stays the first HTML part and `text` the plain parts joined
   * (replies quote them).
   */
  parts?: BodyPart[];
  /**
   * Set when some of the message could not be read within the parser's budget or was cut at
   * the size the reader shows (issue #10 §1): what is shown is what could be read.
   */
  incomplete?: boolean;
  /** Inline images referenced by cid:, as data: URLs, keyed by Content-ID. */
  inlineImages: Record<string, string>;
  headers: {
    from: Address[];
    to: Address[];
    cc: Address[];
    replyTo: Address[];
    sender: Address[];
    subject: string;
    date: number;
    messageId: string | null;
    inReplyTo: string | null;
    references: string[];
    /** Delivered-To and X-Original-To addresses (the alias or shared address it was sent to). */
    deliveredTo: string[];
    /**
     * The raw value of each Authentication-Results header (RFC 8601), unfolded, topmost (the
     * last hop's, i.e. the own server's) first. Read by the sender warnings (issue #10 §3),
     * which trust only the own server's authserv-id.
     */
    authResults: string[];
  };
  /**
   * Invitations carried as text/calendar parts (RFC 5546 iTIP, e.g. METHOD:REQUEST), decoded
   * by main; the reader offers "Add to calendar" (issue #5 §8). Empty for ordinary mail.
   */
  invitations: CalendarInvitation[];
}

import type { CalendarInvitation } from './calendar';

export type ConnectionStep = 'dns' | 'tcp' | 'tls' | 'greeting' | 'login' | 'capability';

export interface ConnectionCheck {
  server: 'imap' | 'smtp';
  step: ConnectionStep;
  ok: boolean;
  /** A machine-readable reason when not ok (see `ConnectionErrorCode`). */
  code?: ConnectionErrorCode;
  /** Server's own words or technical detail, safe to show (never contains the password). */
  detail?: string;
}

export type ConnectionErrorCode =
  | 'dnsNotFound'
  | 'tcpRefused'
  | 'tcpTimeout'
  | 'tlsCertExpired'
  | 'tlsCertUntrusted'
  | 'tlsCertHostname'
  | 'tlsFailed'
  | 'noGreeting'
  | 'authFailed'
  | 'missingCapability'
  | 'unknown';

export interface ConnectionTestResult {
  ok: boolean;
  checks: ConnectionCheck[];
}

export type SyncState = 'connecting' | 'syncing' | 'idle' | 'offline' | 'error';

export interface SyncStatus {
  accountId: AccountId;
  state: SyncState;
  /** Folder being synced now, when syncing. */
  folderPath?: string;
  /** Messages synced so far / expected for the folder in progress. */
  done?: number;
  total?: number;
  error?: { code: string; message: string };
}

export type {
  AnswerInfo,
  ComposeIntent,
  DraftSaveResult,
  Identity,
  IdentityConfigEntry,
  OutboxItem,
  OutboxState,
  OutgoingAttachment,
  OutgoingMessage,
  SendErrorCode,
  SendMode,
  SentCopyPolicy,
} from './compose';
