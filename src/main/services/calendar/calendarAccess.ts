/**
 * How calendar.* reaches a calendar (issue #5; the handlers are src/main/rpc/handlers/calendar.ts):
 * on the account's request connection, errors in the user's words, with what a write needs to
 * know about the person and the mailbox.
 */
import type { ServicesContext } from '../context';
import { toAppError } from '../imap/imapErrors';
import { calendarStore, messageStore } from '../imap/storeOps';
import { taskMailbox } from '../tasks/taskMailbox';
import type { CalendarSession, WriteContext } from './writeEvent';

export async function writeContext(ctx: Pick<ServicesContext, 'accounts' | 'mailboxConfig'>, session: CalendarSession, accountId: string, folderPath: string): Promise<WriteContext> {
  const account = await ctx.accounts.get(accountId);
  return {
    accountId,
    address: account.email,
    folderPath,
    mailboxAddress: async () => (await taskMailbox(session, await ctx.mailboxConfig(accountId), folderPath)).mailbox.address,
    now: Date.now(),
  };
}

export async function withCalendar<T>(ctx: Pick<ServicesContext, 'accounts' | 'ops' | 'password' | 'log'>, accountId: string, fn: (session: CalendarSession) => Promise<T>): Promise<T> {
  const account = await ctx.accounts.get(accountId);
  try {
    return await ctx.ops.use(accountId, (session) => fn(calendarStore(messageStore(session)) as CalendarSession));
  } catch (error) {
    throw toAppError(error, account.imap.host, await ctx.password(accountId), ctx.log);
  }
}
