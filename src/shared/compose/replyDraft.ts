/**
 * Building replies and forwards from the original's headers (issue #4 §1): subject, threading
 * (RFC 5322 §3.6.4), recipients and the quoted original.
 */
import type { Address, MessageBody } from '../model';
import { quoteDisplayName } from './addressField';

type Headers = MessageBody['headers'];

const lower = (address: string): string => address.trim().toLowerCase();

/**
 * A msg-id as the outgoing message carries it (RFC 5322 §3.6.4: `<id-left@id-right>`). Parsers
 * sometimes hand them over without the angle brackets; anything with spaces or stray brackets
 * is not one and is dropped.
 */
function msgId(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim();
  if (/^<[^<>\s]+>$/.test(text)) return text;
  if (/^[^<>\s]+$/.test(text)) return `<${text}>`;
  return null;
}

/** The In-Reply-To of a message when it names exactly one parent (RFC 5322 §3.6.4). */
function singleInReplyTo(raw: string | null): string | null {
  const ids = (raw ?? '').match(/<[^<>\s]+>/g) ?? [];
  if (ids.length > 1) return null;
  return msgId(ids[0] ?? raw);
}

/**
 * The key a conversation is remembered by (the From picker's memory): its first message,
 * which every later message names first in References; else the parent, else the message itself.
 */
export function conversationKey(h: { messageId: string | null; inReplyTo: string | null; references: string[] }): string | null {
  for (const ref of h.references) {
    const id = msgId(ref);
    if (id) return id;
  }
  return singleInReplyTo(h.inReplyTo) ?? msgId(h.messageId);
}

/**
 * Reply prefixes in the languages people here meet: Re, Aw (de), Antw (nl), SV (da/no/sv),
 * VS (fi), also as "Re[2]:" / "Re(2):" counters. Forward prefixes are left alone ("Re: Fwd: x").
 */
const replyPrefix = /^\s*(?:re|aw|antw|sv|vs)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*/i;
const forwardPrefix = /^\s*(?:fwd?|doorst|wg)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*/i;

function stripPrefixes(subject: string, prefix: RegExp): string {
  let rest = subject;
  for (let next = rest.replace(prefix, ''); next !== rest; next = rest.replace(prefix, '')) rest = next;
  return rest.trim();
}

/** "Re: x", without stacking "Re: Re: Aw: x". */
export function replySubject(subject: string): string {
  return `Re: ${stripPrefixes(subject, replyPrefix)}`;
}

/** "Fwd: x", without stacking "Fwd: Fw: Doorst: x". */
export function forwardSubject(subject: string): string {
  return `Fwd: ${stripPrefixes(subject, forwardPrefix)}`;
}

/** RFC 5322 §3.6.4 does not cap References; long threads are cut (as Thunderbird does) to the root plus the most recent. */
const MAX_REFERENCES = 20;

/**
 * Threading headers of a reply (RFC 5322 §3.6.4): In-Reply-To is the parent's Message-ID;
 * References is the parent's References (or, without them, its In-Reply-To when that names a
 * single message) followed by the parent's Message-ID. Duplicates are dropped; more than 20
 * ids are cut to the first (the thread's root) and the last 19.
 */
export function threading(h: { messageId: string | null; references: string[]; inReplyTo: string | null }): {
  inReplyTo: string | null;
  references: string[];
} {
  const parent = msgId(h.messageId);
  const earlier = h.references.map(msgId).filter((id): id is string => id !== null);
  const chain = earlier.length > 0 ? earlier : [singleInReplyTo(h.inReplyTo)].filter((id): id is string => id !== null);
  const all = [...new Set(parent ? [...chain, parent] : chain)];
  const references = all.length > MAX_REFERENCES ? [all[0] as string, ...all.slice(all.length - (MAX_REFERENCES - 1))] : all;
  return { inReplyTo: parent, references };
}

/** Drops addresses already seen (case-insensitive), keeping the first one's name. */
function dedupe(list: Address[], seen: Set<string>): Address[] {
  const result: Address[] = [];
  for (const a of list) {
    const key = lower(a.address);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    result.push({ name: a.name, address: a.address });
  }
  return result;
}

/**
 * Recipients of a reply. Reply: Reply-To when present, else From (RFC 5322 §3.6.2); when the
 * original came from the person (one of `ownAddresses` or `fromAddress`: answering their own
 * sent mail), its To instead. Reply all: the same To, plus the original's To and Cc in Cc,
 * without the person's addresses and without what is already in To.
 */
export function replyRecipients(
  intent: 'reply' | 'replyAll',
  h: Headers,
  ownAddresses: string[],
  fromAddress: string,
): { to: Address[]; cc: Address[] } {
  const self = new Set([...ownAddresses, fromAddress].map(lower).filter(Boolean));
  const fromSelf = h.from.some((a) => self.has(lower(a.address)));
  const seen = new Set<string>();
  const to = dedupe(fromSelf ? h.to : h.replyTo.length > 0 ? h.replyTo : h.from, seen);
  if (intent === 'reply') return { to, cc: [] };
  for (const address of self) seen.add(address);
  return { to, cc: dedupe([...h.to, ...h.cc], seen) };
}

/**
 * The original as a plain-text quote (RFC 3676 §4.5 quoting): a blank line for the reply,
 * the attribution, then each line prefixed with "> " (">" alone for empty lines, and ">" added
 * directly to lines already quoted, so ">> " nests).
 */
export function quoteText(text: string, attribution: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const quoted = lines.map((line) => (line === '' ? '>' : line.startsWith('>') ? `>${line}` : `> ${line}`));
  return `\n${attribution}\n${quoted.join('\n')}`;
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);
}

/** The original as a rich-text quote; `html` is already sanitised by the caller. */
export function quoteHtml(html: string, attribution: string): string {
  return `<p><br></p><p>${escapeHtml(attribution)}</p><blockquote type="cite">${html}</blockquote>`;
}

/**
 * An address as it goes into an address field and as people read it: `Name <addr>`, the name
 * quoted where RFC 5322 §3.4 needs it (`"Info <info@x.nl>" <p@y.nl>`, issue #10 §3) so that
 * parseAddressField reads back the same address; the bare address when there is no name.
 */
export function formatAddress(a: Address): string {
  const name = quoteDisplayName(a.name);
  return name && lower(a.name) !== lower(a.address) ? `${name} <${a.address}>` : a.address;
}

const formatList = (list: Address[]): string => list.map(formatAddress).join(', ');

/**
 * The header block above an inline-forwarded message. `labels.header` is the words only
 * ("Forwarded message", "Doorgestuurd bericht"): the dashes around them are added here.
 */
export function forwardHeaderText(
  h: Headers,
  labels: { header: string; from: string; date: string; subject: string; to: string; cc: string },
  formatDate: (ms: number) => string,
): string {
  const lines = [
    `---------- ${labels.header} ---------`,
    `${labels.from}: ${formatList(h.from)}`,
    `${labels.date}: ${formatDate(h.date)}`,
    `${labels.subject}: ${h.subject}`,
    `${labels.to}: ${formatList(h.to)}`,
  ];
  if (h.cc.length > 0) lines.push(`${labels.cc}: ${formatList(h.cc)}`);
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}
