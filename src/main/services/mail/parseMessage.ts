/**
 * A kept message's full source (the offline store, issue #3 §3) to the contract's MessageBody,
 * the same way as a message read from the server part by part (buildBody): the parse worker
 * splits it into the structure BODYSTRUCTURE would give, then the shown parts are decoded there
 * too (issue #10 §1). Drafts go to the worker as well (others write drafts in a shared mailbox);
 * answer headers — a few header lines of our own Sent copies — are parsed here.
 */
import type { Address, MessageBody } from '../../../shared/model';
import { buildBody, bytesFor, type MessageRef } from './buildBody';
import { TEXT_PART_BYTES } from './displayPlan';
import { ParseFailedError, parsePool, type ParsePool } from './parsePool';
import type { BodyNode } from './bodyStructure';
import { addresses, parseMail, validTime, type ParsedDraft as DraftContent } from './worker/mime.mjs';

export type { MessageRef } from './buildBody';
export { MAX_INLINE_IMAGE_BYTES } from './displayPlan';
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;
const HEADER_FALLBACK_BYTES = 256 * 1024;

export async function parseMessage(ref: MessageRef, source: Buffer, pool: ParsePool = parsePool()): Promise<MessageBody> {
  const { bytes, transfer } = bytesFor(source);
  let split: { root: BodyNode | null; bodies: Record<string, Uint8Array> };
  try {
    split = await pool.run('split', { bytes, maxBodyBytes: TEXT_PART_BYTES }, transfer);
  } catch (error) {
    if (!(error instanceof ParseFailedError)) throw error;
    // The splitter refused the structure (a header over 1 MB, …): the header fields when they
    // can be read, no parts — never the raw source as the body.
    const end = source.indexOf('\r\n\r\n');
    const header = source.subarray(0, end >= 0 ? Math.min(end, HEADER_FALLBACK_BYTES) : Math.min(source.length, HEADER_FALLBACK_BYTES));
    const body = await buildBody(ref, { type: 'text/plain' }, new Map([['HEADER', header]]), pool);
    return { ...body, incomplete: true };
  }
  const sections = new Map(Object.entries(split.bodies).map(([key, value]) => [key, Buffer.from(value.buffer, value.byteOffset, value.byteLength)]));
  return buildBody(ref, split.root ?? { type: 'text/plain' }, sections, pool);
}

/** A draft's content as the composer needs it back, its attachments as Buffers. */
export type ParsedDraft = DraftContent<Buffer>;

export async function parseDraft(source: Buffer, pool: ParsePool = parsePool()): Promise<ParsedDraft> {
  const { bytes, transfer } = bytesFor(source);
  const draft = await pool.run<DraftContent>('draft', { bytes }, transfer);
  return {
    ...draft,
    attachments: draft.attachments.map((a) => ({ ...a, content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength) })),
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
  const parsed = await parseMail(Buffer.concat([block, Buffer.from('\r\n')]));
  const author = parsed.headers.get('x-postvak-author');
  const intent = parsed.headers.get('x-postvak-intent');
  return {
    from: addresses(parsed.from)[0] ?? null,
    sender: addresses(parsed.headers.get('sender'))[0] ?? null,
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
  const parsed = await parseMail(Buffer.from(`From: ${value.replace(/[\r\n]+/g, ' ')}\r\n\r\n`));
  return addresses(parsed.from)[0] ?? null;
}
