/**
 * IMAP SEARCH for the server's share of a search (issue #13 §4), on an imapflow client whose
 * folder is EXAMINEd (read-only, RFC 9051 §6.3.3: a search never changes a shared mailbox).
 *
 * `UID SEARCH RETURN (ALL COUNT) <criteria>` (ESEARCH, RFC 4731) where the server offers it:
 * the hits come back as one compact UID set (`1:40,52,60:9000`) however many there are, and
 * only the newest `limit` of them are ever expanded. imapflow 2.10.2 sends this itself when given
 * `returnOptions` and the server announces ESEARCH (commands/search.js), and falls back to a
 * plain `UID SEARCH` otherwise; a plain answer is a number list, cut here the same way.
 */
import type { ImapFlow, SearchObject } from 'imapflow';
import { parseUidSet, uidSetSize, type UidRanges } from '../../../shared/uidSet';
import { ImapCommandError } from './imapErrors';
import type { ImapSession, OpenFolder } from './types';

/**
 * Search criteria in imapflow's SearchObject shape, as plain data (shared/search/imapCriteria.ts
 * builds them from a parsed query; shared/ cannot import imapflow's type).
 */
export type SearchCriteria = object;

export interface SearchHits {
  /** Matching UIDs, newest (highest) first, at most the limit asked for. */
  uids: number[];
  /** How many matched in all (ESEARCH COUNT, or the plain answer's length). */
  total: number;
  /** The server answered with ESEARCH (RFC 4731) rather than a plain SEARCH list. */
  esearch: boolean;
}

/** The server's search of one folder, and the folder still held for a FETCH of some hits. */
export interface ServerSearchStore {
  /**
   * EXAMINEs `path`, runs the search, then `fn` with the hits and the folder (still selected
   * read-only: the summary FETCH uses BODY.PEEK, RFC 9051 §6.4.5, so nothing gets \Seen).
   * `null` criteria match nothing (imapCriteria.ts: e.g. `smaller:0`): no SEARCH is sent.
   */
  searchFolder<T>(path: string, criteria: SearchCriteria | null, limit: number, fn: (hits: SearchHits, folder: OpenFolder) => Promise<T>): Promise<T>;
}

/** `UID SEARCH` in the selected folder; ESEARCH where offered. Throws when the server refuses. */
export async function searchSelected(client: ImapFlow, path: string, criteria: SearchCriteria | null, limit: number): Promise<SearchHits> {
  if (criteria === null) return { uids: [], total: 0, esearch: false };
  const query = (Object.keys(criteria).length === 0 ? { all: true } : criteria) as SearchObject;
  const result = await client.search(query, { uid: true, returnOptions: ['ALL', 'COUNT'] });
  if (result === false || result === undefined) throw new ImapCommandError('searchFailed', `The server refused the search in ${path}`);
  if (Array.isArray(result)) {
    const sorted = [...result].sort((a, b) => b - a);
    return { uids: sorted.slice(0, limit), total: sorted.length, esearch: false };
  }
  // An ESEARCH answer without ALL matched nothing (RFC 4731 §3.1: ALL is left out when empty).
  const ranges = readSet(result.all ?? '', path);
  return { uids: newestOf(ranges, limit), total: result.count ?? uidSetSize(ranges), esearch: true };
}

function readSet(set: string, path: string): UidRanges {
  try {
    return parseUidSet(set);
  } catch {
    throw new ImapCommandError('searchFailed', `The server's search answer in ${path} could not be read`);
  }
}

/** The `limit` highest UIDs of a set, highest first, without expanding the rest. */
export function newestOf(ranges: UidRanges, limit: number): number[] {
  const out: number[] = [];
  for (let r = ranges.length - 1; r >= 0 && out.length < limit; r--) {
    const [start, end] = ranges[r] as readonly [number, number];
    for (let uid = end; uid >= start && out.length < limit; uid--) out.push(uid);
  }
  return out;
}

/** The session's ServerSearchStore, or `unsupported` for one without it (test fakes). */
export function serverSearchStore(session: ImapSession): ImapSession & ServerSearchStore {
  const candidate = session as ImapSession & Partial<ServerSearchStore>;
  if (typeof candidate.searchFolder !== 'function') throw new ImapCommandError('unsupported', 'This connection cannot search');
  return candidate as ImapSession & ServerSearchStore;
}
