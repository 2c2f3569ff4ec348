/**
 * A stand-in renderer for integration tests: connects to the services like a binding does,
 * calls methods through the real dispatcher, keeps a cache by the SyncBatch rules of
 * src/shared/api.ts, and acknowledges every batch after applying it. A second window of the
 * same profile shares the first one's cache (`{ cacheOf: first }`), as windows share one
 * IndexedDB (issue #10 §9: only the window that last called sync.start receives batches).
 */
import type { EventMap, EventName, MethodInput, MethodName, MethodOutput, SyncBatch } from '../../../src/shared/api';
import type { Folder, FolderCursor, MessageSummary, SyncStatus } from '../../../src/shared/model';
import { parseUidSet, uidSetHas } from '../../../src/shared/uidSet';
import { dispatch } from '../../../src/main/rpc/dispatch';
import type { ClientSession, Services } from '../../../src/main/rpc/createServices';
import { applySyncBatch } from '../../../src/renderer/db/applySyncBatch';
import type { PostvakDb } from '../../../src/renderer/db/schema';

export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export class TestClient {
  readonly session: ClientSession;
  readonly folders: Map<string, Folder>;
  readonly messages: Map<string, Map<number, MessageSummary>>;
  readonly cursors: Map<string, FolderCursor>;
  readonly batches: SyncBatch[] = [];
  /** performance.now() at the arrival of each entry of `batches`. */
  readonly batchTimes: number[] = [];
  readonly statuses: SyncStatus[] = [];
  readonly events: { event: EventName; payload: unknown }[] = [];
  /** Set false to hold acknowledgements (back-pressure tests). */
  autoAck = true;
  private listeners: (() => void)[] = [];

  /**
   * The renderer's real cache (fake-indexeddb in Node), when given: every batch is also written
   * by the production applySyncBatch, one after another, and acknowledged only once written — as
   * the renderer's sync loop does — so a test can compare what the page store holds with the server.
   */
  readonly store: PostvakDb | undefined;
  private storeChain: Promise<void> = Promise.resolve();
  storeError: unknown = null;

  constructor(services: Services, options: { cacheOf?: TestClient; store?: PostvakDb } = {}) {
    const shared = options.cacheOf;
    this.store = options.store;
    this.folders = shared?.folders ?? new Map();
    this.messages = shared?.messages ?? new Map();
    this.cursors = shared?.cursors ?? new Map();
    this.session = services.connect(<E extends EventName>(event: E, payload: EventMap[E]) => this.onEvent(event, payload));
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await dispatch(this.session.handlers, method, input, {
      onInternalError: (_m, error) => {
        throw error;
      },
    });
    if (!result.ok) throw new CallError(result.error.code, result.error.message);
    return result.value as MethodOutput<M>;
  }

  folderUids(path: string): number[] {
    return [...(this.messages.get(path)?.keys() ?? [])].sort((a, b) => a - b);
  }

  lastStatus(accountId: string): SyncStatus | undefined {
    return this.statuses.filter((s) => s.accountId === accountId).at(-1);
  }

  /** Waits until `check` holds, re-checking on every event and every 50 ms. */
  async until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) {
        const last = this.statuses.at(-1);
        throw new Error(`Timed out waiting for ${what}; last status ${JSON.stringify(last)}`);
      }
      await new Promise<void>((resolve) => {
        this.listeners.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Waits for the account to be idle with every listed selectable folder's cursor present. */
  async untilSynced(accountId: string, ms = 30_000): Promise<void> {
    await this.until(
      () =>
        this.lastStatus(accountId)?.state === 'idle' &&
        this.folders.size > 0 &&
        [...this.folders.values()].every((f) => !f.selectable || this.cursors.has(f.path)),
      `${accountId} to be synced`,
      ms,
    );
  }

  private onEvent(event: EventName, payload: unknown): void {
    this.events.push({ event, payload });
    if (event === 'sync.status') this.statuses.push(payload as SyncStatus);
    if (event === 'sync.batch') {
      const batch = payload as SyncBatch;
      this.batches.push(batch);
      this.batchTimes.push(performance.now());
      this.apply(batch);
      const store = this.store;
      if (store) {
        this.storeChain = this.storeChain.then(async () => {
          try {
            await applySyncBatch(store, batch);
          } catch (error) {
            this.storeError ??= error;
            return;
          }
          if (this.autoAck) await this.call('sync.ack', { batchId: batch.batchId }).catch(() => undefined);
        });
      } else if (this.autoAck) void this.call('sync.ack', { batchId: batch.batchId });
    }
    for (const listener of this.listeners.splice(0)) listener();
  }

  /** Resolves once every batch received so far is in the store. */
  storeSettled(): Promise<void> {
    return this.storeChain;
  }

  ack(batch: SyncBatch): Promise<void> {
    return this.call('sync.ack', { batchId: batch.batchId });
  }

  /** The contract's rules for applying a batch (what src/renderer/db/applySyncBatch must do). */
  private apply(batch: SyncBatch): void {
    if (batch.kind === 'folders') {
      const keep = new Set(batch.folders.map((f) => f.path));
      for (const path of [...this.folders.keys()]) {
        if (!keep.has(path)) {
          this.folders.delete(path);
          this.messages.delete(path);
          this.cursors.delete(path);
        }
      }
      for (const folder of batch.folders) this.folders.set(folder.path, folder);
      return;
    }
    const rows = this.messages.get(batch.folderPath) ?? new Map<number, MessageSummary>();
    this.messages.set(batch.folderPath, rows);
    if (batch.reset) {
      rows.clear();
      this.cursors.delete(batch.folderPath);
    }
    for (const m of batch.upserts) rows.set(m.uid, m);
    for (const u of batch.flagUpdates) {
      const row = rows.get(u.uid);
      if (row) rows.set(u.uid, { ...row, flags: u.flags, modseq: u.modseq });
    }
    for (const uid of batch.removedUids) rows.delete(uid);
    if (batch.presentUids !== undefined && batch.cursor) {
      const present = parseUidSet(batch.presentUids);
      for (const uid of [...rows.keys()]) if (uid < batch.cursor.uidNext && !uidSetHas(present, uid)) rows.delete(uid);
    }
    if (batch.cursor) this.cursors.set(batch.folderPath, batch.cursor);
  }
}
