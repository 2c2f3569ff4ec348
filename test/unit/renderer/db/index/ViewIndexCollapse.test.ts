import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { defaultListView, type ListView } from '../../../../../src/renderer/db/index/listView';
import { acquireIndex, closeIndexes } from '../../../../../src/renderer/db/index/registry';
import type { MessageSource } from '../../../../../src/renderer/db/index/sourceIndex';
import { setViewEnvironment, type Collapse } from '../../../../../src/renderer/db/index/viewEnvironment';
import { applyLocalFlags } from '../../../../../src/renderer/db/localChanges';
import { readWindow } from '../../../../../src/renderer/db/queries/messages';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
import { accountA, folder, foldersBatch, message, messagesBatch } from '../fixtures';

/** A stand-in for helper D's threading: conversations given by hand, sizes counting Sent too. */
class FakeCollapse implements Collapse {
  ready = Promise.resolve();
  private listeners = new Set<() => void>();
  constructor(
    public conversations: Map<number, number>,
    public sizes: Map<number, number>,
  ) {}
  key(_accountId: string, _folderPath: string, uid: number) {
    return this.conversations.get(uid);
  }
  size(key: number) {
    return this.sizes.get(key) ?? 1;
  }
  subscribe(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  regroup(conversations: Map<number, number>) {
    this.conversations = conversations;
    for (const listener of this.listeners) listener();
  }
}

let db: PostvakDb;
let counter = 0;
let fake: FakeCollapse;
const at = (n: number) => 1_700_000_000_000 + n * 60_000;

beforeEach(async () => {
  db = new PostvakDb(`view-collapse-${++counter}`);
  // Messages 1, 3 and 5 are one conversation (with one reply in Sent: 4 in all); 2 and 4 another.
  fake = new FakeCollapse(
    new Map([
      [1, 100],
      [3, 100],
      [5, 100],
      [2, 200],
      [4, 200],
    ]),
    new Map([
      [100, 4],
      [200, 2],
    ]),
  );
  setViewEnvironment({ collapse: () => fake, language: () => 'en', aliases: () => [] });
  await applySyncBatch(db, foldersBatch([folder('INBOX')]));
  await applySyncBatch(
    db,
    messagesBatch('INBOX', {
      upserts: [1, 2, 3, 4, 5, 6].map((uid) => message(uid, { date: at(uid), flags: uid === 3 ? [] : ['\\Seen'] })),
    }),
  );
});
afterEach(async () => {
  closeIndexes(db);
  await db.delete();
});

const source = (view: Partial<ListView>): MessageSource => ({ kind: 'folder', accountId: accountA, folderPath: 'INBOX', view: { ...defaultListView, ...view } });

async function rows(view: Partial<ListView>) {
  const lease = acquireIndex(db, source(view));
  await lease.index.whenCurrent();
  const shown = await readWindow(db, lease.index, 0, lease.index.length);
  return { index: lease.index, uids: shown.map((row) => row?.uid), sizes: shown.map((_, position) => lease.index.groupSizeAt?.(position)) };
}

describe('ViewIndex conversations', () => {
  it('keeps one row per conversation, the first in the current order, with the conversation size', async () => {
    const newest = await rows({ conversations: true });
    expect(newest.uids).toEqual([6, 5, 4]);
    expect(newest.sizes).toEqual([1, 4, 2]);
    const oldest = await rows({ conversations: true, sort: { by: 'date', descending: false } });
    expect(oldest.uids).toEqual([1, 2, 6]);
  });

  it('filters first: Unread shows the conversation through its unread message', async () => {
    const { uids, sizes } = await rows({ conversations: true, filters: ['unread'] });
    expect(uids).toEqual([3]);
    expect(sizes).toEqual([4]);
  });

  it('a message inside a folded conversation is found at its row', async () => {
    const { index } = await rows({ conversations: true });
    expect(index.positionOf({ accountId: accountA, folderPath: 'INBOX', uid: 1, date: at(1) })).toBe(1);
  });

  it('follows a regrouping and flag changes', async () => {
    const { index } = await rows({ conversations: true, filters: ['unread'] });
    fake.regroup(new Map([[2, 200], [4, 200]]));
    await applyLocalFlags(db, [accountA, 'INBOX', 4], [], ['\\Seen']);
    await index.whenCurrent();
    expect((await readWindow(db, index, 0, index.length)).map((row) => row?.uid)).toEqual([4, 3]);
  });
});

describe('conversation rows as the list reads them', () => {
  it('carry the size of the conversation they stand for', async () => {
    const lease = acquireIndex(db, source({ conversations: true }));
    await lease.index.whenCurrent();
    const shown = await readWindow(db, lease.index, 1, 2);
    expect(shown.map((row) => [row?.uid, row?.conversationSize])).toEqual([
      [5, 4],
      [4, 2],
    ]);
  });
});
