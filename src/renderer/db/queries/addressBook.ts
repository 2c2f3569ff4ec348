/**
 * Addresses for To/Cc/Bcc completion (issue #4 §1), from mail already in the cache: the newest
 * rows of the unified Sent and Inbox views — each of their folders' last pages (issue #11 §1),
 * merged by date — so the cost is bounded whatever the size of the cache. People the person wrote to count
 * double: a reply address is likelier than a newsletter's From. Kept in memory for a while, so
 * typing in the field never waits for IndexedDB after the first suggestion.
 */
import type { Address } from '../../../shared/model';
import { latestMessages } from '../pages/messageRows';
import { unifiedRoleOf, type MessageRow, type UnifiedRole } from '../rows';
import type { PostvakDb } from '../schema';

export interface KnownAddress {
  name: string;
  address: string;
  /** How often it was seen, weighted (sent mail counts double). */
  score: number;
  /** Newest date it was seen, epoch ms. */
  lastSeen: number;
}

/** Rows read per view; "the newest few thousand" in all. */
export const scanLimit = { sent: 1500, inbox: 1500 } as const;

const lower = (address: string) => address.trim().toLowerCase();

/** Folds rows into known addresses; `weight` per occurrence. Names: the newest non-empty one wins. */
export function collectAddresses(rows: readonly MessageRow[], weight: number, into = new Map<string, KnownAddress>()): Map<string, KnownAddress> {
  const add = (a: Address, date: number) => {
    const key = lower(a.address);
    if (!key.includes('@')) return;
    const known = into.get(key);
    if (!known) {
      into.set(key, { name: a.name.trim(), address: a.address.trim(), score: weight, lastSeen: date });
      return;
    }
    known.score += weight;
    if (date > known.lastSeen) {
      known.lastSeen = date;
      if (a.name.trim()) known.name = a.name.trim();
    } else if (!known.name && a.name.trim()) {
      known.name = a.name.trim();
    }
  };
  for (const row of rows) for (const a of [...row.from, ...row.to, ...row.cc]) add(a, row.date);
  return into;
}

/**
 * The newest `limit` messages of a unified view, newest first: each of its folders' newest by
 * UID (arrival order, read from the folder's last pages), merged by date.
 */
export async function latestInView(database: PostvakDb, role: UnifiedRole, limit: number): Promise<MessageRow[]> {
  const folders = await database.folders.filter((folder) => unifiedRoleOf(folder.role) === role).toArray();
  const perFolder = await Promise.all(folders.map((folder) => latestMessages(database, folder.accountId, folder.path, limit)));
  return perFolder
    .flat()
    .sort((a, b) => b.date - a.date)
    .slice(0, limit);
}

export async function loadAddressBook(database: PostvakDb): Promise<KnownAddress[]> {
  const [sent, inbox] = await Promise.all([latestInView(database, 'sent', scanLimit.sent), latestInView(database, 'inbox', scanLimit.inbox)]);
  return [...collectAddresses(inbox, 1, collectAddresses(sent, 2)).values()];
}

/** A month's age halves an address's weight: whom one mails now matters more than whom one mailed once. */
export function rank(known: KnownAddress, now: number): number {
  const ageDays = Math.max(0, now - known.lastSeen) / 86_400_000;
  return known.score / (1 + ageDays / 30);
}

/**
 * Suggestions for what is typed: addresses or names where a word starts with the query
 * (case-insensitive), best match first (address start, then name start, then a later word),
 * then by rank. Addresses in `exclude` (already in the field) are left out.
 */
export function suggestAddresses(book: readonly KnownAddress[], query: string, exclude: readonly string[] = [], limit = 8, now = Date.now()): KnownAddress[] {
  const q = query.trim().toLowerCase();
  if (q.length === 0) return [];
  const excluded = new Set(exclude.map(lower));
  const matchLevel = (k: KnownAddress): number => {
    const address = k.address.toLowerCase();
    const name = k.name.toLowerCase();
    if (address.startsWith(q)) return 0;
    if (name.startsWith(q)) return 1;
    const words = [...name.split(/[\s,.'"()-]+/), ...address.split(/[@.+_-]+/)];
    return words.some((word) => word.startsWith(q)) ? 2 : -1;
  };
  return book
    .map((k) => ({ k, level: matchLevel(k), rank: rank(k, now) }))
    .filter(({ k, level }) => level >= 0 && !excluded.has(lower(k.address)))
    .sort((a, b) => a.level - b.level || b.rank - a.rank || a.k.address.localeCompare(b.k.address))
    .slice(0, limit)
    .map(({ k }) => k);
}

const cacheMs = 2 * 60_000;
const cached = new WeakMap<PostvakDb, { at: number; book: Promise<KnownAddress[]> }>();

/** The address book, read at most every two minutes per database. */
export function addressBook(database: PostvakDb, now = Date.now()): Promise<KnownAddress[]> {
  const hit = cached.get(database);
  if (hit && now - hit.at < cacheMs) return hit.book;
  const book = loadAddressBook(database).catch((error: unknown) => {
    cached.delete(database);
    throw error;
  });
  cached.set(database, { at: now, book });
  return book;
}
