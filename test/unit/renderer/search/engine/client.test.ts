/**
 * The app's engine across windows (issue #13 §3): one window holds the index (Web Lock) and runs
 * the Worker; the others relay over a BroadcastChannel; when the holder closes, a waiting window
 * takes over and answers what was still open. Real BroadcastChannel and SQLite; the Worker is
 * served in-process by the same workerHost code, and every Worker opens the same database (as
 * each would open the one OPFS file).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EngineClient } from '../../../../../src/renderer/search/engine/client';
import { EngineCore } from '../../../../../src/renderer/search/engine/engineCore';
import type { FolderRef, IndexDoc } from '../../../../../src/renderer/search/engine/engineTypes';
import { loadSqlite } from '../../../../../src/renderer/search/engine/sqlite';
import { serveEngine, type WorkerScope } from '../../../../../src/renderer/search/engine/workerHost';

/** Web Locks for one lock name: granted in request order, released when the callback's promise settles. */
function fakeLocks() {
  const queue: { callback: () => unknown; done: (value: unknown) => void }[] = [];
  let held = false;
  const pump = () => {
    const next = queue.shift();
    if (held || !next) {
      if (next) queue.unshift(next);
      return;
    }
    held = true;
    void Promise.resolve(next.callback()).then((value) => {
      held = false;
      next.done(value);
      pump();
    });
  };
  return {
    request: ((_name: string, callback: () => unknown) =>
      new Promise((done) => {
        queue.push({ callback, done });
        pump();
      })) as unknown as LockManager['request'],
  };
}

/** A Worker served in-process; `started` counts the Workers begun. */
function workers(core: EngineCore) {
  const started: { terminated: boolean }[] = [];
  const start = (): Worker => {
    const state = { terminated: false };
    started.push(state);
    const worker = {
      onmessage: null as ((event: MessageEvent) => void) | null,
      onerror: null,
      postMessage: (data: unknown) => queueMicrotask(() => !state.terminated && scope.onmessage?.({ data: structuredClone(data) } as MessageEvent)),
      terminate: () => (state.terminated = true),
    };
    const scope: WorkerScope = {
      onmessage: null,
      postMessage: (data) => queueMicrotask(() => !state.terminated && worker.onmessage?.({ data: structuredClone(data) } as MessageEvent)),
    };
    serveEngine(scope, async () => core);
    return worker as unknown as Worker;
  };
  return { start, started };
}

const folder: FolderRef = { accountId: 'a1', folderPath: 'INBOX' };
const doc = (uid: number, subject: string): IndexDoc => ({
  uid,
  date: Date.UTC(2026, 0, uid),
  bits: 0,
  size: 1,
  attachment: false,
  subject,
  from: '',
  to: '',
  cc: '',
  filenames: '',
  snippet: '',
  body: null,
});
const query = (value: string) => ({ clauses: [[{ term: { kind: 'text' as const, field: 'any' as const, value, phrase: false }, negated: false }]], folders: null, limit: 10 });
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
};

const open: EngineClient[] = [];
afterEach(() => {
  for (const client of open.splice(0)) client.close();
});

async function setup(name: string) {
  const sqlite3 = await loadSqlite();
  const core = new EngineCore(new sqlite3.oo1.DB(':memory:', 'c'), 'memory');
  const locks = fakeLocks();
  const pool = workers(core);
  const window = () => {
    const client = new EngineClient(name, pool.start, locks);
    open.push(client);
    return client;
  };
  return { window, pool };
}

describe('search engine client: windows share one index', () => {
  it('relays a second window’s calls to the holder and tells every window of changes', async () => {
    const { window, pool } = await setup('relay');
    const first = window();
    const second = window();
    await until(() => first.holding);
    let firstChanges = 0;
    let secondChanges = 0;
    first.onChange(() => firstChanges++);
    second.onChange(() => secondChanges++);

    await second.apply([{ op: 'upsert', folder, docs: [doc(1, 'offerte kozijnen')] }]);
    expect(second.holding).toBe(false);
    expect(pool.started).toHaveLength(1);
    expect((await first.search(query('kozijn'))).hits.map((hit) => hit.uid)).toEqual([1]);
    expect((await second.search(query('kozijn'))).hits.map((hit) => hit.uid)).toEqual([1]);
    expect(await second.states()).toEqual(new Map([['a1\u0000INBOX', { epoch: -1, rev: -1 }]]));
    await until(() => firstChanges === 1 && secondChanges === 1);

    // Errors come back to the window that asked, as errors.
    await expect(second.apply([{ op: 'upsert', folder, docs: [{ ...doc(2, 'x'), uid: null as never }] }])).rejects.toThrow(/NOT NULL/);
  });

  it('hands the index to a waiting window when the holder closes; calls still open are answered', async () => {
    const { window, pool } = await setup('takeover');
    const first = window();
    await until(() => first.holding);
    const second = window();
    await second.apply([{ op: 'upsert', folder, docs: [doc(1, 'notulen')] }]);

    // The holder goes (its window closes) while the second window's call is on its way.
    const pending = second.search(query('notulen'));
    first.close();
    expect((await pending).hits.map((hit) => hit.uid)).toEqual([1]);
    expect(second.holding).toBe(true);
    expect(pool.started.map((worker) => worker.terminated)).toEqual([true, false]);

    const third = window();
    await third.apply([{ op: 'upsert', folder, docs: [doc(2, 'notulen')] }]);
    expect((await second.search(query('notulen'))).hits.map((hit) => hit.uid)).toEqual([2, 1]);
  });
});
