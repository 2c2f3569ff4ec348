// A Delete where the mailbox has no Trash (issue #12 §7: nothing lost unasked): main refuses with
// `noTrash` and sends nothing; only a deliberate `permanent` delete removes for good. The real
// stack's Dovecot creates Trash for every mailbox (auto = subscribe), so a stand-in session.
import { describe, expect, it } from 'vitest';
import type { ListedFolder, OpenFolder } from '../../../../src/main/services/imap/types';
import { runTask, type TaskDeps } from '../../../../src/main/services/tasks/runTask';

const listed = (path: string, flags: string[] = []): ListedFolder => ({ path, name: path, delimiter: '/', parentPath: null, flags, subscribed: true });

function setup(folders: ListedFolder[]) {
  const sent: string[] = [];
  const folder = {
    snapshot: { path: 'INBOX', uidValidity: 1, uidNext: 10, highestModseq: '0', exists: 3, readOnly: false, permanentFlags: null },
    deleteUids: async (uids: readonly number[]) => void sent.push(`EXPUNGE ${uids.join(',')}`),
    moveUids: async (uids: readonly number[], to: string) => {
      sent.push(`MOVE ${uids.join(',')} ${to}`);
      return new Map(uids.map((u) => [u, u + 100]));
    },
  } as unknown as OpenFolder;
  const session = {
    caps: { uidplus: true },
    sharedPrefixes: [],
    namespaces: async () => ({ otherUsers: [], shared: [] }),
    listFolders: async () => folders,
    myRights: async () => null,
    inFolder: async <T>(_path: string, fn: (f: OpenFolder) => Promise<T>) => fn(folder),
  };
  const ctx = {
    accounts: { get: async (id: string) => ({ id, email: 'alice@example.test', displayName: 'Alice', username: 'alice', imap: { host: 'imap.example.test', port: 993 } }) },
    ops: { use: async <T>(_id: string, fn: (s: unknown) => Promise<T>) => fn(session) },
    mailboxConfig: async () => ({ accountId: 'a', email: 'alice@example.test', displayName: 'Alice', manual: [], hidden: [] }),
    sync: { nudge: () => undefined, relist: () => undefined, rediscover: () => undefined },
    password: async () => null,
    log: () => undefined,
  } as unknown as TaskDeps;
  return { ctx, sent };
}

describe('delete where the mailbox has no Trash', () => {
  it('refuses an ordinary Delete with noTrash and sends nothing', async () => {
    const { ctx, sent } = setup([listed('INBOX'), listed('Archive', ['\\Archive'])]);
    await expect(runTask(ctx, { type: 'delete', accountId: 'a', folderPath: 'INBOX', uids: [1, 2] })).rejects.toMatchObject({ code: 'noTrash' });
    expect(sent).toEqual([]);
  });

  it('removes for good only when asked (permanent), with no undo', async () => {
    const { ctx, sent } = setup([listed('INBOX')]);
    const outcome = await runTask(ctx, { type: 'delete', accountId: 'a', folderPath: 'INBOX', uids: [1, 2], permanent: true });
    expect(sent).toEqual(['EXPUNGE 1,2']);
    expect(outcome.undo).toBeNull();
  });

  it('moves into the Trash where there is one', async () => {
    const { ctx, sent } = setup([listed('INBOX'), listed('Bin', ['\\Trash'])]);
    const outcome = await runTask(ctx, { type: 'delete', accountId: 'a', folderPath: 'INBOX', uids: [1] });
    expect(sent).toEqual(['MOVE 1 Bin']);
    expect(outcome.undo).toMatchObject({ type: 'move', folderPath: 'Bin', uids: [101] });
  });
});
