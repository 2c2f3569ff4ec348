/**
 * mailboxes.* — the person's choices about mailboxes (issue #3): hide a discovered one, add a
 * shared mailbox by hand where the server has no shared namespace. Stored in accounts.json;
 * every running sync of the account re-discovers at once, so a new `folders` batch follows.
 */
import type { AccountId, Mailbox } from '../../../shared/model';
import { AppError } from '../../../shared/errors';
import type { Handlers } from '../dispatch';
import type { ServicesContext } from '../../services/context';
import { displayNameFor } from '../../services/mailboxes/discovery';
import { manualMailboxId, ownMailboxId } from '../../../shared/mailboxIds';

export function mailboxHandlers(ctx: Pick<ServicesContext, 'accounts' | 'sync' | 'offline' | 'routes'>): Handlers {
  const rediscover = (accountId: string) => ctx.sync.rediscover(accountId);
  return {
    'mailboxes.setHidden': async ({ accountId, mailboxId, hidden }) => {
      if (mailboxId === ownMailboxId(accountId)) throw new AppError('notPermitted', 'An account’s own mailbox cannot be hidden');
      if (!mailboxId.startsWith(`${accountId}:`)) throw new AppError('invalidInput', `${mailboxId} is not a mailbox of this account`);
      await ctx.accounts.updateMailboxes(accountId, (prefs) => {
        const rest = prefs.hidden.filter((id) => id !== mailboxId);
        return { prefs: { ...prefs, hidden: hidden ? [...rest, mailboxId] : rest }, result: undefined };
      });
      rediscover(accountId);
    },

    'mailboxes.setOffline': async ({ accountId, mailboxId, days }) => {
      if (!mailboxId.startsWith(`${accountId}:`)) throw new AppError('invalidInput', `${mailboxId} is not a mailbox of this account`);
      await ctx.accounts.updateMailboxes(accountId, (prefs) => {
        const { [mailboxId]: _old, ...offline } = prefs.offline ?? {};
        return { prefs: { ...prefs, offline: days > 0 ? { ...offline, [mailboxId]: days } : offline }, result: undefined };
      });
      rediscover(accountId);
      // The pass runs on its own connection; the person need not wait for 20,000 messages.
      void ctx.offline.refresh(accountId);
    },

    'mailboxes.addManual': async ({ accountId, prefix, address, displayName }) => {
      const mailbox = await ctx.accounts.updateMailboxes(accountId, (prefs) => {
        if (prefs.manual.some((m) => m.prefix === prefix)) throw new AppError('invalidInput', `A mailbox at ${prefix} is already set up`);
        const entry = { prefix, address: address.toLowerCase(), displayName: displayName.trim() };
        return { prefs: { ...prefs, manual: [...prefs.manual, entry] }, result: entry };
      });
      rediscover(accountId);
      const result: Mailbox = {
        id: manualMailboxId(accountId, mailbox.prefix),
        accountId: accountId as AccountId,
        kind: 'shared',
        source: 'manual',
        address: mailbox.address,
        displayName: mailbox.displayName || displayNameFor(mailbox.address),
        prefix: mailbox.prefix,
        rights: null,
        hidden: false,
        quota: null,
        offlineDays: 0,
      };
      return result;
    },

    'mailboxes.setRoute': async ({ accountId, address }) => {
      await ctx.accounts.get(accountId);
      await ctx.routes.prefer(accountId, address);
    },

    'mailboxes.removeManual': async ({ accountId, mailboxId }) => {
      await ctx.accounts.updateMailboxes(accountId, (prefs) => {
        const manual = prefs.manual.filter((m) => manualMailboxId(accountId, m.prefix) !== mailboxId);
        if (manual.length === prefs.manual.length) throw new AppError('invalidInput', `${mailboxId} is not a mailbox added by hand`);
        const { [mailboxId]: _dropped, ...offline } = prefs.offline ?? {};
        return { prefs: { ...prefs, manual, hidden: prefs.hidden.filter((id) => id !== mailboxId), offline }, result: undefined };
      });
      rediscover(accountId);
    },
  };
}
