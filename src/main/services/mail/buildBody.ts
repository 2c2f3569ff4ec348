/**
 * A message's MessageBody from its structure and the sections the plan fetched (issue #10 §1–2).
 * Decoding and iCalendar parsing run in the parse worker (parsePool); what the worker cannot
 * read within its budget is left out or read the cheap way here, and the body is marked
 * incomplete — the raw source is never shown as the body.
 */
import type { AttachedMessageHeaders, BodyPart, MessageBody } from '../../../shared/model';
import type { AccountId } from '../../../shared/model';
import type { CalendarInvitation } from '../../../shared/model/calendar';
import type { ParsedCalendars } from '../calendar/ical/icsParse.mjs';
import { icsFromJcalSliced } from '../calendar/ical/icsFile';
import type { Envelope } from '../imap/types';
import { leaves, type BodyNode } from './bodyStructure';
import { decodeCharset } from './charset';
import { displayPlan, TEXT_PART_BYTES, UNNAMED_MESSAGE, type DisplayItem } from './displayPlan';
import { ParseBudgetError, type ParsePool } from './parsePool';
import { decodePart } from './transferDecode';
import type { HeaderFields } from './worker/mime.mjs';

export interface MessageRef {
  accountId: AccountId;
  folderPath: string;
  uid: number;
}

const emptyHeaders = (): HeaderFields => ({
  from: [],
  to: [],
  cc: [],
  replyTo: [],
  sender: [],
  subject: '',
  date: 0,
  messageId: null,
  inReplyTo: null,
  references: [],
  deliveredTo: [],
  authResults: [],
});

function fromEnvelope(envelope: Envelope): HeaderFields {
  return {
    ...emptyHeaders(),
    from: envelope.from,
    to: envelope.to,
    cc: envelope.cc,
    replyTo: envelope.replyTo,
    sender: envelope.sender,
    subject: envelope.subject,
    date: envelope.date ?? 0,
    messageId: envelope.messageId,
    inReplyTo: envelope.inReplyTo,
  };
}

/** Hands the worker its own copy, so the transfer never detaches a buffer main still holds. */
export function bytesFor(buffer: Buffer): { bytes: Uint8Array; transfer: ArrayBuffer[] } {
  const copy = new Uint8Array(buffer.length);
  copy.set(buffer);
  return { bytes: copy, transfer: [copy.buffer] };
}

export async function buildBody(
  ref: MessageRef,
  root: BodyNode,
  sections: Map<string, Buffer>,
  pool: ParsePool,
  envelope: Envelope | null = null,
): Promise<MessageBody> {
  const plan = displayPlan(root);
  const nodes = new Map(leaves(root).map((leaf) => [leaf.partId, leaf.node]));
  let incomplete = false;
  // One part over budget gives the message's other waiting parts the cheap path, not a budget each.
  const budget = new AbortController();
  const run = async <T>(kind: string, payload: unknown, transfer: ArrayBuffer[]): Promise<T> => {
    try {
      return await pool.run<T>(kind, payload, transfer, budget.signal);
    } catch (error) {
      if (error instanceof ParseBudgetError) budget.abort();
      throw error;
    }
  };

  const header = async (key: string): Promise<HeaderFields | null> => {
    const block = sections.get(key);
    if (!block) return null;
    const { bytes, transfer } = bytesFor(block);
    try {
      return await run<HeaderFields>('header', { bytes }, transfer);
    } catch {
      incomplete = true;
      return null;
    }
  };

  /** HTML parts' text by part, for `text` when the message shows no plain part. */
  const htmlTexts = new Map<string, string>();
  const text = async (partId: string, node: BodyNode, type: string): Promise<string | null> => {
    const raw = sections.get(partId);
    if (raw === undefined) {
      incomplete = true;
      return null;
    }
    const cut = raw.length >= TEXT_PART_BYTES && (node.size ?? 0) > raw.length;
    if (cut) incomplete = true;
    const encoding = (node.encoding ?? '7bit').toLowerCase();
    const { bytes, transfer } = bytesFor(raw);
    try {
      const decoded = await run<{ content: string; text: string | null }>('text', { type, parameters: node.parameters ?? {}, encoding, raw: bytes }, transfer);
      if (decoded.text !== null) htmlTexts.set(partId, decoded.text);
      return decoded.content;
    } catch {
      // The worker ran over its budget: the libraries' plain decoding, without its niceties
      // (format=flowed), on at most TEXT_PART_BYTES.
      incomplete = true;
      return decodeCharset(decodePart(raw, encoding), node.parameters?.charset ?? 'utf-8', cut);
    }
  };

  const parts = async (items: DisplayItem[]): Promise<BodyPart[]> =>
    Promise.all(
      items.map(async (item): Promise<BodyPart> => {
        if (item.kind === 'message') {
          const fields = (await header(`${item.partId}.HEADER`)) ?? emptyHeaders();
          const headers: AttachedMessageHeaders = { from: fields.from, to: fields.to, cc: fields.cc, subject: fields.subject, date: fields.date };
          return { kind: 'message', partId: item.partId, headers, parts: await parts(item.items) };
        }
        const value = (await text(item.partId, item.node, item.kind === 'html' ? 'text/html' : 'text/plain')) ?? '';
        return item.kind === 'html' ? { kind: 'html', html: value } : { kind: 'text', text: value };
      }),
    );

  const [headers, shown, invitations] = await Promise.all([
    header('HEADER'),
    parts(plan.items),
    calendarInvitations(plan.calendars, sections, (text) => run('ics', { text }, []), nodes, () => {
      incomplete = true;
    }),
  ]);
  const inlineImages: Record<string, string> = {};
  for (const image of plan.images) {
    const raw = sections.get(image.partId);
    const node = nodes.get(image.partId);
    if (!raw || !node) continue;
    inlineImages[image.contentId] = `data:${image.type};base64,${decodePart(raw, (node.encoding ?? '').toLowerCase()).toString('base64')}`;
  }
  const shownMessages = new Map(
    shown.flatMap((p) => (p.kind === 'message' && p.headers.subject.trim() ? [[p.partId, p.headers.subject.trim().replace(/[\\/:*?"<>|\r\n\t]/g, '_')] as const] : [])),
  );
  const plain = shown.flatMap((p) => (p.kind === 'text' ? [p.text] : []));
  const firstHtml = shown.find((p) => p.kind === 'html');
  const firstHtmlItem = plan.items.find((i) => i.kind === 'html');
  const firstHtmlText = firstHtmlItem ? (htmlTexts.get(firstHtmlItem.partId) ?? null) : null;
  return {
    ...ref,
    html: firstHtml?.kind === 'html' && firstHtml.html !== '' ? firstHtml.html : null,
    // Replies quote `text` in their plain part (composeDraft): an HTML-only message gives its text.
    text: plain.length > 0 ? plain.join('\n\n') : firstHtmlText,
    parts: shown,
    ...(incomplete || (headers === null && sections.has('HEADER')) ? { incomplete: true } : {}),
    attachments: plan.attachments.map((a) => {
      // An attached message without a file name is named by its subject, as mail clients do.
      const shown = shownMessages.get(a.partId);
      return a.contentType === 'message/rfc822' && a.filename === UNNAMED_MESSAGE && shown ? { ...a, filename: `${shown.slice(0, 120)}.eml` } : a;
    }),
    inlineImages,
    headers: headers ?? (envelope ? fromEnvelope(envelope) : emptyHeaders()),
    invitations,
  };
}

/**
 * iTIP messages (RFC 5546) carried as text/calendar parts with a METHOD (RFC 6047 §2.4), for the
 * invitation card (issue #5 §8). The same request often comes twice (an alternative part and an
 * invite.ics attachment): shown once.
 */
async function calendarInvitations(
  partIds: string[],
  sections: Map<string, Buffer>,
  parseIcsText: (text: string) => Promise<ParsedCalendars>,
  nodes: Map<string, BodyNode>,
  onBudget: () => void,
): Promise<CalendarInvitation[]> {
  const seen = new Set<string>();
  const out: CalendarInvitation[] = [];
  for (const partId of partIds) {
    const raw = sections.get(partId);
    const node = nodes.get(partId);
    if (!raw || !node) continue;
    let parsed: ParsedCalendars;
    try {
      const text = decodeCharset(decodePart(raw, (node.encoding ?? '7bit').toLowerCase()), node.parameters?.charset ?? 'utf-8');
      parsed = await parseIcsText(text);
    } catch {
      onBudget(); // the mail still shows; the part stays an attachment
      continue;
    }
    const { method, organizer, events } = await icsFromJcalSliced(parsed);
    const key = `${method ?? ''} ${events.map((e) => `${e.uid}/${e.sequence}`).join(' ')}`;
    if (!method || events.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push({ method, events, organizer });
  }
  return out;
}
