/**
 * One sync engine in main, shared by every window (issue #10 §9): one AccountSync per account,
 * however many windows and tabs are open, so an account's connections stay within its budget.
 *
 * The protocol (docs/sync-protocol.md). Every window of a profile shares one
 * IndexedDB cache, so one window at a time writes it: the one that last called `sync.start`
 * for the account. Only it receives `sync.batch` and acknowledges; `sync.status` goes to every
 * window, and the others see the writes through Dexie's liveQuery, which follows changes made
 * by other tabs of the same origin.
 *
 *  - `sync.start` from another window with the cursors the engine already holds (the same
 *    cache): that window becomes the writer; nothing is sent again, no connection is opened.
 *  - `sync.start` with other cursors (a wiped cache, a window restarting after a failed write,
 *    a browser with a cache of its own): the account's sync restarts from those cursors.
 *  - The writing window closes (or stops the account): its unacknowledged batches are dropped
 *    and the previous window in line writes, from the acknowledged cursors; a window that stops
 *    answering (no ack within `ackTimeoutMs`) is passed over the same way. With no window left,
 *    the account's sync stops and its connections close.
 */
import type { SyncBatch } from '../../../shared/api';
import type { AccountId, FolderCursor, SyncStatus } from '../../../shared/model';
import type { ImapSession } from '../imap/types';
import type { LeaseKind, LeaseOptions } from '../imap/ConnectionBudget';
import type { EventSink, TraceMark } from '../types';
import { AccountSync } from './AccountSync';
import type { SyncTuning } from './tuning';
import { BatchChannel, type Writer } from './batchChannel';
import type { MailboxConfig } from '../mailboxes/discovery';
import type { Warm } from './WarmStarts';
import { sameCursors } from './cursorSets';

export interface SyncEngineDeps {
  tuning: SyncTuning;
  /** Resolves the account's IMAP host (throws AppError accountNotFound). */
  hostOf(accountId: string): Promise<string>;
  /** Logs in within the account's connection budget (throws AppError noPassword without a password). */
  connect(accountId: string, kind: LeaseKind, options?: LeaseOptions): Promise<ImapSession>;
  /** The account's mailbox settings (manual mailboxes, hidden ids). */
  mailboxConfig(accountId: string): Promise<MailboxConfig>;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** Issue #5 §1: makes the account's own calendar on this session when missing; true when created. */
  ensureOwnCalendar?(accountId: string, session: ImapSession): Promise<boolean>;
  /** The account's head start, when main made one (WarmStarts.ts). */
  takeWarm?(accountId: string): Promise<Warm | null>;
  trace?(mark: TraceMark): void;
  /** Every batch on its way to the writing window. */
  onBatch?(batch: SyncBatch): void;
}

/** One window's view of the engine (its sync.* handlers). */
export interface SyncClient {
  /** Starts the account's sync, or joins it as the writing window (see the file comment). */
  start(accountId: string, cursors: readonly FolderCursor[]): Promise<void>;
  /** This window no longer syncs the account. */
  stop(accountId: string): Promise<void>;
  ack(batchId: string): void;
  /** The window shows this folder: the sync takes it next when it has not reached it yet. */
  focus(accountId: string, folderPath: string): void;
  close(): Promise<void>;
}

interface Client {
  id: number;
  sink: EventSink;
}

interface Entry {
  sync: AccountSync;
  channel: BatchChannel;
  /** Windows syncing the account, in the order of their last `sync.start`: the last one writes. */
  clients: Client[];
}

export class SyncEngine {
  private readonly clients = new Set<Client>();
  private readonly accounts = new Map<string, Entry>();
  /** The folder a window last showed per account, kept for a sync (re)started later. */
  private readonly focused = new Map<string, string>();
  /** Per account: start, stop and restart run one after another. */
  private readonly queues = new Map<string, Promise<void>>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly deps: SyncEngineDeps) {}

  /** A window connected: its sync.* handlers use the returned client. */
  attach(sink: EventSink): SyncClient {
    const client: Client = { id: this.nextId++, sink };
    this.clients.add(client);
    return {
      start: (accountId, cursors) => this.start(client, accountId, cursors),
      stop: (accountId) => this.exclusive(accountId, () => this.leave(client, accountId)),
      ack: (batchId) => {
        for (const entry of this.accounts.values()) if (entry.channel.ack(batchId)) return;
      },
      focus: (accountId, folderPath) => {
        this.focused.set(accountId, folderPath);
        this.accounts.get(accountId)?.sync.focus(folderPath);
      },
      close: async () => {
        this.clients.delete(client);
        await Promise.all([...this.accounts.keys()].map((accountId) => this.exclusive(accountId, () => this.leave(client, accountId))));
      },
    };
  }

  /** Runs an incremental pass of the folder soon (a change made on another connection). */
  nudge(accountId: string, folderPath: string): void {
    this.accounts.get(accountId)?.sync.nudge(folderPath);
  }

  /** Lists the account's folders again soon (a folder was created, renamed or deleted). */
  relist(accountId: string): void {
    this.accounts.get(accountId)?.sync.relist();
  }

  /** Re-discovers the account's mailboxes (its mailbox settings changed). */
  rediscover(accountId: string): void {
    this.accounts.get(accountId)?.sync.rediscover();
  }

  isSyncing(accountId: string): boolean {
    return this.accounts.has(accountId);
  }

  /** Restarts a running sync with the account's new settings, from the acknowledged cursors. */
  restart(accountId: string): Promise<void> {
    return this.exclusive(accountId, async () => {
      const entry = this.accounts.get(accountId);
      if (!entry) return;
      await this.replace(accountId, entry, entry.sync.acknowledgedCursors());
    });
  }

  /** Stops the account's sync for every window (the account was removed). */
  stop(accountId: string): Promise<void> {
    return this.exclusive(accountId, () => this.end(accountId));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.accounts.keys()].map((accountId) => this.stop(accountId)));
  }

  private async start(client: Client, accountId: string, cursors: readonly FolderCursor[]): Promise<void> {
    await this.deps.hostOf(accountId); // an unknown account is refused before anything starts
    await this.exclusive(accountId, async () => {
      if (this.closed || !this.clients.has(client)) return;
      const entry = this.accounts.get(accountId);
      if (!entry) {
        await this.create(accountId, [client], cursors);
        return;
      }
      const joins = entry.clients.at(-1) !== client;
      entry.clients = [...entry.clients.filter((c) => c !== client), client];
      // Another window of the same cache: it writes from now on, nothing needs sending again.
      if (joins && sameCursors(entry.sync.acknowledgedCursors(), cursors)) return;
      await this.replace(accountId, entry, cursors);
    });
  }

  private async create(accountId: string, clients: Client[], cursors: readonly FolderCursor[]): Promise<void> {
    const host = await this.deps.hostOf(accountId);
    const entry = { clients } as Entry;
    entry.channel = new BatchChannel(() => this.writerOf(entry), this.deps.tuning.ackTimeoutMs);
    entry.sync = new AccountSync(
      {
        accountId: accountId as AccountId,
        host,
        connect: (kind, options) => this.deps.connect(accountId, kind, options),
        mailboxConfig: () => this.deps.mailboxConfig(accountId),
        channel: entry.channel,
        status: (status: SyncStatus) => {
          for (const client of this.clients) client.sink('sync.status', status);
        },
        tuning: this.deps.tuning,
        onClientGone: (writer) => this.passOver(accountId, entry, writer),
        log: this.deps.log,
        ...(this.deps.ensureOwnCalendar ? { ensureOwnCalendar: (session: ImapSession) => this.deps.ensureOwnCalendar!(accountId, session) } : {}),
        ...(this.deps.takeWarm ? { takeWarm: () => this.deps.takeWarm!(accountId) } : {}),
        ...(this.deps.trace ? { trace: this.deps.trace } : {}),
      },
      cursors,
    );
    this.accounts.set(accountId, entry);
    const focus = this.focused.get(accountId);
    if (focus !== undefined) entry.sync.focus(focus);
  }

  /** Stops the account's sync and starts it again from `cursors`, for the same windows. */
  private async replace(accountId: string, entry: Entry, cursors: readonly FolderCursor[]): Promise<void> {
    await this.end(accountId);
    if (!this.closed && entry.clients.length > 0) await this.create(accountId, entry.clients, cursors);
  }

  private async end(accountId: string): Promise<void> {
    const entry = this.accounts.get(accountId);
    if (!entry) return;
    this.accounts.delete(accountId);
    await entry.sync.stop();
    entry.channel.close();
  }

  /** `client` no longer syncs the account: the next window writes, or the sync stops. */
  private async leave(client: Client, accountId: string): Promise<void> {
    const entry = this.accounts.get(accountId);
    if (!entry || !entry.clients.includes(client)) return;
    entry.clients = entry.clients.filter((c) => c !== client);
    if (entry.clients.length === 0) await this.end(accountId);
    else entry.channel.writerGone(client.id);
  }

  /** The writing window did not answer: pass it over. True when another window writes now. */
  private passOver(accountId: string, entry: Entry, writer: number): boolean {
    entry.clients = entry.clients.filter((c) => c.id !== writer);
    if (entry.clients.length > 0) return true;
    void this.exclusive(accountId, async () => {
      if (this.accounts.get(accountId) === entry && entry.clients.length === 0) await this.end(accountId);
    });
    return false;
  }

  private writerOf(entry: Entry): Writer | null {
    const client = entry.clients.at(-1);
    if (!client) return null;
    return {
      id: client.id,
      sink: (event, payload) => {
        if (event === 'sync.batch') this.deps.onBatch?.(payload as SyncBatch);
        client.sink(event, payload);
      },
    };
  }

  private exclusive(accountId: string, work: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(accountId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.queues.set(accountId, settled);
    void settled.then(() => {
      if (this.queues.get(accountId) === settled) this.queues.delete(accountId);
    });
    return next;
  }
}
