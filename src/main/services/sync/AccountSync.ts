/**
 * The life of one account's sync for one client: connect, send the folder list, pass over every
 * folder, then watch — IDLE on INBOX (RFC 2177, RFC 9051 §6.3.13), a LIST-STATUS poll of the
 * other folders (RFC 5819) — and reconnect with backoff when the connection drops, resuming from
 * the cursors this client last acknowledged.
 */
import type { AccountId, Folder, FolderCursor, SyncStatus } from '../../../shared/model';
import { AppError } from '../../../shared/errors';
import type { ImapSession, ListedFolder } from '../imap/types';
import { isConnectionLoss, toAppError } from '../imap/imapErrors';
import { type BatchBody, type BatchChannel, ClientGoneError, SyncStoppedError } from './batchChannel';
import { backoffDelay, sleep } from './backoff';
import { buildFolders, foldersChanged, inboxPath, syncOrder } from './folderList';
import { syncFolder } from './folderPass';
import { foldersToPass } from './pollDecision';

export interface SyncTuning {
  batchSize: number;
  flagBatchSize: number;
  ackTimeoutMs: number;
  pollMs: number;
  backoffMs: readonly number[];
}

export const defaultTuning: SyncTuning = {
  batchSize: 500,
  flagBatchSize: 2000,
  ackTimeoutMs: 120_000,
  pollMs: 60_000,
  backoffMs: [1_000, 2_000, 5_000, 15_000, 30_000, 60_000],
};

export interface AccountSyncDeps {
  accountId: AccountId;
  host: string;
  /** Opens a logged-in session; throws AppError `noPassword` when there is no password. */
  connect(): Promise<ImapSession>;
  channel: BatchChannel;
  status(status: SyncStatus): void;
  tuning: SyncTuning;
  onClientGone(): void;
  log(level: 'info' | 'warn' | 'error', message: string): void;
}

class ConnectionLostError extends Error {
  readonly code = 'NoConnection';
}

/** Errors after which retrying cannot help until the user changes something. */
const terminal = new Set(['authFailed', 'noPassword', 'accountNotFound']);

export class AccountSync {
  private readonly cursors: Map<string, FolderCursor>;
  private readonly abort = new AbortController();
  private readonly pending = new Set<string>();
  private pollDue = false;
  private wakeUp: (() => void) | null = null;
  private folders: Folder[] = [];
  private session: ImapSession | null = null;
  private readonly finished: Promise<void>;

  constructor(
    private readonly deps: AccountSyncDeps,
    cursors: readonly FolderCursor[],
  ) {
    this.cursors = new Map(cursors.map((c) => [c.path, c]));
    this.finished = this.run();
  }

  /** Runs an incremental pass of `path` soon (a change made through another connection). */
  nudge(path: string): void {
    this.pending.add(path);
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
    await this.finished;
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private status(status: Omit<SyncStatus, 'accountId'>): void {
    if (!this.stopped) this.deps.status({ accountId: this.deps.accountId, ...status });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      this.status({ state: 'connecting' });
      let session: ImapSession | null = null;
      try {
        session = await this.deps.connect();
        if (this.stopped) break;
        this.session = session;
        failures = 0;
        await this.runSession(session);
      } catch (error) {
        if (this.stopped || error instanceof SyncStoppedError) break;
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

  private async runSession(session: ImapSession): Promise<void> {
    let onLost: (error: Error) => void = () => undefined;
    const lost = new Promise<never>((_, reject) => {
      onLost = reject;
    });
    lost.catch(() => undefined);
    const offClose = session.onClose(() => onLost(new ConnectionLostError('The server closed the connection')));
    const offChange = session.onChange((path) => this.nudge(path));
    const timer = setInterval(() => {
      this.pollDue = true;
      this.wake();
    }, this.deps.tuning.pollMs);
    const guard = <T>(work: Promise<T>) => Promise.race([work, lost]);
    try {
      await guard(this.initialPass(session));
      this.status({ state: 'idle' });
      while (!this.stopped) {
        await guard(this.waitForWork());
        if (this.stopped) break;
        if (this.pollDue) {
          this.pollDue = false;
          await guard(this.poll(session));
        }
        if (this.pending.size === 0) {
          await guard(this.watchInbox(session));
          continue;
        }
        while (this.pending.size > 0 && !this.stopped) {
          const path = this.pending.values().next().value as string;
          this.pending.delete(path);
          if (this.folders.some((f) => f.path === path && f.selectable)) await guard(this.syncOne(session, path));
        }
        await guard(this.watchInbox(session));
        this.status({ state: 'idle' });
      }
    } finally {
      clearInterval(timer);
      offClose();
      offChange();
    }
  }

  private async initialPass(session: ImapSession): Promise<void> {
    await this.applyFolders(session, await session.listFolders());
    for (const path of syncOrder(this.folders)) {
      if (this.stopped) return;
      this.pending.delete(path);
      await this.syncOne(session, path);
    }
    await this.watchInbox(session);
  }

  private async applyFolders(session: ImapSession, listed: readonly ListedFolder[]): Promise<void> {
    this.folders = buildFolders(this.deps.accountId, listed, session.sharedPrefixes);
    // The renderer deletes folders missing from this list (and their messages): forget their cursors.
    const paths = new Set(this.folders.map((f) => f.path));
    for (const path of [...this.cursors.keys()]) if (!paths.has(path)) this.cursors.delete(path);
    await this.send({ kind: 'folders', accountId: this.deps.accountId, folders: this.folders });
  }

  private async poll(session: ImapSession): Promise<void> {
    const { folders: listed, status } = await session.listWithStatus();
    const next = buildFolders(this.deps.accountId, listed, session.sharedPrefixes);
    if (foldersChanged(this.folders, next)) await this.applyFolders(session, listed);
    const watched = session.caps.idle ? inboxPath(this.folders) : null;
    for (const path of foldersToPass(this.folders, status, this.cursors, watched, session.caps.condstore)) {
      this.pending.add(path);
    }
  }

  private async syncOne(session: ImapSession, path: string): Promise<void> {
    const cached = this.cursors.get(path) ?? null;
    const ctx = {
      accountId: this.deps.accountId,
      caps: session.caps,
      batchSize: this.deps.tuning.batchSize,
      flagBatchSize: this.deps.tuning.flagBatchSize,
      progress: (done: number, total: number) => this.status({ state: 'syncing', folderPath: path, done, total }),
      send: async (body: Extract<BatchBody, { kind: 'messages' }>) => {
        await this.send(body);
        if (body.reset) this.cursors.delete(path);
        if (body.cursor) this.cursors.set(path, body.cursor);
      },
    };
    try {
      this.status({ state: 'syncing', folderPath: path, done: 0, total: 0 });
      await session.inFolder(path, (folder) => syncFolder(ctx, folder, cached));
    } catch (error) {
      if (error instanceof ClientGoneError || error instanceof SyncStoppedError) throw error;
      if (isConnectionLoss(error) || !session.usable) throw error;
      // A folder deleted since LIST, or one we may list but not read: skip it, keep the rest going.
      this.deps.log('warn', `Skipped ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async watchInbox(session: ImapSession): Promise<void> {
    const inbox = inboxPath(this.folders);
    if (inbox) await session.watch(inbox);
  }

  private send(body: BatchBody): Promise<void> {
    return this.deps.channel.send(body, this.abort.signal);
  }

  private waitForWork(): Promise<void> {
    if (this.pending.size > 0 || this.pollDue || this.stopped) return Promise.resolve();
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
