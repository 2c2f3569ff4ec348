/**
 * The outbox's state machine (issue #4 §6), pure: (item, event) → item. The runner (Outbox.ts)
 * persists every item it gets back before it acts on it, so the state on disk always says how
 * far a message got:
 *
 *   waiting ─due→ queued ─start→ sending ─accepted→ accepted ─finished→ sent
 *      │            ↑               │  └─failed(temporary)→ retrying ─start→ sending
 *      └─retry──────┤               └─failed(permanent)→ refused ─retry→ queued
 *                   └─────────────── recovered(not found) ← sending (after a restart)
 *
 * Exactly once (RFC 5321 §6.1 makes the server responsible once it answered 250): nothing
 * ever goes from `accepted` back to a state that submits again. A `sending` item found at
 * start-up is uncertain; the runner looks for its Message-ID in the Sent folders and reports
 * `recovered` with what it found.
 */
import type { OutboxItem, SendErrorCode } from '../../../shared/model/compose';
import { defaultRetry, exponentialDelay } from '../../../shared/retry';

export interface RetryTuning {
  /** First retry delay, doubled per attempt (default 5 s). */
  retryBaseMs: number;
  /** Longest retry delay (default 5 min). */
  retryCapMs: number;
}

/** From the one place for retry delays (shared/retry.ts, issue #10 §12). */
export const defaultRetryTuning: RetryTuning = { retryBaseMs: defaultRetry.outboxBaseMs, retryCapMs: defaultRetry.outboxCapMs };

export interface Failure {
  code: SendErrorCode;
  message: string;
  permanent: boolean;
  recipients?: string[];
}

export type OutboxEvent =
  | { type: 'due'; now: number }
  | { type: 'start'; now: number }
  | { type: 'accepted'; now: number; refusedRecipients?: { recipients: string[]; message: string } }
  | { type: 'failed'; now: number; failure: Failure; tuning: RetryTuning }
  | { type: 'retry'; now: number }
  | { type: 'connectionBack' }
  | { type: 'recovered'; now: number; found: boolean }
  | { type: 'stepFailed'; now: number; failures: number; tuning: RetryTuning }
  | { type: 'restarted' }
  | { type: 'copiesPlanned'; copies: { mailboxId: string; folderPath: string }[]; fellBack: boolean }
  | { type: 'copySaved'; folderPath: string }
  | { type: 'copyFellBack'; folderPath: string; own: { mailboxId: string; folderPath: string } }
  | { type: 'finished'; now: number };

export class OutboxTransitionError extends Error {
  constructor(item: OutboxItem, event: OutboxEvent) {
    super(`Outbox item ${item.id}: no transition from ${item.state} on ${event.type}`);
    this.name = 'OutboxTransitionError';
  }
}

/** Exponential backoff: base, 2×base, 4×base … capped. `attempt` counts from 1. */
export function retryDelay(attempt: number, tuning: RetryTuning): number {
  return exponentialDelay(attempt, tuning.retryBaseMs, tuning.retryCapMs);
}

/** The person may take it back (undo, edit, cancel) only before SMTP is under way. */
export function cancellable(item: OutboxItem): boolean {
  return item.state === 'waiting' || item.state === 'queued' || item.state === 'retrying' || item.state === 'refused';
}

/** When the runner should next look at the item; null = nothing to do until something happens. */
export function nextActionAt(item: OutboxItem, keepSentMs: number): number | null {
  switch (item.state) {
    case 'waiting':
      return item.sendAt;
    case 'queued':
      return 0;
    case 'retrying':
    case 'sending':
    case 'accepted':
      return item.nextAttemptAt ?? 0;
    case 'sent':
      return (item.sentAt ?? 0) + keepSentMs;
    case 'refused':
      return null;
  }
}

export function transition(item: OutboxItem, event: OutboxEvent): OutboxItem {
  const fail = (): never => {
    throw new OutboxTransitionError(item, event);
  };
  switch (event.type) {
    case 'due':
      if (item.state !== 'waiting') return fail();
      return event.now >= item.sendAt ? { ...item, state: 'queued' } : item;
    case 'start':
      if (item.state !== 'queued' && item.state !== 'retrying') return fail();
      return { ...item, state: 'sending', attempts: item.attempts + 1, nextAttemptAt: null };
    case 'accepted': {
      if (item.state !== 'sending') return fail();
      const refused = event.refusedRecipients;
      return {
        ...item,
        state: 'accepted',
        sentAt: event.now,
        nextAttemptAt: null,
        // Some recipients refused while the others got it: a note, not a reason to send again.
        error: refused ? { code: 'recipientRefused', message: refused.message, recipients: refused.recipients } : null,
      };
    }
    case 'failed': {
      if (item.state !== 'sending') return fail();
      const { failure } = event;
      const error = { code: failure.code, message: failure.message, ...(failure.recipients ? { recipients: failure.recipients } : {}) };
      if (failure.permanent) return { ...item, state: 'refused', error, nextAttemptAt: null };
      return { ...item, state: 'retrying', error, nextAttemptAt: event.now + retryDelay(item.attempts, event.tuning) };
    }
    case 'retry':
      if (!cancellable(item)) return fail();
      return { ...item, state: 'queued', nextAttemptAt: null, sendAt: Math.min(item.sendAt, event.now) };
    case 'connectionBack':
      // Only waits caused by the network end early; a refusal still needs the person.
      if (item.state !== 'retrying' || (item.error?.code !== 'offline' && item.error?.code !== 'serverError')) return item;
      return { ...item, state: 'queued', nextAttemptAt: null };
    case 'recovered':
      if (item.state !== 'sending') return fail();
      return event.found
        ? { ...item, state: 'accepted', sentAt: item.sentAt ?? event.now, nextAttemptAt: null }
        : { ...item, state: 'queued', nextAttemptAt: null };
    case 'stepFailed':
      // The Sent copy, the flags or the recovery search could not reach IMAP: try that step later.
      if (item.state !== 'accepted' && item.state !== 'sending') return fail();
      return { ...item, nextAttemptAt: event.now + retryDelay(event.failures, event.tuning) };
    case 'restarted':
      // Main started again: the unfinished steps of uncertain or accepted messages come first.
      if (item.state !== 'sending' && item.state !== 'accepted') return item;
      return item.nextAttemptAt === null ? item : { ...item, nextAttemptAt: null };
    case 'copiesPlanned': {
      if (item.state !== 'accepted') return fail();
      const saved = new Set(item.sentCopies.filter((c) => c.saved).map((c) => c.folderPath));
      const planned = event.copies.map((c) => ({ ...c, saved: saved.has(c.folderPath) }));
      const kept = item.sentCopies.filter((c) => c.saved && !planned.some((p) => p.folderPath === c.folderPath));
      // A shared Sent the person may not write into (RFC 4314 `i`) was replaced by their own.
      return { ...item, sentCopies: [...kept, ...planned], copyFellBackToOwn: item.copyFellBackToOwn || event.fellBack };
    }
    case 'copySaved':
      if (item.state !== 'accepted') return fail();
      return { ...item, sentCopies: item.sentCopies.map((c) => (c.folderPath === event.folderPath ? { ...c, saved: true } : c)) };
    case 'copyFellBack': {
      if (item.state !== 'accepted') return fail();
      const rest = item.sentCopies.filter((c) => c.folderPath !== event.folderPath);
      const hasOwn = rest.some((c) => c.folderPath === event.own.folderPath);
      return { ...item, copyFellBackToOwn: true, sentCopies: hasOwn ? rest : [...rest, { ...event.own, saved: false }] };
    }
    case 'finished':
      if (item.state !== 'accepted') return fail();
      return { ...item, state: 'sent', nextAttemptAt: null };
  }
}
