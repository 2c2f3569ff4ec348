/**
 * Runs parse jobs in worker threads with a time and a memory budget (issue #10 §1; HOUSE_STYLE:
 * "Main's event loop is for coordination"). A worker that runs over its time is terminated, one
 * that runs out of heap dies on its own (`resourceLimits`); either way the job fails with a
 * ParseBudgetError and the next job gets a fresh worker. Workers are unreferenced while idle, so
 * they never keep a process alive.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export class ParseBudgetError extends Error {
  readonly code = 'parseBudget';
  constructor(readonly budget: 'time' | 'memory' | 'crash', message: string) {
    super(message);
    this.name = 'ParseBudgetError';
  }
}

export class ParseFailedError extends Error {
  readonly code = 'parseFailed';
  constructor(message: string) {
    super(message);
    this.name = 'ParseFailedError';
  }
}

export interface ParsePoolOptions {
  /** The worker module; by default mail/worker/parseWorker.mjs, from source or from out/main. */
  workerUrl?: URL;
  /** Workers at most (jobs beyond wait their turn). */
  size?: number;
  /** Per job. */
  timeMs?: number;
  /** Old-generation heap per worker (`resourceLimits.maxOldGenerationSizeMb`). */
  memoryMb?: number;
}

interface Job {
  kind: string;
  payload: unknown;
  transfer: ArrayBuffer[];
  signal: AbortSignal | undefined;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/**
 * The worker file next to this module (Vitest runs the source) or next to the bundle that
 * inlined it (electron-vite: out/main/index.js, out/main/host.js, or a chunk one level down).
 */
export function defaultWorkerUrl(): URL {
  const candidates = ['./worker/parseWorker.mjs', '../worker/parseWorker.mjs'].map((path) => new URL(path, import.meta.url));
  return candidates.find((url) => existsSync(fileURLToPath(url))) ?? (candidates[0] as URL);
}

export class ParsePool {
  /** Jobs handed to a worker, and those that ran over their budget. */
  readonly stats = { started: 0, overBudget: 0 };
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private readonly url: URL;
  private readonly size: number;
  private readonly timeMs: number;
  private readonly memoryMb: number;

  constructor(options: ParsePoolOptions = {}) {
    this.url = options.workerUrl ?? defaultWorkerUrl();
    this.size = options.size ?? 2;
    this.timeMs = options.timeMs ?? 20_000;
    this.memoryMb = options.memoryMb ?? 384;
  }

  /**
   * `signal`: a job still waiting when it is aborted never starts (one message's other parts,
   * once one of them ran over budget, are not given a budget each).
   */
  run<T>(kind: string, payload: unknown, transfer: ArrayBuffer[] = [], signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ kind, payload, transfer, signal, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** Terminates every worker; queued and running jobs fail. */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new ParseBudgetError('crash', 'The parser was closed'));
    await Promise.all(this.slots.splice(0).map((slot) => this.retire(slot, new ParseBudgetError('crash', 'The parser was closed'))));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift() as Job;
      if (job.signal?.aborted) job.reject(new ParseBudgetError('time', 'Skipped: the message ran over its parse budget'));
      else this.start(slot, job);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.url, {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    const slot: Slot = { worker, job: null, timer: null };
    worker.on('message', (message: { id: number; ok: boolean; value?: unknown; message?: string }) => {
      const job = slot.job;
      if (!job) return;
      this.finish(slot);
      if (message.ok) job.resolve(message.value);
      else job.reject(new ParseFailedError(message.message ?? 'The message could not be parsed'));
      this.pump();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const budget = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash';
      void this.retire(slot, new ParseBudgetError(budget, `The parser ${budget === 'memory' ? 'ran out of memory' : 'failed'}: ${error.message}`));
    });
    worker.on('exit', () => {
      void this.retire(slot, new ParseBudgetError('crash', 'The parser stopped'));
    });
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    this.stats.started += 1;
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      void this.retire(slot, new ParseBudgetError('time', `The parser ran over its ${this.timeMs} ms`));
    }, this.timeMs);
    slot.worker.postMessage({ id: this.nextId++, kind: job.kind, payload: job.payload }, job.transfer);
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
  }

  /** Takes a worker out of service, failing its job; the queue moves on with a fresh one. */
  private async retire(slot: Slot, error: Error): Promise<void> {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    const job = slot.job;
    this.finish(slot);
    if (job && error instanceof ParseBudgetError) this.stats.overBudget += 1;
    job?.reject(error);
    await slot.worker.terminate().catch(() => undefined);
    this.pump();
  }
}

let shared: ParsePool | null = null;

/** The process's pool, made on first use. */
export function parsePool(): ParsePool {
  shared ??= new ParsePool();
  return shared;
}
