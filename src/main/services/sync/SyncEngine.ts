/**
 * The sync engine of one client (one renderer, one cache): one AccountSync per started account,
 * one BatchChannel for the client's acknowledgements.
 */
import type { AccountId, FolderCursor, SyncStatus } from '../../../shared/model';
import type { ImapSession } from '../imap/types';
import type { EventSink, TraceMark } from '../types';
import { AccountSync } from './AccountSync';
import type { SyncTuning } from './tuning';
import { BatchChannel } from './batchChannel';
import type { MailboxConfig } from '../mailboxes/discovery';
import type { Warm } from './WarmStarts';

export interface SyncEngineDeps {
  sink: EventSink;
  tuning: SyncTuning;
  /** Resolves the account's IMAP host (throws AppError accountNotFound). */
  hostOf(accountId: string): Promise<string>;
  /** Opens a logged-in session for the account (throws AppError noPassword without a password). */
  connect(accountId: string): Promise<ImapSession>;
  /** The account's mailbox settings (manual mailboxes, hidden ids). */
  mailboxConfig(accountId: string): Promise<MailboxConfig>;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** Issue #5 §1: makes the account's own calendar on this session when missing; true when created. */
  ensureOwnCalendar?(accountId: string, session: ImapSession): Promise<boolean>;
  /** The account's head start, when main made one (WarmStarts.ts). */
  takeWarm?(accountId: string): Promise<Warm | null>;
  trace?(mark: TraceMark): void;
}

export class SyncEngine {
  private readonly channel: BatchChannel;
  private readonly syncs = new Map<string, AccountSync>();
  /** The folder the client last showed per account, kept for a sync (re)started later. */
  private readonly focused = new Map<string, string>();
  private closed = false;

  constructor(private readonly deps: SyncEngineDeps) {
    this.channel = new BatchChannel(deps.sink, deps.tuning.ackTimeoutMs);
  }

  /** Starts (or restarts, from these cursors) the account's sync; returns before connecting. */
  async start(accountId: string, cursors: readonly FolderCursor[]): Promise<void> {
    const host = await this.deps.hostOf(accountId);
    await this.stop(accountId);
    if (this.closed) return;
    const sync = new AccountSync(
      {
        accountId: accountId as AccountId,
        host,
        connect: () => this.deps.connect(accountId),
        mailboxConfig: () => this.deps.mailboxConfig(accountId),
        channel: this.channel,
        status: (status: SyncStatus) => this.deps.sink('sync.status', status),
        tuning: this.deps.tuning,
        onClientGone: () => void this.close(),
        log: this.deps.log,
        ...(this.deps.ensureOwnCalendar ? { ensureOwnCalendar: (session: ImapSession) => this.deps.ensureOwnCalendar!(accountId, session) } : {}),
        ...(this.deps.takeWarm ? { takeWarm: () => this.deps.takeWarm!(accountId) } : {}),
        ...(this.deps.trace ? { trace: this.deps.trace } : {}),
      },
      cursors,
    );
    this.syncs.set(accountId, sync);
    const focus = this.focused.get(accountId);
    if (focus !== undefined) sync.focus(focus);
  }

  ack(batchId: string): void {
    this.channel.ack(batchId);
  }

  nudge(accountId: string, folderPath: string): void {
    this.syncs.get(accountId)?.nudge(folderPath);
  }

  /** The client shows this folder: its sync takes it next when it has not reached it yet. */
  focus(accountId: string, folderPath: string): void {
    this.focused.set(accountId, folderPath);
    this.syncs.get(accountId)?.focus(folderPath);
  }

  /** Re-discovers the account's mailboxes (its mailbox settings changed). */
  rediscover(accountId: string): void {
    this.syncs.get(accountId)?.rediscover();
  }

  isSyncing(accountId: string): boolean {
    return this.syncs.has(accountId);
  }

  /** Restarts a running sync with the account's new settings, from the acknowledged cursors. */
  async restart(accountId: string): Promise<void> {
    const sync = this.syncs.get(accountId);
    if (!sync) return;
    const cursors = sync.acknowledgedCursors();
    await this.start(accountId, cursors);
  }

  async stop(accountId: string): Promise<void> {
    const sync = this.syncs.get(accountId);
    if (!sync) return;
    this.syncs.delete(accountId);
    await sync.stop();
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.syncs.keys()];
    await Promise.all(all.map((id) => this.stop(id)));
    this.channel.close();
  }
}
