/**
 * Read-only full-source access to one folder on the offline pass's own connection: EXAMINE,
 * `UID SEARCH SINCE`, and `UID FETCH <set> (UID BODY.PEEK[])` streamed message by message.
 *
 * imap/types.ts has no such operations yet and imap/ is being reworked in parallel, so this
 * module reaches the imapflow client that ImapFlowSession (the only creator of clients) holds,
 * through the library's public API only, and checks its shape before use. It belongs in
 * imap/FlowFolder.ts as `examine` / `searchSince` / `streamSources` once that work lands.
 *
 * Read state: EXAMINE opens the folder read-only (RFC 9051 §6.3.3) and imapflow's `source`
 * compiles to `BODY.PEEK[]` (dist/esm/commands/fetch.js, setBodyPeek), which never sets \Seen
 * (RFC 9051 §6.4.5) — in a shared mailbox \Seen may be another person's.
 */
import type { ImapSession } from '../imap/types';
import { compressUids } from '../../../shared/uidSet';

export interface ExaminedFolder {
  uidValidity: number;
  /** `UID SEARCH SINCE <date>` (RFC 9051 §6.4.4), ascending. */
  searchSince(date: Date): Promise<number[]>;
  /** Calls `onSource` for each message as it arrives; awaits it, so slow disks slow the read. */
  streamSources(uids: readonly number[], onSource: (uid: number, source: Buffer) => Promise<void> | void): Promise<void>;
}

interface FlowClient {
  usable: boolean;
  mailbox: false | { uidValidity?: bigint | number };
  getMailboxLock(path: string, options: { readOnly: boolean }): Promise<{ release(): void }>;
  search(query: { since: Date }, options: { uid: true }): Promise<number[] | false>;
  fetch(range: string, query: { uid: true; source: true }, options: { uid: true }): AsyncIterable<{ uid: number; source?: Buffer }>;
}

export class SourceReaderError extends Error {
  constructor(
    readonly code: 'unsupported' | 'searchFailed' | 'noMailbox',
    message: string,
  ) {
    super(message);
    this.name = 'SourceReaderError';
  }
}

function flowClient(session: ImapSession): FlowClient {
  const client = (session as unknown as { client?: Partial<FlowClient> }).client;
  if (!client || typeof client.getMailboxLock !== 'function' || typeof client.search !== 'function' || typeof client.fetch !== 'function') {
    throw new SourceReaderError('unsupported', 'The IMAP session offers no full-source fetch (imap/ImapFlowSession changed?)');
  }
  return client as FlowClient;
}

/** Opens `path` read-only and runs `fn` with it; the folder stays locked for the duration. */
export async function examine<T>(session: ImapSession, path: string, fn: (folder: ExaminedFolder) => Promise<T>): Promise<T> {
  const client = flowClient(session);
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const mailbox = client.mailbox;
    if (!mailbox || mailbox.uidValidity === undefined) throw new SourceReaderError('noMailbox', `Could not examine ${path}`);
    return await fn({
      uidValidity: Number(mailbox.uidValidity),
      async searchSince(date) {
        const uids = await client.search({ since: date }, { uid: true });
        if (!Array.isArray(uids)) throw new SourceReaderError('searchFailed', `UID SEARCH SINCE failed in ${path}`);
        return [...uids].sort((a, b) => a - b);
      },
      async streamSources(uids, onSource) {
        if (uids.length === 0) return;
        for await (const msg of client.fetch(compressUids(uids), { uid: true, source: true }, { uid: true })) {
          if (msg.source) await onSource(msg.uid, msg.source);
        }
      },
    });
  } finally {
    lock.release();
  }
}
