/**
 * Calm warnings where a sender is not what it seems (issue #10 §3). Pure: the reader passes
 * what it knows and shows the words.
 *
 *  - `nameIsOtherAddress`: the display name is itself an address other than the real one
 *    (`"info@bank.example" <x@evil.test>`): many lists show only the name.
 *  - `mixedScripts`: a word of the name (or a label of the address) mixes scripts that no language mixes (PаyPal with a
 *    Cyrillic а). Allowed mixes follow UTS #39 §5.2 "Highly Restrictive": one script, or Latin
 *    with Han and Hiragana/Katakana (Japanese), with Han and Bopomofo (Chinese), or with Han and
 *    Hangul (Korean). Common and Inherited characters (digits, marks) belong to any script.
 *  - `ownAddressFailed`: mail claiming to come from one of the person's own addresses (their own,
 *    an alias or a shared mailbox's) that the own server's Authentication-Results (RFC 8601)
 *    says failed DMARC, or — without a DMARC result — SPF or DKIM. Only statements made under a
 *    trusted authserv-id count (§5: anyone can write the header; the receiving server is the
 *    one whose word we take); anything under another id is ignored.
 */
import { normalHost } from '../loginBinding';
import type { Address } from '../model';
import { parseAuthResults, type AuthResult } from './authResults';

export type SenderWarning =
  | { kind: 'nameIsOtherAddress'; claimed: string; actual: string }
  | { kind: 'mixedScripts'; word: string; /** ISO 15924 codes. */ scripts: string[] }
  | { kind: 'ownAddressFailed'; address: string; method: 'dmarc' | 'spf' | 'dkim' };

export interface SenderTrustInput {
  from: readonly Address[];
  /** Authentication-Results values as received, topmost first. */
  authResults: readonly string[];
  /** Every address of the person: own, aliases, shared mailboxes. */
  ownAddresses: readonly string[];
  /** authserv-ids whose statements are trusted (see `defaultAuthservIds`). */
  trustedAuthservIds: readonly string[];
}

const lower = (text: string): string => text.trim().toLowerCase();

/** Addresses written inside a display name. */
const addressInName = /[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+\.[^\s<>"'(),;:[\]]*[^\s<>"'(),;:[\].]/g;

function nameIsOtherAddress(author: Address): SenderWarning | null {
  for (const claimed of author.name.match(addressInName) ?? []) {
    if (lower(claimed) !== lower(author.address)) return { kind: 'nameIsOtherAddress', claimed, actual: author.address };
  }
  return null;
}

/** Scripts told apart, by ISO 15924 code (Intl.DisplayNames names them); any other script is `Zzzz`. */
const scripts: [string, RegExp][] = [
  ['Latn', /\p{Script=Latin}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Cher', /\p{Script=Cherokee}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Hani', /\p{Script=Han}/u],
  ['Hira', /\p{Script=Hiragana}/u],
  ['Kana', /\p{Script=Katakana}/u],
  ['Bopo', /\p{Script=Bopomofo}/u],
  ['Hang', /\p{Script=Hangul}/u],
];

function scriptOf(letter: string): string {
  for (const [name, pattern] of scripts) if (pattern.test(letter)) return name;
  return 'Zzzz';
}

/** UTS #39 §5.2 Highly Restrictive: the sets a single identifier may draw from. */
const allowedMixes = [
  new Set(['Latn', 'Hani', 'Hira', 'Kana']),
  new Set(['Latn', 'Hani', 'Bopo']),
  new Set(['Latn', 'Hani', 'Hang']),
];

/** The scripts of a word's letters, when they are a mix no language uses; else null. */
export function suspiciousScripts(word: string): string[] | null {
  const found = new Set<string>();
  for (const c of word) if (/\p{L}/u.test(c) && !/\p{Script=Common}|\p{Script=Inherited}/u.test(c)) found.add(scriptOf(c));
  if (found.size < 2) return null;
  if (allowedMixes.some((allowed) => [...found].every((s) => allowed.has(s)))) return null;
  return [...found];
}

function mixedScripts(author: Address): SenderWarning | null {
  // The address too: an internationalised domain or local part (RFC 6531) can mix scripts as well.
  for (const word of `${author.name} ${author.address}`.split(/[\s\p{P}\p{S}]+/u)) {
    const found = suspiciousScripts(word);
    if (found) return { kind: 'mixedScripts', word, scripts: found };
  }
  return null;
}

/** Whether a statement comes from a trusted authserv-id: the id itself or a host inside it. */
function trusted(authservId: string, ids: readonly string[]): boolean {
  return ids.some((id) => {
    const t = normalHost(id);
    return t !== '' && (authservId === t || authservId.endsWith(`.${t}`));
  });
}

/** The failed method of one trusted statement, or null. DMARC, when present, decides (RFC 7489 §6.6.2). */
function failedMethod(results: readonly AuthResult[]): 'dmarc' | 'spf' | 'dkim' | null {
  const of = (method: string) => results.filter((r) => r.method === method).map((r) => r.result);
  const dmarc = of('dmarc');
  if (dmarc.length > 0) return dmarc.includes('fail') ? 'dmarc' : null;
  if (of('spf').includes('fail')) return 'spf';
  const dkim = of('dkim');
  if (dkim.includes('fail') && !dkim.includes('pass')) return 'dkim';
  return null;
}

function ownAddressFailed(author: Address, input: SenderTrustInput): SenderWarning | null {
  const own = new Set(input.ownAddresses.map(lower));
  if (!own.has(lower(author.address))) return null;
  for (const raw of input.authResults) {
    const header = parseAuthResults(raw);
    if (!header || !trusted(header.authservId, input.trustedAuthservIds)) continue;
    const method = failedMethod(header.results);
    if (method) return { kind: 'ownAddressFailed', address: author.address, method };
  }
  return null;
}

/** Every warning for a message's author, most serious first; empty when nothing seems off. */
export function senderWarnings(input: SenderTrustInput): SenderWarning[] {
  const author = input.from[0];
  if (!author) return [];
  return [ownAddressFailed(author, input), nameIsOtherAddress(author), mixedScripts(author)].filter((w): w is SenderWarning => w !== null);
}

/**
 * Whose Authentication-Results we trust by default for an account (issue #10 §3): its IMAP
 * server's host name and the domain that host is in, and the domain of the account's address.
 * The receiving server of a provider usually names itself by one of these (Dovecot/Postfix
 * setups with OpenDMARC use the host name; many providers use their domain). A server that
 * names itself otherwise (Gmail: mx.google.com) gives no warnings until configured — a missed
 * warning rather than a wrong one, because a header under any other id may be the sender's own.
 * Trusting an id too many costs little: only failures are acted on and every trusted statement
 * is read, so a forged "pass" hides nothing and a forged "fail" only flags the forger's own mail.
 */
export function defaultAuthservIds(account: { email: string; imap: { host: string } }): string[] {
  const host = normalHost(account.imap.host);
  const ids = new Set<string>();
  const isIp = /^[\d.]+$/.test(host) || host.includes(':');
  if (host && !isIp) {
    ids.add(host);
    const labels = host.split('.');
    if (labels.length > 2) ids.add(labels.slice(1).join('.'));
  }
  const at = account.email.lastIndexOf('@');
  if (at >= 0) ids.add(lower(account.email.slice(at + 1)));
  return [...ids].filter(Boolean);
}

/**
 * The authserv-ids a person typed (Settings → Sender check): separated by commas or spaces,
 * lower case, each a domain-like name (RFC 8601 §2.5: the id is usually the server's domain
 * name). Anything else is left out.
 */
export function parseAuthservIds(text: string): string[] {
  const ids = text
    .split(/[\s,;]+/)
    .map(normalHost)
    .filter((id) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/.test(id));
  return [...new Set(ids)];
}

/** The ids trusted for an account: the person's own choice where they made one, else the defaults. */
export function trustedAuthservIds(account: { email: string; imap: { host: string } }, chosen: readonly string[] | undefined): string[] {
  return chosen && chosen.length > 0 ? [...chosen] : defaultAuthservIds(account);
}
