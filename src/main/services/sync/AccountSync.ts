/**
 * The life of one account's sync for one client: connect, discover the mailboxes and send them
 * with their folders, pass over every folder, then watch — IDLE on the own INBOX on this
 * connection and on every other visible Inbox through the IdlePool (RFC 2177, RFC 9051
 * §6.3.13), a LIST-STATUS poll of the other folders (RFC 5819) that also notices grants and
 * revocations, a full re-discovery (rights, quota) every `discoveryMs` — and reconnect with
 * backoff when the connection drops, resuming from the cursors this client last acknowledged.
 */
import type { AccountId, Folder, FolderCursor, Mailbox, SyncStatus } from '../../../shared/model';
import { AppError } from '../../../shared/errors';
import type { ImapSession, ListedFolder } from '../imap/types';
import { isConnectionLoss, toAppError } from '../imap/imapErrors';
import { type BatchBody, type BatchChannel, ClientGoneError, SyncStoppedError } from './batchChannel';
import { backoffDelay, sleep } from './backoff';
import { buildFolders, foldersChanged, inboxPath, syncOrder, type FolderRow } from './folderList';
import { discover, watchedCalendars, watchedInboxes } from '../mailboxes/discover';
import type { MailboxConfig } from '../mailboxes/discovery';
import { IdlePool } from './IdlePool';
import { previewFolder, syncFolder } from './folderPass';
import { foldersToPass } from './pollDecision';
import { calendarPassHook } from '../calendar/syncEvents';
import type { MessagesBody, Warm } from './WarmStarts';
import type { TraceMark } from '../types';
import type { SyncTuning } from './tuning';

export interface AccountSyncDeps {
  accountId: AccountId;
  host: string;
  /** Opens a logged-in session; throws AppError `noPassword` when there is no password. */
  connect(): Promise<ImapSession>;
  /** The account's mailbox settings (manual mailboxes, hidden ids), read at every discovery. */
  mailboxConfig(): Promise<MailboxConfig>;
  channel: BatchChannel;
  status(status: SyncStatus): void;
  tuning: SyncTuning;
  onClientGone(): void;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /**
   * Issue #5 §1: makes the own mailbox's calendar when it has none; true when it created one.
   * Called on the sync connection after the initial pass, so the first rows never wait for it.
   */
  ensureOwnCalendar?(session: ImapSession): Promise<boolean>;
  /** The account's head start (WarmStarts.ts), taken for the first connection only. */
  takeWarm?(): Promise<Warm | null>;
  /** Timing marks for the bench (ServicesOptions.trace). */
  trace?(mark: TraceMark): void;
}

class ConnectionLostError extends Error {
  readonly code = 'NoConnection';
}

/** A fresh login lists other mailboxes than this session: reconnect now, no backoff. */
class StaleSessionError extends Error {}

/** Errors after which retrying cannot help until the user changes something. */
const terminal = new Set(['authFailed', 'noPassword', 'accountNotFound']);

export class AccountSync {
  private readonly cursors: Map<string, FolderCursor>;
  private readonly abort = new AbortController();
  private readonly pending = new Set<string>();
  private pollDue = false;
  private discoveryDue = false;
  private rows: FolderRow[] = [];
  private mailboxes: Mailbox[] = [];
  private readonly pool: IdlePool;
  private previouslyLive = new Set<string>();
  /** The folder the client shows (sync.focus): taken first whenever it is waiting. */
  private focused: string | null = null;
  private wakeUp: (() => void) | null = null;
  private folders: Folder[] = [];
  private session: ImapSession | null = null;
  private readonly finished: Promise<void>;

  constructor(
    private readonly deps: AccountSyncDeps,
    cursors: readonly FolderCursor[],
  ) {
    this.cursors = new Map(cursors.map((c) => [c.path, c]));
    this.pool = new IdlePool({
      connect: () => deps.connect(),
      onChange: (path) => this.serverChanged(path),
      backoffMs: deps.tuning.backoffMs,
      log: deps.log,
    });
    this.finished = this.run();
  }

  /** Runs an incremental pass of `path` soon (a change made through another connection). */
  nudge(path: string): void {
    this.pending.add(path);
    this.wake();
  }

  /** A connection of this account heard from the server that `path` changed. */
  private serverChanged(path: string): void {
    this.deps.trace?.({ at: Date.now(), what: 'serverChange', accountId: this.deps.accountId, path });
    this.nudge(path);
  }

  /** The client shows `path`: when it waits for a pass (or its first look), it goes next. */
  focus(path: string): void {
    this.focused = path;
  }

  /** Takes the next path off `queue`: the focused folder when it is there, otherwise the first. */
  private takeNext(queue: string[]): string | undefined {
    const at = this.focused === null ? -1 : queue.indexOf(this.focused);
    return at >= 0 ? queue.splice(at, 1)[0] : queue.shift();
  }

  /** Discovers the mailboxes again soon (settings changed: a mailbox hidden, added, removed). */
  rediscover(): void {
    this.discoveryDue = true;
    this.wake();
  }

  /** The cursors this client has acknowledged (what its cache holds). */
  acknowledgedCursors(): FolderCursor[] {
    return [...this.cursors.values()];
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.wake();
    await this.session?.close().catch(() => undefined);
    await Promise.all([this.finished, this.pool.close()]);
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private status(status: Omit<SyncStatus, 'accountId'>): void {
    if (!this.stopped) this.deps.status({ accountId: this.deps.accountId, ...status });
  }

  private async run(): Promise<void> {
    let failures = 0;
    let warm = this.deps.takeWarm ? this.deps.takeWarm() : Promise.resolve(null);
    warm.catch(() => undefined); // awaited below, unless the sync is stopped first
    while (!this.stopped) {
      this.status({ state: 'connecting' });
      let session: ImapSession | null = null;
      try {
        // The head start serves the first attempt only, also when it failed (then it was that attempt).
        const first = warm;
        warm = Promise.resolve(null);
        const head = await first;
        session = head?.session ?? (await this.deps.connect());
        if (this.stopped) break;
        this.session = session;
        failures = 0;
        await this.runSession(session, head);
      } catch (error) {
        if (this.stopped || error instanceof SyncStoppedError) break;
        if (error instanceof StaleSessionError) continue;
        if (error instanceof ClientGoneError) {
          this.deps.onClientGone();
          break;
        }
        const mapped = toAppError(error, this.deps.host, null);
        const app = mapped instanceof AppError ? mapped : new AppError('connectionFailed', `Lost the connection to ${this.deps.host}`);
        if (!(mapped instanceof AppError)) this.deps.log('error', `Sync of ${this.deps.host} failed: ${String(error)}`);
        if (terminal.has(app.code)) {
          this.status({ state: 'error', error: { code: app.code, message: app.message } });
          break;
        }
        const state = app.code === 'offline' ? 'offline' : 'error';
        this.status({ state, error: { code: app.code, message: app.message } });
        await sleep(backoffDelay(this.deps.tuning.backoffMs, failures++), this.abort.signal);
      } finally {
        this.session = null;
        await session?.close().catch(() => undefined);
      }
    }
  }

  private async runSession(session: ImapSession, head: Warm | null): Promise<void> {
    let onLost: (error: Error) => void = () => undefined;
    const lost = new Promise<never>((_, reject) => {
      onLost = reject;
    });
    lost.catch(() => undefined);
    const offClose = session.onClose(() => onLost(new ConnectionLostError('The server closed the connection')));
    const offChange = session.onChange((path) => this.serverChanged(path));
    const timer = setInterval(() => {
      this.pollDue = true;
      this.wake();
    }, this.deps.tuning.pollMs);
    const discoveryTimer = setInterval(() => this.rediscover(), this.deps.tuning.discoveryMs);
    const guard = <T>(work: Promise<T>) => Promise.race([work, lost]);
    try {
      await guard(this.initialPass(session, head));
      this.status({ state: 'idle' });
      while (!this.stopped) {
        await guard(this.waitForWork());
        if (this.stopped) break;
        if (this.discoveryDue) {
          this.discoveryDue = false;
          await guard(this.rediscoverWith(session));
        }
        if (this.pollDue) {
          this.pollDue = false;
          await guard(this.poll(session));
        }
        if (this.pending.size === 0) {
          await guard(this.watchInbox(session));
          continue;
        }
        while (this.pending.size > 0 && !this.stopped) {
          const path = this.takeNext([...this.pending]) as string;
          this.pending.delete(path);
          if (this.folders.some((f) => f.path === path && f.selectable)) await guard(this.syncOne(session, path));
        }
        await guard(this.watchInbox(session));
        this.status({ state: 'idle' });
      }
    } finally {
      clearInterval(timer);
      clearInterval(discoveryTimer);
      offClose();
      offChange();
    }
  }

  private async initialPass(session: ImapSession, head: Warm | null): Promise<void> {
    await this.applyFolders(session, head?.listed ?? (await session.listFolders()), true);
    const order = syncOrder(this.folders);
    // First the top of every folder the cache has never completed, then the rest of them: the
    // newest mail of a big folder late in the order is not kept waiting behind other big ones.
    // The folder the client shows jumps the queue (sync.focus) in both rounds.
    const complete = new Set<string>();
    const previewed = await this.replayHeadStart(head);
    const firstLooks = order.filter((path) => !this.cursors.has(path) && !previewed.has(path));
    for (let path = this.takeNext(firstLooks); path !== undefined; path = this.takeNext(firstLooks)) {
      if (this.stopped) return;
      this.pending.delete(path);
      if (await this.syncOne(session, path, true)) complete.add(path);
    }
    const passes = order.filter((path) => !complete.has(path));
    for (let path = this.takeNext(passes); path !== undefined; path = this.takeNext(passes)) {
      if (this.stopped) return;
      this.pending.delete(path);
      await this.syncOne(session, path);
    }
    await this.ensureOwnCalendar(session);
    await this.watchInbox(session);
  }

  /**
   * The head start's INBOX batches, when this cache has never completed the INBOX: sent as the
   * first pass would have sent them. The INBOX is then left out of the previews but not of the
   * passes that follow them: a full pass, or — after a small INBOX's complete pass, whose cursor
   * is from the head start's moment — an incremental one. → the folders previewed.
   */
  private async replayHeadStart(head: Warm | null): Promise<Set<string>> {
    const preview = head?.preview;
    if (!preview || this.cursors.has(preview.path) || !this.folders.some((f) => f.path === preview.path && f.selectable)) return new Set();
    for (const body of preview.bodies) await this.sendMessages(preview.path, body);
    return new Set([preview.path]);
  }

  /** After the first pass, before the account reports idle: the own calendar, listed at once. */
  private async ensureOwnCalendar(session: ImapSession): Promise<void> {
    const ensure = this.deps.ensureOwnCalendar;
    const ownId = `${this.deps.accountId}:own`;
    if (!ensure || this.stopped || this.folders.some((f) => f.role === 'calendar' && f.mailboxId === ownId)) return;
    try {
      if (!(await ensure(session))) return;
    } catch (error) {
      // A server that refuses (no CREATE right, no METADATA…) still syncs mail; tried again next connection.
      this.deps.log('warn', `Could not make the own calendar: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    await this.applyFolders(session, await session.listFolders());
    for (const path of syncOrder(this.folders)) {
      if (this.stopped || this.cursors.has(path) || !this.pending.delete(path)) continue;
      await this.syncOne(session, path);
    }
  }

  /** Discovers the mailboxes and sends a `folders` batch when anything the renderer stores changed. */
  private async applyFolders(session: ImapSession, listed: readonly ListedFolder[], force = false): Promise<void> {
    this.rows = buildFolders(this.deps.accountId, listed, session.sharedPrefixes);
    const found = await discover(session, this.rows, await this.deps.mailboxConfig());
    const changed = force || foldersChanged(this.folders, found.folders) || JSON.stringify(this.mailboxes) !== JSON.stringify(found.mailboxes);
    this.folders = found.folders;
    this.mailboxes = found.mailboxes;
    // The renderer deletes folders missing from this list (and their messages): forget their cursors.
    const paths = new Set(this.folders.map((f) => f.path));
    for (const path of [...this.cursors.keys()]) if (!paths.has(path)) this.cursors.delete(path);
    for (const path of [...this.pending]) if (!paths.has(path)) this.pending.delete(path);
    if (changed) await this.send({ kind: 'folders', accountId: this.deps.accountId, mailboxes: this.mailboxes, folders: this.folders });
    // New folders (a grant) have no cursor: the next poll's foldersToPass schedules their first pass.
    for (const f of this.folders) if (f.selectable && !this.cursors.has(f.path)) this.pending.add(f.path);
    // Without IDLE (RFC 2177 capability) every folder is polled; the own INBOX IDLEs on this connection.
    const own = inboxPath(this.folders);
    const watched = [...watchedInboxes(this.folders, this.mailboxes), ...watchedCalendars(this.folders, this.mailboxes)];
    await this.pool.set(session.caps.idle ? watched.filter((p) => p !== own) : []);
  }

  /**
   * Dovecot fills a session's other-users namespace (RFC 2342 §3) at login: a grant made later
   * does not show in that session's LIST (seen against the test stack). So discovery lists on a
   * fresh login; when that differs, this session is replaced — the cursors make it cheap.
   */
  private async rediscoverWith(session: ImapSession): Promise<void> {
    const probe = await this.deps.connect();
    let listed: ListedFolder[];
    try {
      listed = await probe.listFolders();
    } finally {
      await probe.close().catch(() => undefined);
    }
    if (foldersChanged(this.rows, buildFolders(this.deps.accountId, listed, session.sharedPrefixes))) throw new StaleSessionError();
    await this.applyFolders(session, listed);
  }

  private async poll(session: ImapSession): Promise<void> {
    // Read before STATUS: a watcher that went live since the last poll may have missed a change
    // made before its IDLE began (it SELECTs after the first pass); this STATUS checks it once.
    const live = this.pool.live();
    const { folders: listed, status } = await session.listWithStatus();
    const next = buildFolders(this.deps.accountId, listed, session.sharedPrefixes);
    // A grant or a revocation changes what LIST shows (RFC 4314 §4: `l` governs visibility).
    if (foldersChanged(this.rows, next)) await this.applyFolders(session, listed);
    const watched = new Set([...live].filter((p) => this.previouslyLive.has(p)));
    this.previouslyLive = live;
    // The own INBOX IDLEs on this connection only between passes: mail that arrives while a pass
    // has another folder selected raises no EXISTS (the next SELECT just counts it), so STATUS
    // checks it too; an unchanged INBOX costs nothing more than its STATUS line.
    for (const path of foldersToPass(this.folders, status, this.cursors, watched, session.caps.condstore)) {
      this.pending.add(path);
    }
  }

  /** One pass over `path`, or with `preview` only its top (folderPass.ts previewFolder); true when the pass completed. */
  private async syncOne(session: ImapSession, path: string, preview = false): Promise<boolean> {
    const cached = this.cursors.get(path) ?? null;
    const folderRow = this.folders.find((f) => f.path === path);
    const ctx = {
      // Issue #5 §2: a calendar folder's batches carry its decoded events.
      ...(folderRow?.role === 'calendar' ? { events: calendarPassHook(this.deps.accountId, folderRow.rights, this.deps.log) } : {}),
      accountId: this.deps.accountId,
      caps: session.caps,
      batchSize: this.deps.tuning.batchSize,
      firstBatchSize: this.deps.tuning.firstBatchSize,
      flagBatchSize: this.deps.tuning.flagBatchSize,
      sendWindow: this.deps.tuning.sendWindow,
      progress: (done: number, total: number) => this.status({ state: 'syncing', folderPath: path, done, total }),
      send: (body: MessagesBody) => this.sendMessages(path, body),
    };
    try {
      this.status({ state: 'syncing', folderPath: path, done: 0, total: 0 });
      if (preview) return await session.inFolder(path, (folder) => previewFolder(ctx, folder, cached));
      await session.inFolder(path, (folder) => syncFolder(ctx, folder, cached));
      return true;
    } catch (error) {
      if (error instanceof ClientGoneError || error instanceof SyncStoppedError) throw error;
      if (isConnectionLoss(error) || !session.usable) throw error;
      // A folder deleted since LIST, or one we may list but not read: skip it, keep the rest going.
      this.deps.log('warn', `Skipped ${path}: ${error instanceof Error ? error.message : String(error)}`);
      return true;
    }
  }

  private async watchInbox(session: ImapSession): Promise<void> {
    const inbox = inboxPath(this.folders);
    if (inbox) await session.watch(inbox);
  }

  /** Sends a folder's batch; once acknowledged, its cursor is what this client holds. */
  private async sendMessages(path: string, body: MessagesBody): Promise<void> {
    this.deps.trace?.({ at: Date.now(), what: 'batchSent', accountId: this.deps.accountId, path, upserts: body.upserts.length });
    await this.send(body);
    if (body.reset) this.cursors.delete(path);
    if (body.cursor) this.cursors.set(path, body.cursor);
  }

  private send(body: BatchBody): Promise<void> {
    return this.deps.channel.send(body, this.abort.signal);
  }

  private waitForWork(): Promise<void> {
    if (this.pending.size > 0 || this.pollDue || this.discoveryDue || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      this.wakeUp = resolve;
    });
  }

  private wake(): void {
    const wake = this.wakeUp;
    this.wakeUp = null;
    wake?.();
  }
}
