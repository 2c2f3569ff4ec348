// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { db } from '../../../../../src/renderer/db/db';
import { FolderTree } from '../../../../../src/renderer/features/mail/FolderTree';
import { useStore } from '../../../../../src/renderer/store';
import type { Account } from '../../../../../src/shared/model';
import { accountA, folder, foldersBatch, message, messagesBatch } from '../../db/fixtures';
import { render, settle, type Rendered } from '../../support/render';

const account = { id: accountA, email: 'alice@example.test', imap: { host: 'imap.example.test' } } as Account;
let view: Rendered;

beforeAll(async () => {
  await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Projects'), folder('Projects/Alpha'), folder('Trash', accountA, { role: 'trash' })]));
  await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1), message(2), message(3, { flags: ['\\Seen'] })] }));
  useStore.setState({ language: 'en', accounts: [account], selectedAccountId: accountA, selectedFolderPath: 'INBOX' });
  view = await render(<FolderTree />);
  for (let i = 0; i < 20 && view.container.querySelectorAll('[role=treeitem]').length < 4; i++) await settle();
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

describe('FolderTree', () => {
  it('is a tree named Folders whose items are named by folder and unread count', () => {
    expect(view.container.querySelector('[role=tree]')?.getAttribute('aria-label')).toBe('Folders');
    expect(names()).toEqual(['Inbox, 2 unread', 'Trash', 'Projects', 'Alpha']);
    expect(items()[0]?.getAttribute('aria-selected')).toBe('true');
    expect(items().filter((item) => item.tabIndex === 0)).toHaveLength(1);
  });

  it('moves with the arrow keys, closes and opens branches, and opens a folder with Enter', async () => {
    items()[0]?.focus();
    await press('ArrowDown');
    await press('ArrowDown');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Projects');
    expect(document.activeElement?.getAttribute('aria-expanded')).toBe('true');
    await press('ArrowLeft');
    expect(names()).toEqual(['Inbox, 2 unread', 'Trash', 'Projects']);
    await press('ArrowRight');
    await press('ArrowRight');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Alpha');
    await press('Enter');
    expect(useStore.getState().selectedFolderPath).toBe('Projects/Alpha');
    await press('ArrowLeft');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Projects');
  });

  it('follows the cache live: new unread mail updates the name', async () => {
    await act(async () => {
      await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(4)] }));
    });
    for (let i = 0; i < 20 && names()[0] !== 'Inbox, 3 unread'; i++) await settle();
    expect(names()[0]).toBe('Inbox, 3 unread');
  });
});
