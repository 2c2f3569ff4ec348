import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { FolderIndex } from '../../../../../src/renderer/db/index/FolderIndex';
import { acquireIndex, closeIndexes } from '../../../../../src/renderer/db/index/registry';
import type { MessageSource } from '../../../../../src/renderer/db/index/sourceIndex';
import { UnifiedIndex } from '../../../../../src/renderer/db/index/UnifiedIndex';
import { applyLocalFlags } from '../../../../../src/renderer/db/localChanges';
import { unifiedRoleOf } from '../../../../../src/renderer/db/rows';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
import type { AccountId, Folder } from '../../../../../src/shared/model';
import { allMessages } from '../cacheRows';
import { accountA, accountB, folder, foldersBatch, mailbox, message, messagesBatch } from '../fixtures';
import { expectedOrder, indexEntries, seeded, withoutPages } from './indexTestKit';

const unified: MessageSource = { kind: 'unified', role: 'inbox' };
let db: PostvakDb;
let counter = 0;
let foldersA: Folder[];

beforeEach(async () => {
  db = new PostvakDb(`unified-index-${++counter}`);
  foldersA = [folder('INBOX'), folder('Archive', accountA, { role: 'archive' })];
  await applySyncBatch(db, foldersBatch(foldersA));
  await applySyncBatch(db, foldersBatch([folder('INBOX', accountB)], accountB, [mailbox(accountB)]));
});
afterEach(async () => {
  closeIndexes(db);
  await db.delete();
});

/** What "All inboxes" must list: every cached message of an inbox-role folder, in list order. */
async function expectedInboxes(): Promise<string[]> {
  const folders = await db.folders.toArray();
  const inboxes = new Set(folders.filter((row) => unifiedRoleOf(row.role) === 'inbox').map((row) => `${row.accountId}|${row.path}`));
  return expectedOrder((await allMessages(db)).filter((row) => inboxes.has(`${row.accountId}|${row.folderPath}`)));
}

/** Merges done by freshUnified (the marks do not say which index made them). */
let freshMerges = 0;

/** A unified index built now from scratch, with folder indexes of its own. */
async function freshUnified(): Promise<string[]> {
  const before = unifiedBuilds();
  const fresh = new UnifiedIndex(db, 'inbox', (accountId, folderPath) => ({ index: new FolderIndex(db, accountId, folderPath), release: () => {} }));
  await fresh.whenCurrent();
  freshMerges += unifiedBuilds() - before;
  return indexEntries(fresh);
}

const unifiedBuilds = () =>
  performance.getEntriesByName('postvak:index.built').filter((mark) => (mark as PerformanceMark).detail?.source === 'unified:inbox').length;

describe('UnifiedIndex', () => {
  it('interleaves two folders by date; equal dates by account, folder and UID, newest first', async () => {
    const at = (minute: number) => 1_700_000_000_000 + minute * 60_000;
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1, { date: at(1) }), message(2, { date: at(3) }), message(3, { date: at(5) }), message(4, { date: at(5) })] }));
    await applySyncBatch(
      db,
      messagesBatch('INBOX', { upserts: [message(1, { accountId: accountB, date: at(2) }), message(2, { accountId: accountB, date: at(5) }), message(3, { accountId: accountB, date: at(6) })] }, accountB),
    );
    await applySyncBatch(db, messagesBatch('Archive', { upserts: [message(1, { folderPath: 'Archive', date: at(9) })] }));
    const lease = acquireIndex(db, unified);
    await lease.index.whenCurrent();
    const listed = lease.index.refsAt(0, 10).map((ref) => `${ref.accountId} ${ref.uid}`);
    expect(listed).toEqual(['acc-b 3', 'acc-b 2', 'acc-a 4', 'acc-a 3', 'acc-a 2', 'acc-b 1', 'acc-a 1']);
    expect(withoutPages(indexEntries(lease.index))).toEqual(await expectedInboxes());
    lease.release();
  });

  it.each([5, 77, 31337])('applies its folders’ changes as deltas and stays equal to a fresh merge (seed %i)', async (seed) => {
    const random = seeded(seed);
    const lease = acquireIndex(db, unified);
    const index = lease.index;
    await index.whenCurrent();
    const places: { accountId: AccountId; next: number; known: number[] }[] = [
      { accountId: accountA, next: 1, known: [] },
      { accountId: accountB, next: 1, known: [] },
    ];
    const builds = unifiedBuilds();
    freshMerges = 0;
    for (let step = 0; step < 50; step++) {
      const place = random.pick(places);
      const roll = random.next();
      const date = () => 1_700_000_000_000 + random.int(30) * 3_600_000;
      if (place.known.length === 0 || roll < 0.4) {
        const upserts = Array.from({ length: 1 + random.int(120) }, () => message((place.next += 1 + random.int(2)), { accountId: place.accountId, date: date() }));
        place.known.push(...upserts.map((summary) => summary.uid));
        await applySyncBatch(db, messagesBatch('INBOX', { upserts }, place.accountId));
      } else if (roll < 0.65) {
        const flagUpdates = Array.from({ length: 1 + random.int(20) }, () => ({ uid: random.pick(place.known), flags: random.next() < 0.5 ? ['\\Seen'] : [], modseq: String(20 + step) }));
        await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates }, place.accountId));
      } else if (roll < 0.85) {
        const removedUids = Array.from({ length: 1 + random.int(40) }, () => random.pick(place.known));
        place.known = place.known.filter((uid) => !removedUids.includes(uid));
        await applySyncBatch(db, messagesBatch('INBOX', { removedUids }, place.accountId));
      } else {
        await applyLocalFlags(db, [place.accountId, 'INBOX', random.pick(place.known)], ['\\Flagged'], ['\\Seen']);
      }
      await index.whenCurrent();
      expect(indexEntries(index), `step ${step}`).toEqual(await freshUnified());
      expect(withoutPages(indexEntries(index)), `step ${step}`).toEqual(await expectedInboxes());
    }
    // Every step was applied as a delta: the view was merged once, at the start.
    expect(unifiedBuilds() - freshMerges).toBe(builds);
    lease.release();
  }, 60_000);

  it('follows role changes: a folder that becomes an inbox joins, one that stops being one leaves', async () => {
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1), message(2)] }));
    await applySyncBatch(db, messagesBatch('Archive', { upserts: [message(7, { folderPath: 'Archive' })] }));
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(3, { accountId: accountB })] }, accountB));
    const lease = acquireIndex(db, unified);
    const index = lease.index;
    await index.whenCurrent();
    const listed = () => index.refsAt(0, index.length).map((ref) => `${ref.accountId} ${ref.folderPath} ${ref.uid}`);
    expect(listed()).toEqual(['acc-b INBOX 3', 'acc-a INBOX 2', 'acc-a INBOX 1']);

    await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Archive', accountA, { role: 'inbox' })]));
    await index.whenCurrent();
    expect(listed()).toEqual(['acc-a Archive 7', 'acc-b INBOX 3', 'acc-a INBOX 2', 'acc-a INBOX 1']);

    await applySyncBatch(db, foldersBatch([folder('INBOX', accountB, { role: null })], accountB, [mailbox(accountB)]));
    await index.whenCurrent();
    expect(listed()).toEqual(['acc-a Archive 7', 'acc-a INBOX 2', 'acc-a INBOX 1']);
    expect(withoutPages(indexEntries(index))).toEqual(await expectedInboxes());
    lease.release();
  });

  it('notices a role change by itself (liveQuery on the folders)', async () => {
    await applySyncBatch(db, messagesBatch('Archive', { upserts: [message(7, { folderPath: 'Archive' })] }));
    const lease = acquireIndex(db, unified);
    const index = lease.index;
    await index.whenCurrent();
    expect(index.length).toBe(0);
    const joined = new Promise<void>((resolve) => {
      const stop = index.subscribe(() => {
        if (index.length !== 1) return;
        stop();
        resolve();
      });
    });
    await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Archive', accountA, { role: 'inbox' })]));
    await joined;
    expect(index.keyAt(0)).toEqual([accountA, 'Archive', 7]);
    lease.release();
  });
});
