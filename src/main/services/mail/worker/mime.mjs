/**
 * The MIME work of the parse worker (issue #10 §1), with mailparser and its splitter: a header
 * block to the contract's header fields, one text part to a string, a whole kept source to a
 * BODYSTRUCTURE-shaped tree with the bodies a reader shows. Plain ESM (types in mime.d.mts) so
 * it runs unchanged in the built app's worker and under Vitest; main imports it only for its
 * small, own-data uses (drafts, answer headers).
 */
import { Splitter } from '@zone-eu/mailsplit';
import { simpleParser } from 'mailparser';

const parserOptions = {
  keepCidLinks: true,
  skipImageLinks: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipHtmlToText: true,
};

/** simpleParser with the options every caller wants (no text↔HTML conversion, cid links kept). */
export function parseMail(source, options = {}) {
  return simpleParser(source, { ...parserOptions, ...options });
}

/** A transferred Uint8Array as a Buffer over the same memory. */
const asBuffer = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function addresses(value) {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const out = [];
  const add = (entry) => {
    if (entry.group) entry.group.forEach(add);
    else if (entry.address || entry.name) out.push({ name: entry.name ?? '', address: entry.address ?? '' });
  };
  for (const object of objects) (object?.value ?? []).forEach(add);
  return out;
}

export function references(value) {
  if (!value) return [];
  return (Array.isArray(value) ? value : value.split(/\s+/)).filter((r) => r.length > 0);
}

export function validTime(date) {
  const time = date?.getTime();
  return time !== undefined && Number.isFinite(time) ? time : null;
}

/**
 * Delivered-To and X-Original-To (set by the delivering server; RFC 9228 for Delivered-To):
 * the address a message really reached, so a reply can come from that alias (issue #4 §3).
 */
function deliveredTo(parsed) {
  const out = new Set();
  for (const name of ['delivered-to', 'x-original-to']) {
    const value = parsed.headers.get(name);
    const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
    for (const entry of values) {
      const text = typeof entry === 'string' ? entry : (entry?.text ?? '');
      for (const match of text.matchAll(/[^\s<>,;"]+@[^\s<>,;"]+/g)) out.add(match[0].toLowerCase());
    }
  }
  return [...out];
}

/**
 * Authentication-Results (RFC 8601 §2.2) as written, unfolded (RFC 5322 §2.2.3), in header order:
 * each hop prepends its own, so the topmost is the receiving (own) server's.
 */
export function authResults(lines) {
  return lines
    .filter((l) => l.key.toLowerCase() === 'authentication-results')
    .map((l) => l.line.slice(l.line.indexOf(':') + 1).replace(/\r?\n(?=[ \t])/g, '').trim());
}

export function headerFields(parsed) {
  return {
    from: addresses(parsed.from),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    replyTo: addresses(parsed.replyTo),
    sender: addresses(parsed.headers.get('sender')),
    subject: parsed.subject ?? '',
    date: validTime(parsed.date) ?? 0,
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references: references(parsed.references),
    deliveredTo: deliveredTo(parsed),
    authResults: authResults(parsed.headerLines),
  };
}

/** A header block (`BODY[HEADER]`, RFC 9051 §6.4.5) to the contract's header fields. */
export async function parseHeader(bytes) {
  const block = asBuffer(bytes);
  return headerFields(await parseMail(Buffer.concat([block, Buffer.from('\r\n\r\n')])));
}

/** html-to-text on megabytes of hostile HTML can take very long; a longer part gives no text. */
const HTML_TO_TEXT_CHARS = 2 * 1024 * 1024;

const headerValue = (value) => `"${String(value).replace(/[\r\n]+/g, ' ').replace(/["\\]/g, '\\$&')}"`;

/**
 * One text part's content as sent (`BODY[<part>]`) to a string, by mailparser itself: the part is
 * given the MIME header its BODYSTRUCTURE describes (type, charset, format=flowed, transfer
 * encoding) and parsed as a message of its own.
 */
export async function decodeText({ type, parameters, encoding, raw }) {
  const params = Object.entries(parameters ?? {})
    .filter(([key]) => /^[a-z0-9-]+$/i.test(key) && ['charset', 'format', 'delsp'].includes(key.toLowerCase()))
    .map(([key, value]) => `; ${key}=${headerValue(value)}`)
    .join('');
  const head = `Content-Type: ${type}${params}\r\nContent-Transfer-Encoding: ${encoding.replace(/[^a-z0-9-]/gi, '') || '7bit'}\r\n\r\n`;
  const body = asBuffer(raw);
  const html = type === 'text/html';
  // An HTML part also gives its text (html-to-text, mailparser's own): replies quote it.
  const parsed = await parseMail(Buffer.concat([Buffer.from(head), body]), {
    skipHtmlToText: !html,
    maxHtmlLengthToParse: HTML_TO_TEXT_CHARS,
  });
  if (html) return { content: typeof parsed.html === 'string' ? parsed.html : '', text: parsed.text ?? null };
  return { content: parsed.text ?? '', text: null };
}

/** A name for an attachment that has none, from its type (`attachment.pdf`). */
export function defaultName(contentType) {
  const sub = contentType.split('/')[1]?.replace(/[^a-z0-9]+/gi, '') ?? '';
  return sub ? `attachment.${sub.slice(0, 10)}` : 'attachment';
}

/**
 * A draft's whole source to what the composer needs back (issue #4 §1). Drafts in a shared
 * mailbox are written by others too, so they are parsed here, in the worker, like any mail.
 */
export async function parseDraftSource(bytes) {
  const parsed = await parseMail(asBuffer(bytes));
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
    attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? defaultName(a.contentType), contentType: a.contentType, content: a.content })),
  };
}

/** Which leaves' bodies a reader may need: text, calendars, inline images, attached messages. */
function keepBody(node) {
  const type = node.contentType || 'text/plain';
  return type.startsWith('text/') || type === 'application/ics' || type === 'message/rfc822' || (type.startsWith('image/') && node.headers.hasHeader('Content-ID'));
}

const MAX_DEPTH = 60;

function splitOnce(bytes, maxBodyBytes) {
  return new Promise((resolve, reject) => {
    // Attached messages are read by splitSource itself: the splitter expands only inline ones.
    // mailsplit stops at 1,000 nodes by default, which left such mail unreadable (issue #10 §2);
    // the worker's memory budget is the limit that matters here.
    const splitter = new Splitter({ ignoreEmbedded: true, maxChildNodes: 20_000 });
    const info = new Map();
    let root = null;
    let current = null;
    let headerBlock = null;
    splitter.on('data', (data) => {
      if (data.type === 'node') {
        const node = data;
        const contentId = node.headers.getFirst('Content-ID');
        const tree = {
          type: node.contentType || 'text/plain',
          parameters: { ...(node._parsedContentType?.params ?? {}) },
          encoding: node.encoding || '7bit',
          disposition: node.disposition || undefined,
          dispositionParameters: node.filename ? { filename: node.filename } : undefined,
          id: contentId ? contentId.trim() : undefined,
          size: 0,
          childNodes: node.multipart ? [] : undefined,
        };
        const parent = node.parentNode ? info.get(node.parentNode) : null;
        let partId = node.multipart ? '' : '1';
        const depth = parent ? parent.depth + 1 : 0;
        if (depth > MAX_DEPTH) {
          // Deeper than any reader goes (bodyStructure.ts leaves stops at 50): left out of the
          // tree, which must stay shallow enough to be posted back (structured clone recurses).
          current = { tree, partId: '', depth, children: 0, chunks: null, kept: 0, cap: 0 };
          info.set(node, { ...current, depth: MAX_DEPTH + 1, tree: { ...tree, childNodes: [] } });
          return;
        }
        if (parent) {
          parent.children += 1;
          partId = parent.partId ? `${parent.partId}.${parent.children}` : String(parent.children);
          parent.tree.childNodes.push(tree);
        } else {
          root = tree;
          headerBlock = node.getHeaders();
        }
        const rfc822 = tree.type === 'message/rfc822';
        current = { tree, partId, depth, children: 0, chunks: keepBody(node) ? [] : null, kept: 0, cap: rfc822 ? Infinity : maxBodyBytes };
        info.set(node, current);
      } else if (data.type === 'body' && current) {
        current.tree.size += data.value.length;
        if (current.chunks && current.kept < current.cap) {
          const piece = current.cap === Infinity ? data.value : data.value.subarray(0, current.cap - current.kept);
          current.chunks.push(piece);
          current.kept += piece.length;
        }
      }
    });
    splitter.on('end', () => resolve({ root, headerBlock, entries: [...info.values()] }));
    splitter.on('error', reject);
    splitter.end(asBuffer(bytes));
  });
}

/**
 * A whole source (a message kept offline) to the tree IMAP's BODYSTRUCTURE gives (RFC 9051
 * §7.5.2, imapflow's shape), with the bodies `keepBody` wants and each message's header block,
 * keyed as the IMAP sections that would fetch them (`1.2`, `HEADER`, `2.HEADER`). Part numbers
 * follow RFC 9051 §6.4.5 as bodyStructure.ts `leaves` reads them; an attached message's parts
 * continue its number.
 */
export async function splitSource(bytes, maxBodyBytes, depth = 0) {
  const { root, headerBlock, entries } = await splitOnce(bytes, maxBodyBytes);
  const bodies = { HEADER: headerBlock ?? Buffer.alloc(0) };
  for (const entry of entries) {
    if (!entry.chunks) continue;
    const body = Buffer.concat(entry.chunks);
    if (entry.tree.type !== 'message/rfc822') {
      bodies[entry.partId] = body;
      continue;
    }
    if (depth >= 10) continue; // a hostile nesting must not exhaust the worker
    const inner = await splitSource(body, maxBodyBytes, depth + 1);
    if (!inner.root) continue;
    entry.tree.childNodes = [inner.root];
    for (const [key, value] of Object.entries(inner.bodies)) bodies[`${entry.partId}.${key}`] = value;
  }
  return { root, bodies };
}
