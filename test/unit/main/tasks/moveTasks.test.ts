// runRoleMove / runTransfer against a stand-in session: which commands a task sends, in what
// order, and what it refuses before sending anything. The real server: test/integration/tasks.
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../../src/shared/api';
import type { ListedFolder, OpenFolder } from '../../../../src/main/services/imap/types';
import { runTask, type TaskDeps } from '../../../../src/main/services/tasks/runTask';
import { ImapExtError } from '../../../../src/main/services/imap/ext/imapValues';

const listed = (path: string, flags: string[] = []): ListedFolder => ({ path, name: path.split('/').at(-1)!, delimiter: '/', parentPath: null, flags, subscribed: true });

function setup(options: { permanentFlags: string[] | null; rights?: Record<string, string>; moveError?: Error }) {
  const sent: string[] = [];
  const folder = {
    snapshot: { path: 'INBOX', uidValidity: 1, uidNext: 10, highestModseq: '0', exists: 3, readOnly: false, permanentFlags: options.permanentFlags },
    fetchFlags: async () => ({ changes: [{ uid: 1, flags: [], modseq: '1' }], vanished: [] }),
    store: async (uids: readonly number[], add: readonly string[], remove: readonly string[]) => void sent.push(`STORE ${uids.join(',')} +${add.join(' ')} -${remove.join(' ')}`),
    moveUids: async (uids: readonly number[], to: string) => {
      sent.push(`MOVE ${uids.join(',')} ${to}`);
      if (options.moveError) throw options.moveError;
      return new Map(uids.map((u) => [u, u + 100]));
    },
  } as unknown as OpenFolder;
  const session = {
    caps: { uidplus: true },
    sharedPrefixes: [],
    namespaces: async () => ({ otherUsers: [], shared: [] }),
    listFolders: async () => [listed('INBOX'), listed('Junk', ['\\Junk']), listed('Archive', ['\\Archive'])],
    myRights: async (path: string) => options.rights?.[path] ?? null,
    inFolder: async <T>(_path: string, fn: (f: OpenFolder) => Promise<T>) => fn(folder),
  };
  const nudged: string[] = [];
  const ctx = {
    accounts: { get: async (id: string) => ({ id, username: 'alice', imap: { host: 'imap.example.test', port: 993 } }) },
    ops: { use: async <T>(_id: string, fn: (s: unknown) => Promise<T>) => fn(session) },
    mailboxConfig: async () => ({ accountId: 'a', email: 'alice@example.test', displayName: 'Alice', manual: [], hidden: [] }),
    sync: { nudge: (_id: string, path: string) => void nudged.push(path), relist: () => undefined, rediscover: () => undefined },
    password: async () => null,
    log: () => undefined,
  } as unknown as TaskDeps;
  return { ctx, sent, nudged };
}

const junk: Task = { type: 'junk', accountId: 'a', folderPath: 'INBOX', uids: [1] };

describe('junk', () => {
  it('stores $Junk before the move where the folder keeps keywords, and answers the undo with the new UIDs', async () => {
    const { ctx, sent, nudged } = setup({ permanentFlags: ['\\Seen', '\\Deleted', '\\*'] });
    const outcome = await runTask(ctx, junk);
    expect(sent).toEqual(['STORE 1 +$Junk -$NotJunk', 'MOVE 1 Junk']);
    expect(outcome).toEqual({
      undo: { type: 'move', accountId: 'a', folderPath: 'Junk', uids: [101], to: { accountId: 'a', folderPath: 'INBOX' }, keywords: { add: [], remove: ['$Junk'] } },
      destination: { accountId: 'a', folderPath: 'Junk', uids: [101] },
      count: 1,
    });
    expect(nudged.sort()).toEqual(['INBOX', 'Junk']);
  });

  it('still moves, without the keywords, where PERMANENTFLAGS allow none (RFC 9051 §7.1)', async () => {
    const { ctx, sent } = setup({ permanentFlags: ['\\Seen', '\\Deleted'] });
    const outcome = await runTask(ctx, junk);
    expect(sent).toEqual(['MOVE 1 Junk']);
    expect(outcome.undo).not.toHaveProperty('keywords');
  });

  it('leaves out the keywords the rights do not allow (w, RFC 4314 §4)', async () => {
    const { ctx, sent } = setup({ permanentFlags: null, rights: { INBOX: 'lrste', Junk: 'lri' } });
    await runTask(ctx, junk);
    expect(sent).toEqual(['MOVE 1 Junk']);
  });
});

describe('move', () => {
  it('refuses before sending anything when the target lacks i', async () => {
    const { ctx, sent } = setup({ permanentFlags: null, rights: { INBOX: 'lrste', Archive: 'lr' } });
    await expect(runTask(ctx, { type: 'move', accountId: 'a', folderPath: 'INBOX', uids: [1, 2], to: { accountId: 'a', folderPath: 'Archive' } })).rejects.toMatchObject({
      code: 'notPermitted',
      message: 'You may not put messages into Archive of alice@example.test',
    });
    expect(sent).toEqual([]);
  });

  it('archives into the mailbox’s \\Archive folder with one move', async () => {
    const { ctx, sent } = setup({ permanentFlags: null });
    const outcome = await runTask(ctx, { type: 'archive', accountId: 'a', folderPath: 'INBOX', uids: [1, 2, 3] });
    expect(sent).toEqual(['MOVE 1,2,3 Archive']);
    expect(outcome.undo).toMatchObject({ type: 'move', folderPath: 'Archive', uids: [101, 102, 103] });
  });

  it("answers folderGone when the server says [TRYCREATE] (the target was deleted meanwhile), and puts Junk's keywords back", async () => {
    const gone = new ImapExtError('refused', 'Moving messages to Junk: the server said [TRYCREATE] Mailbox does not exist', 'TRYCREATE');
    const { ctx, sent } = setup({ permanentFlags: ['\\*'], moveError: gone });
    await expect(runTask(ctx, junk)).rejects.toMatchObject({ code: 'folderGone', details: { folderPath: 'Junk' } });
    expect(sent).toEqual(['STORE 1 +$Junk -$NotJunk', 'MOVE 1 Junk', 'STORE 1 + -$Junk']);
  });
});
