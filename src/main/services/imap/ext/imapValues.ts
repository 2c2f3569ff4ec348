/**
 * Reading parsed IMAP response values (RFC 9051 §4 data formats) without trusting their shape:
 * an atom, a quoted string or a literal (a Buffer) may carry the same text, NIL is `null`.
 * Pure; no imapflow import.
 */

/** One parsed value: a token, a parenthesized list, or NIL. */
export type ImapAttribute = { type: string; value?: unknown; section?: ImapAttribute[] } | ImapAttribute[] | null;

export type ImapExtErrorCode =
  /** The server lacks the extension (capability missing). */
  | 'unsupported'
  /** Tagged NO (RFC 9051 §7.1.2); `serverCode` holds e.g. NOPERM or OVERQUOTA. */
  | 'refused'
  /** Tagged BAD (RFC 9051 §7.1.3): our command or its arguments were not accepted. */
  | 'badCommand'
  /** The server's answer did not follow the extension's grammar. */
  | 'protocol'
  /** A caller passed something the protocol cannot carry. */
  | 'invalidArgument'
  /** imapflow's internals changed shape (see rawCommand.ts). */
  | 'imapflowChanged';

export class ImapExtError extends Error {
  constructor(
    readonly code: ImapExtErrorCode,
    message: string,
    /** The server's response code, when it gave one (RFC 9051 §7.1). */
    readonly serverCode?: string,
  ) {
    super(message);
    this.name = 'ImapExtError';
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isList(value: ImapAttribute | undefined): value is ImapAttribute[] {
  return Array.isArray(value);
}

/** Text of an atom, quoted string or literal; '' for NIL, lists and anything else. */
export function tokenText(value: ImapAttribute | undefined): string {
  if (!value || Array.isArray(value)) return '';
  const v = value.value;
  if (typeof v === 'string') return v;
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  if (typeof v === 'number') return String(v);
  return '';
}

/** Text of an nstring (RFC 9051 §9): `null` for NIL. */
export function nstring(value: ImapAttribute | undefined): string | null {
  if (value === null) return null;
  if (value === undefined || Array.isArray(value)) throw protocolError('a string or NIL', value);
  return tokenText(value);
}

/** A non-negative decimal number up to 2^53 (number64 in RFC 9208 §4, uniqueid, …). */
export function uint(value: ImapAttribute | undefined, what: string): number {
  const text = tokenText(value);
  if (!/^\d{1,16}$/.test(text) || !Number.isSafeInteger(Number(text))) throw protocolError(what, value);
  return Number(text);
}

/** A mod-sequence value (RFC 7162 §3.1.1: up to 2^63-1) as a decimal string. */
export function modseqText(value: ImapAttribute | undefined): string {
  const text = tokenText(value);
  if (!/^\d{1,19}$/.test(text)) throw protocolError('a mod-sequence', value);
  return BigInt(text).toString();
}

export function protocolError(expected: string, got: unknown): ImapExtError {
  const shown = JSON.stringify(got, (_k, v: unknown) => (isRecord(v) && v.type === 'Buffer' ? '<literal>' : v));
  return new ImapExtError('protocol', `Expected ${expected}, the server sent ${shown?.slice(0, 120) ?? String(got)}`);
}

/**
 * UIDs of a sequence set (RFC 9051 §9 sequence-set), e.g. `1:3,7` → [1, 2, 3, 7]. `*` has no
 * meaning in a server's answer and is refused; so are ranges over `maxCount` members.
 */
export function expandSequenceSet(set: string, maxCount = 100_000): number[] {
  const out: number[] = [];
  for (const part of set.split(',')) {
    const m = /^(\d+)(?::(\d+))?$/.exec(part);
    if (!m) throw new ImapExtError('protocol', `Not a sequence set: ${set.slice(0, 80)}`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    if (lo < 1 || hi - lo + out.length >= maxCount) throw new ImapExtError('protocol', `Sequence set out of range: ${set.slice(0, 80)}`);
    for (let n = lo; n <= hi; n++) out.push(n);
  }
  return [...new Set(out)].sort((x, y) => x - y);
}
