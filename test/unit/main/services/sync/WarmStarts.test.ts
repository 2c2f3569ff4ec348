import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName, SyncBatch } from '../../../../../src/shared/api';
import type { AccountId, FolderCursor, SyncStatus } from '../../../../../src/shared/model';
import type { MailboxConfig } from '../../../../../src/main/services/mailboxes/discovery';
import type { ImapSession } from '../../../../../src/main/services/imap/types';
import { openEngine, type EngineHandle } from './engineHandle';
import { WarmStarts } from '../../../../../src/main/services/sync/WarmStarts';
import { defaultTuning, type SyncTuning } from '../../../../../src/main/services/sync/tuning';
import { FakeServer } from './fakeSession';

const mailboxConfig = async (accountId: string): Promise<MailboxConfig> => ({ accountId: accountId as AccountId, email: 'alice@example.test', displayName: 'Alice', manual: [], hidden: [] });
const baseTuning: SyncTuning = { ...defaultTuning, batchSize: 2, firstBatchSize: 2, ackTimeoutMs: 2_000, pollMs: 60_000, backoffMs: [5, 10] };

type MessagesBatch = Extract<SyncBatch, { kind: 'messages' }>;

function setup(options: { connect?: (server: FakeServer) => Promise<ImapSession>; maxAgeMs?: number; discover?: boolean; firstBatchSize?: number } = {}) {
  const tuning = { ...baseTuning, ...(options.firstBatchSize ? { firstBatchSize: options.firstBatchSize, batchSize: options.firstBatchSize } : {}) };
  const server = new FakeServer();
  const batches: SyncBatch[] = [];
  const statuses: SyncStatus[] = [];
  const logins: string[] = [];
  const connect = async (accountId: string) => {
    logins.push(accountId);
    return options.connect ? options.connect(server) : server.connect();
  };
  const warm = new WarmStarts({ connect, tuning, maxAgeMs: options.maxAgeMs ?? 60_000, log: () => undefined, ...(options.discover ? { mailboxConfig } : {}) });
  const sink = <E extends EventName>(event: E, payload: EventMap[E]) => {
    if (event === 'sync.batch') {
      batches.push(payload as SyncBatch);
      queueMicrotask(() => engine.ack((payload as SyncBatch).batchId));
    }
    if (event === 'sync.status') statuses.push(payload as SyncStatus);
  };
  const engine: EngineHandle = openEngine(sink, { tuning, hostOf: async () => 'imap.example.test', mailboxConfig, connect, log: () => undefined, takeWarm: (id) => warm.take(id) });
  const messages = () => batches.filter((b): b is MessagesBatch => b.kind === 'messages');
  const order = () => messages().map((b) => `${b.folderPath}:${b.upserts.map((m) => m.uid).join(',')}${b.cursor ? '+cursor' : ''}`);
  const until = async (check: () => boolean, ms = 2_000) => {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out; states: ${statuses.map((s) => s.state).join(',')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const idle = () => until(() => statuses.at(-1)?.state === 'idle');
  return { server, warm, engine, batches, statuses, logins, messages, order, until, idle };
}

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.map((c) => c()));
  cleanups = [];
});
function track(t: ReturnType<typeof setup>) {
  cleanups.push(() => t.engine.close(), () => t.warm.close());
  return t;
}

describe('WarmStarts: the head start of a first sync', () => {
  it('hands its login and the INBOX top to the first sync: same batches as without it, one login', async () => {
    const t = track(setup());
    t.server.addBox('Archive', 1);
    t.server.addBox('INBOX', 3);
    t.warm.begin('acc');
    await t.engine.start('acc', []);
    await t.idle();
    expect(t.batches[0]).toMatchObject({ kind: 'folders' });
    // The same order the engine sends without a head start (SyncEngine.test.ts), the first batch replayed.
    expect(t.order()).toEqual(['INBOX:3,2', 'Archive:1+cursor', 'INBOX:3,2', 'INBOX:1+cursor']);
    expect(t.logins).toEqual(['acc']);
    expect(t.server.sessions).toHaveLength(1);
    // INBOX's top was fetched once, by the head start: the sync went on to Archive and INBOX's full pass.
    expect(t.server.sessions[0]!.selected).toEqual(['INBOX', 'Archive', 'INBOX']);
  });

  it('replays a small INBOX complete, then checks it again: mail delivered since the head start arrives', async () => {
    const t = track(setup());
    t.server.addBox('INBOX', 2);
    t.warm.begin('acc');
    // The fake hands the folder's messages over at SELECT: once selected, the head start has them.
    await t.until(() => t.server.sessions[0]?.selected.length === 1);
    t.server.deliver('INBOX'); // after the head start fetched INBOX, before the window starts the sync
    await t.engine.start('acc', []);
    await t.idle();
    expect(t.order()).toEqual(['INBOX:2,1+cursor', 'INBOX:3+cursor']);
    expect(t.messages().at(-1)!.cursor).toMatchObject({ uidNext: 4, count: 3 });
  });

  it('drops the INBOX batches when the cache already holds the INBOX, but still uses the login', async () => {
    const t = track(setup());
    const box = t.server.addBox('INBOX', 3);
    t.warm.begin('acc');
    const cursor: FolderCursor = { path: 'INBOX', uidValidity: box.uidValidity, uidNext: box.uidNext, highestModseq: String(box.modseq), count: 3 };
    await t.engine.start('acc', [cursor]);
    await t.idle();
    expect(t.order()).toEqual(['INBOX:+cursor']);
    expect(t.logins).toEqual(['acc']);
  });

  it('is used once: a second start of the account logs in itself', async () => {
    const t = track(setup());
    t.server.addBox('INBOX', 1);
    t.warm.begin('acc');
    await t.engine.start('acc', []);
    await t.idle();
    await t.engine.start('acc', []);
    await t.until(() => t.logins.length === 2 && t.statuses.at(-1)?.state === 'idle');
    expect(t.logins).toEqual(['acc', 'acc']);
  });

  it('a head start that fails while the sync waits is its first attempt: the error is reported, not tried twice', async () => {
    let attempts = 0;
    const t = track(
      setup({
        connect: async () => {
          attempts += 1;
          await new Promise((r) => setTimeout(r, 20));
          throw Object.assign(new Error('Authentication failed'), { authenticationFailed: true, response: 'AUTHENTICATIONFAILED Bad password' });
        },
      }),
    );
    t.warm.begin('acc');
    await t.engine.start('acc', []);
    await t.until(() => t.statuses.at(-1)?.state === 'error');
    expect(t.statuses.at(-1)).toMatchObject({ state: 'error', error: { code: 'authFailed' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(attempts).toBe(1);
  });

  it('an unreachable server met by the head start: offline at once, then the usual retries', async () => {
    let attempts = 0;
    const t = track(
      setup({
        connect: async (server) => {
          attempts += 1;
          await new Promise((r) => setTimeout(r, 20));
          if (attempts < 3) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
          return server.connect();
        },
      }),
    );
    t.server.addBox('INBOX', 1);
    t.warm.begin('acc');
    await t.engine.start('acc', []);
    await t.idle();
    expect(attempts).toBe(3);
    expect(t.statuses.filter((s) => s.state === 'offline')).toHaveLength(2);
  });

  it('a head start that failed before the sync started is forgotten: the sync connects itself', async () => {
    let attempts = 0;
    const t = track(
      setup({
        connect: async (server) => {
          attempts += 1;
          if (attempts === 1) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
          return server.connect();
        },
      }),
    );
    t.server.addBox('INBOX', 1);
    t.warm.begin('acc');
    // The first connect has failed (it throws at once); a macrotask later its rejection is handled.
    await t.until(() => attempts === 1);
    await new Promise((r) => setImmediate(r));
    await t.engine.start('acc', []);
    await t.idle();
    expect(attempts).toBe(2);
    expect(t.statuses.some((s) => s.state === 'offline')).toBe(false);
  });

  it('looks into the shared Inboxes too, on the same login, and the sync replays them after the own INBOX (issue #11 §4)', async () => {
    const t = track(setup({ discover: true }));
    t.server.otherUsers = [{ prefix: 'shared/', delimiter: '/' }];
    t.server.addBox('INBOX', 3);
    t.server.addBox('shared/info@example.test/INBOX', 3);
    t.warm.begin('acc');
    await t.until(() => t.server.sessions[0]?.selected.length === 2);
    t.server.deliver('shared/info@example.test/INBOX'); // after the head start's look
    // Both Inboxes on the head start's one login: no connection beyond the one the sync goes on with.
    expect(t.logins).toEqual(['acc']);
    await t.engine.start('acc', []);
    await t.idle();
    expect(t.order().slice(0, 2)).toEqual(['INBOX:3,2', 'shared/info@example.test/INBOX:3,2']);
    // The delivery is not in the replayed top, but the sync's own pass brings it.
    expect(t.order().slice(2)).toEqual(['INBOX:3,2', 'INBOX:1+cursor', 'shared/info@example.test/INBOX:4,3', 'shared/info@example.test/INBOX:2,1+cursor']);
    // The sync went on with the head start's session (the IDLE pool may log in a watcher later).
    expect(t.server.sessions[0]!.selected.slice(0, 2)).toEqual(['INBOX', 'shared/info@example.test/INBOX']);
  });

  it('a sync that arrives while shared Inboxes are fetched stops the head start after the Inbox in hand', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const t = track(
      setup({
        discover: true,
        connect: async (server) => {
          const session = server.connect();
          const inFolder = session.inFolder.bind(session);
          // The first shared Inbox's SELECT waits until the sync has asked for the head start.
          session.inFolder = (async (path: string, fn: never) => {
            if (path === 'shared/a@example.test/INBOX') await gate;
            return inFolder(path, fn);
          }) as typeof session.inFolder;
          return session;
        },
      }),
    );
    t.server.otherUsers = [{ prefix: 'shared/', delimiter: '/' }];
    t.server.addBox('INBOX', 3);
    t.server.addBox('shared/a@example.test/INBOX', 3);
    t.server.addBox('shared/b@example.test/INBOX', 3);
    t.warm.begin('acc');
    await t.until(() => t.server.sessions[0]?.selected.length === 1);
    const taken = t.warm.take('acc');
    release();
    const warm = await taken;
    expect(warm!.previews.map((p) => p.path)).toEqual(['INBOX', 'shared/a@example.test/INBOX']);
    await warm!.session.close();
  });

  it('fetches only what a first screen shows (50 messages) of a big Inbox; the first pass brings the rest', async () => {
    const t = track(setup({ firstBatchSize: 100 }));
    t.server.addBox('INBOX', 120);
    t.warm.begin('acc');
    await t.engine.start('acc', []);
    await t.idle();
    const [replayed, ...rest] = t.messages();
    expect(replayed!.upserts.map((m) => m.uid)).toEqual(Array.from({ length: 50 }, (_, i) => 120 - i));
    expect(new Set(rest.flatMap((b) => b.upserts.map((m) => m.uid))).size).toBe(120);
  });

  it('logs out a head start nobody takes in time', async () => {
    const t = track(setup({ maxAgeMs: 30 }));
    t.server.addBox('INBOX', 1);
    t.warm.begin('acc');
    await t.until(() => t.server.sessions.length === 1 && !t.server.sessions[0]!.usable);
    expect(await t.warm.take('acc')).toBeNull();
  });

  it('does nothing with a maximum age of 0, and forgets on request', async () => {
    const off = track(setup({ maxAgeMs: 0 }));
    off.server.addBox('INBOX', 1);
    off.warm.begin('acc');
    expect(await off.warm.take('acc')).toBeNull();
    expect(off.logins).toEqual([]);

    const t = track(setup());
    t.server.addBox('INBOX', 1);
    t.warm.begin('acc');
    await t.warm.forget('acc');
    expect(t.server.sessions[0]!.usable).toBe(false);
    expect(await t.warm.take('acc')).toBeNull();
  });
});
