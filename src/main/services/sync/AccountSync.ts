/**
 * The life of one account's sync, shared by every window (issue #10 §9): connect, discover the
 * mailboxes and send them with their folders, pass over every folder, then watch — IDLE on the
 * own INBOX on this connection and on the other important folders through the IdlePool, a
 * LIST-STATUS poll of the rest (RFC 5819) that also notices grants and revocations, a full
 * re-discovery (rights, quota) every `discoveryMs` — and reconnect with backoff when the
 * connection drops, resuming from the cursors the cache last acknowledged.
 *
 * Split by concern (issue #10 §12): connecting (syncConnect.ts), discovery
 * (accountDiscovery.ts), watching (watching.ts, IdlePool.ts) and the head start (headStart.ts).
 */
import type { AccountId, FolderCursor, SyncStatus } from '../../../shared/model';
import type { ImapSession, ListedFolder } from '../imap/types';
import { LeaseAbortedError, type LeaseKind, type LeaseOptions } from '../imap/ConnectionBudget';
import { isConnectionLoss } from '../imap/imapErrors';
import { type BatchBody, type BatchChannel, ClientGoneError, SyncStoppedError, WriterGoneError } from './batchChannel';
import { backoffDelay, sleep } from '../../../shared/retry';
import { inboxPath, syncOrder } from './folderList';
import type { MailboxConfig } from '../mailboxes/discovery';
import { IdlePool } from './IdlePool';
import { previewFolder, syncFolder } from './folderPass';
import { calendarPassHook } from '../calendar/syncEvents';
import type { MessagesBody, Warm } from './WarmStarts';
import type { TraceMark } from '../types';
import type { SyncTuning } from './tuning';
import { classifyFailure, guardSession, StaleSessionError } from './syncConnect';
import { discoverAccount, listOnFreshLogin, listsDiffer, nothingDiscovered, type Discovered } from './accountDiscovery';
import { foldersAfterPoll, poolWatchList } from './watching';
import { firstLooks, replayHeadStart } from './headStart';
import { ownMailboxId } from '../../../shared/mailboxIds';

export interface AccountSyncDeps {
  accountId: AccountId;
  host: string;
  /** Logs in within the account's connection budget (imap/budgetedConnect.ts). */
  connect(kind: LeaseKind, options?: LeaseOptions): Promise<ImapSession>;
  /** The account's mailbox settings (manual mailboxes, hidden ids), read at every discovery. */
  mailboxConfig(): Promise<MailboxConfig>;
  /** Batches go to the window that writes the cache (SyncEngine.ts). */
  channel: BatchChannel;
  /** Status goes to every window. */
  status(status: SyncStatus): void;
  tuning: SyncTuning;
  /** The window `writer` did not acknowledge in time; true when another window took over. */
  onClientGone(writer: number): boolean;
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

export class AccountSync {
  private readonly cursors: Map<string, FolderCursor>;
  private readonly abort = new AbortController();
  private readonly pending = new Set<string>();
  private pollDue = false;
  private discoveryDue = false;
  private known: Discovered = nothingDiscovered;
  private readonly pool: IdlePool;
  private previouslyLive = new Set<string>();
  /** The folder a window shows (sync.focus): taken first whenever it is waiting. */
  private focused: string | null = null;
  private wakeUp: (() => void) | null = null;
  private session: ImapSession | null = null;
  private readonly finished: Promise<void>;

  constructor(
    private readonly deps: AccountSyncDeps,
    cursors: readonly FolderCursor[],
  ) {
    this.cursors = new Map(cursors.map((c) => [c.path, c]));
    this.pool = new IdlePool({
      connect: (lease) => deps.connect('watch', lease),
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

  /** A window shows `path`: when it waits for a pass (or its first look), it goes next. */
  focus(path: string): void {
    this.focused = path;
  }

  /** Takes the next path off `queue`: the focused folder when it is there, otherwise the first. */
  private takeNext(queue: string[]): string | undefined {
    const at = this.focused === null ? -1 : queue.indexOf(this.focused);
    return at >= 0 ? queue.splice(at, 1)[0] : queue.shift();
  }

  /**
   * Lists the folders again soon, on this session (a task created, renamed or deleted one, issue
   * #12 §6): the poll sends a `folders` batch when the list differs.
   */
  relist(): void {
    this.pollDue = true;
    this.wake();
  }

  /** Discovers the mailboxes again soon (settings changed: a mailbox hidden, added, removed). */
  rediscover(): void {
    this.discoveryDue = true;
    this.wake();
  }

  /** The cursors the cache has acknowledged (what it holds). */
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
        session = head?.session ?? (await this.deps.connect('sync'));
        if (this.stopped) break;
        this.session = session;
        failures = 0;
        await this.runSession(session, head);
      } catch (error) {
        if (this.stopped || error instanceof SyncStoppedError) break;
        // Another window writes the cache now (or a fresh login lists more): go on from the acknowledged cursors.
        if (error instanceof StaleSessionError || error instanceof WriterGoneError) continue;
        if (error instanceof ClientGoneError) {
          if (this.deps.onClientGone(error.writer)) continue;
          break;
        }
        const failure = classifyFailure(error, this.deps.host, this.deps.log);
        this.status(failure.status);
        if (failure.terminal) break;
        await sleep(backoffDelay(this.deps.tuning.backoffMs, failures++), this.abort.signal);
      } finally {
        this.session = null;
        await session?.close().catch(() => undefined);
      }
    }
  }

  private async runSession(session: ImapSession, head: Warm | null): Promise<void> {
    const { guard, dispose } = guardSession(session);
    const offChange = session.onChange((path) => this.serverChanged(path));
    // Folders the budget leaves without a watcher are polled sooner (unwatchedPollMs), so a
    // shared calendar without IDLE still follows within seconds (issue #10 §9).
    const { pollMs, unwatchedPollMs } = this.deps.tuning;
    let lastPoll = Date.now();
    const timer = setInterval(
      () => {
        if (Date.now() - lastPoll < pollMs && this.pool.allLive()) return;
        lastPoll = Date.now();
        this.pollDue = true;
        this.wake();
      },
      Math.min(pollMs, unwatchedPollMs),
    );
    const discoveryTimer = setInterval(() => this.rediscover(), this.deps.tuning.discoveryMs);
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
        const passes = this.pending.size > 0;
        while (this.pending.size > 0 && !this.stopped) {
          const path = this.takeNext([...this.pending]) as string;
          this.pending.delete(path);
          if (this.known.folders.some((f) => f.path === path && f.selectable)) await guard(this.syncOne(session, path));
        }
        await guard(this.watchInbox(session));
        if (passes) this.status({ state: 'idle' });
      }
    } finally {
      clearInterval(timer);
      clearInterval(discoveryTimer);
      dispose();
      offChange();
    }
  }

  private async initialPass(session: ImapSession, head: Warm | null): Promise<void> {
    // The head start discovered on this session already (WarmStarts.ts): its answer is sent as is.
    await this.applyFolders(session, head?.listed ?? (await session.listFolders()), true, head?.discovered ?? undefined);
    const order = syncOrder(this.known.folders);
    // The folder a window shows jumps the queue (sync.focus) in both rounds (headStart.ts firstLooks).
    const complete = new Set<string>();
    const hasCursor = (path: string) => this.cursors.has(path);
    const previewed = await replayHeadStart(head, this.known.folders, hasCursor, (path, body) => this.sendMessages(path, body));
    const looks = firstLooks(order, hasCursor, previewed);
    for (let path = this.takeNext(looks); path !== undefined; path = this.takeNext(looks)) {
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

  /** After the first pass, before the account reports idle: the own calendar, listed at once. */
  private async ensureOwnCalendar(session: ImapSession): Promise<void> {
    const ensure = this.deps.ensureOwnCalendar;
    const ownId = ownMailboxId(this.deps.accountId);
    if (!ensure || this.stopped || this.known.folders.some((f) => f.role === 'calendar' && f.mailboxId === ownId)) return;
    try {
      if (!(await ensure(session))) return;
    } catch (error) {
      // A server that refuses (no CREATE right, no METADATA…) still syncs mail; tried again next connection.
      this.deps.log('warn', `Could not make the own calendar: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    await this.applyFolders(session, await session.listFolders());
    for (const path of syncOrder(this.known.folders)) {
      if (this.stopped || this.cursors.has(path) || !this.pending.delete(path)) continue;
      await this.syncOne(session, path);
    }
  }

  /** Discovers the mailboxes and sends a `folders` batch when anything the renderer stores changed. */
  private async applyFolders(session: ImapSession, listed: readonly ListedFolder[], force = false, discovered?: Discovered): Promise<void> {
    const { found, changed } = discovered
      ? { found: discovered, changed: true }
      : await discoverAccount(session, this.deps.accountId, listed, await this.deps.mailboxConfig(), this.known);
    this.known = found;
    // The renderer deletes folders missing from this list (and their messages): forget their cursors.
    const paths = new Set(found.folders.map((f) => f.path));
    for (const path of [...this.cursors.keys()]) if (!paths.has(path)) this.cursors.delete(path);
    for (const path of [...this.pending]) if (!paths.has(path)) this.pending.delete(path);
    if (changed || force) await this.send({ kind: 'folders', accountId: this.deps.accountId, mailboxes: found.mailboxes, folders: found.folders });
    // New folders (a grant) have no cursor: the next poll's foldersToPass schedules their first pass.
    for (const f of found.folders) if (f.selectable && !this.cursors.has(f.path)) this.pending.add(f.path);
    await this.pool.set(poolWatchList(found.folders, found.mailboxes, session.caps.idle));
  }

  /**
   * Re-discovery on a fresh login (accountDiscovery.ts listOnFreshLogin); a different LIST
   * replaces this session. The probe's lease may take an IDLE watcher's place; when none comes
   * within `probeWaitMs` (the budget holds only more important connections), discovery runs on
   * this session: rights and quota still follow, a grant shows at a later re-discovery.
   */
  private async rediscoverWith(session: ImapSession): Promise<void> {
    const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.deps.tuning.probeWaitMs)]);
    const listed = await listOnFreshLogin(() => this.deps.connect('probe', { signal })).catch((error: unknown) => {
      if (error instanceof LeaseAbortedError && !this.stopped) return session.listFolders();
      throw error;
    });
    if (listsDiffer(this.deps.accountId, this.known.rows, listed, session.sharedPrefixes)) throw new StaleSessionError();
    await this.applyFolders(session, listed);
  }

  private async poll(session: ImapSession): Promise<void> {
    const live = this.pool.live();
    const { folders: listed, status } = await session.listWithStatus();
    // A grant or a revocation changes what LIST shows (RFC 4314 §4: `l` governs visibility).
    if (listsDiffer(this.deps.accountId, this.known.rows, listed, session.sharedPrefixes)) await this.applyFolders(session, listed);
    for (const path of foldersAfterPoll(this.known.folders, status, this.cursors, live, this.previouslyLive, session.caps.condstore)) {
      this.pending.add(path);
    }
    this.previouslyLive = live;
    this.deps.trace?.({ at: Date.now(), what: 'poll', accountId: this.deps.accountId, path: '' });
  }

  /** One pass over `path`, or with `preview` only its top (folderPass.ts previewFolder); true when the pass completed. */
  private async syncOne(session: ImapSession, path: string, preview = false): Promise<boolean> {
    const cached = this.cursors.get(path) ?? null;
    const folderRow = this.known.folders.find((f) => f.path === path);
    const ctx = {
      // Issue #5 §2: a calendar folder's batches carry its decoded events.
      ...(folderRow?.role === 'calendar' ? { events: calendarPassHook(this.deps.accountId, folderRow.rights, this.deps.log) } : {}),
      accountId: this.deps.accountId,
      caps: session.caps,
      batchSize: this.deps.tuning.batchSize,
      firstBatchSize: this.deps.tuning.firstBatchSize,
      flagBatchSize: this.deps.tuning.flagBatchSize,
      sendWindow: this.deps.tuning.sendWindow,
      fetchAhead: this.deps.tuning.fetchAhead,
      progress: (done: number, total: number) => this.status({ state: 'syncing', folderPath: path, done, total }),
      send: (body: MessagesBody) => this.sendMessages(path, body),
    };
    try {
      this.status({ state: 'syncing', folderPath: path, done: 0, total: 0 });
      if (preview) return await session.inFolder(path, (folder) => previewFolder(ctx, folder, cached));
      await session.inFolder(path, (folder) => syncFolder(ctx, folder, cached));
      return true;
    } catch (error) {
      if (error instanceof ClientGoneError || error instanceof SyncStoppedError || error instanceof WriterGoneError) throw error;
      if (isConnectionLoss(error) || !session.usable) throw error;
      // A folder deleted since LIST, or one we may list but not read: skip it, keep the rest going.
      this.deps.log('warn', `Skipped ${path}: ${error instanceof Error ? error.message : String(error)}`);
      return true;
    }
  }

  private async watchInbox(session: ImapSession): Promise<void> {
    const inbox = inboxPath(this.known.folders);
    if (inbox) await session.watch(inbox);
  }

  /** Sends a folder's batch; once acknowledged, its cursor is what the cache holds. */
  private async sendMessages(path: string, body: MessagesBody): Promise<void> {
    this.deps.trace?.({ at: Date.now(), what: 'batchSent', accountId: this.deps.accountId, path, upserts: body.upserts.length });
    // Only these two are read after the acknowledgement: the rows are not kept alive while the
    // window writes them (issue #11 §6, a first sync's rows otherwise live on into the old generation).
    const { reset, cursor } = body;
    await this.send(body);
    if (reset) this.cursors.delete(path);
    if (cursor) this.cursors.set(path, cursor);
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
