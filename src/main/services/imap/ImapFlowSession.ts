/**
 * The one module that creates and drives imapflow clients (HOUSE_STYLE.md layer rules; imap/ext
 * adds raw commands on such a client). It turns the library's objects into our types
 * (imap/types.ts) the moment they arrive: imapflow's mailbox object keeps mutating after SELECT,
 * and its modseqs are BigInts, which JSON cannot carry.
 */
import { isIP } from 'node:net';
import { ImapFlow, type ExpungeEvent, type ListResponse, type MailboxObject } from 'imapflow';
import type { AppendResult, CalendarStore, FolderSnapshot, FolderStatus, HeaderQuery, ImapAccount, ImapSession, ListedFolder, MessageStore, OpenFolder, OpenImapOptions, ReplaceOutcome, SharedNamespaces, SourcedMessage, StorageQuota } from './types';
import { appendMany, kolabFolderTypes, replaceUnchangedSince, setAnnotations, sourcesBySubject } from './calendarOps';
import { appendMessage, fetchHeaderFields, searchHeaders } from './storeOps';
import { capsFrom } from './convert';
import { ImapCommandError } from './imapErrors';
import { FlowFolder } from './FlowFolder';
import { createMailbox, deleteMailbox, renameMailbox } from './folderOps';
import { commentOf, rightsOf, sharedNamespaces, storageQuotaOf } from './sessionFacts';
import { searchSelected, type SearchCriteria, type SearchHits, type ServerSearchStore } from './searchOps';
import { secureContextFor } from '../net/tlsContext';

/** Connects and logs in; rejects with the library's error (classify with imapErrors). */
export async function openImap(account: ImapAccount, password: string, options: OpenImapOptions): Promise<ImapSession> {
  const client = new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.security === 'tls',
    // STARTTLS is required, never opportunistic: a stripped capability must not downgrade us.
    doSTARTTLS: account.security === 'starttls' ? true : account.security === 'none' ? false : undefined,
    servername: isIP(account.host) ? undefined : account.host,
    auth: { user: account.username, pass: password },
    logger: false,
    // Extra CAs join the system roots, TLS 1.2 at least, one shared context (net/tlsContext.ts);
    // verification itself is never switched off.
    tls: { secureContext: secureContextFor(options.extraCa) },
    qresync: true,
    clientInfo: { name: 'Postvak' },
    connectionTimeout: options.connectTimeoutMs ?? 30_000,
    autoIdleDelay: options.idleDelayMs ?? 1_000,
    // RFC 9051 §6.3.13: servers may drop an IDLE after 30 min; home routers drop quiet TCP sooner.
    maxIdleTime: 5 * 60_000,
  });
  // Errors after connect also close the connection, which onClose reports; an 'error' event
  // without a listener would crash the process.
  client.on('error', () => undefined);
  await client.connect();
  // Issue #10 §8: imapflow puts the personal namespace's prefix before every path it is given
  // and LISTs below it — on Cyrus without altnamespace (`INBOX.`) `user.info` became
  // `INBOX.user.info` and LIST showed own folders only. Our paths are always whole, as LISTed.
  if (client.namespace?.prefix) client.namespace = { ...client.namespace, prefix: '' };
  return new ImapFlowSession(client);
}

class ImapFlowSession implements ImapSession, MessageStore, CalendarStore, ServerSearchStore {
  readonly caps;
  readonly sharedPrefixes: string[];
  private readonly changeListeners = new Set<(path: string) => void>();
  private readonly closeListeners = new Set<() => void>();
  /** A SELECT ran since the last lock holder started: the mailbox object is fresh. */
  private freshSelect = false;

  constructor(private readonly client: ImapFlow) {
    this.caps = capsFrom(client.capabilities, client.enabled);
    const ns = client.namespaces;
    this.sharedPrefixes = [...(ns?.other || []), ...(ns?.shared || [])].map((n) => n.prefix).filter((p) => p !== '');
    client.on('mailboxOpen', () => {
      this.freshSelect = true;
    });
    client.on('exists', (e: { path: string }) => this.changed(e.path));
    client.on('flags', (e: { path: string }) => this.changed(e.path));
    client.on('expunge', (e: ExpungeEvent) => {
      // VANISHED (EARLIER) answers our own CHANGEDSINCE fetch (RFC 7162 §3.2.10), not news.
      if (!e.earlier) this.changed(e.path);
    });
    client.on('close', () => {
      for (const listener of this.closeListeners) listener();
    });
  }

  get usable(): boolean {
    return this.client.usable;
  }

  async listFolders(): Promise<ListedFolder[]> {
    return dedupe(await this.client.list()).map(toListed);
  }

  async listWithStatus(): Promise<{ folders: ListedFolder[]; status: Map<string, FolderStatus> }> {
    const entries = dedupe(
      await this.client.list({
        statusQuery: { messages: true, uidNext: true, uidValidity: true, highestModseq: this.caps.condstore },
      }),
    );
    const status = new Map<string, FolderStatus>();
    for (const entry of entries) {
      const s = entry.status;
      if (!s || s.uidValidity === undefined || s.uidNext === undefined) continue;
      status.set(entry.path, {
        path: entry.path,
        uidValidity: Number(s.uidValidity),
        uidNext: s.uidNext,
        highestModseq: s.highestModseq !== undefined ? s.highestModseq.toString() : '0',
        messages: s.messages ?? 0,
      });
    }
    return { folders: entries.map(toListed), status };
  }

  async inFolder<T>(path: string, fn: (folder: OpenFolder) => Promise<T>, options: { fresh?: boolean } = {}): Promise<T> {
    const lock = await this.client.getMailboxLock(path);
    try {
      // Re-SELECT a folder that was already selected: UIDNEXT and HIGHESTMODSEQ are only
      // reported by SELECT (RFC 9051 §7.3.1), the library's copy may be stale.
      if (!this.freshSelect && options.fresh !== false) await this.client.mailboxOpen(path);
      this.freshSelect = false;
      const mailbox = this.client.mailbox;
      if (!mailbox) throw new ImapCommandError('noMailbox', `Could not select ${path}`);
      const snapshot = snapshotOf(mailbox);
      if (!snapshot.uidNext && snapshot.exists > 0) {
        // UIDNEXT is required in the SELECT answer (RFC 9051 §6.3.2) but not every server sends
        // it; the highest UID + 1 is a safe stand-in (UIDs ascend, RFC 9051 §2.3.1.1).
        const last = await this.client.fetchOne('*', { uid: true });
        snapshot.uidNext = last ? last.uid + 1 : 0;
      }
      return await fn(new FlowFolder(this.client, snapshot));
    } finally {
      lock.release();
    }
  }

  append(path: string, raw: Buffer, flags: readonly string[], internalDate?: Date): Promise<AppendResult> {
    return appendMessage(this.client, path, raw, flags, internalDate);
  }

  searchHeader(path: string, any: readonly HeaderQuery[]): Promise<number[]> {
    return this.examining(path, () => searchHeaders(this.client, path, any));
  }

  headerFields(path: string, uids: readonly number[], names: readonly string[]): Promise<Map<number, Buffer>> {
    return this.examining(path, () => fetchHeaderFields(this.client, uids, names));
  }

  /** Issue #13 §4: EXAMINE, UID SEARCH (ESEARCH where offered), then `fn` in the folder (searchOps.ts). */
  searchFolder<T>(path: string, criteria: SearchCriteria | null, limit: number, fn: (hits: SearchHits, folder: OpenFolder) => Promise<T>): Promise<T> {
    return this.examining(path, async () => {
      const mailbox = this.client.mailbox;
      if (!mailbox) throw new ImapCommandError('noMailbox', `Could not examine ${path}`);
      const folder = new FlowFolder(this.client, snapshotOf(mailbox));
      return fn(await searchSelected(this.client, path, criteria, limit), folder);
    });
  }

  kolabFolderTypes(): Promise<Map<string, string> | null> {
    return kolabFolderTypes(this.client);
  }

  createFolder(path: string, specialUse?: string): Promise<void> {
    return createMailbox(this.client, path, specialUse);
  }

  async renameFolder(from: string, to: string): Promise<void> {
    await this.leave(from);
    return renameMailbox(this.client, from, to);
  }

  async deleteFolder(path: string): Promise<void> {
    await this.leave(path);
    return deleteMailbox(this.client, path);
  }

  /**
   * Selects INBOX read-only when `path` is selected: Dovecot ends the connection ("Selected
   * mailbox was deleted") when the selected folder goes, and CLOSE would expunge every \Deleted
   * message in it (RFC 9051 §6.4.1), other members' too. Selecting another folder closes it
   * without an expunge (RFC 9051 §6.3.2).
   */
  private async leave(path: string): Promise<void> {
    if (!this.client.mailbox || this.client.mailbox.path !== path || path.toUpperCase() === 'INBOX') return;
    await this.examining('INBOX', async () => undefined);
  }

  setAnnotations(path: string, values: Record<string, string | null>): Promise<void> {
    return setAnnotations(this.client, path, values);
  }

  async replaceUnchangedSince(path: string, old: { uid: number; modseq: string }, raw: Buffer | null): Promise<ReplaceOutcome> {
    this.freshSelect = false;
    return replaceUnchangedSince(this.client, path, old, raw);
  }

  appendMany(path: string, raws: readonly Buffer[]): Promise<void> {
    return appendMany(this.client, path, raws);
  }

  async sourcesBySubject(path: string, subject: string, maxBytes: number): Promise<SourcedMessage[]> {
    this.freshSelect = false;
    return sourcesBySubject(this.client, path, subject, maxBytes);
  }

  namespaces(): Promise<SharedNamespaces> {
    return sharedNamespaces(this.client);
  }

  myRights(path: string): Promise<string | null> {
    return rightsOf(this.client, path);
  }

  storageQuota(path: string): Promise<StorageQuota | null> {
    return storageQuotaOf(this.client, path);
  }

  comment(path: string): Promise<string | null> {
    return commentOf(this.client, path);
  }

  async watch(path: string): Promise<void> {
    const lock = await this.client.getMailboxLock(path);
    // Whoever selects next must re-SELECT: by then this SELECT's UIDNEXT is old news.
    this.freshSelect = false;
    lock.release();
    // IDLE now rather than after the auto-IDLE delay: a server sends mailbox updates only in
    // answer to commands or during IDLE (RFC 9051 §7), not while we only LIST. The promise
    // settles when the next command ends the IDLE.
    this.client.idle({ whenFree: true }).catch(() => undefined);
  }

  onChange(listener: (path: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.client.isClosed) return;
    // LOGOUT is polite; a dead connection would never answer it.
    const timer = setTimeout(() => this.client.close(), 2_000);
    try {
      await this.client.logout();
    } catch {
      this.client.close();
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Runs `fn` with `path` selected read-only (EXAMINE, RFC 9051 §6.3.3): looking for a copy must
   * not need write rights. The next inFolder() SELECTs again (freshSelect is cleared).
   */
  private async examining<T>(path: string, fn: () => Promise<T>): Promise<T> {
    const lock = await this.client.getMailboxLock(path, { readOnly: true });
    try {
      this.freshSelect = false;
      return await fn();
    } finally {
      lock.release();
    }
  }

  private changed(path: string): void {
    for (const listener of this.changeListeners) listener(path);
  }
}

/** Dovecot lists a shared INBOX twice once it has children (test/mailstack notes). */
function dedupe(entries: ListResponse[]): ListResponse[] {
  const seen = new Map<string, ListResponse>();
  for (const entry of entries) if (!seen.has(entry.path)) seen.set(entry.path, entry);
  return [...seen.values()];
}

function toListed(entry: ListResponse): ListedFolder {
  return {
    path: entry.path,
    name: entry.name,
    delimiter: entry.delimiter,
    parentPath: entry.parentPath ? entry.parentPath : null,
    flags: [...entry.flags],
    subscribed: entry.subscribed,
  };
}

function snapshotOf(mailbox: MailboxObject): FolderSnapshot {
  return {
    path: mailbox.path,
    uidValidity: Number(mailbox.uidValidity ?? 0),
    uidNext: mailbox.uidNext ?? 0,
    highestModseq: !mailbox.noModseq && mailbox.highestModseq !== undefined ? mailbox.highestModseq.toString() : '0',
    exists: mailbox.exists,
    readOnly: mailbox.readOnly === true,
    permanentFlags: mailbox.permanentFlags ? [...mailbox.permanentFlags] : null,
  };
}
