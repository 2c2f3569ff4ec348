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
import { defaultTuning, type SyncTuning } from './sync/AccountSync';
import { SyncEngine } from './sync/SyncEngine';
import { syncHandlers } from './sync/syncHandlers';
import { taskHandlers } from './tasks/taskHandlers';
import { mailboxHandlers } from './mailboxes/mailboxHandlers';
import type { ClientSession, EventSink, Services, ServicesOptions } from './types';

export type { SyncTuning } from './sync/AccountSync';
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
  };
  const sessions = new Set<ClientSession>();
  void ctx.offline.startAll();

  return {
    connect(sink: EventSink): ClientSession {
      const engine = new SyncEngine({
        sink,
        tuning: ctx.tuning,
        hostOf: async (accountId) => (await ctx.accounts.get(accountId)).imap.host,
        connect: ctx.connectImap,
        mailboxConfig: ctx.mailboxConfig,
        log: (level, message) => ctx.log(level, message),
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
      await Promise.all([...sessions].map((s) => s.close()));
      await Promise.all([ctx.ops.closeAll(), ctx.offline.close()]);
    },
  };
}
