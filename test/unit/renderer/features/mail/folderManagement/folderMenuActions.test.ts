import { describe, expect, it } from 'vitest';
import type { Folder } from '../../../../../../src/shared/model';
import { folderMenuActions } from '../../../../../../src/renderer/features/mail/folderManagement/folderMenuActions';
import { accountA, folder, mailbox, sharedMailbox } from '../../../db/fixtures';

const own = mailbox(accountA);
const info = sharedMailbox('info');
const shared = (path: string, rights: string, extra: Partial<Folder> = {}) =>
  folder(`shared/info@example.test/${path}`, accountA, { mailboxId: info.id, rights, ...extra });

describe('folderMenuActions', () => {
  it('offers everything on an own folder, and on role folders neither rename nor delete', () => {
    expect(folderMenuActions({ kind: 'folder', folder: folder('Projects'), mailbox: own, parent: null })).toEqual([
      'markRead',
      'newFolder',
      'rename',
      'delete',
    ]);
    expect(folderMenuActions({ kind: 'folder', folder: folder('INBOX'), mailbox: own, parent: null })).toEqual(['markRead', 'newFolder']);
    expect(folderMenuActions({ kind: 'folder', folder: folder('Trash', accountA, { role: 'trash' }), mailbox: own, parent: null })).toEqual([
      'markRead',
      'emptyTrash',
      'newFolder',
    ]);
    expect(folderMenuActions({ kind: 'folder', folder: folder('Junk', accountA, { role: 'junk' }), mailbox: own, parent: null })).toEqual([
      'markRead',
      'emptyJunk',
      'newFolder',
    ]);
  });

  it('follows the rights in a shared mailbox: k to create, x to delete, x and k on the parent to rename, t+e to empty', () => {
    const full = 'lrswipkxtea';
    expect(folderMenuActions({ kind: 'folder', folder: shared('Offers', full), mailbox: info, parent: null })).toEqual([
      'markRead',
      'newFolder',
      'rename',
      'delete',
    ]);
    const parent = shared('Offers', 'lrswipxte');
    expect(folderMenuActions({ kind: 'folder', folder: shared('Offers/2026', 'lrswipxte'), mailbox: info, parent })).toEqual(['markRead', 'delete']);
    expect(folderMenuActions({ kind: 'folder', folder: shared('Trash', 'lrswipk', { role: 'trash' }), mailbox: info, parent: null })).toEqual([
      'markRead',
      'newFolder',
    ]);
  });

  it('offers a read-only member nothing', () => {
    const readOnly = { ...info, rights: 'lr' };
    expect(folderMenuActions({ kind: 'folder', folder: shared('INBOX', 'lr', { role: 'inbox' }), mailbox: readOnly, parent: null })).toEqual([]);
    expect(folderMenuActions({ kind: 'folder', folder: shared('Offers', 'lr'), mailbox: readOnly, parent: null })).toEqual([]);
    expect(folderMenuActions({ kind: 'folder', folder: shared('Trash', 'lr', { role: 'trash' }), mailbox: readOnly, parent: null })).toEqual([]);
    expect(folderMenuActions({ kind: 'mailbox', topRights: 'lr' })).toEqual([]);
  });

  it('offers a new folder at a mailbox’s top only where the rights there are known: the own tree, or an Inbox that is the top', () => {
    expect(folderMenuActions({ kind: 'mailbox', topRights: null })).toEqual(['newFolder']);
    expect(folderMenuActions({ kind: 'mailbox', topRights: 'lrswipkxtea' })).toEqual(['newFolder']);
    expect(folderMenuActions({ kind: 'mailbox', topRights: undefined })).toEqual([]);
  });
});
