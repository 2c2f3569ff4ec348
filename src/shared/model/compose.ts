/**
 * Writing and sending mail (issue #4): identities with their send rights, the message a
 * composer produces, and the durable outbox. Plain data only (crosses IPC / WebSocket as JSON).
 */
import type { AccountId, Address } from './index';

/**
 * How a person may send from an address:
 *  - `sendAs`: From is the address; the envelope sender (MAIL FROM) is the address too.
 *  - `onBehalf`: From is the address, Sender is the person (RFC 5322 §3.6.2); the envelope
 *    sender is the person.
 *  - `none`: reading only; never offered in the From picker.
 */
export type SendMode = 'sendAs' | 'onBehalf' | 'none';

/** Where the copy of a message sent from a shared mailbox goes (issue #4 §5). */
export type SentCopyPolicy = 'shared' | 'own' | 'both';

export interface Identity {
  /** `<accountId>:own`, the shared Mailbox id, or `<accountId>:alias:<address>`. */
  id: string;
  accountId: AccountId;
  kind: 'own' | 'shared' | 'alias';
  /** The Mailbox whose folders (Sent, Drafts) belong to this identity; aliases use the own one. */
  mailboxId: string;
  address: string;
  displayName: string;
  sendMode: SendMode;
  /** Only meaningful for `shared`; `own` and `alias` always copy to the person's own Sent. */
  sentCopies: SentCopyPolicy;
  /** `default`: derived from rights (insert right → sendAs); `config`: set by the person or an import. */
  source: 'default' | 'config';
}

/**
 * One entry of the identity configuration, as edited in Settings or imported as JSON:
 * `{"identities":[{"address":"sales@example.test","sendMode":"onBehalf"}]}`. Matched to the
 * account's mailboxes by address; an address that is no mailbox becomes an alias of the own one.
 */
export interface IdentityConfigEntry {
  address: string;
  displayName?: string;
  sendMode?: SendMode;
  sentCopies?: SentCopyPolicy;
}

/** An attachment of an outgoing message: new data, a part of an existing message, or a whole message. */
export type OutgoingAttachment =
  | { kind: 'data'; id: string; filename: string; contentType: string; size: number; dataBase64: string }
  | {
      kind: 'part';
      id: string;
      filename: string;
      contentType: string;
      size: number;
      source: { accountId: string; folderPath: string; uid: number; partId: string };
    }
  | {
      /** Forward as attachment: the original as message/rfc822. */
      kind: 'message';
      id: string;
      filename: string;
      size: number;
      source: { accountId: string; folderPath: string; uid: number };
    };

export type ComposeIntent = 'new' | 'reply' | 'replyAll' | 'forward' | 'forwardAsAttachment';

/** What a composer holds; the same shape is autosaved as a draft and queued for sending. */
export interface OutgoingMessage {
  /** Chosen by the composer (random), stable across autosaves, the send and an undo. */
  id: string;
  accountId: string;
  identityId: string;
  to: Address[];
  cc: Address[];
  bcc: Address[];
  subject: string;
  /** The plain-text body (always present: the text/plain alternative). */
  text: string;
  /** The rich body as sanitised HTML, or null for a plain-text message. */
  html: string | null;
  attachments: OutgoingAttachment[];
  /** Threading (RFC 5322 §3.6.4). */
  inReplyTo: string | null;
  references: string[];
  /** The message replied to or forwarded: gets \Answered or $Forwarded once sent. */
  origin: { intent: ComposeIntent; accountId: string; folderPath: string; uid: number } | null;
  /** The server copy of this draft, replaced on every save and removed once sent. */
  draft: { folderPath: string; uid: number } | null;
}

export interface DraftSaveResult {
  /** Main's durable local copy was written (always, before anything else). */
  savedLocally: true;
  /** Where the server copy now is; null when the server could not be reached or refused. */
  server: { folderPath: string; uid: number; mailboxId: string } | null;
  /** The From mailbox's Drafts could not be written: the draft went to the person's own. */
  fellBackToOwn: boolean;
  /** Why the server copy failed (the draft is safe locally and is saved again later). */
  error: { code: string; message: string } | null;
}

/**
 * The outbox's states (issue #4 §6). `waiting`: inside the undo window; `queued`: ready to
 * submit; `sending`: SMTP under way (uncertain after a crash); `accepted`: the server took it,
 * the Sent copy and flags are pending; `sent`: finished (kept briefly to show); `retrying`:
 * a temporary failure, next attempt at `nextAttemptAt`; `refused`: a permanent refusal that
 * needs the person (edit, retry or cancel).
 */
export type OutboxState = 'waiting' | 'queued' | 'sending' | 'accepted' | 'sent' | 'retrying' | 'refused';

export type SendErrorCode =
  | 'senderRefused'
  | 'recipientRefused'
  | 'messageTooLarge'
  | 'authFailed'
  | 'noPassword'
  | 'offline'
  | 'tlsFailed'
  | 'serverError'
  | 'attachmentUnavailable'
  | 'unknown';

export interface OutboxItem {
  id: string;
  accountId: AccountId;
  identityId: string;
  from: Address;
  /** Set for send on behalf. */
  sender: Address | null;
  recipients: Address[];
  subject: string;
  messageId: string;
  state: OutboxState;
  createdAt: number;
  /** When the undo window ends (waiting) — epoch ms. */
  sendAt: number;
  attempts: number;
  nextAttemptAt: number | null;
  /** The last failure, with the server's own words in `message`. */
  error: { code: SendErrorCode; message: string; recipients?: string[] } | null;
  /** Where Sent copies were saved (or are to be). */
  sentCopies: { mailboxId: string; folderPath: string; saved: boolean }[];
  /** The shared Sent folder could not be written: the copy went to the person's own Sent. */
  copyFellBackToOwn: boolean;
  /** When it was accepted by the server, epoch ms. */
  sentAt: number | null;
}

/** Who answered a message, from the Sent copies of its mailbox and the person's own (issue #4 §5). */
export interface AnswerInfo {
  /** The person who wrote it (Sender, or Postvak's author header on send-as copies); null if unknown. */
  by: Address | null;
  from: Address;
  date: number;
  kind: 'reply' | 'forward';
  folderPath: string;
  uid: number;
}
