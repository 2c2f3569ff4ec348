/**
 * What a person types in To/Cc/Bcc (issue #4 §4: invalid addresses are marked in the field
 * before sending). Accepts the forms people paste from other clients: `Ann <ann@x.nl>`,
 * `"Doe, J" <j@d.nl>`, `<ann@x.nl>`, bare addresses; separated by commas, semicolons (Outlook)
 * or new lines.
 */
import type { Address } from '../model';
import { headerText } from '../text/headerValue';

/**
 * Local part: dot-atoms of letters, digits and `_ ' + -`; domain: at least two labels, a
 * letter-only top-level label. This is narrower than RFC 5322 §3.4.1 (no quoted local parts,
 * no `! # $ …`, no address literals, no RFC 6531 non-ASCII) on purpose: it is what the
 * contract's schema (zod's email, src/shared/composeSchemas.ts) accepts, so an address that
 * passes here is never refused when the draft is saved or sent.
 */
const localPart = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]$/;
const domainLabel = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/** RFC 5321 §4.5.3.1: local part ≤ 64 octets, a path ≤ 256 octets (so an address ≤ 254), labels ≤ 63. */
export function isValidAddress(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  const tld = labels[labels.length - 1] ?? '';
  return (
    local.length <= 64 &&
    localPart.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => label.length <= 63 && domainLabel.test(label)) &&
    /^[A-Za-z]{2,}$/.test(tld)
  );
}

/** Splits at `,` `;` and new lines outside "quoted strings" (with \-escapes) and <angle brackets>. */
function splitField(input: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i] as string;
    if (quoted && c === '\\' && i + 1 < input.length) {
      current += c + input[++i];
      continue;
    }
    if (c === '"' && !angle) quoted = !quoted;
    else if (!quoted && c === '<') angle = true;
    else if (!quoted && c === '>') angle = false;
    else if (!quoted && !angle && (c === ',' || c === ';' || c === '\n' || c === '\r')) {
      pieces.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  pieces.push(current);
  return pieces.map((p) => p.trim()).filter((p) => p !== '');
}

/** A display name without its quotes (RFC 5322 §3.2.4 quoted-string, `\` escapes undone). */
function unquote(name: string): string {
  const text = name.trim();
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1).replace(/\\(.)/g, '$1').trim();
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).trim();
  return text;
}

/**
 * `name <address>` split at the one angle bracket outside quoted strings (RFC 5322 §3.4
 * name-addr), so a quoted name may hold `<`, `>`, `@` and commas: `"Info <info@x.nl>" <p@y.nl>`.
 * Null when the piece is not of that form (no brackets, or a second unquoted one).
 */
function splitNameAddr(piece: string): { name: string; address: string } | null {
  if (!piece.endsWith('>')) return null;
  let quoted = false;
  let open = -1;
  for (let i = 0; i < piece.length - 1; i++) {
    const c = piece[i];
    if (quoted && c === '\\') i++;
    else if (c === '"' && open < 0) quoted = !quoted;
    else if (!quoted && (c === '>' || (c === '<' && open >= 0))) return null;
    else if (!quoted && c === '<') open = i;
  }
  if (open < 0 || quoted) return null;
  return { name: piece.slice(0, open), address: piece.slice(open + 1, -1) };
}

/** One piece as an address, or null when it is not one. */
function parsePiece(piece: string): Address | null {
  const angled = splitNameAddr(piece);
  if (angled) {
    const address = angled.address.trim();
    return isValidAddress(address) ? { name: unquote(angled.name), address } : null;
  }
  if (isValidAddress(piece)) return { name: '', address: piece };
  // "Ann ann@x.nl": a name followed by a bare address. Only when the name has no @, so that
  // "ann@x.nl bob@y.nl" (a forgotten comma) is marked instead of silently losing Ann.
  const spaced = /^(.*\S)\s+(\S+)$/.exec(piece);
  if (spaced && !(spaced[1] ?? '').includes('@') && isValidAddress(spaced[2] ?? '')) {
    return { name: unquote(spaced[1] ?? ''), address: spaced[2] ?? '' };
  }
  return null;
}

/** RFC 5322 §3.2.3 atext, with the letters of any language (RFC 6532 §3.2) and spaces between words. */
const plainPhrase = /^[\p{L}\p{M}\p{N}!#$%&'*+\-/=?^_`{|}~ ]+$/u;

/**
 * A display name as it goes into an address field (RFC 5322 §3.4 display-name = phrase): as it
 * is when it is words of atext, else as a quoted-string (§3.2.4) with `\` and `"` escaped, so
 * `Info <info@x.nl>`, `Doe, J` and `a@b` stay one name. CR/LF fold to a space (issue #10 §3).
 */
export function quoteDisplayName(name: string): string {
  const text = headerText(name).replace(/\s+/g, ' ').trim();
  if (text === '' || plainPhrase.test(text)) return text;
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * Parses an address field into addresses and the pieces that are not addresses. Repeated
 * addresses (case-insensitive) are kept once, with the first one's name.
 */
export function parseAddressField(input: string): { addresses: Address[]; invalid: string[] } {
  const addresses: Address[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const piece of splitField(input)) {
    const parsed = parsePiece(piece);
    if (!parsed) {
      invalid.push(piece);
      continue;
    }
    const key = parsed.address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    addresses.push(parsed);
  }
  return { addresses, invalid };
}
