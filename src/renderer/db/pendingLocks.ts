/**
 * Pending task changes win over stale sync echoes (issue #12 §1; issue #11's note: "a stale
 * server flag echo briefly overwrites a newer optimistic change"). While a task is queued its
 * change is "locked" onto the messages it names — Mailspring's task queue locks models the same
 * way: a sync batch that brings a locked message's flags gets the pending change applied over
 * them, and a message whose removal is pending stays out of the list when a batch re-sends it.
 * What the server said meanwhile is noted, so a rollback puts back the server's newest state
 * (or nothing, when the server removed the message) instead of the state before the task.
 *
 * In memory only: a pending task does not outlive the window that queued it.
 */
import type { SyncBatch } from '../../shared/api';
import type { MessageSummary } from '../../shared/model';

type MessagesBatch = Extract<SyncBatch, { kind: 'messages' }>;

/** What a sync batch said about a locked message while its task was pending. */
export interface ServerNote {
  /** The server removed it (or the folder was reset): a rollback must not bring it back. */
  gone?: boolean;
  summary?: MessageSummary;
  flags?: string[];
  modseq?: string;
}

export interface PendingLock {
  readonly accountId: string;
  readonly folderPath: string;
  /** Emptied when the folder is reset: its UIDs then name other messages (RFC 9051 §2.3.1.1). */
  readonly uids: Set<number>;
  readonly change: { kind: 'flags'; add: readonly string[]; remove: readonly string[] } | { kind: 'removal' };
  /** Filled by sync batches while the lock is held. */
  readonly notes: Map<number, ServerNote>;
  /** The task was confirmed; the lock waits for the end of the sync pass under way (`settle`). */
  settled?: boolean;
}

/** The longest a confirmed lock waits for the end of a sync pass (an engine that is offline sends none). */
export const settleLimitMs = 10_000;

const folderId = (accountId: string, folderPath: string) => `${accountId}\u0000${folderPath}`;

/** Flags after adding `add` and removing `remove` (IMAP flags compare case-insensitively, RFC 9051 §2.3.2). */
export function changedFlags(flags: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const removed = new Set(remove.map((flag) => flag.toLowerCase()));
  const kept = flags.filter((flag) => !removed.has(flag.toLowerCase()));
  const present = new Set(kept.map((flag) => flag.toLowerCase()));
  return [...kept, ...add.filter((flag) => !present.has(flag.toLowerCase()))];
}

export class PendingLocks {
  private readonly byFolder = new Map<string, PendingLock[]>();

  /** Locks `uids` of a folder until `release`; taken before the optimistic write, so no batch slips between. */
  lock(accountId: string, folderPath: string, uids: readonly number[], change: PendingLock['change']): PendingLock {
    const lock: PendingLock = { accountId, folderPath, uids: new Set(uids), change, notes: new Map() };
    const id = folderId(accountId, folderPath);
    this.byFolder.set(id, [...(this.byFolder.get(id) ?? []), lock]);
    return lock;
  }

  release(lock: PendingLock): void {
    const id = folderId(lock.accountId, lock.folderPath);
    const left = (this.byFolder.get(id) ?? []).filter((other) => other !== lock);
    if (left.length > 0) this.byFolder.set(id, left);
    else this.byFolder.delete(id);
  }

  /**
   * The task was confirmed. A sync pass that read the folder before the server applied the
   * change may still be under way, and its batches would bring the old state back for a moment;
   * so the lock stays until a batch that ends a pass (it carries the cursor) has been filtered —
   * the pass main started after the task (it nudges the folder) reads the new state — or until
   * `settleLimitMs`.
   */
  settle(lock: PendingLock, limitMs = settleLimitMs): void {
    lock.settled = true;
    setTimeout(() => this.release(lock), limitMs);
  }

  /** The locks of a folder, oldest first (their changes apply in that order). */
  inFolder(accountId: string, folderPath: string): readonly PendingLock[] {
    return this.byFolder.get(folderId(accountId, folderPath)) ?? [];
  }

  /** `flags` with every pending flag change of the message applied over them. */
  overlay(accountId: string, folderPath: string, uid: number, flags: readonly string[], except?: PendingLock): string[] {
    let result = [...flags];
    for (const lock of this.inFolder(accountId, folderPath)) {
      if (lock === except || lock.change.kind !== 'flags' || !lock.uids.has(uid)) continue;
      result = changedFlags(result, lock.change.add, lock.change.remove);
    }
    return result;
  }

  /**
   * The batch as the cache should apply it while tasks are pending: flags of locked messages
   * with the pending change over them, locked removals left out — and what the server said
   * noted on each lock. A batch without locks in its folder is returned as it came.
   */
  filterBatch(batch: MessagesBatch): MessagesBatch {
    const locks = this.inFolder(batch.accountId, batch.folderPath);
    if (locks.length === 0) return batch;
    const note = (uid: number, said: ServerNote) => {
      for (const lock of locks) if (lock.uids.has(uid)) lock.notes.set(uid, { ...lock.notes.get(uid), ...said });
    };
    const removing = (uid: number) => locks.some((lock) => lock.change.kind === 'removal' && lock.uids.has(uid));
    if (batch.reset) {
      for (const lock of locks) {
        for (const uid of lock.uids) lock.notes.set(uid, { gone: true });
        lock.uids.clear();
      }
    }
    for (const uid of batch.removedUids) note(uid, { gone: true });
    const upserts: MessageSummary[] = [];
    for (const summary of batch.upserts) {
      note(summary.uid, { summary, flags: summary.flags, modseq: summary.modseq, gone: false });
      if (removing(summary.uid)) continue;
      upserts.push({ ...summary, flags: this.overlay(batch.accountId, batch.folderPath, summary.uid, summary.flags) });
    }
    const flagUpdates: MessagesBatch['flagUpdates'] = [];
    for (const update of batch.flagUpdates) {
      note(update.uid, { flags: update.flags, modseq: update.modseq });
      if (removing(update.uid)) continue;
      flagUpdates.push({ ...update, flags: this.overlay(batch.accountId, batch.folderPath, update.uid, update.flags) });
    }
    if (batch.cursor) for (const lock of locks) if (lock.settled) this.release(lock);
    return { ...batch, upserts, flagUpdates };
  }
}

/** The window's registry: applySyncBatch reads it, the task runner (src/renderer/tasks) writes it. */
export const pendingLocks = new PendingLocks();
