/**
 * The MIME envelope of a Kolab v3 object (Kolab Format 3, "Storage"; RFC 2045/2046/5322), written
 * and read here rather than with nodemailer/mailparser: the codec's contract is synchronous and
 * both libraries only build/parse through streams. The envelope is fixed and small; the reader
 * accepts what Roundcube (quoted-printable) and libkolab/Kontact (base64) write.
 */
import { createHash } from 'node:crypto';
import { headerText } from '../../../shared/text/headerValue';

export const kolabEventType = 'application/x-vnd.kolab.event';
export const kolabPayloadType = 'application/calendar+xml';
const explanation =
  'This is a Kolab Groupware object. To view this object you will need an email client that understands the Kolab Groupware format. ' +
  'For a list of such email clients please visit https://www.kolab.org/';
const maxMessageBytes = 20 * 1024 * 1024;
const maxDepth = 4;

export class MimeFormatError extends Error {
  readonly code = 'mimeFormat';
}

/** One header line's value without CR/LF (header injection) and, if not ASCII, as RFC 2047 encoded words. */
function headerValue(value: string): string {
  const clean = headerText(value);
  if (/^[\x20-\x7e]*$/.test(clean) && clean.length <= 900) return clean;
  const words: string[] = [];
  let chunk = '';
  for (const char of clean) {
    if (Buffer.byteLength(chunk + char) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk !== '') words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ');
}

function base64Lines(data: Buffer): string {
  return (data.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/** The whole message: `Subject` = UID, X-Kolab-* headers, explanation part, then kolab.xml. */
export function buildKolabMime(input: { uid: string; from: string; date: Date; xml: string }): Buffer {
  const payload = Buffer.from(input.xml, 'utf8');
  // A boundary from the content keeps the output a pure function of its input; it cannot occur in base64 text.
  const boundary = `=_${createHash('sha256').update(payload).digest('hex').slice(0, 32)}`;
  const lines = [
    'MIME-Version: 1.0',
    `From: ${headerValue(input.from)}`,
    `To: ${headerValue(input.from)}`,
    `Date: ${input.date.toUTCString().replace('GMT', '+0000')}`,
    `Subject: ${headerValue(input.uid)}`,
    'User-Agent: Postvak',
    `X-Kolab-Type: ${kolabEventType}`,
    'X-Kolab-Mime-Version: 3.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    `--${boundary}`,
    'Content-Type: text/plain; charset=us-ascii',
    'Content-Transfer-Encoding: 7bit',
    '',
    ...(explanation.match(/.{1,72}(\s|$)/g) ?? []).map((l) => l.trimEnd()),
    '',
    `--${boundary}`,
    `Content-Type: ${kolabPayloadType}; charset=UTF-8; name="kolab.xml"`,
    'Content-Disposition: attachment; filename="kolab.xml"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(payload),
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

interface Part {
  headers: Map<string, string>;
  /** The body as a byte string (latin1: one char per byte). */
  body: string;
}

function splitPart(raw: string): Part {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers = new Map<string, string>();
  // RFC 5322 §2.2.3: a line starting with white space continues the previous header.
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** `type/subtype; a=b; c="d"` → type and lower-cased parameter names (RFC 2045 §5.1). */
export function contentType(value: string | undefined): { type: string; params: Map<string, string> } {
  const [type = '', ...rest] = (value ?? 'text/plain').split(';');
  const params = new Map<string, string>();
  for (const match of rest.join(';').matchAll(/([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)/g)) {
    const raw = match[2] ?? '';
    params.set((match[1] ?? '').toLowerCase(), raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw);
  }
  return { type: type.trim().toLowerCase(), params };
}

function decodeBody(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    // RFC 2045 §6.7: soft line breaks vanish, =XX is one byte.
    const text = part.body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(text, 'latin1');
  }
  return Buffer.from(part.body, 'latin1');
}

function leaves(part: Part, depth: number): Part[] {
  const { type, params } = contentType(part.headers.get('content-type'));
  const boundary = params.get('boundary');
  if (!type.startsWith('multipart/') || !boundary) return [part];
  if (depth >= maxDepth) throw new MimeFormatError('MIME parts nested too deeply');
  const delimiter = `--${boundary}`;
  const chunks = part.body.split(new RegExp(`(?:^|\\r?\\n)${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  // chunks[0] is the preamble; the chunk after the close delimiter (`--…--`) is the epilogue.
  const inner: Part[] = [];
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    inner.push(...leaves(splitPart(chunk.replace(/^[ \t]*\r?\n/, '')), depth + 1));
  }
  return inner;
}

export interface KolabEnvelope {
  kolabType: string | null;
  subject: string;
  /** The kolab.xml payload, decoded to text. */
  xml: string;
}

/** Finds the Kolab payload in a message: the application/calendar+xml part, else any part named kolab.xml. */
export function readKolabMime(source: Buffer): KolabEnvelope {
  if (source.length > maxMessageBytes) throw new MimeFormatError('The message is too large for a calendar object');
  const message = splitPart(source.toString('latin1'));
  const parts = leaves(message, 0);
  const named = (p: Part) => /kolab\.xml/i.test(`${p.headers.get('content-type') ?? ''} ${p.headers.get('content-disposition') ?? ''}`);
  const payload =
    parts.find((p) => contentType(p.headers.get('content-type')).type === kolabPayloadType) ??
    parts.find((p) => named(p) && /xml/.test(contentType(p.headers.get('content-type')).type));
  if (!payload) throw new MimeFormatError('The message holds no kolab.xml part');
  return {
    kolabType: message.headers.get('x-kolab-type')?.trim().toLowerCase() ?? null,
    subject: message.headers.get('subject') ?? '',
    xml: new TextDecoder('utf-8').decode(decodeBody(payload)),
  };
}
