/**
 * The renderer's half of the sync protocol (HOUSE_STYLE.md "Main owns the network … the
 * renderer owns the cache"):
 *
 *  - on start and on every reconnect: the accounts, then for each account `sync.start` with
 *    the cursors the cache holds (an empty cache reports none and gets a full sync). At start
 *    the accounts are the ones main handed over while the page loaded (issue #11 §4, no round
 *    trip); on a reconnect, or when the hand-over failed, the loop asks `accounts.list`;
 *  - every `sync.batch` is written in one transaction and only then acknowledged — the engine
 *    waits for the ack before sending more (back-pressure). Batches are handled strictly one
 *    after another, in arrival order, through a single promise chain;
 *  - a batch that cannot be written is not acknowledged; the account is restarted from the
 *    cursors the cache really holds (the failed transaction moved none), with growing delays;
 *  - `accounts.changed`: new accounts start syncing, removed ones lose their cached data;
 *  - main runs one sync per account for every window (issue #10 §9, SyncEngine.ts): all windows
 *    and tabs of a profile share this IndexedDB, so only the window that last called
 *    `sync.start` receives the batches and writes them; every window receives `sync.status`,
 *    and the others see the rows through Dexie's liveQuery, which follows writes made in other
 *    tabs. When the writing window closes, main hands the batches to another window.
 *
 * Dependencies are injected so the loop is tested without IndexedDB, React or a server.
 */
import type { ApiError, PostvakApi, Result, SyncBatch } from '../../shared/api';
import type { Account, FolderCursor, SyncStatus } from '../../shared/model';
import { defaultRetry, exponentialDelay } from '../../shared/retry';

export interface SyncCache {
  readCursors(accountId: string): Promise<FolderCursor[]>;
  applySyncBatch(batch: SyncBatch): Promise<void>;
  removeAccountData(accountId: string): Promise<void>;
  cachedAccountIds(): Promise<string[]>;
}

export type SyncProblem = 'accountsFailed' | 'startFailed' | 'applyFailed' | 'ackFailed' | 'cacheFailed';

export interface SyncReport {
  accounts(accounts: Account[]): void;
  status(status: SyncStatus): void;
  progress(accountId: string, progress: { folderPath: string; done: number; total: number } | null): void;
  problem(problem: SyncProblem, error: ApiError, accountId?: string): void;
}

export interface SyncLoopDeps {
  api: PostvakApi;
  onReconnect(listener: () => void): () => void;
  cache: SyncCache;
  report: SyncReport;
  /** First delay before restarting an account after a failed write; doubles up to a minute (shared/retry.ts). */
  retryDelayMs?: number;
  /** The accounts main handed over at load (renderer/api `accountsAtStart`), for the first start only. */
  accountsAtStart?(): Promise<Result<Account[]>>;
}

export interface SyncLoop {
  /** Re-reads the accounts and restarts every account from its cursors. */
  refresh(): Promise<void>;
  /** Resolves when everything queued so far has been handled (tests, shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

function asApiError(error: unknown): ApiError {
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export function startSyncLoop(deps: SyncLoopDeps): SyncLoop {
  const { api, cache, report } = deps;
  const baseDelay = deps.retryDelayMs ?? defaultRetry.cacheRetryBaseMs;
  const active = new Set<string>();
  /** Accounts whose last batch failed: their later batches are skipped until the restart. */
  const failed = new Set<string>();
  const failures = new Map<string, number>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();

  function enqueue(step: () => Promise<void>): Promise<void> {
    chain = chain.then(() => (stopped ? undefined : step())).catch((error: unknown) => {
      report.problem('cacheFailed', asApiError(error));
    });
    return chain;
  }

  async function startAccount(accountId: string): Promise<void> {
    failed.delete(accountId);
    active.add(accountId);
    const cursors = await cache.readCursors(accountId);
    // A stopped loop (React StrictMode's first mount, app teardown) must not start sessions.
    if (stopped) return;
    // A User Timing mark (visible in DevTools; `npm run bench` measures first rows from it).
    performance.mark('postvak:sync.start', { detail: { accountId } });
    const result = await api.call('sync.start', { accountId, cursors });
    if (!result.ok) report.problem('startFailed', result.error, accountId);
  }

  /**
   * Starts the accounts first, all at once — the newest mail waits on their sync — then forgets
   * the accounts that are gone (removed elsewhere, or while this window was closed).
   */
  async function reconcile(accounts: Account[], restartAll: boolean): Promise<void> {
    const ids = new Set<string>(accounts.map((account) => account.id));
    const gone = [...active].filter((accountId) => !ids.has(accountId));
    for (const accountId of gone) active.delete(accountId);
    await Promise.all([...ids].filter((accountId) => restartAll || !active.has(accountId)).map((accountId) => startAccount(accountId)));
    for (const accountId of new Set([...gone, ...(await cache.cachedAccountIds())])) {
      if (ids.has(accountId)) continue;
      failed.delete(accountId);
      await cache.removeAccountData(accountId);
    }
  }

  function scheduleRestart(accountId: string): void {
    const count = (failures.get(accountId) ?? 0) + 1;
    failures.set(accountId, count);
    const delay = exponentialDelay(count, baseDelay, defaultRetry.cacheRetryCapMs);
    const timer = setTimeout(() => {
      timers.delete(timer);
      void enqueue(async () => {
        if (active.has(accountId)) await startAccount(accountId);
      });
    }, delay);
    timers.add(timer);
  }

  async function handleBatch(batch: SyncBatch): Promise<void> {
    const { accountId } = batch;
    // Not ours (yet), or the account's session is being restarted: the engine resends.
    if (!active.has(accountId) || failed.has(accountId)) return;
    try {
      await cache.applySyncBatch(batch);
    } catch (error) {
      failed.add(accountId);
      report.problem('applyFailed', asApiError(error), accountId);
      scheduleRestart(accountId);
      return;
    }
    failures.delete(accountId);
    if (batch.kind === 'messages') {
      const { done, total } = batch.progress;
      report.progress(accountId, total > 0 && done < total ? { folderPath: batch.folderPath, done, total } : null);
    }
    const ack = await api.call('sync.ack', { batchId: batch.batchId });
    // Offline: the reconnect restarts every account, so a lost ack costs nothing.
    if (!ack.ok && ack.error.code !== 'offline') report.problem('ackFailed', ack.error, accountId);
  }

  /** @param handedOver the accounts main handed over, used instead of asking unless they failed. */
  function refresh(handedOver?: () => Promise<Result<Account[]>>): Promise<void> {
    return enqueue(async () => {
      const given = handedOver ? await handedOver() : null;
      const result = given?.ok ? given : await api.call('accounts.list', {});
      if (stopped) return;
      if (!result.ok) {
        report.problem('accountsFailed', result.error);
        return;
      }
      report.accounts(result.value);
      await reconcile(result.value, true);
    });
  }

  const unsubscribers = [
    api.on('sync.batch', (batch) => void enqueue(() => handleBatch(batch))),
    api.on('sync.status', (status) => report.status(status)),
    api.on('accounts.changed', ({ accounts }) =>
      void enqueue(async () => {
        report.accounts(accounts);
        await reconcile(accounts, false);
      }),
    ),
    deps.onReconnect(() => void refresh()),
  ];
  void refresh(deps.accountsAtStart);

  return {
    refresh: () => refresh(),
    idle: () => chain,
    stop() {
      stopped = true;
      for (const unsubscribe of unsubscribers) unsubscribe();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
