/**
 * The services behind the contract (src/shared/api.ts), Node only. A binding (Electron IPC or
 * the browser host) calls `connect(sink)` once per renderer and routes that renderer's calls to
 * the returned handlers through src/main/rpc/dispatch.
 */
import type { Handlers } from '../rpc/dispatch';
import { accountHandlers } from './accounts/accountHandlers';
import { appHandlers } from './app/appHandlers';
import { createContext } from './context';
import { messageHandlers } from './mail/messageHandlers';
import { defaultTuning, type SyncTuning } from './sync/tuning';
import { SyncEngine } from './sync/SyncEngine';
import { syncHandlers } from './sync/syncHandlers';
import { taskHandlers } from './tasks/taskHandlers';
import { mailboxHandlers } from './mailboxes/mailboxHandlers';
import type { ClientSession, EventSink, Services, ServicesOptions } from './types';
import type { EventMap, EventName } from '../../shared/api';
import type { ServicesContext } from './context';
import { answersHandlers } from './compose/answers';
import { draftHandlers } from './drafts/draftHandlers';
import { identityHandlers } from './identities/identityHandlers';
import { outboxHandlers } from './outbox/outboxHandlers';
import { calendarHandlers, ensureOwnCalendar } from './calendar/calendarHandlers';

export type { SyncTuning } from './sync/tuning';
export { FileSecretStore, KeyFileCipher, MemorySecretStore } from './secrets';

/**
 * @param tuning timings and batch sizes; tests shorten the poll interval and ack timeout.
 */
export function createServices(options: ServicesOptions, tuning: Partial<SyncTuning> = {}): Services {
  const ctx = createContext(options, { ...defaultTuning, ...tuning });
  const shared: Handlers = {
    ...appHandlers(options),
    ...accountHandlers(ctx),
    ...messageHandlers(ctx),
    ...taskHandlers(ctx),
    ...mailboxHandlers(ctx),
    ...identityHandlers(ctx),
    ...draftHandlers(ctx),
    ...outboxHandlers(ctx),
    ...answersHandlers(ctx),
    ...calendarHandlers(ctx),
  };
  const sessions = new Set<ClientSession>();
  void ctx.offline.startAll();
  // Accounts whose password main holds get their head start while the first window loads.
  void ctx.accounts
    .list()
    .then(async (accounts) => {
      for (const account of accounts) if ((await ctx.password(account.id)) !== null) ctx.warm.begin(account.id);
    })
    .catch(() => undefined);

  return {
    connect(sink: EventSink): ClientSession {
      const engine: SyncEngine = new SyncEngine({
        sink: observing(ctx, sink),
        tuning: ctx.tuning,
        hostOf: async (accountId) => (await ctx.accounts.get(accountId)).imap.host,
        connect: ctx.connectImap,
        mailboxConfig: ctx.mailboxConfig,
        log: (level, message) => ctx.log(level, message),
        ensureOwnCalendar: (accountId, session): Promise<boolean> => ensureOwnCalendar(ctx, accountId, session, engine),
        takeWarm: (accountId) => ctx.warm.take(accountId),
        ...(options.trace ? { trace: options.trace } : {}),
      });
      const client = { sink, engine };
      ctx.clients.add(client);
      const session: ClientSession = {
        handlers: { ...shared, ...syncHandlers(engine) },
        async close() {
          ctx.clients.delete(client);
          sessions.delete(session);
          await engine.close();
        },
      };
      sessions.add(session);
      return session;
    },

    async close() {
      ctx.routes.close();
      await Promise.all([...sessions].map((s) => s.close()));
      await ctx.warm.close();
      await ctx.outbox.close();
      await Promise.all([ctx.ops.closeAll(), ctx.offline.close()]);
    },
  };
}

/**
 * The sync engine's events on their way to the client, read in passing: a `folders` batch is a
 * discovery (the identities follow the mailboxes, issue #4 §2), and any batch means the
 * account's server answers again, so messages waiting for the network need not wait longer.
 */
function observing(ctx: ServicesContext, sink: EventSink): EventSink {
  return <E extends EventName>(event: E, payload: EventMap[E]) => {
    if (event === 'sync.batch') {
      const batch = payload as EventMap['sync.batch'];
      if (batch.kind === 'folders') void ctx.identities.noteDiscovery(batch.accountId, batch.mailboxes, batch.folders).catch(() => undefined);
      if (batch.kind === 'folders') void ctx.routes.note(batch.accountId, batch.mailboxes).catch(() => undefined);
      void ctx.outbox.connectionBack(batch.accountId).catch(() => undefined);
    }
    sink(event, payload);
  };
}
