/**
 * The message a composer starts with (issue #4 §1): new, reply, reply all, forward inline or
 * as attachment. Pure apart from the injected sanitiser, so every intent is tested without a
 * DOM of its own. Recipients, subject, threading and quoting come from src/shared/compose.
 */
import {
  displayName,
  escapeHtml,
  forwardHeaderText,
  forwardSubject,
  quoteHtml,
  quoteText,
  replyRecipients,
  replySubject,
  threading,
} from '../../../shared/compose';
import type { MessageBody } from '../../../shared/model';
import type { ComposeIntent, Identity, OutgoingAttachment, OutgoingMessage } from '../../../shared/model/compose';
import type { Formatters } from '../../i18n/format';
import type { Translate } from '../../i18n/types';
import { safeFileName } from '../../../shared/fileName';

export interface DraftDeps {
  t: Translate;
  fmt: Formatters;
  /** Mail HTML → safe HTML (components/sanitize.ts); inline images become data: URLs. */
  sanitize(html: string, inlineImages: Record<string, string>): string;
}

export interface StartingPoint {
  message: OutgoingMessage;
  /** The rich body (sanitised); the composer starts in rich text with it. */
  initialHtml: string;
}

/** A random id for a new message: stable across autosaves, the send and an undo (the contract's 8–64 url-safe chars). */
export function newMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function emptyMessage(accountId: string, identityId: string): OutgoingMessage {
  return {
    id: newMessageId(),
    accountId,
    identityId,
    to: [],
    cc: [],
    bcc: [],
    subject: '',
    text: '',
    html: null,
    attachments: [],
    inReplyTo: null,
    references: [],
    origin: null,
    draft: null,
  };
}

/** Plain text as rich text: escaped, line breaks kept. */
export function textToHtml(text: string): string {
  return escapeHtml(text).replace(/\r\n?|\n/g, '<br>');
}

/** The original's body as safe HTML, whichever alternative it has. */
function originalHtml(body: MessageBody, deps: DraftDeps): string {
  if (body.html) return deps.sanitize(body.html, body.inlineImages);
  return textToHtml(body.text ?? '');
}

/** The original's attachments for an inline forward: real attachments only (inline images travel in the HTML). */
function forwardedParts(body: MessageBody): OutgoingAttachment[] {
  return body.attachments
    .filter((a) => !a.inline && a.filename.trim() !== '')
    .map((a) => ({
      kind: 'part',
      id: `part-${a.partId}`,
      filename: safeFileName(a.filename, 'attachment'),
      contentType: /^[\w.+-]+\/[\w.+-]+$/.test(a.contentType) ? a.contentType : 'application/octet-stream',
      size: a.size,
      source: { accountId: body.accountId, folderPath: body.folderPath, uid: body.uid, partId: a.partId },
    }));
}

export interface OriginalMessage {
  body: MessageBody;
  /** Size in octets (the message list's RFC822.SIZE), for a forward as attachment. */
  size: number;
}

/**
 * A reply or forward of `original`, from `identity`. `ownAddresses` are every address of the
 * person's account (so answering one's own sent mail goes to its recipients, not to oneself).
 */
export function answerDraft(
  intent: Exclude<ComposeIntent, 'new'>,
  original: OriginalMessage,
  identity: Identity,
  ownAddresses: string[],
  deps: DraftDeps,
): StartingPoint {
  const { body } = original;
  const h = body.headers;
  const base = emptyMessage(identity.accountId, identity.id);
  const origin = { intent, accountId: body.accountId, folderPath: body.folderPath, uid: body.uid };
  const author = h.from[0];
  if (intent === 'reply' || intent === 'replyAll') {
    const { to, cc } = replyRecipients(intent, h, ownAddresses, identity.address);
    const attribution = deps.t('compose.attribution', {
      date: deps.fmt.fullDate(h.date),
      name: author ? displayName(author) : deps.t('messages.unknownSender'),
    });
    const html = quoteHtml(originalHtml(body, deps), attribution);
    const text = quoteText(body.text ?? '', attribution);
    return { message: { ...base, ...threading(h), to, cc, subject: replySubject(h.subject), text, html, origin }, initialHtml: html };
  }
  const subject = forwardSubject(h.subject);
  // A forward answers nobody (no In-Reply-To), but its References name the original's thread
  // (RFC 5322 §3.6.4), as Thunderbird and Gmail do: the team's Sent copy is then found by
  // message.answers ("forwarded by alice"), and a reopened forward keeps its conversation.
  const { references } = threading(h);
  if (intent === 'forwardAsAttachment') {
    const attachment: OutgoingAttachment = {
      kind: 'message',
      id: 'original',
      filename: safeFileName(`${h.subject.trim() || deps.t('messages.noSubject')}.eml`, 'message.eml'),
      size: original.size,
      source: { accountId: body.accountId, folderPath: body.folderPath, uid: body.uid },
    };
    return { message: { ...base, subject, references, html: '<p><br></p>', attachments: [attachment], origin }, initialHtml: '<p><br></p>' };
  }
  const header = forwardHeaderText(
    h,
    {
      header: deps.t('compose.forwardHeader'),
      from: deps.t('compose.from'),
      date: deps.t('reader.date'),
      subject: deps.t('compose.subject'),
      to: deps.t('compose.to'),
      cc: deps.t('compose.cc'),
    },
    deps.fmt.fullDate,
  );
  const html = `<p><br></p><p>${textToHtml(header.trimEnd())}</p><div>${originalHtml(body, deps)}</div>`;
  const text = `\n\n${header}\n${body.text ?? ''}`;
  return { message: { ...base, subject, references, text, html, attachments: forwardedParts(body), origin }, initialHtml: html };
}
