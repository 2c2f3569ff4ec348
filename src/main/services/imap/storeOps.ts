/**
 * Writing and finding whole messages (issue #4: Sent copies, drafts, answers) on an imapflow
 * client: APPEND (RFC 9051 §6.3.12) with the UID from APPENDUID (RFC 4315 §3), UID SEARCH HEADER
 * (RFC 9051 §6.4.4) and the header fields of a few messages. ImapFlowSession exposes these as the
 * MessageStore of imap/types.ts; everything else sees only that interface.
 */
import type { ImapFlow } from 'imapflow';
import { compressUids } from '../../../shared/uidSet';
import { ImapCommandError } from './imapErrors';
import type { AppendResult, CalendarStore, HeaderQuery, ImapSession, MessageStore } from './types';

/** APPEND; the server's NO (e.g. `[NOPERM]` without the insert right, RFC 4314 §4) is thrown as is. */
export async function appendMessage(client: ImapFlow, path: string, raw: Buffer, flags: readonly string[], internalDate?: Date): Promise<AppendResult> {
  // INTERNALDATE kept on a copy made elsewhere (RFC 9051 §6.3.12 date-time): it sorts as before.
  const result = await client.append(path, raw, [...flags], internalDate);
  if (!result) throw new ImapCommandError('appendFailed', `The server did not store the message in ${path}`);
  return { uid: result.uid ?? null };
}

/**
 * UID SEARCH for messages whose header contains the value (RFC 9051 §6.4.4 HEADER matches a
 * substring). `any` queries are ORed. Runs in `path`, which the caller has selected.
 */
export async function searchHeaders(client: ImapFlow, path: string, any: readonly HeaderQuery[]): Promise<number[]> {
  if (any.length === 0) return [];
  const terms = any.map((q) => ({ header: { [q.name]: q.value } }));
  const query = terms.length === 1 ? terms[0]! : { or: terms };
  const result = await client.search(query, { uid: true });
  if (!Array.isArray(result)) throw new ImapCommandError('searchFailed', `UID SEARCH failed in ${path}`);
  return [...result].sort((a, b) => a - b);
}

/** `BODY.PEEK[HEADER.FIELDS (…)]` of each UID: the raw header block, unfolded by the caller. */
export async function fetchHeaderFields(client: ImapFlow, uids: readonly number[], names: readonly string[]): Promise<Map<number, Buffer>> {
  const out = new Map<number, Buffer>();
  if (uids.length === 0) return out;
  for await (const msg of client.fetch(compressUids(uids), { uid: true, headers: [...names] }, { uid: true })) {
    if (msg.headers) out.set(msg.uid, msg.headers);
  }
  return out;
}

/** The session's MessageStore, or `unsupported` for a session that has none (test fakes). */
export function messageStore(session: ImapSession): ImapSession & MessageStore {
  const candidate = session as ImapSession & Partial<MessageStore>;
  if (typeof candidate.append !== 'function' || typeof candidate.searchHeader !== 'function' || typeof candidate.headerFields !== 'function') {
    throw new ImapCommandError('unsupported', 'This connection cannot store messages');
  }
  return candidate as ImapSession & MessageStore;
}

/** The session's CalendarStore, or `unsupported` for a session that has none (test fakes). */
export function calendarStore(session: ImapSession): ImapSession & CalendarStore {
  const candidate = session as ImapSession & Partial<CalendarStore>;
  if (typeof candidate.kolabFolderTypes !== 'function' || typeof candidate.replaceUnchangedSince !== 'function' || typeof candidate.sourcesBySubject !== 'function') {
    throw new ImapCommandError('unsupported', 'This connection cannot store calendar events');
  }
  return candidate as ImapSession & CalendarStore;
}
