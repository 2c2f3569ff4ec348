/**
 * Outgoing messages as RFC 5322 text, built once with nodemailer's MailComposer (which encodes
 * non-ASCII names and subjects as RFC 2047 encoded words and folds long lines). A message to
 * send yields two byte-identical-but-for-headers copies with the same Message-ID and Date:
 *  - the wire copy for SMTP: no Bcc header (RFC 5322 §3.6.3: Bcc recipients stay hidden);
 *  - the Sent copy: keeps Bcc, and says who wrote it (`X-Postvak-Author`) and why
 *    (`X-Postvak-Intent`), so a team sees who answered from a shared address (issue #4 §5).
 *
 * No CR or LF reaches a header from any input (issue #10 §6): every value — names, addresses,
 * subject, ids, file names and our own X-Postvak-* values — passes through the one header rule
 * (src/shared/text/headerValue.ts) here, whatever the caller checked before. Our own headers go
 * to MailComposer `prepared` (as written), which is where a name's CR/LF became a header once.
 */
import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { encodeWord, isPlainText, quoteString } from 'nodemailer/lib/mime-funcs';
import type { Address } from '../../../shared/model';
import { headerText } from '../../../shared/text/headerValue';
import type { OutgoingMessage } from '../../../shared/model/compose';

/** An attachment with its bytes in hand (parts and forwarded messages already fetched). */
export interface ResolvedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface MimeInput {
  message: OutgoingMessage;
  from: Address;
  /** RFC 5322 §3.6.2 Sender (send on behalf), or null. */
  sender: Address | null;
  /** The person who wrote it (the signed-in account holder). */
  author: Address;
  messageId: string;
  date: Date;
  attachments: readonly ResolvedAttachment[];
}

export interface BuiltMessage {
  wire: Buffer;
  copy: Buffer;
}

export const AUTHOR_HEADER = 'X-Postvak-Author';
export const INTENT_HEADER = 'X-Postvak-Intent';
export const DRAFT_HEADER = 'X-Postvak-Draft-Id';
/**
 * `<intent> <uid> <folder path, percent-encoded>` of the message a draft answers or forwards, so
 * a draft reopened from the server (by another member too) still marks it \Answered/$Forwarded
 * once sent. Folder paths of a shared mailbox are the same for every member on one server.
 */
export const ORIGIN_HEADER = 'X-Postvak-Origin';

export function originHeaderValue(origin: NonNullable<OutgoingMessage['origin']>): string {
  return `${origin.intent} ${origin.uid} ${encodeURIComponent(origin.folderPath)}`;
}

/**
 * A Message-ID (RFC 5322 §3.6.4) in the From address's domain: unique by 18 random bytes, and
 * the domain makes clear whose message it is without naming the machine it was written on.
 */
export function newMessageId(fromAddress: string): string {
  const at = fromAddress.lastIndexOf('@');
  const domain = at >= 0 && at < fromAddress.length - 1 ? fromAddress.slice(at + 1).toLowerCase() : 'postvak.invalid';
  return `<${randomBytes(18).toString('base64url')}@${domain}>`;
}

/** `reply` or `forward` for the Sent copy; nothing for a new message. */
export function intentLabel(message: OutgoingMessage): 'reply' | 'forward' | null {
  const intent = message.origin?.intent ?? (message.inReplyTo ? 'reply' : 'new');
  if (intent === 'reply' || intent === 'replyAll') return 'reply';
  if (intent === 'forward' || intent === 'forwardAsAttachment') return 'forward';
  return null;
}

/** The wire copy and the Sent copy of a message to send. */
export async function buildOutgoing(input: MimeInput): Promise<BuiltMessage> {
  const intent = intentLabel(input.message);
  const extra: Headers = { [AUTHOR_HEADER]: { prepared: true, value: formatAddress(input.author) } };
  if (intent) extra[INTENT_HEADER] = intent;
  const wire = await compose(input, {}, false);
  const copy = await compose(input, extra, true);
  return { wire, copy };
}

/** A draft for a Drafts folder: keeps Bcc and carries the composer's id so it reopens as the same draft. */
export function buildDraft(input: MimeInput): Promise<Buffer> {
  const headers: Headers = { [DRAFT_HEADER]: input.message.id };
  if (input.message.origin) headers[ORIGIN_HEADER] = originHeaderValue(input.message.origin);
  return compose(input, headers, true);
}

type Headers = Record<string, string | { prepared: true; value: string }>;

const cleanAddress = (a: Address): Address => ({ name: headerText(a.name).trim(), address: headerText(a.address).trim() });

/** Every header value as the header rule allows it. */
function cleanHeaders(headers: Headers): Headers {
  return Object.fromEntries(
    Object.entries(headers).map(([key, value]) => [key, typeof value === 'string' ? headerText(value) : { ...value, value: headerText(value.value) }]),
  );
}

async function compose(input: MimeInput, headers: Headers, keepBcc: boolean): Promise<Buffer> {
  const { message } = input;
  const node = new MailComposer({
    from: cleanAddress(input.from),
    ...(input.sender ? { sender: cleanAddress(input.sender) } : {}),
    to: message.to.map(cleanAddress),
    cc: message.cc.map(cleanAddress),
    bcc: message.bcc.map(cleanAddress),
    subject: headerText(message.subject),
    messageId: headerText(input.messageId),
    date: input.date,
    ...(message.inReplyTo ? { inReplyTo: headerText(message.inReplyTo) } : {}),
    ...(message.references.length > 0 ? { references: message.references.map(headerText) } : {}),
    text: message.text,
    ...(message.html !== null ? { html: message.html } : {}),
    attachments: input.attachments.map((a) => ({
      filename: headerText(a.filename),
      contentType: a.contentType,
      content: a.content,
      // A forwarded message is an attachment, not shown inline (RFC 2183 §2.2).
      contentDisposition: 'attachment',
    })),
    headers: cleanHeaders(headers),
    // RFC 5322 §2.3: CRLF line ends, as SMTP DATA and IMAP APPEND expect.
    newline: 'win',
    // Nothing is read from disk or the network while building: all content is in hand.
    disableFileAccess: true,
    disableUrlAccess: true,
  }).compile();
  node.keepBcc = keepBcc;
  return node.build();
}

/**
 * An RFC 5322 §3.4 mailbox for a header MailComposer does not know as an address header: the
 * display name quoted, or as an RFC 2047 encoded word when it is not ASCII; the address as is.
 */
export function formatAddress(address: Address): string {
  const { name: text, address: addr } = cleanAddress(address);
  if (!text) return `<${addr}>`;
  const name = isPlainText(text) ? quoteString(text) : encodeWord(text, 'Q', 52);
  return `${name} <${addr}>`;
}

/** A plain-text message Postvak writes into a mailbox itself (issue #12 §7: a deletion record). */
export interface NoticeInput {
  from: Address;
  to: Address;
  subject: string;
  messageId: string;
  date: Date;
  text: string;
  /** Our own fields, in order (a key may repeat); ASCII values, written as given after the header rule. */
  headers: readonly { key: string; value: string }[];
}

export function buildNotice(input: NoticeInput): Promise<Buffer> {
  const node = new MailComposer({
    from: cleanAddress(input.from),
    to: [cleanAddress(input.to)],
    subject: headerText(input.subject),
    messageId: headerText(input.messageId),
    date: input.date,
    text: input.text,
    headers: input.headers.map((h) => ({ key: h.key, value: { prepared: true, value: headerText(h.value) } })),
    newline: 'win',
    disableFileAccess: true,
    disableUrlAccess: true,
  }).compile();
  return node.build();
}
