/**
 * Issue #10 §8: every standard layout of shared mailboxes and public folders, from the answers
 * the servers really give (NAMESPACE + LIST as seen on Cyrus 3.6 and Dovecot 2.3 in
 * test/mailstack): a shared mailbox's Inbox, its folders' roles, public folders without an
 * address, and calendars found by name.
 */
import { describe, expect, it } from 'vitest';
import type { AccountId, Folder, Mailbox } from '../../../../../src/shared/model';
import { parseNamespaceResponse } from '../../../../../src/main/services/imap/ext/namespace';
import { assignFolders, inboxOf, withMailboxInboxes } from '../../../../../src/main/services/mailboxes/assign';
import { mailboxSkeletons, sharedOwners, type MailboxConfig } from '../../../../../src/main/services/mailboxes/discovery';
import { watchedInboxes } from '../../../../../src/main/services/mailboxes/discover';
import { buildFolders } from '../../../../../src/main/services/sync/folderList';
import { typeFolderRows } from '../../../../../src/main/services/calendar/folderTypes';
import { buildIdentities } from '../../../../../src/shared/compose/identities';
import type { ImapAttribute } from '../../../../../src/main/services/imap/ext/imapValues';

const acc = 'acc' as AccountId;
const config: MailboxConfig = { accountId: acc, email: 'alice@example.test', displayName: 'Alice', manual: [], hidden: [] };
const str = (value: string) => ({ type: 'STRING', value }) as unknown as ImapAttribute;

/** LIST lines as [path, flags]; parent paths by the delimiter, the way imapflow reports them. */
function listed(delimiter: string, lines: [string, string[]?][]) {
  return lines.map(([path, flags = []]) => {
    const cut = path.lastIndexOf(delimiter);
    return { path, name: cut < 0 ? path : path.slice(cut + 1), delimiter, parentPath: cut < 0 ? null : path.slice(0, cut), flags, subscribed: false };
  });
}

/** What discovery makes of one layout, without rights (all MYRIGHTS `lr`). */
function discover(nsAnswer: ImapAttribute[], delimiter: string, lines: [string, string[]?][]) {
  const ns = parseNamespaceResponse(nsAnswer);
  const namespaces = [...ns.otherUsers, ...ns.shared];
  const sharedPrefixes = namespaces.map((n) => n.prefix).filter((p) => p !== '');
  const typed = typeFolderRows(buildFolders(acc, listed(delimiter, lines), sharedPrefixes), null, sharedPrefixes);
  const mailboxes: Mailbox[] = mailboxSkeletons(config, sharedOwners(namespaces, typed.map((r) => r.path)));
  const rows = withMailboxInboxes(typed, mailboxes);
  const folders = assignFolders(rows, mailboxes, namespaces, new Map());
  const by = (path: string): Pick<Folder, 'mailboxId' | 'role'> | undefined => {
    const f = folders.find((x) => x.path === path);
    return f && { mailboxId: f.mailboxId, role: f.role };
  };
  return { mailboxes, folders, by };
}

describe('Cyrus, Debian default: "." separator, no altnamespace', () => {
  // * NAMESPACE (("INBOX." ".")) (("user." ".")) (("" "."))  — and alice's LIST "" "*"
  const cyrus = () =>
    discover([[[str('INBOX.'), str('.')]], [[str('user.'), str('.')]], [[str(''), str('.')]]], '.', [
      ['INBOX', ['\\HasChildren']],
      ['INBOX.Sent', ['\\Sent']],
      ['INBOX.Trash', ['\\Trash']],
      ['user.info', ['\\HasChildren']],
      ['user.info.Calendar'],
      ['user.info.Drafts'],
      ['user.info.Projecten'],
      ['user.info.Sent'],
      ['user.info.Trash'],
      ['shared.team'],
    ]);

  it("a shared mailbox's Inbox is its own top folder user.info, its folders keep their roles", () => {
    const { mailboxes, folders, by } = cyrus();
    const info = mailboxes.find((m) => m.address === 'info@example.test')!;
    expect(info).toMatchObject({ id: 'acc:shared:info@example.test', prefix: 'user.info.', source: 'discovered' });
    expect(by('user.info')).toEqual({ mailboxId: info.id, role: 'inbox' });
    expect(by('user.info.Sent')).toEqual({ mailboxId: info.id, role: 'sent' });
    expect(by('user.info.Trash')).toEqual({ mailboxId: info.id, role: 'trash' });
    expect(by('user.info.Projecten')).toEqual({ mailboxId: info.id, role: null });
    expect(by('user.info.Calendar')).toEqual({ mailboxId: info.id, role: 'calendar' });
    expect(by('INBOX')).toEqual({ mailboxId: 'acc:own', role: 'inbox' });
    expect(by('INBOX.Sent')).toEqual({ mailboxId: 'acc:own', role: 'sent' });
    // IDLE watches both Inboxes (issue #3 push), the unified Inbox shows both.
    expect(watchedInboxes(folders, mailboxes)).toEqual(['INBOX', 'user.info']);
    expect(inboxOf(folders, mailboxes, info.id)).toBe('user.info');
  });

  it('public folders (shared.team) are shared folders without an address, and not in the From picker', () => {
    const { mailboxes, by } = cyrus();
    const team = mailboxes.find((m) => m.public)!;
    expect(team).toMatchObject({ id: 'acc:public:shared.', kind: 'shared', address: 'shared', prefix: 'shared.' });
    expect(team.address).not.toContain('@');
    expect(by('shared.team')).toEqual({ mailboxId: team.id, role: null });
    expect(mailboxes.filter((m) => m.address.includes('@')).map((m) => m.address)).toEqual(['alice@example.test', 'info@example.test']);
    const identities = buildIdentities({ id: acc, email: 'alice@example.test', displayName: 'Alice' }, mailboxes, []);
    expect(identities.map((i) => i.address)).toEqual(['alice@example.test', 'info@example.test']);
  });
});

describe('Cyrus with altnamespace and "/" (unixhierarchysep)', () => {
  // * NAMESPACE (("" "/")) (("Other Users/" "/")) (("Shared Folders/" "/"))
  const alt = () =>
    discover([[[str(''), str('/')]], [[str('Other Users/'), str('/')]], [[str('Shared Folders/'), str('/')]]], '/', [
      ['INBOX'],
      ['Sent', ['\\Sent']],
      ['Other Users', ['\\Noselect', '\\HasChildren']],
      ['Other Users/info', ['\\HasChildren']],
      ['Other Users/info/Sent'],
      ['Other Users/info/Calendar'],
      ['Shared Folders', ['\\Noselect', '\\HasChildren']],
      ['Shared Folders/team'],
    ]);

  it("Other Users/info is info@'s Inbox; the namespace roots belong to nobody", () => {
    const { mailboxes, by } = alt();
    const info = mailboxes.find((m) => m.address === 'info@example.test')!;
    expect(by('Other Users/info')).toEqual({ mailboxId: info.id, role: 'inbox' });
    expect(by('Other Users/info/Sent')).toEqual({ mailboxId: info.id, role: 'sent' });
    expect(by('Other Users/info/Calendar')).toEqual({ mailboxId: info.id, role: 'calendar' });
    expect(by('Other Users')).toBeUndefined();
    expect(by('Shared Folders')).toBeUndefined();
  });

  it('Shared Folders/team is a public folder named team, whose top folder is no Inbox', () => {
    const { mailboxes, by } = alt();
    const team = mailboxes.find((m) => m.prefix === 'Shared Folders/team/')!;
    expect(team).toMatchObject({ public: true, address: 'team', displayName: 'Team', id: 'acc:public:Shared Folders/team/' });
    expect(by('Shared Folders/team')).toEqual({ mailboxId: team.id, role: null });
  });
});

describe('Dovecot (shared/<owner>/INBOX) is unchanged', () => {
  it('the explicit INBOX stays the Inbox and the \\Noselect container stays a container', () => {
    const { mailboxes, by } = discover([[[str(''), str('/')]], [[str('shared/'), str('/')]], null], '/', [
      ['INBOX'],
      ['shared', ['\\Noselect']],
      ['shared/info@example.test', ['\\Noselect']],
      ['shared/info@example.test/INBOX'],
      ['shared/info@example.test/Sent'],
    ]);
    const info = mailboxes.find((m) => m.address === 'info@example.test')!;
    expect(by('shared/info@example.test/INBOX')).toEqual({ mailboxId: info.id, role: 'inbox' });
    expect(by('shared/info@example.test')).toEqual({ mailboxId: info.id, role: null });
    expect(mailboxes.some((m) => m.public)).toBe(false);
  });

  it("a selectable owner folder with its own INBOX below it is not a second Inbox", () => {
    const rows = withMailboxInboxes(
      buildFolders(acc, listed('/', [['shared/info@example.test'], ['shared/info@example.test/INBOX']]), ['shared/']),
      [{ id: 'i', prefix: 'shared/info@example.test/', source: 'discovered' }],
    );
    expect(rows.filter((r) => r.role === 'inbox').map((r) => r.path)).toEqual(['shared/info@example.test/INBOX']);
  });
});
