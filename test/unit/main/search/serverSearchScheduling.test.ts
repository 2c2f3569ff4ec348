/**
 * Issue #13 §4, the scheduling of ServerSearch alone (a fake session: what the server answers is
 * tested against Dovecot and Cyrus in test/integration/search): events in order and `done` last,
 * refused folders never searched, a cancel or a new search stopping before the next folder, an
 * account without a login failing its folders at once.
 */
import { describe, expect, it } from 'vitest';
import { ServerSearch } from '../../../../src/main/services/search/ServerSearch';
import { AppError } from '../../../../src/shared/errors';
import type { ServerSearchEvent, ServerSearchFolder } from '../../../../src/shared/search/serverSearch';
import type { ImapSession, OpenFolder } from '../../../../src/main/services/imap/types';
import type { SearchHits } from '../../../../src/main/services/imap/searchOps';
import type { AccountId } from '../../../../src/shared/model';

interface FakeServer {
  searched: string[];
  /** Holds the search of a path until released. */
  gates: Map<string, Promise<void>>;
  hits: Record<string, number[]>;
  logins: number;
  /** Called when a search starts or a session closes, so a test can wait on it. */
  notify(): void;
  /** Sessions closed so far. */
  closed: number;
}

function fakeSession(server: FakeServer): ImapSession {
  /** A closed connection fails the command in flight (imapflow rejects it). */
  let failInFlight: ((error: Error) => void) | null = null;
  const folders = ['INBOX', 'Sent', 'Archive', 'shared/info@example.test/INBOX'];
  const session = {
    caps: { imap4rev1: true, imap4rev2: false, idle: true, condstore: false, qresync: false, uidplus: true, all: [] },
    sharedPrefixes: ['shared/'],
    usable: true,
    listFolders: async () => folders.map((path) => ({ path, name: path, delimiter: '/', parentPath: null, flags: [], subscribed: true })),
    namespaces: async () => ({ otherUsers: [{ prefix: 'shared/', delimiter: '/' }], shared: [] }),
    onClose: () => () => undefined,
    close: async () => {
      server.closed += 1;
      failInFlight?.(Object.assign(new Error('Connection closed'), { code: 'NoConnection' }));
      server.notify();
    },
    async searchFolder<T>(path: string, _criteria: unknown, limit: number, fn: (hits: SearchHits, folder: OpenFolder) => Promise<T>): Promise<T> {
      server.searched.push(path);
      server.notify();
      await new Promise<void>((resolve, reject) => {
        failInFlight = reject;
        void (server.gates.get(path) ?? Promise.resolve()).then(resolve);
      });
      failInFlight = null;
      const uids = (server.hits[path] ?? []).slice(0, limit);
      const open = {
        snapshot: { path, uidValidity: 7, uidNext: 100, highestModseq: '0', exists: 10, readOnly: true, permanentFlags: null },
        fetchSummaries: async (wanted: readonly number[]) =>
          wanted.map((uid) => ({ uid, flags: [], modseq: '0', envelope: null, bodyStructure: null, internalDate: uid * 1000, size: 100 })),
      } as unknown as OpenFolder;
      return fn({ uids, total: uids.length, esearch: true }, open);
    },
  };
  return session as unknown as ImapSession;
}

function setup(connectFails?: Error, abortAfterMs?: number) {
  const waiters: (() => void)[] = [];
  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };
  const server: FakeServer = { searched: [], gates: new Map(), hits: { INBOX: [9, 5], Sent: [4], Archive: [3] }, logins: 0, notify: wake, closed: 0 };
  const search = new ServerSearch({
    connect: async () => {
      server.logins += 1;
      if (connectFails) throw connectFails;
      return fakeSession(server);
    },
    mailboxConfig: async (accountId) => ({ accountId: accountId as AccountId, email: 'alice@example.test', displayName: 'Alice', manual: [], hidden: [] }),
    criteria: () => ({ body: 'factuur' }),
    describe: async (_accountId, error) => (error instanceof AppError ? { code: error.code, message: error.message } : { code: 'internal', message: String(error) }),
    log: () => undefined,
    ...(abortAfterMs !== undefined ? { abortAfterMs } : {}),
  });
  const events: ServerSearchEvent[] = [];
  const client = search.attach((event) => {
    events.push(event);
    wake();
  });
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { server, search, client, events, until };
}

const folder = (folderPath: string, accountId = 'a', cached: ServerSearchFolder['cached'] = null): ServerSearchFolder => ({ accountId, folderPath, cached });
const query = { clauses: [[{ term: { kind: 'text' as const, field: 'body' as const, value: 'factuur', phrase: false }, negated: false }]] };

describe('ServerSearch scheduling', () => {
  it('answers folder by folder in the order asked, refuses unlisted folders without searching them, and ends with done', async () => {
    const { server, client, events, until } = setup();
    client.start({ searchId: 's1', query, folders: [folder('Sent'), folder('shared/sales@example.test/INBOX'), folder('INBOX', 'a', { uidValidity: 7, uidNext: 6 })] });
    await until(() => events.some((e) => e.kind === 'done'));
    expect(events.map((e) => `${e.kind}${'folderPath' in e ? ` ${e.folderPath}` : ''}`)).toEqual(['folder Sent', 'folderFailed shared/sales@example.test/INBOX', 'folder INBOX', 'done']);
    expect(server.searched).toEqual(['Sent', 'INBOX']);
    expect(events[1]).toMatchObject({ code: 'notPermitted' });
    // INBOX: the cache has UIDs below 6 under the same UIDVALIDITY, so only 9 needs its summary.
    expect(events[2]).toMatchObject({ uids: [9, 5], truncated: false, uidValidity: 7 });
    expect((events[2] as Extract<ServerSearchEvent, { kind: 'folder' }>).summaries.map((s) => s.uid)).toEqual([9]);
    expect(events[3]).toEqual({ searchId: 's1', kind: 'done', cancelled: false });
  });

  it('a cancel stops before the next folder; the folder in flight sends nothing, done says cancelled', async () => {
    const { server, client, events, until } = setup();
    let release!: () => void;
    server.gates.set('INBOX', new Promise<void>((resolve) => (release = resolve)));
    client.start({ searchId: 's1', query, folders: [folder('INBOX'), folder('Sent'), folder('Archive')] });
    await until(() => server.searched.includes('INBOX'));
    client.cancel('s1');
    expect(events).toEqual([{ searchId: 's1', kind: 'done', cancelled: true }]);
    release();
    // The window searches again at once; the cancelled search's other folders are never searched.
    client.start({ searchId: 's2', query, folders: [folder('Archive')] });
    await until(() => events.some((e) => e.kind === 'done' && e.searchId === 's2'));
    expect(server.searched).toEqual(['INBOX', 'Archive']);
    expect(events.filter((e) => e.searchId === 's1')).toEqual([{ searchId: 's1', kind: 'done', cancelled: true }]);
  });

  it('a new search from the same window cancels the previous one', async () => {
    const { server, client, events, until } = setup();
    let release!: () => void;
    server.gates.set('INBOX', new Promise<void>((resolve) => (release = resolve)));
    client.start({ searchId: 's1', query, folders: [folder('INBOX'), folder('Sent')] });
    await until(() => server.searched.includes('INBOX'));
    client.start({ searchId: 's2', query, folders: [folder('Archive')] });
    release();
    await until(() => events.some((e) => e.kind === 'done' && e.searchId === 's2'));
    expect(events.map((e) => `${e.searchId} ${e.kind}`)).toEqual(['s1 done', 's2 folder', 's2 done']);
    expect(server.searched).not.toContain('Sent');
  });

  it('closes the session of a stopped search whose command still runs, and the next search logs in afresh', async () => {
    const { server, client, events, until } = setup(undefined, 0);
    server.gates.set('INBOX', new Promise<void>(() => undefined));
    client.start({ searchId: 's1', query, folders: [folder('INBOX'), folder('Sent')] });
    await until(() => server.searched.includes('INBOX'));
    client.start({ searchId: 's2', query, folders: [folder('Archive')] });
    await until(() => events.some((e) => e.kind === 'done' && e.searchId === 's2'));
    expect(server.closed).toBe(1);
    expect(server.logins).toBe(2);
    expect(events.map((e) => `${e.searchId} ${e.kind}`)).toEqual(['s1 done', 's2 folder', 's2 done']);
    expect(server.searched).toEqual(['INBOX', 'Archive']);
  });

  it('keeps the session when the stopped search’s command ends first', async () => {
    const { server, client, events, until } = setup(undefined, 0);
    let release!: () => void;
    server.gates.set('INBOX', new Promise<void>((resolve) => (release = resolve)));
    client.start({ searchId: 's1', query, folders: [folder('INBOX'), folder('Sent')] });
    await until(() => server.searched.includes('INBOX'));
    client.cancel('s1');
    release();
    client.start({ searchId: 's2', query, folders: [folder('Archive')] });
    await until(() => events.some((e) => e.kind === 'done' && e.searchId === 's2'));
    expect(server.closed).toBe(0);
    expect(server.logins).toBe(1);
  });

  it('another account without a login fails all its folders at once; the first account goes on', async () => {
    const { client, events, until } = setup(new AppError('offline', 'imap.example.test cannot be reached'));
    client.start({ searchId: 's1', query, folders: [folder('INBOX', 'b'), folder('Sent', 'b')] });
    await until(() => events.some((e) => e.kind === 'done'));
    expect(events.map((e) => `${e.kind} ${'code' in e ? e.code : ''}`.trim())).toEqual(['folderFailed offline', 'folderFailed offline', 'done']);
  });

  it('a closed window gets nothing more', async () => {
    const { server, client, events, until } = setup();
    let release!: () => void;
    server.gates.set('INBOX', new Promise<void>((resolve) => (release = resolve)));
    client.start({ searchId: 's1', query, folders: [folder('INBOX'), folder('Sent')] });
    await until(() => server.searched.includes('INBOX'));
    client.close();
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([]);
    expect(server.searched).toEqual(['INBOX']);
  });
});
