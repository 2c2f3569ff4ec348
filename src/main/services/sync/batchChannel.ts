/**
 * Back-pressure between an account's sync and the cache (HOUSE_STYLE.md "Main owns the network
 * … the engine waits for the renderer's acknowledgement before sending more"): every batch goes
 * to the window that writes the cache now (SyncEngine.ts: the one that last called
 * `sync.start`) and waits for `sync.ack({batchId})`.
 */
import { randomBytes } from 'node:crypto';
import type { SyncBatch } from '../../../shared/api';
import type { EventSink } from '../types';

export type BatchBody = SyncBatch extends infer B ? (B extends SyncBatch ? Omit<B, 'batchId'> : never) : never;

/** The writing window did not acknowledge in time: it is gone (closed, crashed, or frozen). */
export class ClientGoneError extends Error {
  readonly code = 'clientGone';
  constructor(
    message: string,
    /** The window that did not answer. */
    readonly writer: number,
  ) {
    super(message);
  }
}

/** The sync this batch belonged to was stopped. */
export class SyncStoppedError extends Error {
  readonly code = 'syncStopped';
}

/** The window this batch went to closed (or there is none): the sync goes on from the acknowledged cursors. */
export class WriterGoneError extends Error {
  readonly code = 'writerGone';
}

/** Where batches go: a window's id and its events. */
export interface Writer {
  id: number;
  sink: EventSink;
}

interface Waiter {
  writer: number;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class BatchChannel {
  private readonly waiting = new Map<string, Waiter>();
  private readonly prefix = randomBytes(4).toString('hex');
  private counter = 0;

  constructor(
    /** The window that writes the cache now; null when none does. */
    private readonly writer: () => Writer | null,
    private readonly ackTimeoutMs: number,
  ) {}

  /** Emits the batch to the writing window and resolves once it acknowledged it. */
  send(body: BatchBody, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(new SyncStoppedError('Sync stopped'));
    const writer = this.writer();
    if (!writer) return Promise.reject(new WriterGoneError('No window writes the cache'));
    const batchId = `${this.prefix}-${++this.counter}`;
    const acknowledged = this.acknowledgement(batchId, writer.id, signal);
    try {
      writer.sink('sync.batch', { ...body, batchId } as SyncBatch);
    } catch (error) {
      this.waiting.get(batchId)?.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return acknowledged;
  }

  /**
   * The acknowledgement of `batchId`. Its closures live until then, so they are made here and
   * not in send(), where they would hold on to the batch's rows (issue #11 §6).
   */
  private acknowledgement(batchId: string, writer: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const finish = () => {
        clearTimeout(waiter.timer);
        this.waiting.delete(batchId);
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        finish();
        reject(new SyncStoppedError('Sync stopped'));
      };
      const waiter: Waiter = {
        writer,
        resolve: () => {
          finish();
          resolve();
        },
        reject: (error) => {
          finish();
          reject(error);
        },
        timer: setTimeout(() => waiter.reject(new ClientGoneError(`No acknowledgement for ${batchId}`, writer)), this.ackTimeoutMs),
      };
      this.waiting.set(batchId, waiter);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Returns false for an unknown id (a late ack after a timeout, or a confused client). */
  ack(batchId: string): boolean {
    const waiter = this.waiting.get(batchId);
    if (!waiter) return false;
    waiter.resolve();
    return true;
  }

  /** The window `writer` closed or stopped writing: its unacknowledged batches will never be. */
  writerGone(writer: number): void {
    for (const waiter of [...this.waiting.values()]) if (waiter.writer === writer) waiter.reject(new WriterGoneError('The window closed'));
  }

  close(): void {
    for (const waiter of [...this.waiting.values()]) waiter.reject(new SyncStoppedError('Sync stopped'));
  }
}
