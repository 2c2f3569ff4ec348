import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedAccountIds, removeAccountData } from '../../../../src/renderer/db/accountData';
import { applySyncBatch } from '../../../../src/renderer/db/applySyncBatch';
import { countUnifiedUnread, loadWindow } from '../../../../src/renderer/db/queries/messages';
import { PostvakDb } from '../../../../src/renderer/db/schema';
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

async function unifiedKeys(role: 'inbox' | 'sent' | 'drafts'): Promise<string[]> {
  const rows = await loadWindow(db, { kind: 'unified', role }, 0, 1000);
  return rows.map((row) => `${row.folderPath}#${row.uid}`);
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
    expect(await db.messages.count()).toBe(0);
    expect(await db.folders.get([accountA, infoInbox])).toBeUndefined();
  });

  it('removes mailboxes with the account and counts an account with only mailboxes as cached', async () => {
    await applySyncBatch(db, foldersBatch([], accountB, [mailbox(accountB)]));
    expect(await cachedAccountIds(db)).toEqual([accountB]);
    await removeAccountData(db, accountB);
    expect(await db.mailboxes.count()).toBe(0);
  });
});

describe('unifiedRole', () => {
  it('is set on message rows from their folder role, and only for inbox, sent and drafts', async () => {
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
    expect((await db.messages.get([accountA, 'Trash', 1]))?.unifiedRole).toBeUndefined();
    expect(await countUnifiedUnread(db, 'inbox')).toBe(2);
  });

  it('follows a role change in a later folders batch, and rows that came before their folder', async () => {
    await applySyncBatch(db, messagesBatch('Outbox', { upserts: [message(1, { folderPath: 'Outbox' })] }));
    await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Outbox'), folder('Concepts', accountA, { role: 'drafts' })]));
    await applySyncBatch(db, messagesBatch('Concepts', { upserts: [message(2, { folderPath: 'Concepts' })] }));
    expect(await unifiedKeys('sent')).toEqual([]);
    expect(await unifiedKeys('drafts')).toEqual(['Concepts#2']);

    await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Outbox', accountA, { role: 'sent' }), folder('Concepts')]));
    expect(await unifiedKeys('sent')).toEqual(['Outbox#1']);
    expect(await unifiedKeys('drafts')).toEqual([]);
    expect(await db.messages.get([accountA, 'Concepts', 2])).not.toHaveProperty('unifiedRole');

    await applySyncBatch(db, foldersBatch([folder('New', accountA, { role: 'inbox' })]));
    await applySyncBatch(db, messagesBatch('Late', { upserts: [message(3, { folderPath: 'Late' })] }));
    await applySyncBatch(db, foldersBatch([folder('Late', accountA, { role: 'inbox' })]));
    expect(await unifiedKeys('inbox')).toEqual(['Late#3']);
  });

  it('keeps the role through a flag update and a UIDVALIDITY reset', async () => {
    await applySyncBatch(db, foldersBatch([folder('INBOX')]));
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1)], cursor: cursor('INBOX') }));
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 1, flags: ['\\Seen'], modseq: '11' }] }));
    expect(await db.messages.get([accountA, 'INBOX', 1])).toMatchObject({ unifiedRole: 'inbox', unread: 0 });
    await applySyncBatch(db, messagesBatch('INBOX', { reset: true, upserts: [message(5)] }));
    expect(await unifiedKeys('inbox')).toEqual(['INBOX#5']);
  });
});

describe('schema version 2 upgrade', () => {
  it('keeps a version 1 cache: folders join the own mailbox, messages get their unified role', async () => {
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
    const rows = await loadWindow(upgraded, { kind: 'unified', role: 'inbox' }, 0, 10);
    expect(rows.map((row) => row.uid)).toEqual([1]);
    await upgraded.delete();
  });
});
