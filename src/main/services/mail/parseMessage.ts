/**
 * The one module that imports mailparser: a full message source to the contract's MessageBody.
 * HTML is returned as sent (the renderer sanitises it with DOMPurify); cid: images come along
 * as data: URLs so the renderer needs no network for them.
 */
import { simpleParser, type AddressObject, type Attachment, type EmailAddress, type ParsedMail } from 'mailparser';
import type { Address, AttachmentInfo, MessageBody } from '../../../shared/model';
import type { AccountId } from '../../../shared/model';
import type { CalendarInvitation } from '../../../shared/model/calendar';
import { parseIcs } from '../calendar/ical/icsFile';

export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;
export const MAX_INLINE_IMAGE_BYTES = 5 * 1024 * 1024;
/** An invitation is a few kilobytes; larger calendar parts are left as plain attachments. */
const MAX_INVITATION_BYTES = 1024 * 1024;

export interface MessageRef {
  accountId: AccountId;
  folderPath: string;
  uid: number;
}

export async function parseMessage(ref: MessageRef, source: Buffer): Promise<MessageBody> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(source, {
      keepCidLinks: true,
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      // html-to-text on megabytes of hostile HTML can take very long; such mail shows no text.
      maxHtmlLengthToParse: 5 * 1024 * 1024,
    });
  } catch {
    return unparsable(ref, source);
  }
  const attachments = parsed.attachments.map(toAttachmentInfo);
  return {
    ...ref,
    html: typeof parsed.html === 'string' && parsed.html !== '' ? parsed.html : null,
    text: parsed.text ?? null,
    attachments,
    inlineImages: inlineImages(parsed.attachments),
    headers: {
      from: addresses(parsed.from),
      to: addresses(parsed.to),
      cc: addresses(parsed.cc),
      replyTo: addresses(parsed.replyTo),
      sender: addresses(parsed.headers.get('sender') as AddressObject | undefined),
      subject: parsed.subject ?? '',
      date: validTime(parsed.date) ?? 0,
      messageId: parsed.messageId ?? null,
      inReplyTo: parsed.inReplyTo ?? null,
      references: references(parsed.references),
      deliveredTo: deliveredTo(parsed),
      authResults: authResults(parsed.headerLines),
    },
    invitations: invitations(parsed.attachments),
  };
}

/**
 * iTIP messages (RFC 5546) carried as text/calendar parts with a METHOD (RFC 6047 §2.4), for the
 * invitation card (issue #5 §8). The same request often comes twice (an alternative part and an
 * invite.ics attachment): shown once.
 */
function invitations(list: readonly Attachment[]): CalendarInvitation[] {
  const seen = new Set<string>();
  const out: CalendarInvitation[] = [];
  for (const a of list) {
    const type = a.contentType.toLowerCase();
    if ((type !== 'text/calendar' && type !== 'application/ics') || a.content.length > MAX_INVITATION_BYTES) continue;
    let found: ReturnType<typeof parseIcs>;
    try {
      found = parseIcs(a.content.toString('utf8'));
    } catch {
      continue; // The mail still shows; the part stays an attachment.
    }
    const { method, organizer, events } = found;
    const key = `${method ?? ''} ${events.map((e) => `${e.uid}/${e.sequence}`).join(' ')}`;
    if (!method || events.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push({ method, events, organizer });
  }
  return out;
}

/** Mail the parser gives up on is shown as its raw text rather than not at all. */
function unparsable(ref: MessageRef, source: Buffer): MessageBody {
  return {
    ...ref,
    html: null,
    text: source.toString('utf8'),
    attachments: [],
    inlineImages: {},
    headers: { from: [], to: [], cc: [], replyTo: [], sender: [], subject: '', date: 0, messageId: null, inReplyTo: null, references: [], deliveredTo: [], authResults: [] },
    invitations: [],
  };
}

function toAttachmentInfo(a: Attachment): AttachmentInfo {
  return {
    // A message that is a single non-text part has just part 1 (RFC 9051 §6.4.5).
    partId: a.partId ?? '1',
    filename: a.filename ?? defaultName(a.contentType),
    contentType: a.contentType,
    size: a.size,
    contentId: a.cid ?? null,
    inline: a.contentDisposition === 'inline' || a.related === true,
  };
}

function defaultName(contentType: string): string {
  const sub = contentType.split('/')[1]?.replace(/[^a-z0-9]+/gi, '') ?? '';
  return sub ? `attachment.${sub.slice(0, 10)}` : 'attachment';
}

function inlineImages(list: readonly Attachment[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of list) {
    if (!a.cid || !a.contentType.toLowerCase().startsWith('image/')) continue;
    if (a.content.length > MAX_INLINE_IMAGE_BYTES) continue;
    out[a.cid] = `data:${a.contentType.toLowerCase()};base64,${a.content.toString('base64')}`;
  }
  return out;
}

function addresses(value: AddressObject | AddressObject[] | undefined): Address[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const out: Address[] = [];
  const add = (entry: EmailAddress) => {
    if (entry.group) entry.group.forEach(add);
    else if (entry.address || entry.name) out.push({ name: entry.name ?? '', address: entry.address ?? '' });
  };
  for (const object of objects) (object?.value ?? []).forEach(add);
  return out;
}

function references(value: string | string[] | undefined): string[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : value.split(/\s+/)).filter((r) => r.length > 0);
}

function validTime(date: Date | undefined): number | null {
  const time = date?.getTime();
  return time !== undefined && Number.isFinite(time) ? time : null;
}

/**
 * Delivered-To and X-Original-To (set by the delivering server; RFC 9228 for Delivered-To):
 * the address a message really reached, so a reply can come from that alias (issue #4 §3).
 */
function deliveredTo(parsed: ParsedMail): string[] {
  const out = new Set<string>();
  for (const name of ['delivered-to', 'x-original-to']) {
    const value = parsed.headers.get(name);
    const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
    for (const entry of values) {
      const text = typeof entry === 'string' ? entry : (entry as AddressObject | undefined)?.text ?? '';
      for (const match of text.matchAll(/[^\s<>,;"]+@[^\s<>,;"]+/g)) out.add(match[0].toLowerCase());
    }
  }
  return [...out];
}

/**
 * Authentication-Results (RFC 8601 §2.2) as written, unfolded (RFC 5322 §2.2.3), in header order:
 * each hop prepends its own, so the topmost is the receiving (own) server's.
 */
export function authResults(lines: readonly { key: string; line: string }[]): string[] {
  return lines
    .filter((l) => l.key.toLowerCase() === 'authentication-results')
    .map((l) => l.line.slice(l.line.indexOf(':') + 1).replace(/\r?\n(?=[ \t])/g, '').trim());
}

/** A draft's content as the composer needs it back (issue #4 §1: reopen a draft, also another member's). */
export interface ParsedDraft {
  from: Address[];
  to: Address[];
  cc: Address[];
  bcc: Address[];
  subject: string;
  text: string;
  html: string | null;
  inReplyTo: string | null;
  references: string[];
  /** `X-Postvak-Draft-Id`: the composer's id, so a reopened draft keeps replacing the same copy. */
  draftId: string | null;
  /** `X-Postvak-Origin` as written (see smtp/mimeBuild.ts); validated by the caller. */
  origin: string | null;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export async function parseDraft(source: Buffer): Promise<ParsedDraft> {
  const parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, keepCidLinks: true });
  const draftId = parsed.headers.get('x-postvak-draft-id');
  const origin = parsed.headers.get('x-postvak-origin');
  return {
    from: addresses(parsed.from),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    bcc: addresses(parsed.bcc),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' && parsed.html !== '' ? parsed.html : null,
    inReplyTo: parsed.inReplyTo ?? null,
    references: references(parsed.references),
    draftId: typeof draftId === 'string' ? draftId.trim() : null,
    origin: typeof origin === 'string' ? origin.trim() : null,
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? defaultName(a.contentType),
      contentType: a.contentType,
      content: a.content,
    })),
  };
}

/** The header fields `message.answers` reads from a Sent copy (issue #4 §5). */
export interface AnswerHeaders {
  from: Address | null;
  sender: Address | null;
  /** `X-Postvak-Author`: who wrote a send-as reply. */
  author: Address | null;
  intent: string | null;
  date: number | null;
}

/** Parses a header block (`BODY[HEADER.FIELDS (…)]`); encoded words (RFC 2047) are decoded. */
export async function parseAnswerHeaders(block: Buffer): Promise<AnswerHeaders> {
  const parsed = await simpleParser(Buffer.concat([block, Buffer.from('\r\n')]));
  const author = parsed.headers.get('x-postvak-author');
  const intent = parsed.headers.get('x-postvak-intent');
  return {
    from: addresses(parsed.from)[0] ?? null,
    sender: addresses(parsed.headers.get('sender') as AddressObject | undefined)[0] ?? null,
    author: typeof author === 'string' ? await headerAddress(author) : null,
    intent: typeof intent === 'string' ? intent.trim().toLowerCase() : null,
    date: validTime(parsed.date),
  };
}

/**
 * An unknown header that holds a mailbox (RFC 5322 §3.4), read the way From is read: the parser
 * decodes structured headers it knows only, so the value is parsed as a From of its own.
 */
async function headerAddress(value: string): Promise<Address | null> {
  const parsed = await simpleParser(Buffer.from(`From: ${value.replace(/[\r\n]+/g, ' ')}\r\n\r\n`));
  return addresses(parsed.from)[0] ?? null;
}
