import { describe, expect, it } from 'vitest';
import type { Account, Folder } from '../../../../../../src/shared/model';
import type { MessageKey } from '../../../../../../src/renderer/db/rows';
import { buildMailTree } from '../../../../../../src/renderer/features/mail/mailTree';
import {
  excludedFor,
  filterOptions,
  folderKey,
  foldText,
  keysFor,
  pickerOptions,
} from '../../../../../../src/renderer/features/mail/folderPicker/pickerOptions';
import { createTranslator } from '../../../../../../src/renderer/i18n/translate';
import { accountA, folder, mailbox, sharedMailbox } from '../../../db/fixtures';

const account = { id: accountA, email: 'alice@example.test', imap: { host: 'imap.example.test' } } as Account;
const own = mailbox(accountA, { address: 'alice@example.test' });
const info = sharedMailbox('info');
const readOnly = sharedMailbox('press', accountA, { rights: 'lr' });
const inMailbox = (path: string, id: string, extra: Partial<Folder> = {}) => folder(path, accountA, { mailboxId: id, ...extra });
const folders: Folder[] = [
  folder('INBOX'),
  folder('Projects'),
  folder('Projects/Café'),
  folder('Trash', accountA, { role: 'trash' }),
  folder('Containers', accountA, { selectable: false }),
  folder('Containers/Inside'),
  folder('Kalender', accountA, { role: 'calendar' }),
  inMailbox('shared/info@example.test', info.id, { selectable: false, rights: 'lrswipkxtea' }),
  inMailbox('shared/info@example.test/INBOX', info.id, { role: 'inbox', rights: 'lrswipkxtea' }),
  inMailbox('shared/info@example.test/Archive', info.id, { role: 'archive', rights: 'lrswipkxtea' }),
  // Everything but `i`: may be read and cleaned up, never dropped into.
  inMailbox('shared/info@example.test/Reports', info.id, { rights: 'lrswkxte' }),
  inMailbox('shared/press@example.test/INBOX', readOnly.id, { role: 'inbox', rights: 'lr' }),
];
const t = createTranslator('en', 'en');
const tree = buildMailTree([account], { mailboxes: [own, info, readOnly], folders, unread: {}, unifiedUnread: 0 }, t, 'en');
const inbox: MessageKey = [accountA, 'INBOX', 7];

const names = (options: { label: string; mailbox: string }[]) => options.map((o) => `${o.mailbox}: ${o.label}`);

describe('pickerOptions', () => {
  it('offers every selectable folder with the insert right, own and shared, in tree order, named by path and mailbox', () => {
    const options = pickerOptions(tree, folders, excludedFor('move', [inbox]));
    expect(names(options)).toEqual([
      'alice@example.test: Trash',
      'alice@example.test: Containers / Inside',
      'alice@example.test: Projects',
      'alice@example.test: Projects / Café',
      'info@example.test: Inbox',
      'info@example.test: Archive',
    ]);
  });

  it('offers the source folder for neither a move nor a copy out of one folder, but lets a mixed selection gather in one of its folders', () => {
    const infoKey: MessageKey = [accountA, 'shared/info@example.test/INBOX', 3];
    expect(names(pickerOptions(tree, folders, excludedFor('copy', [inbox])))).not.toContain('alice@example.test: Inbox');
    const mixed = pickerOptions(tree, folders, excludedFor('move', [inbox, infoKey]));
    expect(names(mixed)).toContain('alice@example.test: Inbox');
    expect(names(mixed)).toContain('info@example.test: Inbox');
    expect(keysFor([inbox, infoKey], { accountId: accountA, folderPath: 'INBOX' })).toEqual([infoKey]);
  });
});

describe('filterOptions', () => {
  const options = pickerOptions(tree, folders, excludedFor('move', [inbox]));

  it('matches every typed word, ignoring case and diacritics, in the path, the mailbox address or the IMAP name', () => {
    expect(names(filterOptions(options, 'cafe', []))).toEqual(['alice@example.test: Projects / Café']);
    expect(names(filterOptions(options, 'PROJ  CAFÉ', []))).toEqual(['alice@example.test: Projects / Café']);
    expect(names(filterOptions(options, 'info inbox', []))).toEqual(['info@example.test: Inbox']);
    expect(names(filterOptions(options, 'archive', []))).toEqual(['info@example.test: Archive']);
    expect(filterOptions(options, 'nothing like it', [])).toEqual([]);
  });

  it('puts recently used folders first, most recent first, and keeps the tree order for the rest', () => {
    const recent = [folderKey(accountA, 'shared/info@example.test/Archive'), folderKey(accountA, 'Projects'), 'gone\u0000folder'];
    expect(names(filterOptions(options, '', recent))).toEqual([
      'info@example.test: Archive',
      'alice@example.test: Projects',
      'alice@example.test: Trash',
      'alice@example.test: Containers / Inside',
      'alice@example.test: Projects / Café',
      'info@example.test: Inbox',
    ]);
    expect(names(filterOptions(options, 'proj', recent))).toEqual(['alice@example.test: Projects', 'alice@example.test: Projects / Café']);
  });

  it('folds text the same way on both sides', () => {
    expect(foldText('Kopiëren ÉÉN Straße')).toBe('kopieren een straße');
  });
});
