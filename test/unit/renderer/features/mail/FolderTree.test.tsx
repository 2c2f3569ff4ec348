// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { db } from '../../../../../src/renderer/db/db';
import { FolderTree } from '../../../../../src/renderer/features/mail/FolderTree';
import { useStore } from '../../../../../src/renderer/store';
import type { Account } from '../../../../../src/shared/model';
import { accountA, folder, foldersBatch, mailbox, message, messagesBatch, sharedMailbox } from '../../db/fixtures';
import { render, settle, type Rendered } from '../../support/render';

const account = { id: accountA, email: 'alice@example.test', imap: { host: 'imap.example.test' } } as Account;
let view: Rendered;

const info = sharedMailbox('info', accountA, { rights: 'lr', displayName: 'Info desk', quota: { usedKiB: 12_595, limitKiB: 51_200 } });
const infoInbox = 'shared/info@example.test/INBOX';

const folders = [
  folder('INBOX'),
  folder('Projects'),
  folder('Projects/Alpha'),
  folder('Trash', accountA, { role: 'trash' }),
  folder(infoInbox, accountA, { mailboxId: info.id, rights: 'lr', role: 'inbox' }),
];
const mailboxes = [info, mailbox(accountA, { address: 'alice@example.test' }), sharedMailbox('hidden', accountA, { hidden: true })];

beforeAll(async () => {
  await applySyncBatch(db, foldersBatch(folders, accountA, mailboxes));
  await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1), message(2), message(3, { flags: ['\\Seen'] })] }));
  await applySyncBatch(db, messagesBatch(infoInbox, { upserts: [message(7, { folderPath: infoInbox })] }));
  useStore.setState({ language: 'en', accounts: [account], selectedAccountId: accountA, selectedFolderPath: 'INBOX', selectedUnified: null });
  view = await render(<FolderTree />);
  for (let i = 0; i < 20 && view.container.querySelectorAll('[role=treeitem]').length < 10; i++) await settle();
});
afterAll(async () => {
  view.unmount();
  await db.delete();
});

const items = () => [...view.container.querySelectorAll<HTMLElement>('[role=treeitem]')];
const names = () => items().map((item) => item.getAttribute('aria-label'));

async function press(key: string): Promise<void> {
  await act(async () => {
    (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  await settle();
}

const item = (name: string) => items().find((element) => element.getAttribute('aria-label') === name);
const description = (element: HTMLElement | undefined) =>
  document.getElementById(element?.getAttribute('aria-describedby') ?? '')?.textContent;

describe('FolderTree', () => {
  it('shows the unified views, then each mailbox named by its address with its folders under it', () => {
    expect(view.container.querySelector('[role=tree]')?.getAttribute('aria-label')).toBe('Folders');
    expect(names()).toEqual([
      'All inboxes, 3 unread',
      'All sent',
      'All drafts',
      'Outbox',
      'alice@example.test',
      'Inbox, 2 unread',
      'Trash',
      'Projects',
      'Alpha',
      'info@example.test',
      'Inbox, 1 unread',
    ]);
    expect(item('Inbox, 2 unread')?.getAttribute('aria-selected')).toBe('true');
    expect(items().filter((element) => element.tabIndex === 0)).toHaveLength(1);
    const infoNode = item('info@example.test');
    expect(description(infoNode)).toBe('Info desk, 1 unread, Read-only, 12.3 MB of 50 MB used');
    // The shared Inbox sits inside its mailbox's node, so its name is unambiguous in context.
    expect(infoNode?.querySelector('[role=treeitem]')?.getAttribute('aria-label')).toBe('Inbox, 1 unread');
  });

  it('moves with the arrow keys, closes and opens branches, and opens a folder or unified view with Enter', async () => {
    item('Inbox, 2 unread')?.focus();
    await press('ArrowDown');
    await press('ArrowDown');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Projects');
    expect(document.activeElement?.getAttribute('aria-expanded')).toBe('true');
    await press('ArrowLeft');
    expect(names()).not.toContain('Alpha');
    await press('ArrowRight');
    await press('ArrowRight');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Alpha');
    await press('Enter');
    expect(useStore.getState().selectedFolderPath).toBe('Projects/Alpha');
    await press('ArrowLeft');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Projects');
    await press('Home');
    await press('Enter');
    expect(useStore.getState()).toMatchObject({ selectedUnified: 'inbox', selectedFolderPath: null });
    expect(item('All inboxes, 3 unread')?.getAttribute('aria-selected')).toBe('true');
  });

  it('follows the cache live: new unread mail updates the folder, mailbox and unified counts', async () => {
    await act(async () => {
      await applySyncBatch(db, messagesBatch(infoInbox, { upserts: [message(8, { folderPath: infoInbox })] }));
    });
    for (let i = 0; i < 20 && names()[0] !== 'All inboxes, 4 unread'; i++) await settle();
    expect(names()[0]).toBe('All inboxes, 4 unread');
    expect(names().slice(-2)).toEqual(['info@example.test', 'Inbox, 2 unread']);
    expect(description(item('info@example.test'))).toContain('2 unread');
  });

  it('counts per folder: a folder that appears gets its count, the others keep theirs, reading one changes only its own', async () => {
    await act(async () => {
      await applySyncBatch(db, foldersBatch([...folders, folder('Zeta')], accountA, mailboxes));
      await applySyncBatch(db, messagesBatch('Zeta', { upserts: [message(20, { folderPath: 'Zeta' }), message(21, { folderPath: 'Zeta' })] }));
    });
    for (let i = 0; i < 20 && !names().includes('Zeta, 2 unread'); i++) await settle();
    expect(names()).toEqual(expect.arrayContaining(['Inbox, 2 unread', 'Zeta, 2 unread', 'All inboxes, 4 unread']));
    await act(async () => {
      await applySyncBatch(db, messagesBatch('Zeta', { flagUpdates: [{ uid: 20, flags: ['\\Seen'], modseq: '99999' }] }));
    });
    for (let i = 0; i < 20 && !names().includes('Zeta, 1 unread'); i++) await settle();
    expect(names()).toEqual(expect.arrayContaining(['Inbox, 2 unread', 'Zeta, 1 unread', 'All inboxes, 4 unread']));
  });
});
