import { describe, expect, it } from 'vitest';
import type { Account, Folder } from '../../../../../src/shared/model';
import { buildFolderTree, groupByMailbox, visibleNodes, type TreeNode } from '../../../../../src/renderer/features/mail/folderTree';
import { buildMailTree } from '../../../../../src/renderer/features/mail/mailTree';
import { createTranslator } from '../../../../../src/renderer/i18n/translate';
import { accountA, accountB, folder, mailbox, sharedMailbox } from '../../db/fixtures';

const collator = new Intl.Collator('en', { numeric: true });

function labels(nodes: TreeNode[]): unknown[] {
  return nodes.map((n) => (n.children.length ? [n.label, labels(n.children)] : n.label));
}

const ownFolders: Folder[] = [
  folder('Zebra'),
  folder('Trash', undefined, { role: 'trash' }),
  folder('Projects'),
  folder('Projects/Beta'),
  folder('Projects/Alpha'),
  folder('INBOX'),
  folder('INBOX/Sent', undefined, { role: 'sent' }),
  folder('INBOX/Receipts'),
  folder('Drafts', undefined, { role: 'drafts' }),
  folder('archive', undefined, { role: 'archive' }),
  folder('Junk', undefined, { role: 'junk' }),
  folder('shared', undefined, { selectable: false }),
];
const info = sharedMailbox('info', accountA, { rights: 'lr', displayName: 'Info desk', quota: { usedKiB: 46_080, limitKiB: 51_200 } });
const sales = sharedMailbox('sales');
const inMailbox = (path: string, id: string, extra: Partial<Folder> = {}) => folder(path, accountA, { mailboxId: id, ...extra });
const infoFolders: Folder[] = [
  inMailbox('shared/info@example.test', info.id, { selectable: false }),
  inMailbox('shared/info@example.test/INBOX', info.id, { role: 'inbox' }),
  inMailbox('shared/info@example.test/Sent', info.id, { role: 'sent' }),
  inMailbox('shared/info@example.test/Offers', info.id),
];
const salesFolders: Folder[] = [inMailbox('shared/sales@example.test/INBOX', sales.id)];

describe('buildFolderTree', () => {
  it('lists role folders first in a fixed order with localized names, then the rest nested by name', () => {
    const tree = buildFolderTree(ownFolders, (f) => (f.path === 'INBOX' ? 3 : 0), createTranslator('nl', 'nl-NL'), collator);
    expect(labels(tree)).toEqual([
      ['Postvak IN', ['Receipts']],
      'Concepten',
      'Verzonden',
      'Archief',
      'Ongewenst',
      'Prullenbak',
      ['Projects', ['Alpha', 'Beta']],
      'Zebra',
    ]);
    expect(tree[0]).toMatchObject({ path: 'INBOX', unread: 3, selectable: true });
  });

  it("on Cyrus a shared mailbox's Inbox is its top folder user.info: shown as Inbox, its folders beside it (issue #10 §8)", () => {
    const cyrusInfo = { ...info, prefix: 'user.info.' };
    const dot = (path: string, extra: Partial<Folder> = {}) => {
      const cut = path.lastIndexOf('.');
      return inMailbox(path, info.id, { delimiter: '.', name: path.slice(cut + 1), parentPath: path.slice(0, cut), ...extra });
    };
    const rows = [dot('user.info', { role: 'inbox' }), dot('user.info.Sent', { role: 'sent' }), dot('user.info.Projecten'), dot('user.info.Projecten.2024')];
    const tree = buildFolderTree(rows, () => 0, createTranslator('en', 'en-US'), collator, cyrusInfo.prefix);
    expect(labels(tree)).toEqual(['Inbox', 'Sent', ['Projecten', ['2024']]]);
    expect(tree[0]?.path).toBe('user.info');
  });

  it("names a shared mailbox's INBOX Inbox and leaves out its container", () => {
    const tree = buildFolderTree(infoFolders, () => 0, createTranslator('en', 'en-US'), collator, info.prefix);
    expect(labels(tree)).toEqual(['Inbox', 'Sent', 'Offers']);
    expect(tree[0]?.path).toBe('shared/info@example.test/INBOX');
  });

  it('walks only expanded branches for keyboard navigation', () => {
    const tree = buildFolderTree(ownFolders, () => 0, createTranslator('en', 'en-US'), collator);
    const projects = tree.find((n) => n.path === 'Projects')!;
    const collapsedAll = visibleNodes(tree, new Set());
    expect(collapsedAll.map((v) => v.node.label)).toEqual(['Inbox', 'Drafts', 'Sent', 'Archive', 'Junk', 'Trash', 'Projects', 'Zebra']);
    const open = visibleNodes(tree, new Set([projects.key]));
    const alpha = open.find((v) => v.node.label === 'Alpha')!;
    expect(alpha).toMatchObject({ level: 2, parent: projects });
  });
});

const imap = { host: 'mail.example.test', port: 993, security: 'tls' as const };
const alice = { id: accountA, email: 'alice@example.test', displayName: 'Alice', imap } as Account;
const bob = { id: accountB, email: 'bob@example.test', displayName: 'Bob', imap } as Account;

describe('groupByMailbox', () => {
  it('puts own mailboxes first in account order, then shared ones alphabetically, without hidden ones', () => {
    const hidden = sharedMailbox('archive', accountA, { hidden: true });
    const mailboxes = [sales, info, hidden, mailbox(accountA, { address: 'alice@example.test' }), mailbox(accountB, { address: 'bob@example.test' })];
    const groups = groupByMailbox([alice, bob], mailboxes, [...ownFolders, ...infoFolders, ...salesFolders], collator);
    expect(groups.map((g) => g.mailbox.address)).toEqual(['alice@example.test', 'bob@example.test', 'info@example.test', 'sales@example.test']);
    expect(groups[2]?.folders.map((f) => f.path)).toEqual(infoFolders.map((f) => f.path));
    expect(groups.flatMap((g) => g.folders).some((f) => f.mailboxId === hidden.id)).toBe(false);
  });

  it('counts a separate-login shared account as shared, and gives an account without mailbox rows its own', () => {
    const infoLogin = { id: 'acc-info', email: 'info@example.test', kind: 'shared', imap } as Account;
    const groups = groupByMailbox(
      [infoLogin, alice],
      [mailbox('acc-info' as Account['id'], { address: 'info@example.test' })],
      [folder('INBOX')],
      collator,
    );
    expect(groups.map((g) => g.mailbox.address)).toEqual(['alice@example.test', 'info@example.test']);
    expect(groups[0]?.folders.map((f) => f.path)).toEqual(['INBOX']);
  });
});

describe('one mailbox through several accounts (issue #10 §7)', () => {
  const server = { host: 'mail.example.test', port: 993, security: 'tls' as const };
  const three = (['alice', 'bob', 'carol'] as const).map((name) => ({ id: `acc-${name}`, email: `${name}@example.test`, displayName: name, imap: server }) as Account);
  const [a, b, c] = three as [Account, Account, Account];
  const infoOf = (account: Account, extra: Parameters<typeof sharedMailbox>[2] = {}) => sharedMailbox('info', account.id, extra);
  const infoInbox = (account: Account) => folder('shared/info@example.test/INBOX', account.id, { mailboxId: infoOf(account).id, role: 'inbox' });

  it('shows info@ once, through the account main uses it through, and says which', () => {
    const rows = [infoOf(a), infoOf(b, { via: a.id, hidden: true }), infoOf(c, { rights: 'lr', via: a.id, hidden: true })];
    const groups = groupByMailbox(three, rows, [infoInbox(a), infoInbox(b), infoInbox(c)], collator).filter((g) => g.mailbox.kind === 'shared');
    expect(groups.map((g) => [g.mailbox.accountId, g.routes.length, g.folders.map((f) => f.accountId)])).toEqual([[a.id, 3, [a.id]]]);

    const tree = buildMailTree(three, { mailboxes: rows, folders: [infoInbox(a), infoInbox(b), infoInbox(c)], unread: {}, unifiedUnread: 0 }, createTranslator('en', 'en-US'), 'en-US');
    const nodes = tree.filter((n) => n.label === 'info@example.test');
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ accountId: a.id, through: 'through alice@example.test' });
    expect(nodes[0]?.description).toContain('through alice@example.test');
    const nl = buildMailTree(three, { mailboxes: rows, folders: [], unread: {}, unifiedUnread: 0 }, createTranslator('nl', 'nl-NL'), 'nl-NL');
    expect(nl.find((n) => n.label === 'info@example.test')?.through).toBe('via alice@example.test');
  });

  it('rows cached before main chose (none marked): once, and never through carol’s read-only view', () => {
    const rows = [infoOf(c, { rights: 'lr' }), infoOf(b), infoOf(a)];
    const groups = groupByMailbox([c, b, a], rows, [infoInbox(a), infoInbox(b), infoInbox(c)], collator);
    const info = groups.filter((g) => g.mailbox.address === 'info@example.test');
    expect(info.map((g) => [g.mailbox.accountId, g.folders.map((f) => f.accountId)])).toEqual([[b.id, [b.id]]]);
  });

  it('a mailbox one account reaches says nothing about accounts', () => {
    const tree = buildMailTree(three, { mailboxes: [infoOf(a)], folders: [infoInbox(a)], unread: {}, unifiedUnread: 0 }, createTranslator('en', 'en-US'), 'en-US');
    expect(tree.find((n) => n.label === 'info@example.test')?.through).toBeUndefined();
  });
});

describe('buildMailTree', () => {
  it('puts the unified views on top and describes each mailbox by unread, read-only and storage', () => {
    const t = createTranslator('en', 'en-US');
    const tree = buildMailTree(
      [alice],
      {
        mailboxes: [mailbox(accountA, { address: 'alice@example.test' }), info],
        folders: [folder('INBOX'), ...infoFolders],
        unread: { [`${accountA}\u0000shared/info@example.test/INBOX`]: 15, [`${accountA}\u0000INBOX`]: 2 },
        unifiedUnread: 17,
      },
      t,
      'en-US',
    );
    expect(tree.map((n) => n.label)).toEqual(['All inboxes', 'All sent', 'All drafts', 'alice@example.test', 'info@example.test']);
    expect(tree[0]).toMatchObject({ kind: 'unified', unifiedRole: 'inbox', unread: 17 });
    const infoNode = tree[4]!;
    expect(infoNode).toMatchObject({ kind: 'mailbox', unread: 15, detail: 'Info desk' });
    expect(infoNode.description).toBe('Info desk, 15 unread, Read-only, 45 MB of 50 MB used');
    expect(infoNode.children.map((n) => [n.label, n.unread])).toEqual([['Inbox', 15], ['Sent', 0], ['Offers', 0]]);
    // No quota from the server (issue #10 §9: Dovecot keeps a shared mailbox's quota to its owner).
    expect(tree[3]?.description).toBe('2 unread, storage use not shown by your server');

    const nl = buildMailTree([alice], { mailboxes: [info], folders: infoFolders, unread: {}, unifiedUnread: 0 }, createTranslator('nl', 'nl-NL'), 'nl-NL');
    expect(nl.map((n) => n.label).slice(0, 3)).toEqual(['Alle inboxen', 'Alle verzonden', 'Alle concepten']);
    expect(nl[3]?.description).toBe('Info desk, Alleen lezen, 45 MB van 50 MB gebruikt');
  });
});
