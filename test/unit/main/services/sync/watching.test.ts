import { describe, expect, it } from 'vitest';
import type { AccountId, Folder, FolderCursor, Mailbox } from '../../../../../src/shared/model';
import { poolWatchList } from '../../../../../src/main/services/sync/watching';
import { sameCursors } from '../../../../../src/main/services/sync/cursorSets';

const acc = 'acc' as AccountId;
const mailbox = (id: string, prefix: string, hidden = false): Mailbox => ({
  id,
  accountId: acc,
  kind: prefix ? 'shared' : 'own',
  source: prefix ? 'discovered' : 'account',
  address: id,
  displayName: id,
  prefix,
  rights: null,
  hidden,
  quota: null,
  offlineDays: 0,
});
const folder = (path: string, mailboxId: string, role: Folder['role']): Folder => ({
  accountId: acc,
  mailboxId,
  rights: null,
  path,
  name: path.split('/').at(-1)!,
  delimiter: '/',
  parentPath: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null,
  role,
  selectable: true,
  subscribed: true,
});

describe('poolWatchList (issue #10 §9)', () => {
  const mailboxes = [mailbox('own', ''), mailbox('info', 'shared/info/'), mailbox('sales', 'shared/sales/'), mailbox('gone', 'shared/gone/', true)];
  const folders = [
    folder('INBOX', 'own', 'inbox'),
    folder('Calendar', 'own', 'calendar'),
    folder('shared/info/Calendar', 'info', 'calendar'),
    folder('shared/info/INBOX', 'info', 'inbox'),
    folder('shared/sales/INBOX', 'sales', 'inbox'),
    folder('shared/gone/INBOX', 'gone', 'inbox'),
    folder('Archive', 'own', 'archive'),
  ];

  it('watches shared Inboxes before calendars; the own INBOX IDLEs on the sync connection; hidden mailboxes not at all', () => {
    expect(poolWatchList(folders, mailboxes, true)).toEqual(['shared/info/INBOX', 'shared/sales/INBOX', 'Calendar', 'shared/info/Calendar']);
  });

  it('watches nothing without IDLE (RFC 2177): everything is polled', () => {
    expect(poolWatchList(folders, mailboxes, false)).toEqual([]);
  });
});

describe('sameCursors', () => {
  const c = (path: string, uidNext: number): FolderCursor => ({ path, uidValidity: 1, uidNext, highestModseq: '7', count: 3 });
  it('is true for the same cursors in any order, false when one differs, is missing or is extra', () => {
    expect(sameCursors([c('INBOX', 4), c('Sent', 2)], [c('Sent', 2), c('INBOX', 4)])).toBe(true);
    expect(sameCursors([c('INBOX', 4)], [c('INBOX', 5)])).toBe(false);
    expect(sameCursors([c('INBOX', 4), c('Sent', 2)], [c('INBOX', 4)])).toBe(false);
    expect(sameCursors([], [c('INBOX', 4)])).toBe(false);
    expect(sameCursors([], [])).toBe(true);
  });
});
