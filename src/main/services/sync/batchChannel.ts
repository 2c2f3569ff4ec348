/**
 * Back-pressure between the engine and one client (HOUSE_STYLE.md "Main owns the network …
 * the engine waits for the renderer's acknowledgement before sending more"): every batch waits
 * for `sync.ack({batchId})` from the client that received it.
 */
import { randomBytes } from 'node:crypto';
import type { SyncBatch } from '../../../shared/api';
import type { EventSink } from '../types';

export type BatchBody = SyncBatch extends infer B ? (B extends SyncBatch ? Omit<B, 'batchId'> : never) : never;

/** The client did not acknowledge in time: it is gone (closed, crashed, or frozen). */
export class ClientGoneError extends Error {
  readonly code = 'clientGone';
}

/** The sync this batch belonged to was stopped. */
export class SyncStoppedError extends Error {
  readonly code = 'syncStopped';
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class BatchChannel {
  private readonly waiting = new Map<string, Waiter>();
  private readonly prefix = randomBytes(4).toString('hex');
  private counter = 0;

  constructor(
    private readonly sink: EventSink,
    private readonly ackTimeoutMs: number,
  ) {}

  /** Emits the batch and resolves once the client acknowledged it. */
  send(body: BatchBody, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(new SyncStoppedError('Sync stopped'));
    const batchId = `${this.prefix}-${++this.counter}`;
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
        resolve: () => {
          finish();
          resolve();
        },
        reject: (error) => {
          finish();
          reject(error);
        },
        timer: setTimeout(() => waiter.reject(new ClientGoneError(`No acknowledgement for ${batchId}`)), this.ackTimeoutMs),
      };
      this.waiting.set(batchId, waiter);
      signal.addEventListener('abort', onAbort, { once: true });
      this.sink('sync.batch', { ...body, batchId } as SyncBatch);
    });
  }

  /** Returns false for an unknown id (a late ack after a timeout, or a confused client). */
  ack(batchId: string): boolean {
    const waiter = this.waiting.get(batchId);
    if (!waiter) return false;
    waiter.resolve();
    return true;
  }

  close(): void {
    for (const waiter of [...this.waiting.values()]) waiter.reject(new SyncStoppedError('Client closed'));
  }
}
