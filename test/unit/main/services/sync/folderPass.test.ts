import { describe, expect, it, vi } from 'vitest';
import type { SyncBatch } from '../../../../../src/shared/api';
import type { AccountId, FolderCursor } from '../../../../../src/shared/model';
import { parseUidSet, uidSetHas } from '../../../../../src/shared/uidSet';
import type { ImapCaps } from '../../../../../src/main/services/imap/types';
import { previewFolder, syncFolder, type PassContext } from '../../../../../src/main/services/sync/folderPass';
import { FakeFolder, messages, snapshot } from './fakeFolder';

type MessagesBatch = Extract<SyncBatch, { kind: 'messages' }>;

const caps = (condstore: boolean, qresync: boolean): ImapCaps => ({
  imap4rev1: true,
  imap4rev2: false,
  idle: true,
  condstore,
  qresync,
  uidplus: true,
  all: [],
});

function context(c: ImapCaps, batchSize = 3) {
  const sent: Omit<MessagesBatch, 'batchId'>[] = [];
  const progress: [number, number][] = [];
  const ctx: PassContext = {
    accountId: 'acc' as AccountId,
    caps: c,
    batchSize,
    flagBatchSize: 2,
    send: async (body) => {
      sent.push(body);
    },
    progress: (done, total) => progress.push([done, total]),
  };
  return { ctx, sent, progress };
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('syncFolder: full pass without a cache', () => {
  it('sends the newest messages first, in batches, the cursor only on the last batch', async () => {
    const folder = new FakeFolder(snapshot({ uidNext: 11, exists: 8, highestModseq: '100' }), messages([1, 2, 3, 5, 6, 8, 9, 10]));
    const { ctx, sent, progress } = context(caps(true, true));
    const decision = await syncFolder(ctx, folder, null);
    expect(decision.type).toBe('full');
    expect(sent.map((b) => b.upserts.map((m) => m.uid))).toEqual([
      [10, 9, 8],
      [6, 5, 3],
      [2, 1],
    ]);
    expect(sent.map((b) => b.cursor)).toEqual([
      null,
      null,
      { path: 'INBOX', uidValidity: 1, uidNext: 11, highestModseq: '100', count: 8 },
    ]);
    expect(sent.map((b) => b.progress)).toEqual([
      { done: 3, total: 8 },
      { done: 6, total: 8 },
      { done: 8, total: 8 },
    ]);
    expect(progress[0]).toEqual([0, 8]);
    expect(sent.every((b) => b.reset === false && b.accountId === 'acc' && b.folderPath === 'INBOX')).toBe(true);
    expect(sent[2]!.presentUids).toBe('1:3,5:6,8:10');
    expect(sent[0]!.presentUids).toBeUndefined();
  });

  it('builds summaries with snippet, sender dropped when it repeats From, dates from the envelope', async () => {
    const folder = new FakeFolder(snapshot({ uidNext: 3, exists: 1 }), [{ uid: 2, flags: ['\\Seen'], modseq: '7', text: 'Hi\r\n\r\n  there' }]);
    const { ctx, sent } = context(caps(false, false));
    await syncFolder(ctx, folder, null);
    const [summary] = sent[0]!.upserts;
    expect(summary).toMatchObject({
      uid: 2,
      accountId: 'acc',
      folderPath: 'INBOX',
      subject: 'Message 2',
      flags: ['\\Seen'],
      modseq: '7',
      snippet: 'Hi there',
      sender: [],
      date: 1_700_000_000_002,
      receivedAt: 1_700_000_100_002,
      size: 102,
      hasAttachments: false,
    });
  });

  it('takes snippets of single-part mail from the summary FETCH, and fetches other text parts by number', async () => {
    const folder = new FakeFolder(snapshot({ uidNext: 4, exists: 3 }), [
      { uid: 1, flags: [], modseq: '1', text: 'plain one' },
      { uid: 2, flags: [], modseq: '1', text: 'alternative two', alternative: true },
      { uid: 3, flags: [], modseq: '1', text: 'alternative three', alternative: true },
    ]);
    const { ctx, sent } = context(caps(false, false), 10);
    await syncFolder(ctx, folder, null);
    expect(folder.calls).toEqual(['search 1:3', 'summaries 3 +part1 512', 'parts 1.1 2 <512>']);
    expect(sent[0]!.upserts.map((m) => m.snippet)).toEqual(['alternative three', 'alternative two', 'plain one']);
  });

  it('asks again with 2 KB only for the rows whose short prefix gave no full snippet', async () => {
    const late = `${' \r\n'.repeat(200)}Finally the text`;
    const folder = new FakeFolder(snapshot({ uidNext: 5, exists: 4 }), [
      { uid: 1, flags: [], modseq: '1', text: 'short and whole' },
      { uid: 2, flags: [], modseq: '1', text: late },
      { uid: 3, flags: [], modseq: '1', text: late, alternative: true },
      { uid: 4, flags: [], modseq: '1', text: 'word '.repeat(300) },
    ]);
    const { ctx, sent } = context(caps(false, false), 10);
    await syncFolder(ctx, folder, null);
    expect(folder.calls).toEqual(['search 1:4', 'summaries 4 +part1 512', 'parts 1.1 1 <512>', 'parts 1 1 <2048>', 'parts 1.1 1 <2048>']);
    const snippets = sent[0]!.upserts.map((m) => m.snippet);
    expect(snippets.slice(1)).toEqual(['Finally the text', 'Finally the text', 'short and whole']);
    expect(snippets[0]).toHaveLength(199);
  });

  it('sends one batch with the cursor for an empty folder', async () => {
    const folder = new FakeFolder(snapshot({ uidNext: 1, exists: 0 }), []);
    const { ctx, sent } = context(caps(true, true));
    await syncFolder(ctx, folder, null);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ upserts: [], cursor: { count: 0, uidNext: 1 }, presentUids: '' });
    expect(folder.calls).toEqual([]);
  });

  it('ignores messages that arrived after SELECT (above UIDNEXT): the next pass takes them', async () => {
    const folder = new FakeFolder(snapshot({ uidNext: 3, exists: 2 }), messages([1, 2, 3]));
    const { ctx, sent } = context(caps(true, true));
    await syncFolder(ctx, folder, null);
    expect(sent.flatMap((b) => b.upserts.map((m) => m.uid))).toEqual([2, 1]);
    expect(sent.at(-1)!.cursor!.count).toBe(2);
  });
});

describe('syncFolder: reset', () => {
  it('marks only the first batch reset and sends everything again', async () => {
    const folder = new FakeFolder(snapshot({ uidValidity: 2, uidNext: 6, exists: 5 }), messages(range(1, 5)));
    const cached: FolderCursor = { path: 'INBOX', uidValidity: 1, uidNext: 6, highestModseq: '50', count: 5 };
    const { ctx, sent } = context(caps(true, true));
    expect((await syncFolder(ctx, folder, cached)).type).toBe('reset');
    expect(sent.map((b) => b.reset)).toEqual([true, false]);
    expect(sent.flatMap((b) => b.upserts.map((m) => m.uid))).toEqual([5, 4, 3, 2, 1]);
    expect(sent.at(-1)!.cursor!.uidValidity).toBe(2);
  });
});

describe('syncFolder: none', () => {
  it('confirms the cursor without fetching anything', async () => {
    const folder = new FakeFolder(snapshot({ uidNext: 6, exists: 5, highestModseq: '50' }), messages(range(1, 5)));
    const cached: FolderCursor = { path: 'INBOX', uidValidity: 1, uidNext: 6, highestModseq: '50', count: 5 };
    const { ctx, sent } = context(caps(true, true));
    expect((await syncFolder(ctx, folder, cached)).type).toBe('none');
    expect(folder.calls).toEqual([]);
    expect(sent).toEqual([
      expect.objectContaining({ upserts: [], flagUpdates: [], removedUids: [], cursor: cached, reset: false }),
    ]);
    expect(sent[0]!.presentUids).toBeUndefined();
  });
});

describe('syncFolder: condstore', () => {
  const cached: FolderCursor = { path: 'INBOX', uidValidity: 1, uidNext: 6, highestModseq: '50', count: 5 };

  it('sends new messages, then flag changes since the cached modseq; no UID SEARCH when counts agree', async () => {
    const msgs = messages(range(1, 7), (uid) => (uid === 2 ? '60' : uid > 5 ? String(70 + uid) : '10'));
    const folder = new FakeFolder(snapshot({ uidNext: 8, exists: 7, highestModseq: '77' }), msgs);
    const { ctx, sent } = context(caps(true, false));
    expect((await syncFolder(ctx, folder, cached)).type).toBe('condstore');
    expect(folder.calls).toEqual(['flags 1:5 50', 'search 6:7', 'summaries 2 +part1 512']);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.upserts.map((m) => m.uid)).toEqual([7, 6]);
    expect(sent[1]!.flagUpdates).toEqual([{ uid: 2, flags: [], modseq: '60' }]);
    expect(sent[1]!.cursor).toEqual({ path: 'INBOX', uidValidity: 1, uidNext: 8, highestModseq: '77', count: 7 });
    expect(sent[1]!.presentUids).toBeUndefined();
  });

  it('finds expunges with UID SEARCH and sends the UIDs present', async () => {
    const folder = new FakeFolder(snapshot({ uidNext: 6, exists: 3, highestModseq: '90' }), messages([1, 3, 5], () => '10'));
    const { ctx, sent } = context(caps(true, false));
    await syncFolder(ctx, folder, cached);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ removedUids: [], presentUids: '1,3,5', cursor: { count: 3 } });
    const present = parseUidSet(sent[0]!.presentUids!);
    expect([1, 2, 3, 4, 5].filter((u) => !uidSetHas(present, u))).toEqual([2, 4]);
  });

  it('splits many flag updates into several batches; only the last carries the cursor', async () => {
    const folder = new FakeFolder(snapshot({ uidNext: 6, exists: 5, highestModseq: '90' }), messages(range(1, 5), () => '80'));
    const { ctx, sent } = context(caps(true, false));
    await syncFolder(ctx, folder, cached);
    expect(sent.map((b) => b.flagUpdates.map((f) => f.uid))).toEqual([[1, 2], [3, 4], [5]]);
    expect(sent.map((b) => b.cursor !== null)).toEqual([false, false, true]);
  });
});

describe('syncFolder: qresync', () => {
  const cached: FolderCursor = { path: 'INBOX', uidValidity: 1, uidNext: 6, highestModseq: '50', count: 5 };

  it('lists VANISHED UIDs as removedUids when the count confirms them', async () => {
    const folder = new FakeFolder(snapshot({ uidNext: 6, exists: 3, highestModseq: '90' }), messages([1, 2, 5], () => '10'), [3, 4]);
    const { ctx, sent } = context(caps(true, true));
    expect((await syncFolder(ctx, folder, cached)).type).toBe('qresync');
    expect(sent).toEqual([expect.objectContaining({ removedUids: [3, 4], cursor: expect.objectContaining({ count: 3 }) })]);
    expect(sent[0]!.presentUids).toBeUndefined();
    expect(folder.calls.some((c) => c.startsWith('search 1:'))).toBe(false);
  });

  it('falls back to UID SEARCH when VANISHED names UIDs the cache never held', async () => {
    const folder = new FakeFolder(snapshot({ uidNext: 6, exists: 4, highestModseq: '90' }), messages([1, 2, 3, 5], () => '10'), [4, 0]);
    const { ctx, sent } = context(caps(true, true));
    await syncFolder(ctx, folder, { ...cached, count: 4 });
    expect(sent[0]).toMatchObject({ presentUids: '1:3,5', removedUids: [], cursor: { count: 4 } });
  });
});

describe('syncFolder: full with a cache (no CONDSTORE)', () => {
  it('compares flags of every cached message, fetches only new ones, and sends the UIDs present', async () => {
    const cached: FolderCursor = { path: 'INBOX', uidValidity: 1, uidNext: 4, highestModseq: '0', count: 3 };
    const folder = new FakeFolder(snapshot({ uidNext: 6, exists: 4 }), messages([1, 3, 4, 5], () => '0'));
    const { ctx, sent } = context(caps(false, false), 10);
    expect((await syncFolder(ctx, folder, cached)).type).toBe('full');
    expect(sent[0]!.upserts.map((m) => m.uid)).toEqual([5, 4]);
    expect(sent.flatMap((b) => b.flagUpdates.map((f) => f.uid))).toEqual([1, 3]);
    expect(sent.at(-1)).toMatchObject({ presentUids: '1,3:5', cursor: { uidNext: 6, count: 4, highestModseq: '0' } });
  });
});

describe('previewFolder', () => {
  it('sends only the newest messages of a big folder, without a cursor', async () => {
    const folder = new FakeFolder(snapshot({ uidNext: 11, exists: 8 }), messages([1, 2, 3, 5, 6, 8, 9, 10]));
    const { ctx, sent } = context(caps(true, true), 3);
    ctx.firstBatchSize = 2;
    expect(await previewFolder(ctx, folder, null)).toBe(false);
    expect(folder.calls).toEqual(['newest 2', 'summaries 2 +part1 512']);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ reset: false, cursor: null, flagUpdates: [], removedUids: [], progress: { done: 0, total: 0 } });
    expect(sent[0]!.upserts.map((m) => m.uid)).toEqual([10, 9]);
  });

  it('syncs a folder no bigger than the first batch completely, with its cursor', async () => {
    const folder = new FakeFolder(snapshot({ uidNext: 4, exists: 2 }), messages([1, 3]));
    const { ctx, sent } = context(caps(true, true), 3);
    ctx.firstBatchSize = 2;
    expect(await previewFolder(ctx, folder, null)).toBe(true);
    expect(sent.map((b) => b.upserts.map((m) => m.uid))).toEqual([[3, 1]]);
    expect(sent[0]!.cursor).toMatchObject({ uidNext: 4, count: 2 });
  });
});

describe('sendWindow: batches in flight before an acknowledgement', () => {
  /** A client that acknowledges only when the test says so. */
  function heldContext(window: number | undefined) {
    const { ctx, sent } = context(caps(true, true), 2);
    const acks: { resolve: () => void; reject: (e: Error) => void }[] = [];
    ctx.send = (body) =>
      new Promise<void>((resolve, reject) => {
        sent.push(body);
        acks.push({ resolve, reject });
      });
    if (window !== undefined) ctx.sendWindow = window;
    return { ctx, sent, acks };
  }
  /** Waits for the pass to have sent `count` batches: the event itself, not a guess at its time. */
  const sentCount = (sent: unknown[], count: number) => vi.waitFor(() => expect(sent).toHaveLength(count), { timeout: 4_000, interval: 1 });
  /** Lets ready work run, so a batch sent too early would show (for absence checks only). */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
  const folder8 = () => new FakeFolder(snapshot({ uidNext: 9, exists: 8 }), messages([1, 2, 3, 4, 5, 6, 7, 8]));

  it('without a window, sends the next batch only after the last one was acknowledged', async () => {
    const { ctx, sent, acks } = heldContext(undefined);
    const pass = syncFolder(ctx, folder8(), null);
    await sentCount(sent, 1);
    await settle();
    expect(sent).toHaveLength(1);
    acks[0]!.resolve();
    await sentCount(sent, 2);
    for (let i = 1; i < 4; i++) {
      acks[i]!.resolve();
      if (i < 3) await sentCount(sent, i + 2);
    }
    await pass;
    expect(sent.map((b) => b.upserts.map((m) => m.uid))).toEqual([[8, 7], [6, 5], [4, 3], [2, 1]]);
  });

  it('with a window of 2, holds two unacknowledged batches, never three, and finishes only when all are acknowledged', async () => {
    const { ctx, sent, acks } = heldContext(2);
    let finished = false;
    const pass = syncFolder(ctx, folder8(), null).then(() => (finished = true));
    await sentCount(sent, 2);
    await settle();
    expect(sent).toHaveLength(2);
    acks[0]!.resolve();
    await sentCount(sent, 3);
    acks[1]!.resolve();
    await sentCount(sent, 4);
    expect(sent[3]!.cursor).toMatchObject({ uidNext: 9, count: 8 });
    acks[2]!.resolve();
    await settle();
    expect(finished).toBe(false);
    acks[3]!.resolve();
    await pass;
    expect(sent.map((b) => b.upserts.map((m) => m.uid))).toEqual([[8, 7], [6, 5], [4, 3], [2, 1]]);
  });

  it('with fetchAhead 2, has the summaries of the next two batches asked for while one waits for its acknowledgement', async () => {
    const summaryCalls = (folder: FakeFolder) => folder.calls.filter((call) => call.startsWith('summaries')).length;
    for (const [ahead, expected] of [
      [undefined, 2],
      [2, 3],
    ] as const) {
      const { ctx, sent, acks } = heldContext(undefined);
      if (ahead !== undefined) ctx.fetchAhead = ahead;
      const folder = folder8();
      const pass = syncFolder(ctx, folder, null);
      await sentCount(sent, 1);
      await vi.waitFor(() => expect(summaryCalls(folder)).toBe(expected), { timeout: 4_000, interval: 1 });
      await settle();
      expect(summaryCalls(folder)).toBe(expected);
      for (let i = 0; i < 4; i++) {
        await sentCount(sent, i + 1);
        acks[i]!.resolve();
      }
      await pass;
      expect(sent.map((b) => b.upserts.map((m) => m.uid))).toEqual([[8, 7], [6, 5], [4, 3], [2, 1]]);
      expect(summaryCalls(folder)).toBe(4);
    }
  });

  it('stops at the first refused batch and reports that failure, even while a later one is still in flight', async () => {
    const { ctx, sent, acks } = heldContext(2);
    const pass = syncFolder(ctx, folder8(), null);
    await sentCount(sent, 2);
    acks[1]!.reject(new Error('second refused'));
    acks[0]!.reject(new Error('first refused'));
    await expect(pass).rejects.toThrow('first refused');
    await settle();
    expect(sent).toHaveLength(2);
  });
});
