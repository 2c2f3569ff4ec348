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
import { syncHandlers } from './sync/syncHandlers';
import { taskHandlers } from './tasks/taskHandlers';
import { mailboxHandlers } from './mailboxes/mailboxHandlers';
import type { ClientSession, EventSink, Services, ServicesOptions } from './types';
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
  const ctx = createContext(options, { ...defaultTuning, ...tuning }, { ensureOwnCalendar });
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
      // One engine for every window (issue #10 §9); this window's part of it.
      const sync = ctx.sync.attach(sink);
      const client = { sink };
      ctx.clients.add(client);
      const session: ClientSession = {
        handlers: { ...shared, ...syncHandlers(sync) },
        async close() {
          ctx.clients.delete(client);
          sessions.delete(session);
          await sync.close();
        },
      };
      sessions.add(session);
      return session;
    },

    async close() {
      // Issue #10 §7: no discovery keeps waiting for another account's first one.
      ctx.routes.close();
      await Promise.all([...sessions].map((s) => s.close()));
      await ctx.sync.close();
      await ctx.warm.close();
      await ctx.outbox.close();
      await Promise.all([ctx.ops.closeAll(), ctx.offline.close()]);
      ctx.budgets.close();
    },
  };
}
