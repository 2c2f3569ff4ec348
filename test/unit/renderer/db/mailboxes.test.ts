import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedAccountIds, removeAccountData } from '../../../../src/renderer/db/accountData';
import { applySyncBatch } from '../../../../src/renderer/db/applySyncBatch';
import { countUnifiedUnread, mailboxCounts, unifiedCounts } from '../../../../src/renderer/db/queries/counts';
import { loadWindow } from '../../../../src/renderer/db/queries/messages';
import { unifiedRoles, type UnifiedRole } from '../../../../src/renderer/db/rows';
import { PostvakDb } from '../../../../src/renderer/db/schema';
import { allMessages, expectedCounts, storedCounts } from './cacheRows';
import { accountA, accountB, cursor, folder, foldersBatch, mailbox, message, messagesBatch, sharedMailbox } from './fixtures';

let db: PostvakDb;
let counter = 0;

beforeEach(async () => {
  db = new PostvakDb(`mailboxes-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const info = sharedMailbox('info');
const infoInbox = 'shared/info@example.test/INBOX';
const inInfo = (path: string, extra = {}) => folder(path, accountA, { mailboxId: info.id, rights: 'lrs', ...extra });

/** What a unified view lists, newest first, as `path#uid`. */
async function unifiedKeys(role: UnifiedRole): Promise<string[]> {
  const rows = await loadWindow(db, { kind: 'unified', role }, 0, 1000);
  return rows.map((row) => `${row.folderPath}#${row.uid}`);
}

/** [total, unread] of each unified view, as the counters table holds them. */
async function unified(): Promise<Record<UnifiedRole, [number, number]>> {
  const entries = await Promise.all(unifiedRoles.map(async (role) => [role, await unifiedCounts(db, role)] as const));
  return Object.fromEntries(entries.map(([role, { total, unread }]) => [role, [total, unread]])) as Record<UnifiedRole, [number, number]>;
}

/** The counters equal a count of the cached messages (cacheRows.ts). */
async function expectConsistent(): Promise<void> {
  expect(await storedCounts(db)).toEqual(await expectedCounts(db));
}

describe('folders batch with mailboxes', () => {
  it("stores the account's mailboxes, hidden ones included, and replaces them on the next batch", async () => {
    const hidden = sharedMailbox('sales', accountA, { hidden: true });
    await applySyncBatch(db, foldersBatch([folder('INBOX'), inInfo(infoInbox, { role: 'inbox' })], accountA, [mailbox(), info, hidden]));
    await applySyncBatch(db, foldersBatch([folder('INBOX', accountB)], accountB, [mailbox(accountB)]));
    expect((await db.mailboxes.where('accountId').equals(accountA).toArray()).map((m) => [m.id, m.hidden]).sort()).toEqual([
      ['acc-a:own', false],
      ['acc-a:shared:info@example.test', false],
      ['acc-a:shared:sales@example.test', true],
    ]);
    // A revoked grant: info@ is gone from the next batch, with its folder and mail.
    await applySyncBatch(db, messagesBatch(infoInbox, { upserts: [message(1, { folderPath: infoInbox })] }));
    await applySyncBatch(db, foldersBatch([folder('INBOX')], accountA, [mailbox(), hidden]));
    expect((await db.mailboxes.toArray()).map((m) => m.id).sort()).toEqual(['acc-a:own', 'acc-a:shared:sales@example.test', 'acc-b:own']);
    expect(await allMessages(db)).toEqual([]);
    expect(await storedCounts(db)).toEqual({});
    expect(await db.folders.get([accountA, infoInbox])).toBeUndefined();
  });

  it('removes mailboxes with the account and counts an account with only mailboxes as cached', async () => {
    await applySyncBatch(db, foldersBatch([], accountB, [mailbox(accountB)]));
    expect(await cachedAccountIds(db)).toEqual([accountB]);
    await removeAccountData(db, accountB);
    expect(await db.mailboxes.count()).toBe(0);
  });
});

describe('unified views and their counters follow folder roles', () => {
  it('hold messages of inbox, sent and drafts folders only, across mailboxes', async () => {
    await applySyncBatch(
      db,
      foldersBatch(
        [folder('INBOX'), folder('Sent', accountA, { role: 'sent' }), folder('Trash', accountA, { role: 'trash' }), inInfo(infoInbox, { role: 'inbox' })],
        accountA,
        [mailbox(), info],
      ),
    );
    for (const path of ['INBOX', 'Sent', 'Trash', infoInbox]) {
      await applySyncBatch(db, messagesBatch(path, { upserts: [message(1, { folderPath: path, date: path.length })] }));
    }
    expect(await unifiedKeys('inbox')).toEqual([`${infoInbox}#1`, 'INBOX#1']);
    expect(await unifiedKeys('sent')).toEqual(['Sent#1']);
    expect(await unified()).toEqual({ inbox: [2, 2], sent: [1, 1], drafts: [0, 0] });
    expect(await countUnifiedUnread(db, 'inbox')).toBe(2);
    expect(await mailboxCounts(db, info.id)).toEqual({ total: 1, unread: 1 });
    expect(await mailboxCounts(db, mailbox().id)).toEqual({ total: 3, unread: 3 });
    await expectConsistent();
  });

  it('follow a role change in a later folders batch, and rows that came before their folder', async () => {
    await applySyncBatch(db, messagesBatch('Outbox', { upserts: [message(1, { folderPath: 'Outbox' })] }));
    await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Outbox'), folder('Concepts', accountA, { role: 'drafts' })]));
    await applySyncBatch(db, messagesBatch('Concepts', { upserts: [message(2, { folderPath: 'Concepts' })] }));
    expect(await unifiedKeys('sent')).toEqual([]);
    expect(await unifiedKeys('drafts')).toEqual(['Concepts#2']);
    expect(await unified()).toEqual({ inbox: [0, 0], sent: [0, 0], drafts: [1, 1] });
    // The Outbox message came before its folder was known: it joins its mailbox now.
    expect(await mailboxCounts(db, mailbox().id)).toEqual({ total: 2, unread: 2 });
    await expectConsistent();

    await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Outbox', accountA, { role: 'sent' }), folder('Concepts')]));
    expect(await unifiedKeys('sent')).toEqual(['Outbox#1']);
    expect(await unifiedKeys('drafts')).toEqual([]);
    expect(await unified()).toEqual({ inbox: [0, 0], sent: [1, 1], drafts: [0, 0] });
    await expectConsistent();

    await applySyncBatch(db, foldersBatch([folder('New', accountA, { role: 'inbox' })]));
    await applySyncBatch(db, messagesBatch('Late', { upserts: [message(3, { folderPath: 'Late' })] }));
    expect(await unified()).toEqual({ inbox: [0, 0], sent: [0, 0], drafts: [0, 0] });
    await applySyncBatch(db, foldersBatch([folder('Late', accountA, { role: 'inbox' })]));
    expect(await unifiedKeys('inbox')).toEqual(['Late#3']);
    expect(await unified()).toEqual({ inbox: [1, 1], sent: [0, 0], drafts: [0, 0] });
    await expectConsistent();
  });

  it('follow a folder moving to another mailbox', async () => {
    await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Shared')], accountA, [mailbox(), info]));
    await applySyncBatch(db, messagesBatch('Shared', { upserts: [message(1, { folderPath: 'Shared' }), message(2, { folderPath: 'Shared', flags: ['\\Seen'] })] }));
    expect(await mailboxCounts(db, mailbox().id)).toEqual({ total: 2, unread: 1 });
    await applySyncBatch(db, foldersBatch([folder('INBOX'), inInfo('Shared')], accountA, [mailbox(), info]));
    expect(await mailboxCounts(db, mailbox().id)).toEqual({ total: 0, unread: 0 });
    expect(await mailboxCounts(db, info.id)).toEqual({ total: 2, unread: 1 });
    await expectConsistent();
  });

  it('keep the inbox through a flag update and a UIDVALIDITY reset', async () => {
    await applySyncBatch(db, foldersBatch([folder('INBOX')]));
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1), message(2)], cursor: cursor('INBOX') }));
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 1, flags: ['\\Seen'], modseq: '11' }] }));
    expect(await unified()).toEqual({ inbox: [2, 1], sent: [0, 0], drafts: [0, 0] });
    await applySyncBatch(db, messagesBatch('INBOX', { reset: true, upserts: [message(5)] }));
    expect(await unifiedKeys('inbox')).toEqual(['INBOX#5']);
    expect(await unified()).toEqual({ inbox: [1, 1], sent: [0, 0], drafts: [0, 0] });
    await expectConsistent();
  });
});

describe('schema upgrade from version 1', () => {
  it('keeps the folders of a version 1 cache, joined to the own mailbox; messages go (issue #11 §5: the cache heals)', async () => {
    const name = `upgrade-${++counter}`;
    const { Dexie } = await import('dexie');
    const old = new Dexie(name);
    old.version(1).stores({
      folders: '[accountId+path]',
      messages: '[accountId+folderPath+uid], [accountId+folderPath+date], [accountId+folderPath+unread], messageId',
      cursors: '[accountId+path]',
      bodies: '[accountId+folderPath+uid]',
    });
    const { mailboxId: _m, rights: _r, ...v1Folder } = folder('INBOX');
    await old.table('folders').bulkPut([v1Folder, { ...v1Folder, path: 'Archive', role: 'archive' }]);
    await old.table('messages').bulkPut([
      { ...message(1), unread: 1, flagged: 0 },
      { ...message(2, { folderPath: 'Archive' }), unread: 1, flagged: 0 },
    ]);
    old.close();
    const upgraded = new PostvakDb(name);
    await upgraded.open();
    expect(await upgraded.folders.get([accountA, 'INBOX'])).toMatchObject({ mailboxId: 'acc-a:own', rights: null });
    expect(upgraded.tables.map((table) => table.name)).not.toContain('messages');
    expect(await allMessages(upgraded)).toEqual([]);
    await upgraded.delete();
  });
});
