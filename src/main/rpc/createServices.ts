/**
 * The services bound to the contract (src/shared/api.ts): the composition root of main. It makes
 * the services (src/main/services, which know nothing of the transport) and hands each handler
 * group the services it needs. A binding (Electron IPC or the browser host) calls
 * `connect(sink)` once per renderer and routes that renderer's calls to the returned handlers
 * through dispatch.ts.
 */
import type { Handlers } from './dispatch';
import { accountHandlers } from './handlers/accounts';
import { appHandlers } from './handlers/app';
import { answersHandlers } from './handlers/answers';
import { calendarHandlers } from './handlers/calendar';
import { deletionHandlers } from './handlers/deletions';
import { draftHandlers } from './handlers/drafts';
import { identityHandlers } from './handlers/identities';
import { mailboxHandlers } from './handlers/mailboxes';
import { messageHandlers } from './handlers/message';
import { outboxHandlers } from './handlers/outbox';
import { syncHandlers } from './handlers/sync';
import { taskHandlers } from './handlers/tasks';
import { searchHandlers } from './handlers/search';
import { createServerSearch } from '../services/search/createSearch';
import { toImapCriteria } from '../../shared/search/imapCriteria';
import { createContext } from '../services/context';
import { ensureOwnCalendar } from '../services/calendar/ownCalendar';
import { defaultTuning, type SyncTuning } from '../services/sync/tuning';
import type { EventSink, ServicesOptions } from '../services/types';

export type { SyncTuning } from '../services/sync/tuning';
export { FileSecretStore, KeyFileCipher, MemorySecretStore } from '../services/secrets';

/** One connected renderer: its handlers; its part of the shared sync engine closes with it. */
export interface ClientSession {
  handlers: Handlers;
  close(): Promise<void>;
}

export interface Services {
  connect(sink: EventSink): ClientSession;
  close(): Promise<void>;
}

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
    ...deletionHandlers(ctx),
  };
  const sessions = new Set<ClientSession>();
  // Issue #13 §4: the server's share of a search, one session per account within its budget.
  const search = createServerSearch(ctx, toImapCriteria);
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
      // This window's searches: results go to it alone, and stop when it closes.
      const searches = search.attach((event) => sink('search.results', event));
      const session: ClientSession = {
        handlers: { ...shared, ...syncHandlers(sync), ...searchHandlers(searches, ctx) },
        async close() {
          searches.close();
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
      await Promise.all([ctx.ops.closeAll(), ctx.offline.close(), search.close()]);
      ctx.budgets.close();
    },
  };
}
