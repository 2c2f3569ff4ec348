import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flagBit } from '../../../../src/renderer/db/pages/flagBits';
import type { EngineQuery, FolderRef, IndexDoc, SearchEngine } from '../../../../src/renderer/search/engine/engineTypes';
import { openMemoryEngine, type LocalEngine } from '../../../../src/renderer/search/engine/openEngine';
import { SavedSearchCounter, type SavedCounts } from '../../../../src/renderer/features/savedSearches/savedSearchCounter';

const infoInbox: FolderRef = { accountId: 'a1', folderPath: 'shared/info@example.test/INBOX' };
const ownInbox: FolderRef = { accountId: 'a1', folderPath: 'INBOX' };
const seen = flagBit['\\Seen'];
const answered = flagBit['\\Answered'];

function doc(uid: number, bits: number): IndexDoc {
  return { uid, date: Date.UTC(2026, 10, uid), bits, size: 1000, attachment: false, subject: `Vraag ${uid}`, from: 'klant@example.com', to: 'info@example.test', cc: '', filenames: '', snippet: '', body: null };
}

/** `mailbox:info@ -is:answered` as the engine gets it: info@'s Inbox, not answered. */
const unansweredInInfo: EngineQuery = { clauses: [[{ term: { kind: 'folders', folders: [infoInbox] }, negated: false }], [{ term: { kind: 'is', state: 'answered' }, negated: true }]], folders: null };
const flagged: EngineQuery = { clauses: [[{ term: { kind: 'is', state: 'flagged' }, negated: false }]], folders: null };

/** Other work shares these cores: wait on the outcome, however long the machine takes. */
const patience = { timeout: 15_000 };

let engine: LocalEngine;
let counter: SavedSearchCounter | null = null;
let latest: SavedCounts = new Map();

/** The engine, with how many counts ran and how many ran at the same time at most. */
function watched(inner: SearchEngine) {
  const stats = { calls: 0, running: 0, most: 0 };
  const wrapped: SearchEngine = {
    ...inner,
    apply: (ops) => inner.apply(ops),
    onChange: (listener) => inner.onChange(listener),
    async count(query) {
      stats.calls += 1;
      stats.running += 1;
      stats.most = Math.max(stats.most, stats.running);
      try {
        return await inner.count(query);
      } finally {
        stats.running -= 1;
      }
    },
  };
  return { engine: wrapped, stats };
}

beforeEach(async () => {
  engine = await openMemoryEngine();
  await engine.apply([
    { op: 'upsert', folder: infoInbox, docs: [doc(1, 0), doc(2, seen | answered), doc(3, seen)] },
    { op: 'upsert', folder: ownInbox, docs: [doc(1, 0)] },
  ]);
  latest = new Map();
});
afterEach(() => {
  counter?.dispose();
  counter = null;
  vi.useRealTimers();
  engine.close();
});

describe('saved search counts (issue #13 §5)', () => {
  it('counts each saved search, and counts again after the index changes', async () => {
    counter = new SavedSearchCounter(engine, (counts) => (latest = counts), 5);
    counter.setTargets([
      { id: 'unanswered', query: unansweredInInfo },
      { id: 'flagged', query: flagged },
    ]);
    await vi.waitFor(() => expect(latest.get('unanswered')).toEqual({ total: 2, unread: 1 }), patience);
    expect(latest.get('flagged')).toEqual({ total: 0, unread: 0 });

    // A new message in info@'s Inbox, then an answer to it, then one flagged in the own Inbox.
    await engine.apply([{ op: 'upsert', folder: infoInbox, docs: [doc(4, 0)] }]);
    await vi.waitFor(() => expect(latest.get('unanswered')).toEqual({ total: 3, unread: 2 }), patience);
    await engine.apply([{ op: 'flags', folder: infoInbox, changes: [{ uid: 4, bits: seen | answered }] }]);
    await vi.waitFor(() => expect(latest.get('unanswered')).toEqual({ total: 2, unread: 1 }), patience);
    await engine.apply([{ op: 'flags', folder: ownInbox, changes: [{ uid: 1, bits: flagBit['\\Flagged'] }] }]);
    await vi.waitFor(() => expect(latest.get('flagged')).toEqual({ total: 1, unread: 1 }), patience);
    await engine.apply([{ op: 'dropFolder', folder: infoInbox }]);
    await vi.waitFor(() => expect(latest.get('unanswered')).toEqual({ total: 0, unread: 0 }), patience);
  });

  it('a burst of index changes costs one recount, and never two counts at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { engine: counted, stats } = watched(engine);
    counter = new SavedSearchCounter(counted, (counts) => (latest = counts), 1000);
    counter.setTargets([
      { id: 'unanswered', query: unansweredInInfo },
      { id: 'flagged', query: flagged },
    ]);
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(latest.size).toBe(2), patience);
    expect(stats.calls).toBe(2);

    for (let uid = 10; uid < 20; uid++) await engine.apply([{ op: 'upsert', folder: infoInbox, docs: [doc(uid, 0)] }]);
    await vi.advanceTimersByTimeAsync(999);
    expect(stats.calls).toBe(2);
    expect(latest.get('unanswered')).toEqual({ total: 2, unread: 1 });
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(latest.get('unanswered')).toEqual({ total: 12, unread: 11 }), patience);
    expect(stats.calls).toBe(4);
    expect(stats.most).toBe(1);
  });

  it('waits longer between recounts where counting is slow, so counts take a small share of the engine', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const { engine: counted, stats } = watched(engine);
    // Each count takes 500 ms of the engine's time (a very large index).
    const slow: SearchEngine = {
      ...counted,
      async count(query) {
        vi.advanceTimersByTime(500);
        return counted.count(query);
      },
    };
    counter = new SavedSearchCounter(slow, (counts) => (latest = counts), 100);
    counter.setTargets([
      { id: 'unanswered', query: unansweredInInfo },
      { id: 'flagged', query: flagged },
    ]);
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(latest.size).toBe(2), patience);
    expect(stats.calls).toBe(2);

    // The last recount took 1 s: the next waits 4 s, not 100 ms.
    await engine.apply([{ op: 'upsert', folder: infoInbox, docs: [doc(30, 0)] }]);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(stats.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(latest.get('unanswered')).toEqual({ total: 3, unread: 2 }), patience);
  });

  it('keeps a count while its query is unchanged, counts a changed one anew, forgets a removed one', async () => {
    const { engine: counted, stats } = watched(engine);
    counter = new SavedSearchCounter(counted, (counts) => (latest = counts), 5);
    counter.setTargets([{ id: 'unanswered', query: unansweredInInfo }]);
    await vi.waitFor(() => expect(latest.get('unanswered')).toEqual({ total: 2, unread: 1 }), patience);
    counter.setTargets([{ id: 'unanswered', query: structuredClone(unansweredInInfo) }]);
    expect(latest.get('unanswered')).toEqual({ total: 2, unread: 1 });
    expect(stats.calls).toBe(1);

    // info@ gained a folder (the catalog changed): the resolved query names both.
    const infoSent: FolderRef = { accountId: 'a1', folderPath: 'shared/info@example.test/Sent' };
    await engine.apply([{ op: 'upsert', folder: infoSent, docs: [doc(1, seen)] }]);
    const wider: EngineQuery = { ...unansweredInInfo, clauses: [[{ term: { kind: 'folders', folders: [infoInbox, infoSent] }, negated: false }], unansweredInInfo.clauses[1]!] };
    counter.setTargets([{ id: 'unanswered', query: wider }]);
    await vi.waitFor(() => expect(latest.get('unanswered')).toEqual({ total: 3, unread: 1 }), patience);

    counter.setTargets([]);
    expect(latest.size).toBe(0);
  });
});
