// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
import { acquireIndex, closeIndexes } from '../../../../../src/renderer/db/index/registry';
import { forgetDefaultFolderOf, openDefaultFolderEarly, pickDefaultFolder, prewarmLastFolder } from '../../../../../src/renderer/features/mail/openDefaultFolder';
import { useStore } from '../../../../../src/renderer/store';
import type { Account } from '../../../../../src/shared/model';
import { accountA, folder, foldersBatch, message, messagesBatch, sharedMailbox } from '../../db/fixtures';

let db: PostvakDb;
let counter = 0;
const account = { id: accountA } as Account;

beforeEach(async () => {
  db = new PostvakDb(`default-folder-${++counter}`);
  await db.open();
  useStore.setState({ selectedAccountId: null, selectedFolderPath: null, selectedUnified: null, selectedOutbox: false, selectedMessage: null });
});
afterEach(async () => {
  closeIndexes(db);
  await db.delete();
});

describe('the folder a window opens on', () => {
  it("is the account's own Inbox, not a shared mailbox's", () => {
    const shared = sharedMailbox('info');
    const folders = [
      folder('shared/info@example.test/INBOX', accountA, { mailboxId: shared.id, role: 'inbox' }),
      folder('Archive'),
      folder('INBOX'),
    ];
    expect(pickDefaultFolder(folders, accountA)?.path).toBe('INBOX');
    expect(pickDefaultFolder([folder('Archive'), folder('Later')], accountA)?.path).toBe('Archive');
  });

  it('is selected at start from the cache, before any view asks, with its list index building', async () => {
    await applySyncBatch(db, foldersBatch([folder('Archive'), folder('INBOX')]));
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1), message(2)] }));
    await openDefaultFolderEarly(db, [account]);
    expect(useStore.getState()).toMatchObject({ selectedAccountId: accountA, selectedFolderPath: 'INBOX' });
  });

  it('leaves a selection the person already made, and does nothing without cached folders', async () => {
    await openDefaultFolderEarly(db, [account]);
    expect(useStore.getState().selectedFolderPath).toBeNull();
    await applySyncBatch(db, foldersBatch([folder('Archive'), folder('INBOX')]));
    useStore.getState().selectFolder(accountA, 'Archive');
    await openDefaultFolderEarly(db, [account]);
    expect(useStore.getState().selectedFolderPath).toBe('Archive');
  });

  it('remembers the folder it opened, so the next start builds its index before the accounts arrive; removal forgets it', async () => {
    localStorage.clear();
    await applySyncBatch(db, foldersBatch([folder('INBOX')]));
    await openDefaultFolderEarly(db, [account]);
    expect(JSON.parse(localStorage.getItem('postvak:defaultFolder') ?? 'null')).toEqual([accountA, 'INBOX']);
    closeIndexes(db);
    prewarmLastFolder(db);
    // The prewarmed index is the one a view then gets: already built, not a second build.
    const lease = acquireIndex(db, { kind: 'folder', accountId: accountA, folderPath: 'INBOX' });
    const again = acquireIndex(db, { kind: 'folder', accountId: accountA, folderPath: 'INBOX' });
    expect(lease.index).toBe(again.index);
    lease.release();
    again.release();
    forgetDefaultFolderOf('someone-else');
    expect(localStorage.getItem('postvak:defaultFolder')).not.toBeNull();
    forgetDefaultFolderOf(accountA);
    expect(localStorage.getItem('postvak:defaultFolder')).toBeNull();
    localStorage.setItem('postvak:defaultFolder', '{broken');
    expect(() => prewarmLastFolder(db)).not.toThrow();
  });
});
