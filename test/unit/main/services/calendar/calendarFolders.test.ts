/**
 * calendar.ensure on Cyrus (issue #10 §8), with a session that answers the way Cyrus 3.6 did in
 * test/mailstack: top-level CREATE refused to a user (it would be a public folder), and every
 * /vendor/… annotation refused ("NO Permission denied"). The calendar is made where own folders
 * live and works by its name: nothing is reported as wrong.
 */
import { describe, expect, it } from 'vitest';
import type { AccountId } from '../../../../../src/shared/model';
import { ensureCalendar } from '../../../../../src/main/services/calendar/calendarFolders';
import { ImapExtError } from '../../../../../src/main/services/imap/ext/imapValues';
import type { CalendarStore, ImapSession, ListedFolder } from '../../../../../src/main/services/imap/types';

function cyrusSession(paths: string[]) {
  const folders = new Set(paths);
  const created: string[] = [];
  const annotated: string[] = [];
  const listed = (): ListedFolder[] =>
    [...folders].map((path) => {
      const cut = path.lastIndexOf('.');
      return { path, name: path.slice(cut + 1), delimiter: '.', parentPath: cut < 0 ? null : path.slice(0, cut), flags: [], subscribed: true } as ListedFolder;
    });
  const session = {
    sharedPrefixes: ['user.'],
    namespaces: async () => ({ otherUsers: [{ prefix: 'user.', delimiter: '.', kind: 'otherUsers' }], shared: [{ prefix: '', delimiter: '.', kind: 'shared' }] }),
    kolabFolderTypes: async () => new Map<string, string>(),
    listFolders: async () => listed(),
    myRights: async (path: string) => (path.startsWith('user.') ? 'lrswipkxtecda' : null),
    createFolder: async (path: string) => {
      if (!path.startsWith('INBOX.') && !path.startsWith('user.')) throw new ImapExtError('refused', `Creating ${path}: the server said Permission denied`);
      folders.add(path);
      created.push(path);
    },
    setAnnotations: async (path: string) => {
      annotated.push(path);
      throw new ImapExtError('refused', `Saving folder annotations of ${path}: the server said Permission denied`);
    },
  } as unknown as ImapSession & CalendarStore;
  return { session, created, annotated };
}

const config = { accountId: 'acc' as AccountId, email: 'alice@example.test', displayName: 'Alice', manual: [], hidden: [] };

describe('ensureCalendar on Cyrus', () => {
  it('makes the own calendar under INBOX. when a top-level CREATE is refused, and a refused annotation is no failure', async () => {
    const { session, created, annotated } = cyrusSession(['INBOX', 'INBOX.Sent', 'user.info', 'user.info.Sent']);
    await expect(ensureCalendar(session, config, 'acc:own')).resolves.toEqual({ folderPath: 'INBOX.Calendar', created: true });
    expect(created).toEqual(['INBOX.Calendar']);
    expect(annotated).toEqual(['INBOX.Calendar']);
  });

  it("makes info@'s calendar below its Inbox user.info, and finds it again by its name", async () => {
    const { session, created } = cyrusSession(['INBOX', 'user.info', 'user.info.Sent']);
    await expect(ensureCalendar(session, config, 'acc:shared:info@example.test')).resolves.toEqual({ folderPath: 'user.info.Calendar', created: true });
    await expect(ensureCalendar(session, config, 'acc:shared:info@example.test')).resolves.toEqual({ folderPath: 'user.info.Calendar', created: false });
    expect(created).toEqual(['user.info.Calendar']);
  });
});
