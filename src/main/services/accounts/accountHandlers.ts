/**
 * accounts.* — configuration lives in the AccountStore, passwords only in the SecretStore.
 */
import type { Handlers } from '../../rpc/dispatch';
import type { ServicesContext } from '../context';
import { testConnection } from '../net/connectionTest';
import type { SyncEngine } from '../sync/SyncEngine';
import { passwordKey } from './accountStore';
import { guessSettings } from './guess';
import { assertSecurityAllowed } from './settingsRules';

export function accountHandlers(ctx: ServicesContext): Handlers {
  const secrets = ctx.options.secrets;
  const forEachEngine = (fn: (engine: SyncEngine) => Promise<void>) =>
    Promise.all([...ctx.clients].map((client) => fn(client.engine)));

  return {
    'accounts.list': async () => Promise.all((await ctx.accounts.list()).map(ctx.toAccount)),

    'accounts.guess': ({ email }) => guessSettings(email),

    'accounts.test': ({ settings, password }) => testConnection(settings, password, ctx.options.extraCa),

    'accounts.add': async ({ settings, password, rememberPassword }) => {
      assertSecurityAllowed(settings);
      const stored = await ctx.accounts.add(settings, rememberPassword);
      await secrets.set(passwordKey(stored.id), password, rememberPassword);
      // The window syncs the new account next: log in and fetch its INBOX's top meanwhile.
      ctx.warm.begin(stored.id);
      await ctx.broadcastAccounts();
      return ctx.toAccount(stored);
    },

    'accounts.update': async ({ id, settings, password, rememberPassword }) => {
      assertSecurityAllowed(settings);
      const before = await ctx.accounts.get(id);
      const stored = await ctx.accounts.update(id, settings, rememberPassword);
      const key = passwordKey(id);
      const secret = password ?? (await secrets.get(key));
      // Re-store the old password too when only "remember" changed: it moves in or out of the file.
      if (secret && (password !== undefined || before.rememberPassword !== rememberPassword)) {
        await secrets.set(key, secret, rememberPassword);
      }
      await ctx.ops.drop(id);
      await ctx.warm.forget(id);
      await forEachEngine((engine) => engine.restart(id));
      await ctx.broadcastAccounts();
      return ctx.toAccount(stored);
    },

    'accounts.remove': async ({ id }) => {
      await ctx.accounts.remove(id);
      await ctx.warm.forget(id);
      await forEachEngine((engine) => engine.stop(id));
      await ctx.ops.drop(id);
      await secrets.delete(passwordKey(id));
      await ctx.broadcastAccounts();
    },
  };
}
