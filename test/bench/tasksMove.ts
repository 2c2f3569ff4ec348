/**
 * `npm run bench -- --only tasks` (issue #12 "Done means": moving 10,000 messages in one task).
 * Loaded by test/bench/tasks.mjs through Vite's module runner, so the services and the renderer's
 * cache code run as TypeScript, the way the integration tests run them.
 *
 * The real services (createServices with the production sync tuning) and a stand-in renderer
 * (test/integration/services/testClient.ts) whose cache is the renderer's PostvakDb on
 * fake-indexeddb, written batch by batch by the production applySyncBatch and acknowledged once
 * written. Timed, from the moment `tasks.queue` is called:
 *  - server: the `tasks.queue` round trip (rights, UID MOVE or COPY + EXPUNGE, the COPYUID map);
 *  - list updated: the cache no longer holds a moved message in the source and holds all of
 *    them in the target — what every client converges to once the sync has brought the change
 *    (the window's own list drops the rows at once, optimistically: tasksKeys.mjs times that);
 *  - the same for the undo task the move answered with (moving them back, RFC 4315 COPYUID UIDs).
 * Next to it the protocol's own figure: one plain imapflow UID MOVE of the same folder.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MailStack } from '../mailstack/mailstack.mjs';
import type { Task, TaskOutcome } from '../../src/shared/api';
import { createServices, MemorySecretStore } from '../../src/main/rpc/createServices';
import { PostvakDb } from '../../src/renderer/db/schema';
import { folderCountId } from '../../src/renderer/db/pages/pageRows';
import { TestClient } from '../integration/services/testClient';
import { storeView } from '../integration/services/storeView';
import { imapClientFor } from '../integration/services/serverView';

type User = keyof MailStack['users'];

export interface MoveBenchOptions {
  stack: MailStack;
  user: User;
  /** Holds `count` messages already (fillMaildir). */
  source: string;
  /** Exists and is empty. */
  target: string;
  count: number;
  log: (...args: unknown[]) => void;
}

export interface MovePhase {
  /** tasks.queue call → its answer (ms). */
  serverMs: number;
  /** tasks.queue call → the source's counter in the cache no longer counts the moved messages (ms). */
  sourceClearedMs: number;
  /** tasks.queue call → the target's counter counts all of them (ms). */
  targetFilledMs: number;
  /** tasks.queue call → both (ms): the list has updated. */
  listUpdatedMs: number;
  /** Sync batches of the two folders written meanwhile. */
  batches: number;
  /** What the cache held afterwards in this phase's source and target, read row by row (storeView), not from the counters. */
  heldInSource: number;
  heldInTarget: number;
  counterDiffs: string[];
}

export interface MoveFigures {
  user: string;
  source: string;
  target: string;
  count: number;
  initialSyncSeconds: number;
  move: MovePhase;
  undo: MovePhase | null;
  undoTask: string | null;
  /** One plain imapflow UID MOVE of all `count` messages there and back (ms). */
  rawMove: { thereMs: number; backMs: number };
  notes: string[];
}

const round = (x: number) => Math.round(x);

export async function moveBench({ stack, user, source, target, count, log }: MoveBenchOptions): Promise<MoveFigures> {
  const notes: string[] = [];
  const profileDir = mkdtempSync(join(tmpdir(), 'postvak-bench-tasks-'));
  const services = createServices({
    profileDir,
    secrets: new MemorySecretStore(),
    extraCa: [stack.caPem],
    appVersion: '0.0.0-bench',
    host: 'browser',
    systemLocale: 'en-GB',
    openExternal: async () => undefined,
  });
  const db = new PostvakDb(`postvak-bench-tasks-${Date.now()}`);
  const client = new TestClient(services, { store: db });
  try {
    const u = stack.users[user];
    const account = await client.call('accounts.add', {
      settings: {
        email: u.email,
        displayName: u.name,
        username: u.email,
        imap: { host: stack.host, port: stack.ports.imaps, security: 'tls' },
        smtp: { host: stack.host, port: stack.ports.submission, security: 'starttls' },
      },
      password: u.password,
      rememberPassword: false,
    });
    const accountId = account.id;
    const counted = async (path: string) => (await db.counts.get(folderCountId(accountId, path)))?.total ?? 0;
    /** Resolves with performance.now() once `check` holds for the written cache, checked after each batch is written. */
    const storeUntil = async (check: () => Promise<boolean>, what: string, ms: number): Promise<number> => {
      const deadline = Date.now() + ms;
      for (;;) {
        const seen = client.batches.length;
        await client.storeSettled();
        if (client.storeError) throw client.storeError;
        if (await check()) return performance.now();
        if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
        // The next batch (or a 50 ms tick), then the store chain again.
        await client.until(() => client.batches.length > seen, what, Math.max(1, deadline - Date.now())).catch(() => undefined);
      }
    };

    log(`tasks: syncing ${user}'s ${count}-message ${source} into the cache (fake-indexeddb)…`);
    const t0 = performance.now();
    await client.call('sync.start', { accountId, cursors: [] });
    await storeUntil(async () => client.cursors.has(source) && client.cursors.has(target) && (await counted(source)) === count, `${count} rows of ${source} in the cache`, 900_000);
    await client.untilSynced(accountId, 300_000);
    const initialSyncSeconds = (performance.now() - t0) / 1000;
    const uids = client.folderUids(source);
    if (uids.length !== count) notes.push(`the cache held ${uids.length} messages of ${source} before the move, expected ${count}`);

    const timed = async (task: Task, from: string, to: string, moved: number): Promise<{ phase: MovePhase; outcome: TaskOutcome }> => {
      const batchesBefore = client.batches.length;
      const sourceBefore = await counted(from);
      const targetBefore = await counted(to);
      const start = performance.now();
      const outcome = await client.call('tasks.queue', { task });
      const serverMs = performance.now() - start;
      let sourceClearedAt = 0;
      let targetFilledAt = 0;
      const done = await storeUntil(
        async () => {
          const now = performance.now();
          if (!sourceClearedAt && (await counted(from)) <= sourceBefore - moved) sourceClearedAt = now;
          if (!targetFilledAt && (await counted(to)) >= targetBefore + moved) targetFilledAt = now;
          return sourceClearedAt > 0 && targetFilledAt > 0;
        },
        `the cache to show ${moved} messages moved from ${from} to ${to}`,
        900_000,
      );
      const view = await storeView(db);
      const held = (path: string) => view.messages.get(path)?.size ?? 0;
      const batches = client.batches.slice(batchesBefore).filter((b) => b.kind === 'messages' && (b.folderPath === from || b.folderPath === to)).length;
      return {
        outcome,
        phase: {
          serverMs: round(serverMs),
          sourceClearedMs: round(sourceClearedAt - start),
          targetFilledMs: round(targetFilledAt - start),
          listUpdatedMs: round(done - start),
          batches,
          heldInSource: held(from),
          heldInTarget: held(to),
          counterDiffs: view.counterDiffs,
        },
      };
    };

    log(`tasks: moving ${uids.length} messages ${source} → ${target} in one task…`);
    const there = await timed({ type: 'move', accountId, folderPath: source, uids, to: { accountId, folderPath: target } }, source, target, uids.length);
    log(`tasks: server ${there.phase.serverMs} ms, list updated after ${there.phase.listUpdatedMs} ms`);
    let undo: MovePhase | null = null;
    const undoTask = there.outcome.undo;
    if (undoTask) {
      log(`tasks: its undo (${undoTask.type}, ${'uids' in undoTask ? undoTask.uids.length : 0} UIDs)…`);
      undo = (await timed(undoTask, target, source, uids.length)).phase;
      log(`tasks: undo: server ${undo.serverMs} ms, list updated after ${undo.listUpdatedMs} ms`);
    } else notes.push('the move answered without an undo task');

    await client.call('sync.stop', { accountId });
    return {
      user,
      source,
      target,
      count: uids.length,
      initialSyncSeconds: Math.round(initialSyncSeconds * 10) / 10,
      move: there.phase,
      undo,
      undoTask: undoTask ? `${undoTask.type} ${'folderPath' in undoTask ? undoTask.folderPath : ''} → ${'to' in undoTask ? undoTask.to.folderPath : ''}` : null,
      rawMove: await rawMove(stack, user, undoTask ? source : target, undoTask ? target : source),
      notes,
    };
  } finally {
    await services.close();
    db.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/** The protocol's figure: UID MOVE 1:* from `from` to `to` and back, one command each (RFC 6851). */
async function rawMove(stack: MailStack, user: User, from: string, to: string): Promise<{ thereMs: number; backMs: number }> {
  const client = imapClientFor(stack, user);
  await client.connect();
  try {
    const once = async (a: string, b: string) => {
      const lock = await client.getMailboxLock(a);
      try {
        const t0 = performance.now();
        await client.messageMove('1:*', b);
        return round(performance.now() - t0);
      } finally {
        lock.release();
      }
    };
    const thereMs = await once(from, to);
    const backMs = await once(to, from);
    return { thereMs, backMs };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Creates `path` (empty) for `user` over a plain IMAP session. */
export async function createFolder(stack: MailStack, user: User, path: string): Promise<void> {
  const client = imapClientFor(stack, user);
  await client.connect();
  try {
    await client.mailboxCreate(path);
  } finally {
    await client.logout().catch(() => client.close());
  }
}
