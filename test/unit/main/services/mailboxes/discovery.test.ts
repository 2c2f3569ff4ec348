import { describe, expect, it } from 'vitest';
import type { AccountId, Mailbox } from '../../../../../src/shared/model';
import { addressFor, displayNameFor, mailboxOf, mailboxSkeletons, sharedOwners, type MailboxConfig } from '../../../../../src/main/services/mailboxes/discovery';
import { assignFolders } from '../../../../../src/main/services/mailboxes/assign';
import { buildFolders } from '../../../../../src/main/services/sync/folderList';
import { storageOf } from '../../../../../src/main/services/imap/sessionFacts';
import { deletePlan, deleteRefusal, flagsRefusedByRights } from '../../../../../src/main/services/tasks/taskRights';

const acc = 'acc' as AccountId;
const ns = [{ prefix: 'shared/', delimiter: '/' }];
const config = (over: Partial<MailboxConfig> = {}): MailboxConfig => ({ accountId: acc, email: 'alice@example.test', displayName: 'Alice', manual: [], hidden: [], ...over });
const listed = (paths: string[]) =>
  paths.map((path) => ({ path, name: path.split('/').at(-1)!, delimiter: '/', parentPath: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null, flags: path === 'shared' || path === 'shared/info@example.test' ? ['\\Noselect'] : [], subscribed: false }));

describe('discovery (NAMESPACE + LIST → mailboxes)', () => {
  const paths = ['INBOX', 'Trash', 'shared', 'shared/info@example.test', 'shared/info@example.test/INBOX', 'shared/info@example.test/INBOX', 'shared/info@example.test/INBOX/Projects', 'shared/info@example.test/Trash', 'shared/sales@example.test/INBOX'];

  it('finds one mailbox per owner, in LIST order, ignoring the namespace root and duplicates', () => {
    expect(sharedOwners(ns, paths)).toEqual([
      { prefix: 'shared/info@example.test/', owner: 'info@example.test' },
      { prefix: 'shared/sales@example.test/', owner: 'sales@example.test' },
    ]);
  });

  it('names mailboxes by address and capitalised local part; owners without a domain get the account’s', () => {
    expect(displayNameFor('info@example.test')).toBe('Info');
    expect(addressFor('Sales', 'alice@example.test')).toBe('sales@example.test');
    expect(addressFor('Info@Example.test', 'alice@x.test')).toBe('info@example.test');
  });

  it('builds own, discovered and manual mailboxes; own cannot be hidden; a manual duplicate of a discovered prefix is dropped', () => {
    const boxes = mailboxSkeletons(
      config({ hidden: ['acc:own', 'acc:shared:sales@example.test'], manual: [{ prefix: 'Public/team/', address: 'team@example.test', displayName: '' }, { prefix: 'shared/info@example.test/', address: 'info@example.test', displayName: 'Dup' }] }),
      sharedOwners(ns, paths),
    );
    expect(boxes.map((b) => [b.id, b.kind, b.source, b.displayName, b.hidden])).toEqual([
      ['acc:own', 'own', 'account', 'Alice', false],
      ['acc:shared:info@example.test', 'shared', 'discovered', 'Info', false],
      ['acc:shared:sales@example.test', 'shared', 'discovered', 'Sales', true],
      ['acc:manual:Public/team/', 'shared', 'manual', 'Team', false],
    ]);
  });

  it('an account that is itself a shared mailbox (its own login) shows as shared', () => {
    expect(mailboxSkeletons(config({ kind: 'shared', email: 'info@example.test', displayName: '' }), [])[0]).toMatchObject({ kind: 'shared', source: 'account', displayName: 'Info', prefix: '' });
  });

  it('assigns folders by longest prefix, children of a shared INBOX included; drops the namespace root and hidden mailboxes', () => {
    const boxes: Mailbox[] = mailboxSkeletons(config({ hidden: ['acc:shared:sales@example.test'] }), sharedOwners(ns, paths)).map((b) => (b.source === 'discovered' ? { ...b, rights: 'lr' } : b));
    const rows = buildFolders(acc, listed(paths), ['shared/']);
    const folders = assignFolders(rows, boxes, ns, new Map([['shared/info@example.test/Trash', 'lrte']]));
    const by = Object.fromEntries(folders.map((f) => [f.path, [f.mailboxId, f.rights, f.role]]));
    expect(by).toEqual({
      INBOX: ['acc:own', null, 'inbox'],
      Trash: ['acc:own', null, 'trash'],
      'shared/info@example.test': ['acc:shared:info@example.test', 'lr', null],
      'shared/info@example.test/INBOX': ['acc:shared:info@example.test', 'lr', 'inbox'],
      'shared/info@example.test/INBOX/Projects': ['acc:shared:info@example.test', 'lr', null],
      'shared/info@example.test/Trash': ['acc:shared:info@example.test', 'lrte', 'trash'],
    });
    expect(mailboxOf('shared/info@example.test/INBOX/Projects', boxes)?.id).toBe('acc:shared:info@example.test');
    expect(mailboxOf('Public/team/INBOX', [...boxes, { prefix: 'Public/team/', id: 'm' } as Mailbox])?.id).toBe('m');
  });
});

describe('quota mapping (RFC 9208 STORAGE, KiB)', () => {
  it('takes STORAGE and ignores other resources; no STORAGE or no quota is null', () => {
    expect(storageOf({ root: 'User quota', resources: [{ name: 'MESSAGE', usage: 3, limit: 10 }, { name: 'STORAGE', usage: 120, limit: 1024 }] })).toEqual({ usedKiB: 120, limitKiB: 1024 });
    expect(storageOf({ root: 'r', resources: [{ name: 'MESSAGE', usage: 3, limit: 10 }] })).toBeNull();
    expect(storageOf(null)).toBeNull();
  });
});

describe('rights for tasks (RFC 4314 §4)', () => {
  it('setFlags: \\Seen needs s, \\Deleted needs t, anything else w; no ACL allows all', () => {
    expect(flagsRefusedByRights('lr', ['\\Seen', '\\Flagged', '\\Deleted', '$Label1'])).toEqual(['\\Seen', '\\Flagged', '\\Deleted', '$Label1']);
    expect(flagsRefusedByRights('lrs', ['\\Seen', '\\Flagged'])).toEqual(['\\Flagged']);
    expect(flagsRefusedByRights('lrwt', ['\\seen', '\\Deleted', '\\Flagged'])).toEqual(['\\seen']);
    expect(flagsRefusedByRights(null, ['\\Seen'])).toEqual([]);
  });

  it('delete goes to the mailbox’s Trash, or expunges in Trash and where there is none', () => {
    expect(deletePlan('shared/info@example.test/INBOX', 'shared/info@example.test/Trash')).toEqual({ mode: 'trash', trashPath: 'shared/info@example.test/Trash' });
    expect(deletePlan('shared/info@example.test/Trash', 'shared/info@example.test/Trash')).toEqual({ mode: 'expunge' });
    expect(deletePlan('INBOX', null)).toEqual({ mode: 'noTrash' });
    expect(deletePlan('INBOX', null, true)).toEqual({ mode: 'expunge' });
    expect(deletePlan('INBOX', 'Trash', true)).toEqual({ mode: 'expunge' });
  });

  it('delete needs t and e on the source and i on Trash', () => {
    const trash = { mode: 'trash', trashPath: 'T' } as const;
    expect(deleteRefusal(trash, 'lr', 'lrtei')).toBe('delete messages');
    expect(deleteRefusal(trash, 'lrt', 'lrtei')).toBe('delete messages');
    expect(deleteRefusal(trash, 'lrte', 'lr')).toBe('put messages into the Trash');
    expect(deleteRefusal(trash, 'lrte', 'lri')).toBeNull();
    expect(deleteRefusal({ mode: 'expunge' }, 'lrte', null)).toBeNull();
    expect(deleteRefusal({ mode: 'expunge' }, null, null)).toBeNull();
  });
});
