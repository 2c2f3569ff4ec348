/**
 * What to show of a message and what to fetch for it, from its BODYSTRUCTURE alone (RFC 9051
 * §7.5.2; issue #10 §1–2). Pure. The reader then fetches only these sections
 * (`BODY.PEEK[<part>]`, `BODY.PEEK[<part>.HEADER]`), never the whole source; attachments are
 * fetched when saved.
 */
import type { AttachmentInfo } from '../../../shared/model';
import { leaves, type BodyNode } from './bodyStructure';
import { defaultName } from './worker/mime.mjs';

/** Bytes of one text part the reader shows; a longer part is cut (and the body marked incomplete). */
export const TEXT_PART_BYTES = 4 * 1024 * 1024;
/** Text parts shown at most (a message of a thousand text parts shows the first hundred). */
export const MAX_TEXT_ITEMS = 100;
/** An invitation is a few kilobytes; larger calendar parts stay plain attachments. */
export const MAX_INVITATION_BYTES = 1024 * 1024;
export const MAX_INLINE_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_INLINE_IMAGES_TOTAL = 20 * 1024 * 1024;
/** The name of an attached message without one (buildBody names it by its subject). */
export const UNNAMED_MESSAGE = 'message.eml';
/** Attached messages inside attached messages shown at most this deep. */
const MAX_MESSAGE_DEPTH = 5;

export type DisplayItem =
  | { kind: 'plain' | 'html'; partId: string; node: BodyNode }
  | { kind: 'message'; partId: string; items: DisplayItem[] };

export interface Section {
  /** IMAP section (RFC 9051 §6.4.5): `HEADER`, `2.HEADER`, `1.2`. */
  key: string;
  maxLength?: number;
}

export interface DisplayPlan {
  items: DisplayItem[];
  attachments: AttachmentInfo[];
  /** text/calendar parts of the message itself (not of an attached one): invitations. */
  calendars: string[];
  /** cid: images for the HTML parts. */
  images: { partId: string; contentId: string; type: string }[];
  sections: Section[];
}

const childId = (partId: string, index: number) => (partId ? `${partId}.${index + 1}` : String(index + 1));
const isAttachment = (node: BodyNode) => (node.disposition ?? '').toLowerCase() === 'attachment';
const hasHtml = (items: DisplayItem[]): boolean => items.some((i) => i.kind === 'html' || (i.kind === 'message' && hasHtml(i.items)));

/** Base64 carries 3 bytes in 4 characters plus line ends (RFC 2045 §6.8): the size once saved. */
function decodedSize(node: BodyNode): number {
  const size = node.size ?? 0;
  return (node.encoding ?? '').toLowerCase() === 'base64' ? Math.floor((size * 3 * 76) / (4 * 78)) : size;
}

export function contentIdOf(node: BodyNode): string | null {
  const id = node.id?.trim().replace(/^<|>$/g, '');
  return id ? id : null;
}

function displayItems(node: BodyNode, partId: string, depth: number): DisplayItem[] {
  const type = node.type.toLowerCase();
  const children = node.childNodes ?? [];
  if (type === 'multipart/alternative') {
    // RFC 2046 §5.1.4: the last alternative is the richest; HTML is preferred over plain text.
    const options = children.map((child, i) => displayItems(child, childId(partId, i), depth));
    return options.findLast(hasHtml) ?? options.findLast((o) => o.length > 0) ?? [];
  }
  if (type === 'multipart/related') {
    // RFC 2387 §3.2: the root is the `start` part, else the first.
    const start = node.parameters?.start;
    const index = Math.max(0, start ? children.findIndex((c) => c.id === start) : 0);
    const root = children[index];
    return root ? displayItems(root, childId(partId, index), depth) : [];
  }
  if (type.startsWith('multipart/')) return children.flatMap((child, i) => displayItems(child, childId(partId, i), depth));
  if (type === 'message/rfc822') {
    const inner = children[0];
    if (!inner || depth >= MAX_MESSAGE_DEPTH) return [];
    const innerId = inner.type.toLowerCase().startsWith('multipart/') ? partId : `${partId}.1`;
    return [{ kind: 'message', partId, items: displayItems(inner, innerId, depth + 1) }];
  }
  if ((type === 'text/plain' || type === 'text/html') && !isAttachment(node)) {
    return [{ kind: type === 'text/html' ? 'html' : 'plain', partId: partId || '1', node }];
  }
  return [];
}

/** Keeps the first MAX_TEXT_ITEMS text parts (depth first), dropping messages left empty. */
function capItems(items: DisplayItem[], budget: { left: number }): DisplayItem[] {
  const out: DisplayItem[] = [];
  for (const item of items) {
    if (item.kind === 'message') {
      out.push({ ...item, items: capItems(item.items, budget) });
    } else if (budget.left > 0) {
      budget.left -= 1;
      out.push(item);
    }
  }
  return out;
}

function shownTextIds(items: DisplayItem[], into: Set<string>): Set<string> {
  for (const item of items) {
    if (item.kind === 'message') shownTextIds(item.items, into);
    else into.add(item.partId);
  }
  return into;
}

export function displayPlan(root: BodyNode): DisplayPlan {
  const rootId = root.type.toLowerCase().startsWith('multipart/') ? '' : '1';
  const items = capItems(displayItems(root, rootId, 0), { left: MAX_TEXT_ITEMS });
  const shown = shownTextIds(items, new Set());
  const all = leaves(root);
  const attachments: AttachmentInfo[] = [];
  const calendars: string[] = [];
  for (const leaf of all) {
    if (leaf.inMessage || shown.has(leaf.partId)) continue;
    const node = leaf.node;
    const filename = node.dispositionParameters?.filename ?? node.parameters?.name ?? null;
    // A text part that is neither shown nor an attachment is an alternative not chosen.
    if ((leaf.type === 'text/plain' || leaf.type === 'text/html') && !isAttachment(node) && !filename) continue;
    if ((leaf.type === 'text/calendar' || leaf.type === 'application/ics') && (node.size ?? 0) <= MAX_INVITATION_BYTES) {
      calendars.push(leaf.partId);
    }
    attachments.push({
      partId: leaf.partId,
      filename: filename ?? (leaf.type === 'message/rfc822' ? UNNAMED_MESSAGE : defaultName(leaf.type)),
      contentType: leaf.type,
      size: decodedSize(node),
      contentId: contentIdOf(node),
      inline: (node.disposition ?? '').toLowerCase() === 'inline' || leaf.inRelated,
    });
  }
  const images: DisplayPlan['images'] = [];
  if (hasHtml(items)) {
    let total = 0;
    for (const leaf of all) {
      const contentId = contentIdOf(leaf.node);
      const size = decodedSize(leaf.node);
      if (!contentId || !leaf.type.startsWith('image/') || size > MAX_INLINE_IMAGE_BYTES || total + size > MAX_INLINE_IMAGES_TOTAL) continue;
      total += size;
      images.push({ partId: leaf.partId, contentId, type: leaf.type });
    }
  }
  const sections: Section[] = [{ key: 'HEADER' }];
  const addSections = (list: DisplayItem[]) => {
    for (const item of list) {
      if (item.kind === 'message') {
        sections.push({ key: `${item.partId}.HEADER` });
        addSections(item.items);
      } else {
        sections.push({ key: item.partId, maxLength: TEXT_PART_BYTES });
      }
    }
  };
  addSections(items);
  for (const partId of calendars) sections.push({ key: partId });
  for (const image of images) sections.push({ key: image.partId });
  return { items, attachments, calendars, images, sections };
}
