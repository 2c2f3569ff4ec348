import { describe, expect, it, vi } from 'vitest';
import type { EventMap, EventName, PostvakApi, Result, SyncBatch } from '../../../../src/shared/api';
import type { Account, AccountId, FolderCursor } from '../../../../src/shared/model';
import { startSyncLoop, type SyncCache, type SyncProblem } from '../../../../src/renderer/sync/syncLoop';

function account(id: string): Account {
  const server = { host: 'imap.example.test', port: 993, security: 'tls' as const };
  return { id: id as AccountId, email: `${id}@example.test`, displayName: '', username: id, imap: server, smtp: server, hasPassword: true, rememberPassword: true };
}

function batch(accountId: string, id: string): SyncBatch {
  return {
    batchId: id,
    accountId,
    kind: 'messages',
    folderPath: 'INBOX',
    reset: false,
    upserts: [],
    flagUpdates: [],
    removedUids: [],
    cursor: null,
    progress: { done: 1, total: 2 },
  };
}

/** A fake main: records calls in order and lets the test emit events. */
function fakeMain(accounts: Account[]) {
  const log: string[] = [];
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  let reconnect: () => void = () => undefined;
  const api: PostvakApi = {
    async call(method, input) {
      const detail = method === 'sync.ack' ? `:${(input as { batchId: string }).batchId}` : method === 'sync.start' ? `:${(input as { accountId: string }).accountId}` : '';
      log.push(`${method}${detail}`);
      if (method === 'accounts.list') return { ok: true, value: accounts } as Result<never>;
      return { ok: true, value: undefined } as Result<never>;
    },
    on<E extends EventName>(event: E, handler: (payload: EventMap[E]) => void) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      set.add(handler as (payload: unknown) => void);
      return () => set.delete(handler as (payload: unknown) => void);
    },
  };
  return {
    api,
    log,
    emit: <E extends EventName>(event: E, payload: EventMap[E]) => handlers.get(event)?.forEach((h) => h(payload)),
    onReconnect: (listener: () => void) => {
      reconnect = listener;
      return () => undefined;
    },
    reconnect: () => reconnect(),
  };
}

function fakeCache(log: string[], cursors: Record<string, FolderCursor[]> = {}, cached: string[] = []): SyncCache & { applied: string[] } {
  const applied: string[] = [];
  const cachedIds = new Set(cached);
  return {
    applied,
    readCursors: async (accountId) => cursors[accountId] ?? [],
    async applySyncBatch(b) {
      // Slow, uneven writes: a later batch must still wait for an earlier one.
      await new Promise((resolve) => setTimeout(resolve, b.batchId === 'b1' ? 30 : 1));
      applied.push(b.batchId);
      log.push(`committed:${b.batchId}`);
    },
    async removeAccountData(accountId) {
      cachedIds.delete(accountId);
      log.push(`removed:${accountId}`);
    },
    cachedAccountIds: async () => [...cachedIds],
  };
}

function silentReport() {
  const problems: { problem: SyncProblem; code: string }[] = [];
  return {
    problems,
    report: {
      accounts: vi.fn(),
      status: vi.fn(),
      progress: vi.fn(),
      problem: (problem: SyncProblem, error: { code: string }) => void problems.push({ problem, code: error.code }),
    },
  };
}

describe('sync loop', () => {
  it('starts every account with the cursors the cache holds', async () => {
    const main = fakeMain([account('a'), account('b')]);
    const calls: unknown[] = [];
    const spy = main.api.call;
    main.api.call = (async (method: string, input: unknown) => {
      if (method === 'sync.start') calls.push(input);
      return spy(method as never, input as never);
    }) as PostvakApi['call'];
    const cursor: FolderCursor = { path: 'INBOX', uidValidity: 7, uidNext: 42, highestModseq: '99', count: 41 };
    const loop = startSyncLoop({ api: main.api, onReconnect: main.onReconnect, cache: fakeCache(main.log, { a: [cursor] }), report: silentReport().report });
    await loop.idle();
    expect(calls).toEqual([
      { accountId: 'a', cursors: [cursor] },
      { accountId: 'b', cursors: [] },
    ]);
    loop.stop();
  });

  it('applies batches strictly in order and acknowledges each only after it committed', async () => {
    const main = fakeMain([account('a')]);
    const cache = fakeCache(main.log);
    const { report } = silentReport();
    const loop = startSyncLoop({ api: main.api, onReconnect: main.onReconnect, cache, report });
    await loop.idle();
    main.emit('sync.batch', batch('a', 'b1'));
    main.emit('sync.batch', batch('a', 'b2'));
    await loop.idle();
    expect(main.log.filter((line) => /committed|ack/.test(line))).toEqual(['committed:b1', 'sync.ack:b1', 'committed:b2', 'sync.ack:b2']);
    expect(report.progress).toHaveBeenCalledWith('a', { folderPath: 'INBOX', done: 1, total: 2 });
    loop.stop();
  });

  it('does not acknowledge a batch that failed to write, and restarts the account from its cursors', async () => {
    vi.useFakeTimers();
    try {
      const main = fakeMain([account('a')]);
      const cache = fakeCache(main.log);
      cache.applySyncBatch = async () => {
        throw new Error('QuotaExceededError');
      };
      const { report, problems } = silentReport();
      const loop = startSyncLoop({ api: main.api, onReconnect: main.onReconnect, cache, report, retryDelayMs: 100 });
      await loop.idle();
      main.emit('sync.batch', batch('a', 'b1'));
      main.emit('sync.batch', batch('a', 'b2'));
      await loop.idle();
      expect(main.log.some((line) => line.startsWith('sync.ack'))).toBe(false);
      expect(problems).toEqual([{ problem: 'applyFailed', code: 'internal' }]);
      expect(main.log.filter((line) => line === 'sync.start:a')).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(100);
      await loop.idle();
      expect(main.log.filter((line) => line === 'sync.start:a')).toHaveLength(2);
      loop.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('restarts every account after a reconnect, once pending batches are written', async () => {
    const main = fakeMain([account('a')]);
    const loop = startSyncLoop({ api: main.api, onReconnect: main.onReconnect, cache: fakeCache(main.log), report: silentReport().report });
    await loop.idle();
    main.emit('sync.batch', batch('a', 'b1'));
    main.reconnect();
    await loop.idle();
    expect(main.log.slice(-4)).toEqual(['committed:b1', 'sync.ack:b1', 'accounts.list', 'sync.start:a']);
    loop.stop();
  });

  it('follows accounts.changed: starts new accounts and forgets removed ones', async () => {
    const main = fakeMain([account('a')]);
    const { report } = silentReport();
    const loop = startSyncLoop({ api: main.api, onReconnect: main.onReconnect, cache: fakeCache(main.log, {}, ['a', 'gone']), report });
    await loop.idle();
    expect(main.log).toContain('removed:gone');
    main.emit('accounts.changed', { accounts: [account('b')] });
    await loop.idle();
    // The new account starts first; the one that is gone is forgotten right after.
    expect(main.log.slice(-2)).toEqual(['sync.start:b', 'removed:a']);
    expect(report.accounts).toHaveBeenLastCalledWith([account('b')]);
    main.emit('sync.batch', batch('a', 'late'));
    await loop.idle();
    expect(main.log).not.toContain('committed:late');
    loop.stop();
  });

  it('starts nothing once stopped, even when accounts.list was already in flight', async () => {
    const main = fakeMain([account('a')]);
    const answer = main.api.call;
    let release: () => void = () => undefined;
    let listing: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => (listing = resolve));
    main.api.call = (async (method: string, input: unknown) => {
      if (method === 'accounts.list') {
        const gate = new Promise<void>((resolve) => (release = resolve));
        listing();
        await gate;
      }
      return answer(method as never, input as never);
    }) as PostvakApi['call'];
    const loop = startSyncLoop({ api: main.api, onReconnect: main.onReconnect, cache: fakeCache(main.log), report: silentReport().report });
    await inFlight;
    loop.stop();
    release();
    await loop.idle();
    expect(main.log).toContain('accounts.list');
    expect(main.log).not.toContain('sync.start:a');
  });

  it('reports when the accounts cannot be listed', async () => {
    const main = fakeMain([]);
    main.api.call = (async () => ({ ok: false, error: { code: 'offline', message: 'down' } })) as PostvakApi['call'];
    const { report, problems } = silentReport();
    const loop = startSyncLoop({ api: main.api, onReconnect: main.onReconnect, cache: fakeCache(main.log), report });
    await loop.idle();
    expect(problems).toEqual([{ problem: 'accountsFailed', code: 'offline' }]);
    loop.stop();
  });

  it('starts with the accounts main handed over at load, without asking accounts.list (issue #11 §4)', async () => {
    const main = fakeMain([account('a'), account('b')]);
    const { report } = silentReport();
    const accountsAtStart = async (): Promise<Result<Account[]>> => ({ ok: true, value: [account('a')] });
    const loop = startSyncLoop({ api: main.api, onReconnect: main.onReconnect, cache: fakeCache(main.log), report, accountsAtStart });
    await loop.idle();
    expect(main.log).toEqual(['sync.start:a']);
    expect(report.accounts).toHaveBeenCalledWith([account('a')]);
    // A reconnect asks: the handed-over list is the start's only.
    main.reconnect();
    await loop.idle();
    expect(main.log).toEqual(['sync.start:a', 'accounts.list', 'sync.start:a', 'sync.start:b']);
    loop.stop();
  });

  it('asks accounts.list when the hand-over failed (the connection closed before it came)', async () => {
    const main = fakeMain([account('a')]);
    const { report, problems } = silentReport();
    const accountsAtStart = async (): Promise<Result<Account[]>> => ({ ok: false, error: { code: 'offline', message: 'gone' } });
    const loop = startSyncLoop({ api: main.api, onReconnect: main.onReconnect, cache: fakeCache(main.log), report, accountsAtStart });
    await loop.idle();
    expect(main.log).toEqual(['accounts.list', 'sync.start:a']);
    expect(problems).toEqual([]);
    loop.stop();
  });
});
