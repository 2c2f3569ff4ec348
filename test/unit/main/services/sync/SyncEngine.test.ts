import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName, SyncBatch } from '../../../../../src/shared/api';
import { AppError } from '../../../../../src/shared/errors';
import type { AccountId, SyncStatus } from '../../../../../src/shared/model';
import type { MailboxConfig } from '../../../../../src/main/services/mailboxes/discovery';
import type { ImapSession } from '../../../../../src/main/services/imap/types';
import { SyncEngine } from '../../../../../src/main/services/sync/SyncEngine';
import { openEngine, type EngineHandle } from './engineHandle';
import { defaultTuning, type SyncTuning } from '../../../../../src/main/services/sync/tuning';
import { FakeServer } from './fakeSession';

const mailboxConfig = async (accountId: string): Promise<MailboxConfig> => ({ accountId: accountId as AccountId, email: 'alice@example.test', displayName: 'Alice', manual: [], hidden: [] });
const tuning: SyncTuning = { ...defaultTuning, batchSize: 2, firstBatchSize: 2, ackTimeoutMs: 2_000, pollMs: 60_000, backoffMs: [5, 10] };

class Client {
  readonly batches: SyncBatch[] = [];
  readonly statuses: SyncStatus[] = [];
  autoAck = true;
  engine!: EngineHandle;
  private waiters: (() => void)[] = [];

  sink = <E extends EventName>(event: E, payload: EventMap[E]) => {
    if (event === 'sync.batch') {
      const batch = payload as SyncBatch;
      this.batches.push(batch);
      if (this.autoAck) queueMicrotask(() => this.engine.ack(batch.batchId));
    }
    if (event === 'sync.status') this.statuses.push(payload as SyncStatus);
    for (const w of this.waiters.splice(0)) w();
  };

  async until(check: () => boolean, ms = 2_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out; states: ${this.statuses.map((s) => s.state).join(',')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 20);
      });
    }
  }

  messages(path?: string) {
    return this.batches.filter((b): b is Extract<SyncBatch, { kind: 'messages' }> => b.kind === 'messages' && (!path || b.folderPath === path));
  }
}

function setup(connect?: (server: FakeServer) => Promise<ImapSession>) {
  const server = new FakeServer();
  const client = new Client();
  client.engine = openEngine(client.sink, {
    tuning,
    hostOf: async () => 'imap.example.test',
    mailboxConfig,
    connect: async () => (connect ? connect(server) : server.connect()),
    log: () => undefined,
  });
  return { server, client, engine: client.engine };
}

let engines: EngineHandle[] = [];
afterEach(async () => {
  await Promise.all(engines.map((e) => e.close()));
  engines = [];
});

describe('SyncEngine', () => {
  it('sends the folder list, then the top of INBOX, the small folders, the rest of INBOX, and goes idle watching INBOX', async () => {
    const { server, client, engine } = setup();
    engines.push(engine);
    server.addBox('Archive', 1);
    server.addBox('INBOX', 3);
    server.addBox('Zeta', 0);
    await engine.start('acc', []);
    await client.until(() => client.statuses.at(-1)?.state === 'idle');
    expect(client.batches[0]).toMatchObject({ kind: 'folders' });
    const order = client.messages().map((b) => `${b.folderPath}:${b.upserts.map((m) => m.uid).join(',')}`);
    // INBOX's top comes without a cursor; its full pass sends it again, then the cursor.
    expect(order).toEqual(['INBOX:3,2', 'Archive:1', 'Zeta:', 'INBOX:3,2', 'INBOX:1']);
    expect(client.messages().map((b) => b.cursor !== null)).toEqual([false, true, true, false, true]);
    expect(client.statuses[0]!.state).toBe('connecting');
    expect(client.statuses.some((s) => s.state === 'syncing' && s.folderPath === 'INBOX' && s.total === 3)).toBe(true);
    expect(server.sessions[0]!.watched.at(-1)).toBe('INBOX');
  });

  it('waits for each acknowledgement before sending the next batch', async () => {
    const { server, client, engine } = setup();
    engines.push(engine);
    server.addBox('INBOX', 5);
    client.autoAck = false;
    await engine.start('acc', []);
    await client.until(() => client.batches.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(client.batches).toHaveLength(1);
    engine.ack('not-a-batch');
    await new Promise((r) => setTimeout(r, 20));
    expect(client.batches).toHaveLength(1);
    engine.ack(client.batches[0]!.batchId);
    await client.until(() => client.batches.length === 2);
    expect(client.messages()[0]!.upserts.map((m) => m.uid)).toEqual([5, 4]);
  });

  it('runs an incremental pass when the server reports new mail', async () => {
    const { server, client, engine } = setup();
    engines.push(engine);
    server.addBox('INBOX', 2);
    await engine.start('acc', []);
    await client.until(() => client.statuses.at(-1)?.state === 'idle');
    const before = client.batches.length;
    server.deliver('INBOX');
    await client.until(() => client.batches.length > before && client.statuses.at(-1)?.state === 'idle');
    const last = client.messages('INBOX').at(-1)!;
    expect(last.upserts.map((m) => m.uid)).toEqual([3]);
    expect(last.cursor).toMatchObject({ uidNext: 4, count: 3 });
  });

  it('reconnects after the connection drops and resumes from the acknowledged cursors', async () => {
    const { server, client, engine } = setup();
    engines.push(engine);
    server.addBox('INBOX', 3);
    await engine.start('acc', []);
    await client.until(() => client.statuses.at(-1)?.state === 'idle');
    const firstPassBatches = client.messages().length;
    server.sessions[0]!.drop();
    await client.until(() => client.statuses.some((s) => s.state === 'offline'));
    await client.until(() => server.sessions.length === 2 && client.statuses.at(-1)?.state === 'idle');
    const resumed = client.messages().slice(firstPassBatches);
    // Nothing changed on the server: one cursor confirmation, no messages fetched again.
    expect(resumed).toEqual([expect.objectContaining({ folderPath: 'INBOX', upserts: [], cursor: expect.objectContaining({ uidNext: 4 }) })]);
  });

  it('keeps retrying with backoff while the server cannot be reached', async () => {
    let attempts = 0;
    const { server, client, engine } = setup(async (s) => {
      attempts += 1;
      if (attempts < 3) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      return s.connect();
    });
    engines.push(engine);
    server.addBox('INBOX', 1);
    await engine.start('acc', []);
    await client.until(() => client.statuses.at(-1)?.state === 'idle');
    expect(attempts).toBe(3);
    expect(client.statuses.filter((s) => s.state === 'offline')).toHaveLength(2);
    expect(client.statuses.find((s) => s.state === 'offline')!.error).toMatchObject({ code: 'offline' });
  });

  it.each([
    ['noPassword', new AppError('noPassword', 'Postvak has no password for alice@example.test')],
    ['authFailed', Object.assign(new Error('Authentication failed'), { authenticationFailed: true, response: 'AUTHENTICATIONFAILED Bad password' })],
  ])('stops with an error status on %s, without retrying', async (code, error) => {
    let attempts = 0;
    const { client, engine } = setup(async () => {
      attempts += 1;
      throw error;
    });
    engines.push(engine);
    await engine.start('acc', []);
    await client.until(() => client.statuses.at(-1)?.state === 'error');
    await new Promise((r) => setTimeout(r, 50));
    expect(attempts).toBe(1);
    expect(client.statuses.at(-1)).toMatchObject({ accountId: 'acc', state: 'error', error: { code } });
  });

  it('treats a client that stops acknowledging as gone and stops its syncs', async () => {
    const { server, client, engine } = setup();
    engines.push(engine);
    server.addBox('INBOX', 3);
    client.autoAck = false;
    const quick = openEngine(client.sink, { tuning: { ...tuning, ackTimeoutMs: 50 }, hostOf: async () => 'h', mailboxConfig, connect: async () => server.connect(), log: () => undefined });
    engines.push(quick);
    client.engine = quick;
    await quick.start('acc', []);
    await client.until(() => !quick.isSyncing('acc'));
    expect(server.sessions.every((s) => !s.usable)).toBe(true);
  });

  it('stops cleanly: no more events after sync.stop', async () => {
    const { server, client, engine } = setup();
    engines.push(engine);
    server.addBox('INBOX', 1);
    await engine.start('acc', []);
    await client.until(() => client.statuses.at(-1)?.state === 'idle');
    await engine.stop('acc');
    const count = client.batches.length + client.statuses.length;
    server.deliver('INBOX');
    await new Promise((r) => setTimeout(r, 50));
    expect(client.batches.length + client.statuses.length).toBe(count);
    expect(server.sessions[0]!.usable).toBe(false);
  });

  it('skips a folder that cannot be selected and syncs the rest', async () => {
    const { server, client, engine } = setup(async (s) => {
      const session = s.connect();
      const list = session.listFolders.bind(session);
      session.listFolders = async () => [...(await list()), { path: 'Ghost', name: 'Ghost', delimiter: '/', parentPath: null, flags: [], subscribed: true }];
      return session;
    });
    engines.push(engine);
    server.addBox('INBOX', 1);
    server.addBox('Other', 1);
    await engine.start('acc', []);
    await client.until(() => client.statuses.at(-1)?.state === 'idle');
    expect(client.messages().map((b) => b.folderPath)).toEqual(['INBOX', 'Other']);
  });

  it('reports an unknown account at start', async () => {
    const client = new Client();
    const engine = openEngine(client.sink, {
      tuning,
      mailboxConfig,
      hostOf: async () => {
        throw new AppError('accountNotFound', 'No account with id x');
      },
      connect: async () => {
        throw new Error('not reached');
      },
      log: () => undefined,
    });
    await expect(engine.start('x', [])).rejects.toMatchObject({ code: 'accountNotFound' });
  });
});

describe('SyncEngine: timing marks', () => {
  it('marks when a connection of the account hears that a folder changed', async () => {
    const marks: unknown[] = [];
    const server = new FakeServer();
    const client = new Client();
    client.engine = openEngine(client.sink, { tuning, hostOf: async () => 'h', mailboxConfig, connect: async () => server.connect(), log: () => undefined, trace: (mark) => marks.push(mark) });
    engines.push(client.engine);
    server.addBox('INBOX', 1);
    await client.engine.start('acc', []);
    await client.until(() => client.statuses.at(-1)?.state === 'idle');
    const of = (what: string) => (marks as { what: string; at: number; upserts?: number }[]).filter((mark) => mark.what === what);
    expect(of('serverChange')).toEqual([]);
    const sentBefore = of('batchSent').length;
    const before = Date.now();
    server.deliver('INBOX');
    await client.until(() => of('batchSent').length > sentBefore);
    expect(of('serverChange')).toEqual([{ what: 'serverChange', accountId: 'acc', path: 'INBOX', at: expect.any(Number) }]);
    expect(of('serverChange')[0]!.at).toBeGreaterThanOrEqual(before);
    // Then the batch with the new message is handed to the client, after the change was heard.
    const handed = of('batchSent').at(-1)!;
    expect(handed).toMatchObject({ path: 'INBOX', upserts: 1 });
    expect(handed.at).toBeGreaterThanOrEqual(of('serverChange')[0]!.at);
  });
});

describe('SyncEngine: the folder on screen goes first (sync.focus)', () => {
  it('takes the focused folder before the others, in the first looks and in the full passes', async () => {
    const { server, client, engine } = setup();
    engines.push(engine);
    server.addBox('Archive', 1);
    server.addBox('INBOX', 3);
    server.addBox('Projects', 5);
    engine.focus('acc', 'Projects'); // before the sync starts: remembered for it
    await engine.start('acc', []);
    await client.until(() => client.statuses.at(-1)?.state === 'idle');
    const order = client.messages().map((b) => `${b.folderPath}:${b.upserts.map((m) => m.uid).join(',')}`);
    expect(order).toEqual(['Projects:5,4', 'INBOX:3,2', 'Archive:1', 'Projects:5,4', 'Projects:3,2', 'Projects:1', 'INBOX:3,2', 'INBOX:1']);
  });

  it('follows a change of focus while the first looks are under way', async () => {
    const { server, client, engine } = setup();
    engines.push(engine);
    for (const name of ['A1', 'A2', 'A3', 'A4']) server.addBox(name, 1);
    server.addBox('INBOX', 1);
    client.autoAck = false;
    await engine.start('acc', []);
    await client.until(() => client.batches.length === 1);
    engine.ack(client.batches[0]!.batchId); // the folder list
    await client.until(() => client.messages().length === 1);
    expect(client.messages()[0]!.folderPath).toBe('INBOX');
    engine.focus('acc', 'A4');
    client.autoAck = true;
    engine.ack(client.messages()[0]!.batchId);
    await client.until(() => client.statuses.at(-1)?.state === 'idle');
    expect(client.messages().map((b) => b.folderPath)).toEqual(['INBOX', 'A4', 'A1', 'A2', 'A3']);
  });
});

describe('SyncEngine: one sync per account for every window (issue #10 §9)', () => {
  function twoWindows() {
    const server = new FakeServer();
    const core = new SyncEngine({ tuning, hostOf: async () => 'h', mailboxConfig, connect: async () => server.connect(), log: () => undefined });
    const windows = [new Client(), new Client()];
    const clients = windows.map((w) => core.attach(w.sink));
    windows.forEach((w, i) => (w.engine = { ...clients[i]!, core, isSyncing: (id: string) => core.isSyncing(id) }));
    return { server, core, windows, clients };
  }

  it('a second window of the same cache joins without a new connection; batches go to it, status to both', async () => {
    const { server, core, windows, clients } = twoWindows();
    const [first, second] = windows as [Client, Client];
    try {
      server.addBox('INBOX', 2);
      await clients[0]!.start('acc', []);
      await first.until(() => first.statuses.at(-1)?.state === 'idle');
      const logins = server.sessions.length;
      // The second window reads the same IndexedDB: the cursors the first one acknowledged.
      const cursors = first.messages('INBOX').at(-1)!.cursor!;
      await clients[1]!.start('acc', [cursors]);
      expect(server.sessions.length).toBe(logins);
      expect(second.batches).toEqual([]);
      server.deliver('INBOX');
      await second.until(() => second.messages('INBOX').some((b) => b.upserts.some((m) => m.uid === 3)));
      expect(first.messages('INBOX').some((b) => b.upserts.some((m) => m.uid === 3))).toBe(false);
      await first.until(() => first.statuses.filter((s) => s.state === 'syncing').length > 1 && first.statuses.at(-1)?.state === 'idle');
    } finally {
      await core.close();
    }
  });

  it('when the writing window closes, the other one writes; when the last closes, the connections close', async () => {
    const { server, core, windows, clients } = twoWindows();
    const [first, second] = windows as [Client, Client];
    try {
      server.addBox('INBOX', 1);
      await clients[0]!.start('acc', []);
      await first.until(() => first.statuses.at(-1)?.state === 'idle');
      await clients[1]!.start('acc', [first.messages('INBOX').at(-1)!.cursor!]);
      await clients[1]!.close();
      server.deliver('INBOX');
      await first.until(() => first.messages('INBOX').some((b) => b.upserts.some((m) => m.uid === 2)));
      expect(second.batches).toEqual([]);
      await clients[0]!.close();
      expect(core.isSyncing('acc')).toBe(false);
      expect(server.sessions.every((s) => !s.usable)).toBe(true);
    } finally {
      await core.close();
    }
  });
});
