/**
 * Reading a BODYSTRUCTURE (RFC 9051 §7.5.2) without fetching the message: which part holds the
 * text for the snippet, whether the message has attachments and their names. Pure.
 */

/** The parts of a parsed BODYSTRUCTURE node this module reads (imapflow's shape is compatible). */
export interface BodyNode {
  /** `type/subtype`, any case. */
  type: string;
  parameters?: Record<string, string> | undefined;
  encoding?: string | undefined;
  disposition?: string | undefined;
  dispositionParameters?: Record<string, string> | undefined;
  id?: string | undefined;
  size?: number | undefined;
  childNodes?: BodyNode[] | undefined;
}

export interface Leaf {
  node: BodyNode;
  /** IMAP part specifier (RFC 9051 §6.4.5): `1`, `2.1`, … */
  partId: string;
  type: string;
  /** Inside a multipart/related (an HTML page's own images). */
  inRelated: boolean;
  /** Inside an attached message/rfc822 (its text is not this message's text). */
  inMessage: boolean;
}

/**
 * Leaves in document order with their part numbers. A non-multipart message has exactly one
 * part, `1`; a multipart's children are numbered from 1 under the multipart's own number; the
 * body of an encapsulated message/rfc822 continues its numbering (RFC 9051 §6.4.5).
 */
export function leaves(root: BodyNode): Leaf[] {
  const out: Leaf[] = [];
  const walk = (node: BodyNode, partId: string, inRelated: boolean, inMessage: boolean, depth: number) => {
    if (depth > 50) return; // a hostile structure must not exhaust the stack
    const type = node.type.toLowerCase();
    const children = node.childNodes ?? [];
    if (type.startsWith('multipart/')) {
      const related = inRelated || type === 'multipart/related';
      children.forEach((child, i) => walk(child, partId ? `${partId}.${i + 1}` : String(i + 1), related, inMessage, depth + 1));
      return;
    }
    out.push({ node, partId: partId || '1', type, inRelated, inMessage });
    if (type === 'message/rfc822' && children[0]) {
      const inner = children[0];
      const innerType = inner.type.toLowerCase();
      if (innerType.startsWith('multipart/')) walk(inner, partId || '1', inRelated, true, depth + 1);
      else walk(inner, `${partId || '1'}.1`, inRelated, true, depth + 1);
    }
  };
  walk(root, '', false, false, 0);
  return out;
}

function isAttachmentDisposition(node: BodyNode): boolean {
  return (node.disposition ?? '').toLowerCase() === 'attachment';
}

function filenameOf(node: BodyNode): string | null {
  return node.dispositionParameters?.filename ?? node.parameters?.name ?? null;
}

export interface TextPart {
  partId: string;
  kind: 'plain' | 'html';
  encoding: string;
  charset: string;
}

/** The first text/plain part that is the message's own text, else the first such text/html. */
export function snippetPart(root: BodyNode): TextPart | null {
  const candidates = leaves(root).filter((l) => !l.inMessage && !isAttachmentDisposition(l.node));
  const plain = candidates.find((l) => l.type === 'text/plain');
  const chosen = plain ?? candidates.find((l) => l.type === 'text/html');
  if (!chosen) return null;
  return {
    partId: chosen.partId,
    kind: chosen === plain ? 'plain' : 'html',
    encoding: (chosen.node.encoding ?? '7bit').toLowerCase(),
    charset: chosen.node.parameters?.charset ?? 'us-ascii',
  };
}

/**
 * A part counts as an attachment when its disposition says so, or when it is not text and
 * carries a file name, or when it is an attached message. Images with a Content-ID inside
 * multipart/related are part of the HTML page (logos, signatures), not attachments.
 */
export function hasAttachments(root: BodyNode): boolean {
  return leaves(root).some((leaf) => {
    if (leaf.inMessage) return false;
    if (isAttachmentDisposition(leaf.node)) return true;
    if (leaf.type === 'message/rfc822') return true;
    if (leaf.type.startsWith('text/')) return false;
    if (leaf.inRelated && leaf.node.id) return false;
    return filenameOf(leaf.node) !== null;
  });
}

/** Bounds on what one message may add to its summary: a hostile structure must not bloat the cache. */
const MAX_ATTACHMENT_NAMES = 50;
const MAX_ATTACHMENT_NAME_LENGTH = 255;

/**
 * The file names of the parts hasAttachments() counts, in document order (issue #13 §3: the
 * local index finds `filename:factuur` and plain words in them). imapflow has already decoded the
 * parameters (RFC 2231 continuations and charsets, RFC 2047 encoded words); control characters
 * go and each name is cut, at most MAX_ATTACHMENT_NAMES of them. An attachment without a name
 * (an attached message without one) adds none.
 */
export function attachmentNames(root: BodyNode): string[] {
  const out: string[] = [];
  for (const leaf of leaves(root)) {
    if (out.length >= MAX_ATTACHMENT_NAMES) break;
    if (leaf.inMessage || (leaf.inRelated && leaf.node.id && !isAttachmentDisposition(leaf.node))) continue;
    if (leaf.type.startsWith('text/') && !isAttachmentDisposition(leaf.node)) continue;
    const name = cleanName(filenameOf(leaf.node));
    if (name) out.push(name);
  }
  return out;
}

function cleanName(raw: string | null): string {
  if (!raw) return '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return [...raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()].slice(0, MAX_ATTACHMENT_NAME_LENGTH).join('');
}
