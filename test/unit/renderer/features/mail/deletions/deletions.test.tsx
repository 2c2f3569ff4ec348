// @vitest-environment jsdom
/**
 * Issue #12 §7 in the renderer: the line "Deleted by … · from … · time" from main's records,
 * names and folders as bidi isolates; Restore offered only with t+e on Trash and i on the target;
 * the question before removing for good names the shared mailbox.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applySyncBatch } from '../../../../../../src/renderer/db/applySyncBatch';
import { db } from '../../../../../../src/renderer/db/db';
import type { FolderRow } from '../../../../../../src/renderer/db/rows';
import { DeletionNote } from '../../../../../../src/renderer/features/mail/deletions/DeletionNote';
import { forGoodOf } from '../../../../../../src/renderer/features/mail/deletions/deleteMessages';
import { restoreTarget } from '../../../../../../src/renderer/features/mail/deletions/restoreOffer';
import { useStore } from '../../../../../../src/renderer/store';
import { accountA, folder, foldersBatch, mailbox, sharedMailbox } from '../../../db/fixtures';
import { render, settle } from '../../../support/render';

const call = vi.fn();
vi.mock('../../../../../../src/renderer/api', () => ({
  api: { call: (...args: unknown[]) => call(...args), on: () => () => undefined },
  platform: { host: 'browser', saveFile: async () => undefined, onReconnect: () => () => undefined },
}));

const info = sharedMailbox('info', accountA, { rights: 'lrswipkxtea' });
const TRASH = 'shared/info@example.test/Trash';
const INBOX = 'shared/info@example.test/INBOX';
/** A right-to-left override in a name: without isolation it would reverse what follows. */
const HOSTILE = 'Mallory \u202Eevil';

beforeAll(async () => {
  await applySyncBatch(
    db,
    foldersBatch(
      [folder('INBOX'), folder(INBOX, accountA, { mailboxId: info.id, rights: 'lrswipkxtea', role: 'inbox' }), folder(TRASH, accountA, { mailboxId: info.id, rights: 'lrswipkxtea', role: 'trash' })],
      accountA,
      [mailbox(), info],
    ),
  );
  useStore.setState({ language: 'en' });
  call.mockImplementation(async (method: string) =>
    method === 'deletions.list'
      ? { ok: true, value: [{ uids: '5:6', by: { name: HOSTILE, address: 'mallory@example.test' }, at: Date.UTC(2026, 11, 7, 9, 2), fromPath: INBOX }] }
      : { ok: true, value: undefined },
  );
});
afterAll(async () => {
  await db.delete();
});

describe('the deletion line', () => {
  it('says who deleted it from which folder, the name and folder isolated', async () => {
    const view = await render(<DeletionNote accountId={accountA} folderPath={TRASH} uid={6} fallback={<span>snippet</span>} />);
    // Until the folder's row is read the line names the path's last segment; then the tree's name.
    for (let i = 0; i < 40 && !view.container.querySelector('[data-testid="deletion-note"]')?.textContent?.includes('Inbox'); i++) await settle();
    const note = view.container.querySelector('[data-testid="deletion-note"]');
    expect(note?.textContent).toMatch(/^Deleted by Mallory \u202Eevil.? · from Inbox · /);
    const isolates = [...note!.querySelectorAll('bdi')].map((b) => b.textContent ?? '');
    // The override sits in its own isolate (a <bdi> ends it, UAX #9), so it cannot reverse " · from Inbox".
    expect(isolates[0]).toBe(HOSTILE);
    expect([...note!.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('')).toContain(' · from ');
    expect(isolates[1]).toBe('Inbox');
    expect(call).toHaveBeenCalledWith('deletions.list', { accountId: accountA, folderPath: TRASH });
    view.unmount();
  });

  it('shows the fallback for a message the records do not cover', async () => {
    const view = await render(<DeletionNote accountId={accountA} folderPath={TRASH} uid={9} fallback={<span>snippet</span>} />);
    await settle();
    expect(view.container.textContent).toBe('snippet');
    view.unmount();
  });
});

describe('Restore and removing for good', () => {
  const row = (path: string, extra: Partial<FolderRow>): FolderRow => ({ ...folder(path, accountA, extra), selectable: true }) as FolderRow;
  const inbox = row(INBOX, { mailboxId: info.id, role: 'inbox', rights: 'lrswipkxtea' });
  const offertes = row('shared/info@example.test/Offertes', { mailboxId: info.id, rights: 'lrswipkxtea' });

  it('offers Restore to the recorded folder, else the Inbox, only with t+e on Trash and i there', () => {
    const trash = { role: 'trash' as const, rights: 'lrswipkxtea', mailboxId: info.id };
    expect(restoreTarget(trash, offertes.path, [inbox, offertes], 'shared/info@example.test/')?.path).toBe(offertes.path);
    expect(restoreTarget(trash, 'shared/info@example.test/Gone', [inbox, offertes], 'shared/info@example.test/')?.path).toBe(INBOX);
    // carol: lr on everything.
    expect(restoreTarget({ ...trash, rights: 'lr' }, INBOX, [inbox], 'shared/info@example.test/')).toBeNull();
    expect(restoreTarget(trash, INBOX, [{ ...inbox, rights: 'lrte' }], 'shared/info@example.test/')).toBeNull();
    expect(restoreTarget({ ...trash, role: 'inbox' }, INBOX, [inbox], 'shared/info@example.test/')).toBeNull();
  });

  it('asks before removing for good from a Trash or when asked for, naming the shared mailboxes', () => {
    const sharedTrash = { folder: { role: 'trash' as const }, shared: 'info@example.test' };
    const ownInbox = { folder: { role: 'inbox' as const }, shared: null };
    expect(forGoodOf([sharedTrash, ownInbox], false)).toEqual({ forGood: true, shared: ['info@example.test'] });
    expect(forGoodOf([ownInbox], false)).toEqual({ forGood: false, shared: [] });
    expect(forGoodOf([ownInbox], true)).toEqual({ forGood: true, shared: [] });
    expect(forGoodOf([{ folder: { role: 'junk' as const }, shared: 'info@example.test' }], false).forGood).toBe(false);
  });
});
