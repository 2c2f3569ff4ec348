/**
 * The deletion record (issue #12 §7): a small message that says who moved which messages of a
 * shared mailbox into its Trash, when, and from which folder. Stored in the mailbox itself (see
 * records.ts and README "Deletion records"), so every member's client — and any other mail
 * client — can read it. Pure: the machine-readable part is a few `X-Postvak-*` header fields of
 * ASCII only (percent-encoded text, RFC 3986 §2.1), so no header decoding is needed to read
 * them back and no value can end a header (RFC 5322 §2.2); the person-readable part is the
 * plain-text body and the Subject.
 *
 * A record is written by any member's client: its fields are what that client claimed. They are
 * checked strictly when read (a hostile or broken record is ignored, never half-trusted).
 */
import type { Address } from '../../../shared/model';
import { compressUids, parseUidSet, uidSetSize } from '../../../shared/uidSet';
import { headerText } from '../../../shared/text/headerValue';

/** The records folder's name, directly under the mailbox's Trash (records.ts says why there). */
export const RECORDS_FOLDER_NAME = 'Postvak deletions';

/** Whether a listed folder is a records folder: the fixed name directly under a Trash. */
export function isRecordsFolder(folder: { name: string; parentPath: string | null }, parentRole: string | null | undefined): boolean {
  return folder.name === RECORDS_FOLDER_NAME && folder.parentPath !== null && parentRole === 'trash';
}

export const RECORD_HEADERS = {
  version: 'X-Postvak-Deletion',
  by: 'X-Postvak-Deleted-By',
  at: 'X-Postvak-Deleted-At',
  from: 'X-Postvak-Deleted-From',
  uidValidity: 'X-Postvak-Trash-UIDValidity',
  uids: 'X-Postvak-Trash-UIDs',
} as const;

/** The names to FETCH (`BODY.PEEK[HEADER.FIELDS (…)]`) when reading records back. */
export const recordHeaderNames: readonly string[] = Object.values(RECORD_HEADERS);

/** One UID set header stays far below RFC 5322 §2.1.1's 998 characters a line. */
const UID_CHUNK = 800;
const MAX_NAME = 200;
const MAX_ADDRESS = 320;
const MAX_FOLDER = 1000;
/** A task names at most 100,000 UIDs (api.ts), so a record never covers more. */
const MAX_UIDS = 100_000;
/** How many messages the readable body lists by subject; the rest are counted. */
export const LISTED_MESSAGES = 50;

export interface DeletedMessage {
  subject: string;
  from: string;
  /** Epoch ms of the message's Date, or null. */
  date: number | null;
}

/** What a client knows when it writes a record. */
export interface DeletionFacts {
  by: Address;
  /** Epoch ms. */
  at: number;
  /** The folder the messages were in, relative to the mailbox (`INBOX`, `Projects/2026`). */
  fromFolder: string;
  /** The folder's name as people read it (the body and Subject only). */
  fromFolderName: string;
  mailboxAddress: string;
  trashUidValidity: number;
  /** The messages' UIDs in Trash (COPYUID, RFC 4315 §3). */
  trashUids: readonly number[];
  /** The first messages (at most LISTED_MESSAGES are listed) for the readable body. */
  messages: readonly DeletedMessage[];
}

/** A record as read back, checked. */
export interface DeletionRecord {
  by: Address;
  at: number;
  fromFolder: string;
  trashUidValidity: number;
  /** Compressed UID set (`5:7,9`) of the messages in Trash. */
  trashUids: string;
}

export interface RecordHeader {
  key: string;
  value: string;
}

const encode = (text: string): string => encodeURIComponent(text);

/** The machine-readable fields; the UID set is split over repeated fields of at most UID_CHUNK characters. */
export function recordHeaders(facts: DeletionFacts): RecordHeader[] {
  const by = { name: headerText(facts.by.name).trim().slice(0, MAX_NAME), address: headerText(facts.by.address).trim().slice(0, MAX_ADDRESS) };
  const out: RecordHeader[] = [
    { key: RECORD_HEADERS.version, value: '1' },
    { key: RECORD_HEADERS.by, value: `${encode(by.address)} ${encode(by.name)}`.trim() },
    { key: RECORD_HEADERS.at, value: new Date(facts.at).toISOString() },
    { key: RECORD_HEADERS.from, value: encode(facts.fromFolder) },
    { key: RECORD_HEADERS.uidValidity, value: String(facts.trashUidValidity) },
  ];
  for (const chunk of chunks(compressUids(facts.trashUids), UID_CHUNK)) out.push({ key: RECORD_HEADERS.uids, value: chunk });
  return out;
}

/** Splits `a,b,c` at commas into pieces of at most `max` characters (a range is never cut). */
function chunks(set: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const part of set.split(',')) {
    if (current && current.length + 1 + part.length > max) {
      out.push(current);
      current = part;
    } else current = current ? `${current},${part}` : part;
  }
  if (current) out.push(current);
  return out;
}

/** "Deleted: <subject>" for one message, "Deleted: <subject> (and 2 more)" for several. */
export function recordSubject(facts: DeletionFacts): string {
  const first = headerText(facts.messages[0]?.subject ?? '').trim() || '(no subject)';
  const more = facts.trashUids.length - 1;
  return more > 0 ? `Deleted: ${first} (and ${more} more)` : `Deleted: ${first}`;
}

const stamp = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

/** The body a person reads in any mail client (English: the record is shared by the whole team). */
export function recordBody(facts: DeletionFacts): string {
  const name = oneLine(facts.by.name);
  const who = name ? `${name} <${oneLine(facts.by.address)}>` : oneLine(facts.by.address);
  const count = facts.trashUids.length;
  const lines = [
    `${who} deleted ${count === 1 ? '1 message' : `${count} messages`} from ${oneLine(facts.fromFolderName)} in ${facts.mailboxAddress} on ${stamp(facts.at)}.`,
    `${count === 1 ? 'It was' : 'They were'} moved to the Trash of ${facts.mailboxAddress}; Postvak can restore ${count === 1 ? 'it' : 'them'} to ${oneLine(facts.fromFolderName)} from there.`,
    '',
  ];
  for (const m of facts.messages.slice(0, LISTED_MESSAGES)) {
    lines.push(`- ${oneLine(m.subject) || '(no subject)'} — ${oneLine(m.from) || '(no sender)'}${m.date !== null ? `, ${stamp(m.date)}` : ''}`);
  }
  const unlisted = count - Math.min(count, facts.messages.length, LISTED_MESSAGES);
  if (unlisted > 0) lines.push(`- … and ${unlisted} more`);
  lines.push('', 'This message was written by Postvak to keep track of deletions in a shared mailbox.');
  return lines.join('\n');
}

// eslint-disable-next-line no-control-regex -- controls are what is removed
const oneLine = (text: string): string => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 300);

/** Header fields of a raw header block (RFC 5322 §2.2.3 unfolding), names in lower case, repeats kept in order. */
export function headerFieldsOf(block: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const list = out.get(name) ?? [];
    list.push(line.slice(colon + 1).trim());
    out.set(name, list);
  }
  return out;
}

function decode(text: string, max: number): string | null {
  if (text.length > max * 3) return null;
  let value: string;
  try {
    value = decodeURIComponent(text);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- a record with controls in a name or path is not ours
  if (value.length > max || /[\u0000-\u001f\u007f]/.test(value)) return null;
  return value;
}

/**
 * A record's fields, or null when anything is missing, malformed or out of range: such a record
 * is ignored (written by another program, damaged, or hostile).
 */
export function parseRecord(block: string): DeletionRecord | null {
  const fields = headerFieldsOf(block);
  const one = (key: string): string | null => {
    const values = fields.get(key.toLowerCase());
    return values?.length === 1 ? (values[0] as string) : null;
  };
  if (one(RECORD_HEADERS.version) !== '1') return null;
  const byParts = (one(RECORD_HEADERS.by) ?? '').split(' ');
  if (byParts.length < 1 || byParts.length > 2) return null;
  const address = decode(byParts[0] ?? '', MAX_ADDRESS);
  const name = decode(byParts[1] ?? '', MAX_NAME);
  if (!address || !/^[^\s@<>]+@[^\s@<>]+$/.test(address) || name === null) return null;
  const atText = one(RECORD_HEADERS.at) ?? '';
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(atText) ? Date.parse(atText) : NaN;
  if (!Number.isFinite(at)) return null;
  const fromFolder = decode(one(RECORD_HEADERS.from) ?? '', MAX_FOLDER);
  if (!fromFolder) return null;
  const validityText = one(RECORD_HEADERS.uidValidity) ?? '';
  const trashUidValidity = /^\d{1,10}$/.test(validityText) ? Number(validityText) : NaN;
  if (!(trashUidValidity >= 1 && trashUidValidity <= 0xffffffff)) return null;
  const set = (fields.get(RECORD_HEADERS.uids.toLowerCase()) ?? []).join(',').replace(/\s+/g, '');
  if (!/^[\d:,]+$/.test(set)) return null;
  try {
    const ranges = parseUidSet(set);
    const size = uidSetSize(ranges);
    if (size < 1 || size > MAX_UIDS || ranges.some(([a, b]) => a < 1 || b > 0xffffffff)) return null;
  } catch {
    return null;
  }
  return { by: { name, address }, at, fromFolder, trashUidValidity, trashUids: set };
}
