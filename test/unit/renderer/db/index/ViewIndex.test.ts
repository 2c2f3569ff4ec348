import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { defaultListView, type ListView } from '../../../../../src/renderer/db/index/listView';
import { acquireIndex, closeIndexes, pinChanged } from '../../../../../src/renderer/db/index/registry';
import type { ViewIndex } from '../../../../../src/renderer/db/index/ViewIndex';
import type { MessageSource, SourceIndex } from '../../../../../src/renderer/db/index/sourceIndex';
import { setViewEnvironment } from '../../../../../src/renderer/db/index/viewEnvironment';
import { applyLocalFlags, removeLocalMessage } from '../../../../../src/renderer/db/localChanges';
import { readWindow } from '../../../../../src/renderer/db/queries/messages';
import { encodeFlags } from '../../../../../src/renderer/db/pages/flagBits';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
import type { MessageSummary } from '../../../../../src/shared/model';
import { accountA, folder, foldersBatch, mailbox, message, messagesBatch, sharedMailbox } from '../fixtures';

let db: PostvakDb;
let counter = 0;
const minute = 60_000;
const at = (n: number) => 1_700_000_000_000 + n * minute;
const person = (name: string, address = `${name.toLowerCase().replace(/\W/g, '')}@example.test`) => [{ name, address }];

beforeEach(async () => {
  db = new PostvakDb(`view-index-${++counter}`);
  setViewEnvironment({ language: () => 'nl', aliases: () => [], pinned: () => null });
  await applySyncBatch(
    db,
    foldersBatch([folder('INBOX'), folder('shared/info@example.test/INBOX', accountA, { mailboxId: `${accountA}:shared:info@example.test`, role: 'inbox' })], accountA, [
      mailbox(accountA),
      sharedMailbox('info'),
    ]),
  );
});
afterEach(async () => {
  closeIndexes(db);
  await db.delete();
});

function view(extra: Partial<ListView>): ListView {
  return { ...defaultListView, ...extra, sort: { ...defaultListView.sort, ...extra.sort } };
}

async function opened(source: MessageSource): Promise<SourceIndex> {
  const lease = acquireIndex(db, source);
  await lease.index.whenCurrent();
  return lease.index;
}

/** The UIDs a person sees, top to bottom. */
async function shown(index: SourceIndex): Promise<number[]> {
  await index.whenCurrent();
  const rows = await readWindow(db, index, 0, index.length);
  return rows.map((row) => row?.uid ?? -1);
}

const inbox = (v: ListView): MessageSource => ({ kind: 'folder', accountId: accountA, folderPath: 'INBOX', view: v });

async function seed(summaries: MessageSummary[]): Promise<void> {
  await applySyncBatch(db, messagesBatch('INBOX', { upserts: summaries }));
}

describe('ViewIndex filters', () => {
  beforeEach(() =>
    seed([
      message(1, { date: at(1), flags: ['\\Seen'] }),
      message(2, { date: at(2), flags: [] }),
      message(3, { date: at(3), flags: ['\\Seen', '\\Flagged'] }),
      message(4, { date: at(4), flags: ['\\Flagged'], hasAttachments: true }),
      message(5, { date: at(5), flags: ['\\Seen'], hasAttachments: true, to: person('Someone else'), cc: person('Me', 'acc-a@example.test') }),
    ]),
  );

  it('Unread shows only unread messages, newest first, and follows flag changes', async () => {
    const index = await opened(inbox(view({ filters: ['unread'] })));
    expect(await shown(index)).toEqual([4, 2]);
    await applyLocalFlags(db, [accountA, 'INBOX', 4], ['\\Seen'], []);
    expect(await shown(index)).toEqual([2]);
    await applyLocalFlags(db, [accountA, 'INBOX', 1], [], ['\\Seen']);
    expect(await shown(index)).toEqual([2, 1]);
  });

  it('the open message stays in an Unread view while it is read, and goes once the person moves on', async () => {
    let open: [string, string, number] | null = null;
    setViewEnvironment({ pinned: () => open });
    const index = await opened(inbox(view({ filters: ['unread'] })));
    open = [accountA, 'INBOX', 4];
    pinChanged(db);
    await applyLocalFlags(db, [accountA, 'INBOX', 4], ['\\Seen'], []);
    expect(await shown(index)).toEqual([4, 2]);
    open = [accountA, 'INBOX', 2];
    pinChanged(db);
    expect(await shown(index)).toEqual([2]);
  });

  it('Flagged and With attachments combine (both must hold)', async () => {
    expect(await shown(await opened(inbox(view({ filters: ['flagged'] }))))).toEqual([4, 3]);
    expect(await shown(await opened(inbox(view({ filters: ['attachments'] }))))).toEqual([5, 4]);
    expect(await shown(await opened(inbox(view({ filters: ['flagged', 'attachments'] }))))).toEqual([4]);
  });

  it('Addressed to me matches the own address in To or Cc', async () => {
    expect(await shown(await opened(inbox(view({ filters: ['toMe'] }))))).toEqual([5]);
  });

  it('a removed message leaves the view and an arrival that matches joins it', async () => {
    const index = await opened(inbox(view({ filters: ['attachments'] })));
    await removeLocalMessage(db, [accountA, 'INBOX', 5]);
    expect(await shown(index)).toEqual([4]);
    await seed([message(9, { date: at(0), hasAttachments: true }), message(10, { date: at(10) })]);
    expect(await shown(index)).toEqual([4, 9]);
  });

  it('positionOf and keyAt speak view positions (the neighbour after a delete)', async () => {
    const index = await opened(inbox(view({ filters: ['unread'] })));
    expect(index.positionOf({ accountId: accountA, folderPath: 'INBOX', uid: 2, date: at(2) })).toBe(1);
    expect(index.positionOf({ accountId: accountA, folderPath: 'INBOX', uid: 3, date: at(3) })).toBe(-1);
    expect(index.keyAt(0)).toEqual([accountA, 'INBOX', 4]);
  });
});

describe('ViewIndex "to me" in a shared mailbox', () => {
  it('counts the shared address and the person’s own, not a Bcc or a list', async () => {
    const path = 'shared/info@example.test/INBOX';
    await applySyncBatch(
      db,
      messagesBatch(path, {
        upserts: [
          message(1, { folderPath: path, date: at(1), to: person('Info', 'info@example.test') }),
          message(2, { folderPath: path, date: at(2), to: person('List', 'list@example.test') }),
          message(3, { folderPath: path, date: at(3), to: person('Other', 'x@example.test'), cc: person('Me', 'acc-a@example.test') }),
        ],
      }),
    );
    const index = await opened({ kind: 'folder', accountId: accountA, folderPath: path, view: view({ filters: ['toMe'] }) });
    expect(await shown(index)).toEqual([3, 1]);
  });
});

describe('ViewIndex over a unified view', () => {
  it('All inboxes filtered on Unread and sorted by sender mixes both mailboxes', async () => {
    const path = 'shared/info@example.test/INBOX';
    await seed([message(1, { date: at(1), from: person('Carla') }), message(2, { date: at(2), flags: ['\\Seen'], from: person('Ada') })]);
    await applySyncBatch(db, messagesBatch(path, { upserts: [message(1, { folderPath: path, date: at(3), from: person('Bea') }), message(2, { folderPath: path, date: at(4), from: person('Dirk') })] }));
    const index = await opened({ kind: 'unified', role: 'inbox', view: view({ filters: ['unread'], sort: { by: 'sender', descending: false } }) });
    await index.whenCurrent();
    const rows = await readWindow(db, index, 0, index.length);
    expect(rows.map((row) => `${row?.folderPath}#${row?.uid}`)).toEqual([`${path}#1`, 'INBOX#1', `${path}#2`]);
  });

  it('reads a big unified view folder by folder and sorts it whole', async () => {
    const path = 'shared/info@example.test/INBOX';
    await seed(Array.from({ length: 3_000 }, (_, n) => message(1 + n, { date: at(n), size: 2 * n })));
    await applySyncBatch(db, messagesBatch(path, { upserts: Array.from({ length: 3_000 }, (_, n) => message(1 + n, { folderPath: path, date: at(n), size: 2 * n + 1 })) }));
    const index = await opened({ kind: 'unified', role: 'inbox', view: view({ sort: { by: 'size', descending: true } }) });
    expect(index.length).toBe(6_000);
    const top = await readWindow(db, index, 0, 4);
    expect(top.map((row) => [row?.folderPath, row?.size])).toEqual([
      [path, 5999],
      ['INBOX', 5998],
      [path, 5997],
      ['INBOX', 5996],
    ]);
  });
});

describe('ViewIndex sorts', () => {
  beforeEach(() =>
    seed([
      message(1, { date: at(1), from: person('Émile Zola'), subject: 'Re: Beta', size: 300 }),
      message(2, { date: at(2), from: person('anna Bakker'), subject: 'alpha', size: 50 }),
      message(3, { date: at(3), from: person('Bert'), subject: 'Gamma', size: 300 }),
      message(4, { date: at(4), from: person('Anna Bakker'), subject: 'AW: Alpha', size: 7000 }),
      message(5, { date: at(5), from: person('emile zola'), subject: 'beta', size: 20 }),
    ]),
  );

  it('by sender A–Z folds case and diacritics; equal senders stay newest first', async () => {
    expect(await shown(await opened(inbox(view({ sort: { by: 'sender', descending: false } }))))).toEqual([4, 2, 3, 5, 1]);
  });

  it('by sender Z–A keeps the tie order newest first', async () => {
    expect(await shown(await opened(inbox(view({ sort: { by: 'sender', descending: true } }))))).toEqual([5, 1, 3, 4, 2]);
  });

  it('by subject ignores reply prefixes, both directions', async () => {
    expect(await shown(await opened(inbox(view({ sort: { by: 'subject', descending: false } }))))).toEqual([4, 2, 5, 1, 3]);
    expect(await shown(await opened(inbox(view({ sort: { by: 'subject', descending: true } }))))).toEqual([3, 5, 1, 4, 2]);
  });

  it('by size is numeric, both directions, ties newest first', async () => {
    expect(await shown(await opened(inbox(view({ sort: { by: 'size', descending: false } }))))).toEqual([5, 2, 3, 1, 4]);
    expect(await shown(await opened(inbox(view({ sort: { by: 'size', descending: true } }))))).toEqual([4, 3, 1, 2, 5]);
  });

  it('by size past 4 GB still sorts by value, ties newest first', async () => {
    await seed([message(6, { date: at(6), size: 5e9 }), message(7, { date: at(0), size: 5e9 })]);
    expect(await shown(await opened(inbox(view({ sort: { by: 'size', descending: true } }))))).toEqual([6, 7, 4, 3, 1, 2, 5]);
    expect(await shown(await opened(inbox(view({ sort: { by: 'size', descending: false } }))))).toEqual([5, 2, 3, 1, 4, 6, 7]);
  });

  it('by date ascending is the list reversed', async () => {
    expect(await shown(await opened(inbox(view({ sort: { by: 'date', descending: false } }))))).toEqual([1, 2, 3, 4, 5]);
  });

  it('a message read keeps its place and shows its new flags', async () => {
    const index = await opened(inbox(view({ sort: { by: 'sender', descending: false } })));
    const before = index.version;
    await applyLocalFlags(db, [accountA, 'INBOX', 3], ['\\Seen', '\\Flagged'], []);
    await index.whenCurrent();
    expect(index.version).toBeGreaterThan(before);
    expect(await shown(index)).toEqual([4, 2, 3, 5, 1]);
    expect(index.bitsAt(2)).toBe(encodeFlags(['\\Seen', '\\Flagged']).bits);
  });

  it('places an arrival by its sender and drops a removed message', async () => {
    const index = await opened(inbox(view({ sort: { by: 'sender', descending: false } })));
    await seed([message(6, { date: at(6), from: person('Bas') })]);
    await removeLocalMessage(db, [accountA, 'INBOX', 3]);
    expect(await shown(index)).toEqual([4, 2, 6, 5, 1]);
  });

  it('after a UIDVALIDITY reset the same UIDs sort by their new messages', async () => {
    const index = await opened(inbox(view({ sort: { by: 'subject', descending: false } })));
    await applySyncBatch(
      db,
      messagesBatch('INBOX', {
        reset: true,
        upserts: [message(1, { date: at(1), subject: 'Zebra' }), message(2, { date: at(2), subject: 'Aap' }), message(3, { date: at(3), subject: 'Mier' })],
      }),
    );
    expect(await shown(index)).toEqual([2, 3, 1]);
  });

  it('views of one list share what they read: Unread on top of a sort by sender reads no summary again', async () => {
    const bySender = (await opened(inbox(view({ sort: { by: 'sender', descending: false } })))) as ViewIndex;
    const read = bySender.facts?.count;
    const unreadBySender = (await opened(inbox(view({ filters: ['unread', 'toMe'], sort: { by: 'sender', descending: false } })))) as ViewIndex;
    expect(unreadBySender.facts).toBe(bySender.facts);
    expect(unreadBySender.facts?.count).toBe(read);
    const bySize = (await opened(inbox(view({ sort: { by: 'size', descending: false } })))) as ViewIndex;
    expect(bySize.facts).not.toBe(bySender.facts);
  });

  it('reads a folder bigger than one chunk and reports progress while it does', async () => {
    const many = Array.from({ length: 6_000 }, (_, n) => message(100 + n, { date: at(100 + n), size: n % 7 }));
    await seed(many);
    const lease = acquireIndex(db, inbox(view({ sort: { by: 'size', descending: true } })));
    const seen: { done: number; total: number }[] = [];
    lease.index.subscribe(() => {
      if (lease.index.progress) seen.push(lease.index.progress);
    });
    await lease.index.whenCurrent();
    expect(lease.index.length).toBe(6_005);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[seen.length - 1]?.done).toBe(seen[seen.length - 1]?.total);
    expect(lease.index.progress).toBeUndefined();
    const sizes = (await readWindow(db, lease.index, 0, 50)).map((row) => row?.size);
    expect(sizes).toEqual([7000, 300, 300, 50, 20, ...Array<number>(45).fill(6)]);
    lease.release();
  });
});
