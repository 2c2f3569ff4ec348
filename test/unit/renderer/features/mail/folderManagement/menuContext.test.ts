import { describe, expect, it } from 'vitest';
import type { Account, Folder } from '../../../../../../src/shared/model';
import { buildMailTree } from '../../../../../../src/renderer/features/mail/mailTree';
import type { TreeNode } from '../../../../../../src/renderer/features/mail/folderTree';
import { dialogFor, menuContext } from '../../../../../../src/renderer/features/mail/folderManagement/menuContext';
import { folderMenuActions } from '../../../../../../src/renderer/features/mail/folderManagement/folderMenuActions';
import { createTranslator } from '../../../../../../src/renderer/i18n/translate';
import { accountA, folder, mailbox, sharedMailbox } from '../../../db/fixtures';

const account = { id: accountA, email: 'alice@example.test', kind: 'personal', imap: { host: 'imap.example.test' } } as unknown as Account;
const own = mailbox(accountA, { address: 'alice@example.test' });
const info = sharedMailbox('info');
const full = 'lrswipkxtea';
const inInfo = (path: string, extra: Partial<Folder> = {}) => folder(`shared/info@example.test${path}`, accountA, { mailboxId: info.id, rights: full, ...extra });
const folders: Folder[] = [
  folder('INBOX'),
  folder('Projects'),
  folder('Projects/Alpha'),
  inInfo('', { selectable: false }),
  inInfo('/INBOX', { role: 'inbox' }),
  inInfo('/Offers'),
];
const data = { accounts: [account], mailboxes: [own, info], folders };
const tree = buildMailTree([account], { ...data, unread: {}, unifiedUnread: 0 }, createTranslator('en', 'en'), 'en');

function find(label: string, nodes: readonly TreeNode[] = tree): TreeNode {
  for (const node of nodes) {
    if (node.label === label) return node;
    const inside = node.children.length ? find(label, node.children) : undefined;
    if (inside) return inside;
  }
  return undefined as unknown as TreeNode;
}

describe('menuContext', () => {
  it('creates at the top of the own tree, but not beside a shared mailbox’s Inbox (Dovecot refuses that CREATE)', () => {
    const ownTop = menuContext(find('alice@example.test'), data);
    expect(ownTop && folderMenuActions(ownTop.target)).toEqual(['newFolder']);
    expect(ownTop && dialogFor('newFolder', ownTop)).toMatchObject({ kind: 'create', parentPath: null, siblings: ['INBOX', 'Projects'] });
    const infoTop = menuContext(find('info@example.test'), data);
    expect(infoTop && folderMenuActions(infoTop.target)).toEqual([]);
  });

  it('names a shared folder’s mailbox, says it is shared, and knows its subfolders and where to go when it is deleted', () => {
    const offers = menuContext(find('Offers'), data);
    expect(offers && dialogFor('delete', offers)).toEqual({
      kind: 'delete',
      accountId: accountA,
      folderPath: 'shared/info@example.test/Offers',
      label: 'Offers',
      mailbox: 'info@example.test',
      shared: true,
      hasChildren: false,
      delimiter: '/',
      fallbackPath: 'shared/info@example.test/INBOX',
    });
    const projects = menuContext(find('Projects'), data);
    expect(projects && dialogFor('delete', projects)).toMatchObject({ shared: false, hasChildren: true, fallbackPath: 'INBOX' });
    const alpha = menuContext(find('Alpha'), data);
    expect(alpha && dialogFor('rename', alpha)).toEqual({
      kind: 'rename',
      accountId: accountA,
      folderPath: 'Projects/Alpha',
      name: 'Alpha',
      label: 'Alpha',
      delimiter: '/',
      siblings: ['Alpha'],
    });
    expect(alpha && dialogFor('delete', alpha)).toMatchObject({ fallbackPath: 'Projects' });
  });

  it('has no menu for the unified views', () => {
    expect(menuContext(find('All inboxes'), data)).toBeNull();
  });
});
