import { describe, expect, it, vi } from 'vitest';
import { compressUids, parseUidSet, uidSetHas, uidSetSize } from '../../../../../src/shared/uidSet';
import type { Folder, FolderCursor } from '../../../../../src/shared/model';
import { backoffDelay, sleep } from '../../../../../src/shared/retry';
import { foldersToPass } from '../../../../../src/main/services/sync/pollDecision';
import { chunks, newestFirstBatches } from '../../../../../src/main/services/sync/uidBatches';
import { buildFolders, syncOrder } from '../../../../../src/main/services/sync/folderList';
import { flagsNotPermitted } from '../../../../../src/main/services/tasks/flagRules';
import type { AccountId } from '../../../../../src/shared/model';

describe('newestFirstBatches', () => {
  it('splits from the top, each batch ascending', () => {
    expect(newestFirstBatches([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[5, 6, 7], [2, 3, 4], [1]]);
  });

  it('handles sparse, unsorted and duplicate UIDs', () => {
    expect(newestFirstBatches([900, 3, 40, 3, 7000], 2)).toEqual([[900, 7000], [3, 40]]);
  });

  it('sends 20,000 UIDs as 40 batches of 500, newest first', () => {
    const batches = newestFirstBatches(Array.from({ length: 20_000 }, (_, i) => i + 1), 500);
    expect(batches).toHaveLength(40);
    expect(batches[0]![499]).toBe(20_000);
    expect(batches.at(-1)![0]).toBe(1);
  });

  it('makes the first (newest) batch smaller when asked', () => {
    expect(newestFirstBatches([1, 2, 3, 4, 5, 6, 7, 8], 3, 2)).toEqual([[7, 8], [4, 5, 6], [1, 2, 3]]);
    expect(newestFirstBatches([1, 2], 3, 5)).toEqual([[1, 2]]);
    expect(() => newestFirstBatches([1], 3, 0)).toThrow(RangeError);
  });

  it('refuses a zero batch size', () => {
    expect(() => newestFirstBatches([1], 0)).toThrow(RangeError);
    expect(() => chunks([1], 0)).toThrow(RangeError);
    expect(chunks([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });
});

describe('UID sets (RFC 9051 §9 sequence-set)', () => {
  it('compresses and parses back', () => {
    const uids = [5, 1, 2, 3, 9, 10, 12, 3];
    const set = compressUids(uids);
    expect(set).toBe('1:3,5,9:10,12');
    const ranges = parseUidSet(set);
    expect([...Array(13).keys()].filter((u) => uidSetHas(ranges, u))).toEqual([1, 2, 3, 5, 9, 10, 12]);
    expect(uidSetSize(ranges)).toBe(7);
  });

  it('parses reversed and overlapping ranges, and the empty set', () => {
    expect(parseUidSet('9:5,6:12,1')).toEqual([
      [1, 1],
      [5, 12],
    ]);
    expect(parseUidSet('')).toEqual([]);
    expect(compressUids([])).toBe('');
  });

  it('refuses garbage and `*`', () => {
    for (const bad of ['1:*', 'a', '1,,2', '1:2:3', ' 1']) expect(() => parseUidSet(bad)).toThrow(/Not a UID set/);
  });
});

describe('backoff', () => {
  it('walks the steps and stays on the last', () => {
    const steps = [1_000, 2_000, 5_000, 15_000, 30_000, 60_000];
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => backoffDelay(steps, n))).toEqual([1_000, 2_000, 5_000, 15_000, 30_000, 60_000, 60_000, 60_000]);
  });

  it('sleeps until aborted', async () => {
    vi.useFakeTimers();
    try {
      const controller = new AbortController();
      let woke = false;
      void sleep(10_000, controller.signal).then(() => (woke = true));
      await vi.advanceTimersByTimeAsync(9_999);
      expect(woke).toBe(false);
      controller.abort();
      await vi.advanceTimersByTimeAsync(0);
      expect(woke).toBe(true);
      // Its timer is cleared, not left to fire later.
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('foldersToPass', () => {
  const folder = (path: string, selectable = true) => ({ path, selectable }) as Folder;
  const cursor = (path: string, over: Partial<FolderCursor> = {}): FolderCursor => ({ path, uidValidity: 1, uidNext: 10, highestModseq: '5', count: 9, ...over });
  const status = (path: string, over: Partial<{ uidValidity: number; uidNext: number; highestModseq: string; messages: number }> = {}) => ({
    path,
    uidValidity: 1,
    uidNext: 10,
    highestModseq: '5',
    messages: 9,
    ...over,
  });

  it('picks folders whose STATUS differs from the cursor, skips the watched and unselectable ones', () => {
    const folders = [folder('INBOX'), folder('A'), folder('B'), folder('C'), folder('D'), folder('E'), folder('F', false), folder('New')];
    const statuses = new Map([
      ['INBOX', status('INBOX', { uidNext: 99 })],
      ['A', status('A')],
      ['B', status('B', { messages: 8 })],
      ['C', status('C', { highestModseq: '6' })],
      ['D', status('D', { uidValidity: 2 })],
      ['E', status('E', { uidNext: 11 })],
      ['New', status('New')],
    ]);
    const cursors = new Map(['INBOX', 'A', 'B', 'C', 'D', 'E', 'F'].map((p) => [p, cursor(p)]));
    expect(foldersToPass(folders, statuses, cursors, new Set(['INBOX']), true)).toEqual(['B', 'C', 'D', 'E', 'New']);
  });

  it('ignores modseq without CONDSTORE', () => {
    const statuses = new Map([['C', status('C', { highestModseq: '6' })]]);
    expect(foldersToPass([folder('C')], statuses, new Map([['C', cursor('C')]]), new Set(), false)).toEqual([]);
  });
});

describe('buildFolders and syncOrder', () => {
  it('marks \\Noselect and \\NonExistent unselectable, dedupes, and syncs INBOX, then role folders, then others', () => {
    const listed = [
      { path: 'Projects', name: 'Projects', delimiter: '/', parentPath: null, flags: ['\\HasChildren'], subscribed: true },
      { path: 'INBOX', name: 'INBOX', delimiter: '/', parentPath: null, flags: [], subscribed: true },
      { path: 'INBOX/Sub', name: 'Sub', delimiter: '/', parentPath: 'INBOX', flags: [], subscribed: true },
      { path: 'Trash', name: 'Trash', delimiter: '/', parentPath: null, flags: ['\\Trash'], subscribed: true },
      { path: 'Drafts', name: 'Drafts', delimiter: '/', parentPath: null, flags: [], subscribed: false },
      { path: 'shared', name: 'shared', delimiter: '/', parentPath: null, flags: ['\\Noselect'], subscribed: false },
      { path: 'shared/info', name: 'info', delimiter: '/', parentPath: 'shared', flags: ['\\NonExistent'], subscribed: false },
      { path: 'shared/info/INBOX', name: 'INBOX', delimiter: '/', parentPath: 'shared/info', flags: [], subscribed: false },
      { path: 'INBOX', name: 'INBOX', delimiter: '/', parentPath: null, flags: [], subscribed: true },
    ];
    const folders = buildFolders('acc' as AccountId, listed, ['shared/']);
    expect(folders.map((f) => `${f.path}${f.role ? `=${f.role}` : ''}${f.selectable ? '' : ' (x)'}`)).toEqual([
      'INBOX=inbox',
      'INBOX/Sub',
      'Drafts=drafts',
      'Trash=trash',
      'Projects',
      'shared (x)',
      'shared/info (x)',
      'shared/info/INBOX=inbox',
    ]);
    expect(syncOrder(folders)).toEqual(['INBOX', 'shared/info/INBOX', 'Drafts', 'Trash', 'INBOX/Sub', 'Projects']);
  });
});

describe('flagsNotPermitted (PERMANENTFLAGS, RFC 9051 §7.1)', () => {
  it('allows everything when the server did not say', () => {
    expect(flagsNotPermitted(null, ['\\Seen', 'custom'])).toEqual([]);
  });

  it('allows listed system flags and, with \\*, any keyword', () => {
    expect(flagsNotPermitted(['\\Seen', '\\Flagged', '\\*'], ['\\seen', '\\Deleted', '$Label1'])).toEqual(['\\Deleted']);
  });

  it('refuses keywords without \\*', () => {
    expect(flagsNotPermitted(['\\Seen'], ['$Important', '\\Seen'])).toEqual(['$Important']);
  });

  it('refuses everything for an empty list (read-only rights)', () => {
    expect(flagsNotPermitted([], ['\\Seen'])).toEqual(['\\Seen']);
  });
});
