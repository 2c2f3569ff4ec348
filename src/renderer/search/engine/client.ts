/**
 * The app's search engine (issue #13 §3): one per window, all windows of a profile sharing one
 * index. The index file's VFS (opfs-sahpool) admits one connection, so one window holds it —
 * the one granted the profile's Web Lock — and runs the Worker; every other window or tab sends
 * its calls over a BroadcastChannel to the holder. When the holder closes, its lock passes to a
 * waiting window, which starts the Worker and sends itself the calls still unanswered (every
 * call is safe to run twice: upserts, flag changes, removals and states are idempotent).
 * onChange fires in every window after a change.
 */
import { db } from '../../db/db';
import type { SearchEngine } from './engineTypes';
import { fromWireError, type Broadcast, type EngineMethod, type FromWorker, type Reply, type ToWorker } from './protocol';

/**
 * The index's name: that of the IndexedDB cache it indexes, so an index never outlives or
 * crosses its cache (two profiles on one origin would have two cache names, hence two indexes).
 */
export const indexProfileName = `${db.name}-search`;

interface Pending {
  method: EngineMethod;
  args: unknown[];
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** Where this window's calls go: nowhere yet, its own Worker, or the holder over the channel. */
export class EngineClient implements SearchEngine {
  private readonly id = crypto.randomUUID();
  private readonly pending = new Map<number, Pending>();
  /** Calls of other windows this window's Worker runs: worker call id → sender and its id. */
  private readonly relayed = new Map<number, { from: string; id: number }>();
  private readonly listeners = new Set<() => void>();
  private readonly channel: BroadcastChannel;
  private worker: Worker | null = null;
  private failed: Error | null = null;
  private nextId = 1;
  private release: (() => void) | null = null;
  private closed = false;

  /** `locks`: the Web Locks of the origin (absent outside a secure context: this window holds). */
  constructor(
    private readonly name: string,
    private readonly startWorker: () => Worker,
    locks: Pick<LockManager, 'request'> | undefined = globalThis.navigator?.locks,
  ) {
    this.channel = new BroadcastChannel(`postvak-search:${name}`);
    this.channel.onmessage = (event: MessageEvent<Broadcast>) => this.onBroadcast(event.data);
    if (locks) {
      void locks
        .request(`postvak-search-index:${name}`, () => {
          if (this.closed) return undefined;
          this.hold();
          return new Promise<void>((resolve) => (this.release = resolve));
        })
        .catch((error: unknown) => console.warn('search index: the lock failed', error));
    } else this.hold();
  }

  apply: SearchEngine['apply'] = (ops) => this.call('apply', [ops]) as Promise<void>;
  search: SearchEngine['search'] = (request) => this.call('search', [request]) as ReturnType<SearchEngine['search']>;
  count: SearchEngine['count'] = (query) => this.call('count', [query]) as ReturnType<SearchEngine['count']>;
  states: SearchEngine['states'] = () => this.call('states', []) as ReturnType<SearchEngine['states']>;
  bodiesIndexed: SearchEngine['bodiesIndexed'] = (folder, uids) => this.call('bodiesIndexed', [folder, uids]) as ReturnType<SearchEngine['bodiesIndexed']>;
  stats: SearchEngine['stats'] = () => this.call('stats', []) as ReturnType<SearchEngine['stats']>;
  clear: SearchEngine['clear'] = () => this.call('clear', []) as Promise<void>;

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True while this window holds the index (runs the Worker). */
  get holding(): boolean {
    return this.worker !== null;
  }

  /** Stops this window's share: its Worker ends and the lock passes on (tests; window close does it too). */
  close(): void {
    this.closed = true;
    this.worker?.terminate();
    this.worker = null;
    this.channel.close();
    this.release?.();
    for (const call of this.pending.values()) call.reject(new Error('search index: closed'));
    this.pending.clear();
  }

  private call(method: EngineMethod, args: unknown[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('search index: closed'));
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, args, resolve, reject });
      this.send(id, method, args);
    });
  }

  private send(id: number, method: EngineMethod, args: unknown[]): void {
    if (this.worker) this.worker.postMessage({ kind: 'call', id, method, args } satisfies ToWorker);
    else this.channel.postMessage({ kind: 'call', from: this.id, id, method, args } satisfies Broadcast);
  }

  private hold(): void {
    if (this.closed) return;
    try {
      this.worker = this.startWorker();
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => this.onWorker(event.data);
    this.worker.onerror = (event) => this.fail(new Error(`search index: the worker failed (${event.message || 'could not load'})`));
    this.worker.postMessage({ kind: 'open', name: this.name } satisfies ToWorker);
    // Calls sent to a holder that is gone: this window answers them now.
    for (const [id, call] of this.pending) this.send(id, call.method, call.args);
  }

  private fail(error: Error): void {
    this.failed = error;
    console.error(error);
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
    for (const [workerId, { from, id }] of this.relayed) {
      this.channel.postMessage({ kind: 'reply', to: from, id, ok: false, error: { name: error.name, message: error.message } } satisfies Broadcast);
      this.relayed.delete(workerId);
    }
  }

  private onWorker(message: FromWorker): void {
    if (message.kind === 'changed') {
      this.changed();
      this.channel.postMessage({ kind: 'changed' } satisfies Broadcast);
      return;
    }
    const relayed = this.relayed.get(message.id);
    if (relayed) {
      this.relayed.delete(message.id);
      this.channel.postMessage({ ...reply(message), kind: 'reply', to: relayed.from, id: relayed.id } satisfies Broadcast);
      return;
    }
    this.settle(message.id, message);
  }

  private onBroadcast(message: Broadcast): void {
    if (message.kind === 'changed') this.changed();
    else if (message.kind === 'reply') {
      if (message.to === this.id) this.settle(message.id, message);
    } else if (this.worker) {
      const id = this.nextId++;
      this.relayed.set(id, { from: message.from, id: message.id });
      this.worker.postMessage({ kind: 'call', id, method: message.method, args: message.args } satisfies ToWorker);
    } else if (this.failed) {
      this.channel.postMessage({ kind: 'reply', to: message.from, id: message.id, ok: false, error: { name: this.failed.name, message: this.failed.message } } satisfies Broadcast);
    }
  }

  private settle(id: number, message: Reply): void {
    const call = this.pending.get(id);
    if (!call) return;
    this.pending.delete(id);
    if (message.ok) call.resolve(message.value);
    else call.reject(fromWireError(message.error));
  }

  private changed(): void {
    for (const listener of [...this.listeners]) queueMicrotask(listener);
  }
}

function reply(message: Reply): Reply {
  return message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error };
}

let engine: EngineClient | null = null;

/** The app's engine (one per window; all windows of the profile share its index). */
export function getSearchEngine(): SearchEngine {
  engine ??= new EngineClient(indexProfileName, () => new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module', name: 'search-index' }));
  return engine;
}
