import { describe, expect, it } from 'vitest';
import type { AccountId, Folder, Mailbox } from '../../../../../src/shared/model';
import { headStartInboxes, replayHeadStart } from '../../../../../src/main/services/sync/headStart';
import type { MessagesBody, Warm } from '../../../../../src/main/services/sync/WarmStarts';

const acc = 'acc' as AccountId;

function mailbox(id: string, prefix: string, extra: Partial<Mailbox> = {}): Mailbox {
  const own = prefix === '';
  return { id, accountId: acc, kind: own ? 'own' : 'shared', source: own ? 'account' : 'discovered', address: id, displayName: id, prefix, rights: own ? null : 'lrs', hidden: false, ...extra } as Mailbox;
}

function folder(path: string, mailboxId: string, role: Folder['role'] = null): Folder {
  return { accountId: acc, path, name: path, delimiter: '/', parentPath: null, role, selectable: true, subscribed: true, mailboxId, rights: null } as Folder;
}

const mailboxes = [
  mailbox('acc:shared:info@example.test', 'shared/info@example.test/'),
  mailbox('acc:own', ''),
  mailbox('acc:shared:sales@example.test', 'shared/sales@example.test/', { hidden: true }),
  mailbox('acc:shared:extra@example.test', 'shared/extra@example.test/', { hidden: true, via: 'other' as AccountId } as Partial<Mailbox>),
];
const folders = [
  folder('INBOX', 'acc:own', 'inbox'),
  folder('Archive', 'acc:own', 'archive'),
  folder('shared/info@example.test/INBOX', 'acc:shared:info@example.test', 'inbox'),
  folder('shared/info@example.test/Sent', 'acc:shared:info@example.test', 'sent'),
];

describe('head start (issue #11 §4)', () => {
  it('looks into the own INBOX first, then the Inbox of each visible shared mailbox, never a hidden one', () => {
    expect(headStartInboxes({ folders, mailboxes })).toEqual(['INBOX', 'shared/info@example.test/INBOX']);
  });

  it('without an own INBOX (a shared-only login) the shared Inboxes still get theirs', () => {
    expect(headStartInboxes({ folders: folders.filter((f) => f.path !== 'INBOX'), mailboxes })).toEqual(['shared/info@example.test/INBOX']);
  });

  it('replays each Inbox the cache has never completed, in order, and skips those it holds or no longer lists', async () => {
    const body = (path: string): MessagesBody => ({ kind: 'messages', accountId: acc, folderPath: path, reset: false, upserts: [], flagUpdates: [], removedUids: [], cursor: null, progress: { done: 0, total: 0 } });
    const preview = (path: string) => ({ path, bodies: [body(path)], complete: false });
    const head = {
      previews: [preview('INBOX'), preview('shared/info@example.test/INBOX'), preview('shared/gone@example.test/INBOX')],
    } as unknown as Warm;
    const sent: string[] = [];
    const cached = new Set(['INBOX']);
    const previewed = await replayHeadStart(head, folders, (path) => cached.has(path), async (path) => void sent.push(path));
    expect(sent).toEqual(['shared/info@example.test/INBOX']);
    expect([...previewed]).toEqual(['shared/info@example.test/INBOX']);
  });
});
