/**
 * accounts.* — configuration lives in the AccountStore, passwords only in the SecretStore,
 * bound to the servers they were given for (accountSecrets.ts, issue #10 §6).
 */
import type { Handlers } from '../dispatch';
import type { ServicesContext } from '../../services/context';
import { testConnection } from '../../services/net/connectionTest';
import { AccountSecrets } from '../../services/accounts/accountSecrets';
import { guessSettings } from '../../services/accounts/guess';
import { assertSecurityAllowed } from '../../services/accounts/settingsRules';

/** What the accounts handlers use: the store, and every service an account's removal reaches. */
export type AccountDeps = Pick<
  ServicesContext,
  'options' | 'accounts' | 'toAccount' | 'broadcastAccounts' | 'identities' | 'warm' | 'sync' | 'ops' | 'outbox' | 'routes' | 'offline' | 'drafts'
>;

export function accountHandlers(ctx: AccountDeps): Handlers {
  const secrets = new AccountSecrets(ctx.options.secrets);

  return {
    'accounts.list': async () => Promise.all((await ctx.accounts.list()).map(ctx.toAccount)),

    'accounts.guess': ({ email }) => guessSettings(email),

    'accounts.test': ({ settings, password }) => testConnection(settings, password, ctx.options.extraCa),

    'accounts.add': async ({ settings, password, rememberPassword }) => {
      assertSecurityAllowed(settings);
      const stored = await ctx.accounts.add(settings, rememberPassword);
      await secrets.set(stored, password, rememberPassword);
      // The window syncs the new account next: log in and fetch its INBOX's top meanwhile.
      ctx.warm.begin(stored.id);
      await ctx.broadcastAccounts();
      await ctx.identities.accountsChanged();
      return ctx.toAccount(stored);
    },

    'accounts.update': async ({ id, settings, password, rememberPassword }) => {
      assertSecurityAllowed(settings);
      const before = await ctx.accounts.get(id);
      const stored = await ctx.accounts.update(id, settings, rememberPassword);
      // A new password is bound to the new settings; without one, the old password stays only
      // when the login (user name, hosts, ports, security) is unchanged — else it is asked again.
      if (password !== undefined) await secrets.set(stored, password, rememberPassword);
      else await secrets.carryOver(before, stored);
      await ctx.ops.drop(id);
      await ctx.warm.forget(id);
      await ctx.sync.restart(id);
      await ctx.broadcastAccounts();
      await ctx.identities.accountsChanged();
      return ctx.toAccount(stored);
    },

    /**
     * Everything of the account goes (issue #10 §6): nothing is sent from it any more (its
     * outbox items first), then its configuration and identities, connections, offline mail,
     * local drafts and every secret. The windows forget its cache rows on `accounts.changed`.
     */
    'accounts.remove': async ({ id }) => {
      await ctx.accounts.get(id);
      await ctx.outbox.removeAccount(id);
      await ctx.accounts.remove(id);
      await ctx.warm.forget(id);
      // Issue #10 §7: a shared mailbox used through it goes to the next account that reaches it.
      await ctx.routes.forget(id);
      await ctx.sync.stop(id);
      await ctx.ops.drop(id);
      await ctx.offline.removeAccount(id);
      await ctx.drafts.removeAccount(id);
      await secrets.remove(id);
      ctx.identities.forget(id);
      await ctx.broadcastAccounts();
      await ctx.identities.accountsChanged();
    },
  };
}
