/**
 * Issue #11 §3: unread and total per folder, per mailbox and per unified view are kept by deltas
 * in the transaction of every change. After each kind of change — arrival, flags (server and
 * local), expunge, local delete and its undo, a move, a UIDVALIDITY reset, a folder changing
 * role or mailbox, a folder vanishing, an account removed — the counters equal a count of the
 * cached messages, and recountAll (which recomputes them from the heads) changes nothing.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeAccountData } from '../../../../../src/renderer/db/accountData';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { applyLocalFlags, removeLocalMessage, restoreLocalMessage, revertLocalFlags } from '../../../../../src/renderer/db/localChanges';
import { recountAll } from '../../../../../src/renderer/db/pages/counters';
import { countUnifiedUnread, folderCounts, mailboxCounts, unifiedCounts } from '../../../../../src/renderer/db/queries/counts';
import { loadUnreadByFolder, folderKeyOf } from '../../../../../src/renderer/db/queries/folders';
import type { Folder } from '../../../../../src/shared/model';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
import { mulberry32 } from '../../../../support/prng.mjs';
import { expectedCounts, folderMessages, storedCounts } from '../cacheRows';
import { accountA, accountB, cursor, folder, foldersBatch, mailbox, message, messagesBatch, sharedMailbox } from '../fixtures';

let db: PostvakDb;
let counter = 0;
beforeEach(async () => {
  db = new PostvakDb(`counters-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const info = sharedMailbox('info');
const infoInbox = 'shared/info@example.test/INBOX';
const seen = ['\\Seen'];
const ownFolders = (extra: Folder[] = []) => [
  folder('INBOX'),
  folder('Sent', accountA, { role: 'sent' }),
  folder('Archive', accountA, { role: 'archive' }),
  folder(infoInbox, accountA, { mailboxId: info.id, role: 'inbox' }),
  ...extra,
];
const arrive = (path: string, uids: number[], flags: string[] = [], accountId = accountA) =>
  applySyncBatch(db, messagesBatch(path, { upserts: uids.map((uid) => message(uid, { accountId, folderPath: path, flags })) }, accountId));

/** Counters = a count of the messages, and recounting from the heads changes nothing. */
async function expectExact(): Promise<void> {
  const stored = await storedCounts(db);
  expect(stored).toEqual(await expectedCounts(db));
  await recountAll(db);
  expect(await storedCounts(db)).toEqual(stored);
}

async function seed(): Promise<void> {
  await applySyncBatch(db, foldersBatch(ownFolders(), accountA, [mailbox(), info]));
  await applySyncBatch(db, foldersBatch([folder('INBOX', accountB)], accountB, [mailbox(accountB)]));
  await arrive('INBOX', [1, 2, 3, 4, 5]);
  await arrive('INBOX', [6, 7], seen);
  await arrive('Sent', [1, 2], seen);
  await arrive(infoInbox, [10, 11, 12]);
  await arrive('INBOX', [1, 2], [], accountB);
}

describe('counters under each kind of change', () => {
  beforeEach(seed);

  it('arrival: folder, mailbox and unified rows add up', async () => {
    expect(await folderCounts(db, accountA, 'INBOX')).toEqual({ total: 7, unread: 5 });
    expect(await mailboxCounts(db, mailbox().id)).toEqual({ total: 9, unread: 5 });
    expect(await mailboxCounts(db, info.id)).toEqual({ total: 3, unread: 3 });
    expect(await unifiedCounts(db, 'inbox')).toEqual({ total: 12, unread: 10 });
    expect(await unifiedCounts(db, 'sent')).toEqual({ total: 2, unread: 0 });
    expect(await loadUnreadByFolder(db, [accountA, accountB])).toEqual({
      [folderKeyOf(accountA, 'INBOX')]: 5,
      [folderKeyOf(accountA, 'Sent')]: 0,
      [folderKeyOf(accountA, infoInbox)]: 3,
      [folderKeyOf(accountB, 'INBOX')]: 2,
    });
    await expectExact();
    // The same summaries again (a resend) change nothing.
    await arrive('INBOX', [1, 2, 3, 4, 5]);
    expect(await folderCounts(db, accountA, 'INBOX')).toEqual({ total: 7, unread: 5 });
    await expectExact();
  });

  it('server flag changes, including a re-sent summary that changes the flags', async () => {
    await applySyncBatch(
      db,
      messagesBatch('INBOX', {
        flagUpdates: [
          { uid: 1, flags: seen, modseq: '11' },
          { uid: 6, flags: [], modseq: '11' },
          // Older than what is cached: ignored (RFC 7162 §3.1).
          { uid: 2, flags: seen, modseq: '9' },
          { uid: 99, flags: seen, modseq: '12' },
        ],
      }),
    );
    expect(await folderCounts(db, accountA, 'INBOX')).toEqual({ total: 7, unread: 5 });
    await arrive('INBOX', [3, 4], seen);
    expect(await folderCounts(db, accountA, 'INBOX')).toEqual({ total: 7, unread: 3 });
    expect(await countUnifiedUnread(db, 'inbox')).toBe(8);
    await expectExact();
  });

  it('local flag changes and their rollback', async () => {
    const change = await applyLocalFlags(db, [accountA, 'INBOX', 1], seen, []);
    expect(await folderCounts(db, accountA, 'INBOX')).toEqual({ total: 7, unread: 4 });
    await expectExact();
    await applyLocalFlags(db, [accountA, 'INBOX', 1], ['\\Flagged'], []);
    expect(await folderCounts(db, accountA, 'INBOX')).toEqual({ total: 7, unread: 4 });
    await revertLocalFlags(db, [accountA, 'INBOX', 1], [...seen, '\\Flagged'], change?.before ?? []);
    expect(await folderCounts(db, accountA, 'INBOX')).toEqual({ total: 7, unread: 5 });
    await applyLocalFlags(db, [accountA, 'INBOX', 7], [], seen);
    expect(await unifiedCounts(db, 'inbox')).toEqual({ total: 12, unread: 11 });
    await expectExact();
  });

  it('expunge, and the present-UID sweep of a server without QRESYNC', async () => {
    await applySyncBatch(db, messagesBatch('INBOX', { removedUids: [1, 6, 42] }));
    expect(await folderCounts(db, accountA, 'INBOX')).toEqual({ total: 5, unread: 4 });
    await expectExact();
    await applySyncBatch(db, messagesBatch('INBOX', { presentUids: '2:5', cursor: cursor('INBOX', { uidNext: 8 }) }));
    expect(await folderCounts(db, accountA, 'INBOX')).toEqual({ total: 4, unread: 4 });
    expect(await mailboxCounts(db, mailbox().id)).toEqual({ total: 6, unread: 4 });
    await expectExact();
  });

  it('a local delete and its undo', async () => {
    const removed = await removeLocalMessage(db, [accountA, 'INBOX', 2]);
    expect(await folderCounts(db, accountA, 'INBOX')).toEqual({ total: 6, unread: 4 });
    expect(await unifiedCounts(db, 'inbox')).toEqual({ total: 11, unread: 9 });
    await expectExact();
    if (!removed) throw new Error('nothing removed');
    await restoreLocalMessage(db, removed);
    expect(await folderCounts(db, accountA, 'INBOX')).toEqual({ total: 7, unread: 5 });
    // Restoring twice (a late second answer) does not count the message twice.
    await restoreLocalMessage(db, removed);
    expect(await folderCounts(db, accountA, 'INBOX')).toEqual({ total: 7, unread: 5 });
    await expectExact();
  });

  it('a move: gone from the Inbox, arrived in the Archive', async () => {
    await applySyncBatch(db, messagesBatch('INBOX', { removedUids: [3, 7] }));
    await arrive('Archive', [100]);
    await arrive('Archive', [101], seen);
    expect(await folderCounts(db, accountA, 'Archive')).toEqual({ total: 2, unread: 1 });
    expect(await unifiedCounts(db, 'inbox')).toEqual({ total: 10, unread: 9 });
    expect(await mailboxCounts(db, mailbox().id)).toEqual({ total: 9, unread: 5 });
    await expectExact();
  });

  it('a UIDVALIDITY reset replaces the folder’s counts', async () => {
    await applySyncBatch(
      db,
      messagesBatch('INBOX', { reset: true, upserts: [message(1), message(2, { flags: seen })], cursor: cursor('INBOX', { uidValidity: 2 }) }),
    );
    expect(await folderCounts(db, accountA, 'INBOX')).toEqual({ total: 2, unread: 1 });
    expect(await unifiedCounts(db, 'inbox')).toEqual({ total: 7, unread: 6 });
    await expectExact();
  });

  it('a folder changing role and mailbox carries its counts along', async () => {
    await arrive('Archive', [1, 2]);
    await applySyncBatch(
      db,
      foldersBatch(
        [folder('INBOX'), folder('Sent'), folder('Archive', accountA, { role: 'inbox' }), folder(infoInbox, accountA, { mailboxId: mailbox().id, role: 'inbox' })],
        accountA,
        [mailbox(), info],
      ),
    );
    expect(await unifiedCounts(db, 'sent')).toEqual({ total: 0, unread: 0 });
    expect(await unifiedCounts(db, 'inbox')).toEqual({ total: 14, unread: 12 });
    expect(await mailboxCounts(db, info.id)).toEqual({ total: 0, unread: 0 });
    expect(await mailboxCounts(db, mailbox().id)).toEqual({ total: 14, unread: 10 });
    await expectExact();
  });

  it('a vanished folder takes its counts with it', async () => {
    await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Sent', accountA, { role: 'sent' })], accountA, [mailbox()]));
    // Zeroed at a new epoch, not deleted (folderLifecycle.test.ts says why).
    expect(await db.counts.get(`folder:${accountA}:${infoInbox}`)).toMatchObject({ total: 0, unread: 0, epoch: 1 });
    expect(await unifiedCounts(db, 'inbox')).toEqual({ total: 9, unread: 7 });
    expect(await mailboxCounts(db, info.id)).toEqual({ total: 0, unread: 0 });
    await expectExact();
  });

  it('a removed account takes its share of the unified views', async () => {
    await removeAccountData(db, accountA);
    expect(await unifiedCounts(db, 'inbox')).toEqual({ total: 2, unread: 2 });
    expect(await unifiedCounts(db, 'sent')).toEqual({ total: 0, unread: 0 });
    expect(Object.keys(await storedCounts(db)).filter((id) => id.includes(accountA))).toEqual([]);
    await expectExact();
  });
});

describe('counters under a random sequence of changes (seeded)', () => {
  // Many small transactions on fake-indexeddb: generous time on a busy machine (not a speed check).
  it('stay exact after every step', { timeout: 60_000 }, async () => {
    const random = mulberry32(2026);
    const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
    const paths = ['INBOX', 'Sent', 'Archive', infoInbox];
    let roles: Record<string, Folder['role']> = { INBOX: 'inbox', Sent: 'sent', Archive: 'archive', [infoInbox]: 'inbox' };
    let archiveMailbox = mailbox().id;
    // A folder that vanished (deleted, or its grant revoked) and may come back later.
    let vanished: string | null = null;
    const foldersNow = () =>
      paths
        .filter((path) => path !== vanished)
        .map((path) => folder(path, accountA, { role: roles[path] ?? null, mailboxId: path === infoInbox ? info.id : path === 'Archive' ? archiveMailbox : mailbox().id }));
    await applySyncBatch(db, foldersBatch(foldersNow(), accountA, [mailbox(), info]));
    const undo: NonNullable<Awaited<ReturnType<typeof removeLocalMessage>>>[] = [];
    let modseq = 100;
    for (let step = 0; step < 120; step++) {
      const path = pick(paths) ?? 'INBOX';
      const cached = (await folderMessages(db, accountA, path)).map((row) => row.uid);
      const someUid = pick(cached);
      const flags = random() < 0.5 ? seen : random() < 0.5 ? ['\\Flagged'] : [];
      const action = Math.floor(random() * 9);
      if (action <= 2) {
        const uids = Array.from({ length: 1 + Math.floor(random() * 60) }, () => 1 + Math.floor(random() * 400));
        await applySyncBatch(db, messagesBatch(path, { upserts: uids.map((uid) => message(uid, { folderPath: path, flags: random() < 0.4 ? seen : [] })) }));
      } else if (action === 3 && someUid !== undefined) {
        await applySyncBatch(db, messagesBatch(path, { flagUpdates: [{ uid: someUid, flags, modseq: String(++modseq) }] }));
      } else if (action === 4 && someUid !== undefined) {
        await applyLocalFlags(db, [accountA, path, someUid], random() < 0.5 ? seen : [], random() < 0.5 ? seen : []);
      } else if (action === 5) {
        await applySyncBatch(db, messagesBatch(path, { removedUids: cached.filter(() => random() < 0.3) }));
      } else if (action === 6 && someUid !== undefined) {
        const removed = await removeLocalMessage(db, [accountA, path, someUid]);
        if (removed) undo.push(removed);
      } else if (action === 7 && undo.length > 0) {
        await restoreLocalMessage(db, undo.splice(Math.floor(random() * undo.length), 1)[0] as (typeof undo)[number]);
      } else if (random() < 0.3) {
        await applySyncBatch(db, messagesBatch(path, { reset: true, upserts: [message(1, { folderPath: path })], cursor: cursor(path, { uidValidity: step }) }));
      } else {
        roles = { ...roles, Archive: pick(['archive', 'inbox', 'sent', 'drafts', null] as const) ?? null, Sent: pick(['sent', null] as const) ?? null };
        archiveMailbox = pick([mailbox().id, info.id]) ?? mailbox().id;
        vanished = random() < 0.3 ? (pick(paths) ?? null) : null;
        await applySyncBatch(db, foldersBatch(foldersNow(), accountA, [mailbox(), info]));
      }
      expect(await storedCounts(db), `step ${step}`).toEqual(await expectedCounts(db));
    }
    await expectExact();
  });
});
