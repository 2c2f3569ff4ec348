/**
 * The server's share of a search (issue #13 §4): `search.server` answers at once; then, per
 * account in parallel and folder by folder in the order asked, the folder is EXAMINEd and
 * searched (UID SEARCH, ESEARCH where offered: imap/searchOps.ts), and its hits — with the
 * summaries of the hits the window's cache lacks, fetched exactly as the sync fetches them — go to
 * the window that asked as `search.results` events: `folder` or `folderFailed` per folder, then
 * `done` once.
 *
 * Connections: one search session per account (kind `request` within the account's budget,
 * imap/OpsConnections.ts), shared by every window's searches and closed when idle, so a search never
 * takes the sync's or the reader's connection. A window runs one search at a time: a new one, a
 * `search.cancel` or the window closing stops the previous one between folders (imapflow cannot
 * abort a command in flight without dropping the connection; a cancelled folder's answer is
 * dropped unseen) and its `done` says `cancelled`. The accounts' sessions are taken in turns
 * (one command at a time per account, whichever window asks); a stopped search whose command
 * still runs after `abortAfterMs` — a TEXT search of a big folder takes seconds (Dovecot without
 * FTS: 3.5 s per 50,000 messages) — has its session closed, so the next search logs in afresh
 * instead of waiting for an answer nobody wants.
 */
import type { AccountId } from '../../../shared/model';
import type { SearchQuery } from '../../../shared/search/queryModel';
import { serverHitLimit, serverSummaryLimit, type ServerSearchEvent, type ServerSearchFolder } from '../../../shared/search/serverSearch';
import type { ImapSession } from '../imap/types';
import { serverSearchStore, type SearchCriteria, type SearchHits } from '../imap/searchOps';
import type { MailboxConfig } from '../mailboxes/discovery';
import { fetchSummaries } from '../sync/fetchSummaries';
import { taskMailbox } from '../tasks/taskMailbox';
import { byAccount, folderAccess, uncachedHits, type KnownFolders } from './searchPlan';
import { OpsConnections } from '../imap/OpsConnections';
import { isAccountWide, type Failure } from './searchFailures';

export interface ServerSearchDeps {
  /** A logged-in session of the account within its connection budget. */
  connect(accountId: string): Promise<ImapSession>;
  mailboxConfig(accountId: string): Promise<MailboxConfig>;
  /** The query's IMAP SEARCH criteria, null when nothing can match (shared/search/imapCriteria.ts). */
  criteria(query: SearchQuery): SearchCriteria | null;
  /** An error as the code and words a person should get (imap/imapErrors toAppError). */
  describe(accountId: string, error: unknown): Promise<Failure>;
  log(level: 'info' | 'warn', message: string): void;
  /** How long an unused search session stays open, ms. */
  idleMs?: number;
  /** How long a stopped search's command may still run before its session is closed, ms. */
  abortAfterMs?: number;
}

export interface SearchClient {
  start(input: { searchId: string; query: SearchQuery; folders: ServerSearchFolder[] }): void;
  cancel(searchId: string): void;
  /** The window closed: its search stops, and sends nothing more. */
  close(): void;
}

type Emit = (event: ServerSearchEvent) => void;

interface Running {
  searchId: string;
  controller: AbortController;
  emit: Emit;
}

export class ServerSearch {
  /** One search session per account (OpsConnections: opened on first use, closed when idle). */
  private readonly sessions: OpsConnections;
  /** Per account: the end of the queue of searches waiting for the session. */
  private readonly turns = new Map<string, Promise<void>>();
  /** Per account: the search (its signal) whose turn it is. */
  private readonly holders = new Map<string, AbortSignal>();

  constructor(private readonly deps: ServerSearchDeps) {
    this.sessions = new OpsConnections(deps.connect, deps.idleMs ?? 20_000);
  }

  /** One window's searches; `sink` receives only that window's results. */
  attach(sink: (event: ServerSearchEvent) => void): SearchClient {
    let current: Running | null = null;
    const stop = (running: Running | null, say: boolean) => {
      if (!running || running.controller.signal.aborted) return;
      running.controller.abort();
      if (say) running.emit({ searchId: running.searchId, kind: 'done', cancelled: true });
    };
    return {
      start: (input) => {
        stop(current, true);
        const controller = new AbortController();
        const running: Running = { searchId: input.searchId, controller, emit: (event) => sink(event) };
        current = running;
        void this.run(input, running)
          .catch((error: unknown) => {
            // Never expected (every folder's failure is an event); the window must still hear the end.
            this.deps.log('warn', `search ${input.searchId} stopped: ${error instanceof Error ? error.message : String(error)}`);
            if (!controller.signal.aborted) running.emit({ searchId: input.searchId, kind: 'done', cancelled: false });
          })
          .finally(() => {
            if (current === running) current = null;
          });
      },
      cancel: (searchId) => {
        if (current?.searchId === searchId) stop(current, true);
      },
      close: () => {
        stop(current, false);
        current = null;
      },
    };
  }

  /** The account was removed or changed: its search session closes. */
  dropAccount(accountId: string): Promise<void> {
    return this.sessions.drop(accountId);
  }

  async close(): Promise<void> {
    await this.sessions.closeAll();
  }

  private async run(input: { searchId: string; query: SearchQuery; folders: ServerSearchFolder[] }, running: Running): Promise<void> {
    const { searchId } = input;
    const signal = running.controller.signal;
    // Every event passes here: nothing reaches the window after its search was stopped.
    const emit: Emit = (event) => {
      if (!signal.aborted) running.emit(event);
    };
    // Pure and bounded by the contract's schema; null = no message can match (still answered per
    // folder). The query goes whole: toImapCriteria reads an in:/mailbox: standing alone in its
    // clause as satisfied (the window chose the folders by it) and one inside an OR as false, so
    // for `in:sent OR factuur` the server answers a subset (the local index has the rest) and
    // never a hit the query did not ask for — server hits are shown as they come.
    const criteria = this.deps.criteria(input.query);
    const accounts = [...byAccount(input.folders)];
    await Promise.all(accounts.map(([accountId, folders]) => this.searchAccount(searchId, accountId, folders, criteria, signal, emit)));
    emit({ searchId, kind: 'done', cancelled: false });
  }

  /** One account's folders, one at a time on its search session. */
  private async searchAccount(searchId: string, accountId: string, folders: ServerSearchFolder[], criteria: SearchCriteria | null, signal: AbortSignal, emit: Emit): Promise<void> {
    let known: KnownFolders | null = null;
    for (let i = 0; i < folders.length; i++) {
      if (signal.aborted) return;
      const folder = folders[i] as ServerSearchFolder;
      try {
        known ??= await this.knownFolders(accountId, signal);
        if (signal.aborted) return;
        const access = folderAccess(folder.folderPath, known);
        if (!access.ok) {
          emit({ searchId, kind: 'folderFailed', accountId, folderPath: folder.folderPath, code: access.code, message: access.message });
          continue;
        }
        const found = await this.searchFolder(accountId, folder, criteria, signal);
        if (found) emit({ searchId, kind: 'folder', accountId, folderPath: folder.folderPath, ...found });
      } catch (error) {
        if (signal.aborted) return;
        const failure = await this.deps.describe(accountId, error);
        emit({ searchId, kind: 'folderFailed', accountId, folderPath: folder.folderPath, ...failure });
        // Without a login (offline, password refused, no connection left) every next folder
        // would wait out the same failure: they fail with it at once.
        if (isAccountWide(failure.code)) return this.failAll(searchId, accountId, folders.slice(i + 1), failure, emit);
      }
    }
  }

  /**
   * Runs `fn` on the account's search session when it is this search's turn. A search stopped
   * while waiting never gets one (its caller sees the abort and returns).
   */
  private async onSession<T>(accountId: string, signal: AbortSignal, fn: (session: ImapSession) => Promise<T>): Promise<T> {
    const previous = this.turns.get(accountId) ?? Promise.resolve();
    let release!: () => void;
    const tail = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
    this.turns.set(accountId, tail);
    await previous;
    const onAbort = () => this.abandon(accountId, signal);
    try {
      if (signal.aborted) throw new Error('The search was stopped');
      this.holders.set(accountId, signal);
      signal.addEventListener('abort', onAbort, { once: true });
      return await this.sessions.use(accountId, fn);
    } finally {
      signal.removeEventListener('abort', onAbort);
      if (this.holders.get(accountId) === signal) this.holders.delete(accountId);
      if (this.turns.get(accountId) === tail) this.turns.delete(accountId);
      release();
    }
  }

  /**
   * A search stopped during its turn: if its command still runs after abortAfterMs, the session
   * closes (imapflow cannot abandon one command; LOGOUT, then the socket within 2 s). The command
   * then fails, the turn passes on, and the next search opens a new session.
   */
  private abandon(accountId: string, signal: AbortSignal): void {
    const timer = setTimeout(() => {
      if (this.holders.get(accountId) !== signal) return;
      this.deps.log('info', `${accountId}: a stopped search's command still runs; its session closes so the next search need not wait`);
      void this.sessions.drop(accountId);
    }, this.deps.abortAfterMs ?? 1_000);
    timer.unref?.();
  }

  private async searchFolder(accountId: string, folder: ServerSearchFolder, criteria: SearchCriteria | null, signal: AbortSignal) {
    return this.onSession(accountId, signal, (session) =>
      serverSearchStore(session).searchFolder(folder.folderPath, criteria, serverHitLimit, async (hits: SearchHits, open) => {
        // Cancelled while the SEARCH ran: the summaries would be fetched for nobody.
        if (signal.aborted) return null;
        const uidValidity = open.snapshot.uidValidity;
        const missing = uncachedHits(hits.uids, folder.cached, uidValidity, serverSummaryLimit);
        const summaries = missing.length > 0 ? await fetchSummaries(accountId as AccountId, open, missing) : [];
        return { uidValidity, uids: hits.uids, truncated: hits.total > hits.uids.length, summaries };
      }),
    );
  }

  /** The folders this login lists and the mailboxes they belong to, as tasks see them. */
  private async knownFolders(accountId: string, signal: AbortSignal): Promise<KnownFolders> {
    const config = await this.deps.mailboxConfig(accountId);
    return this.onSession(accountId, signal, async (session) => {
      const found = await taskMailbox(session, config, 'INBOX');
      return { folders: found.folders, mailboxOf: (path) => found.mailboxOf(path), sharedPrefixes: session.sharedPrefixes };
    });
  }

  private async failAll(searchId: string, accountId: string, folders: readonly ServerSearchFolder[], failure: Failure, emit: Emit): Promise<void> {
    for (const folder of folders) emit({ searchId, kind: 'folderFailed', accountId, folderPath: folder.folderPath, ...failure });
  }
}
