/**
 * calendar.* (issue #5): ensure, save and delete with compare-and-swap, .ics import and export.
 * Everything runs on the account's request connection; after a write every client's engine
 * re-reads the folder at once (ctx.touched), and other members' engines hear it by IDLE.
 */
import type { Handlers } from '../../rpc/dispatch';
import type { ServicesContext } from '../context';
import { toAppError } from '../imap/imapErrors';
import type { ImapSession } from '../imap/types';
import { calendarStore, messageStore } from '../imap/storeOps';
import { taskMailbox } from '../tasks/taskMailbox';
import { ensureCalendar } from './calendarFolders';
import { ownMailboxId } from '../../../shared/mailboxIds';
import { exportIcs, importIcs } from './icsTransfer';
import { deleteEvent, saveEvent, type CalendarSession, type WriteContext } from './writeEvent';

export function calendarHandlers(ctx: ServicesContext): Handlers {
  return {
    'calendar.ensure': async ({ accountId, mailboxId }) => {
      const config = await ctx.mailboxConfig(accountId);
      const result = await withCalendar(ctx, accountId, (session) => ensureCalendar(session, config, mailboxId));
      if (result.created) ctx.sync.rediscover(accountId);
      return { folderPath: result.folderPath };
    },
    'calendar.save': async ({ accountId, folderPath, event, base }) => {
      const result = await withCalendar(ctx, accountId, async (session) => saveEvent(session, await writeContext(ctx, session, accountId, folderPath), event, base));
      ctx.touched(accountId, [folderPath]);
      return result;
    },
    'calendar.delete': async ({ accountId, folderPath, base, eventUid }) => {
      const result = await withCalendar(ctx, accountId, async (session) => deleteEvent(session, await writeContext(ctx, session, accountId, folderPath), base, eventUid));
      ctx.touched(accountId, [folderPath]);
      return result;
    },
    'calendar.import': async ({ accountId, folderPath, ics }) => {
      const result = await withCalendar(ctx, accountId, async (session) => importIcs(session, await writeContext(ctx, session, accountId, folderPath), ics));
      ctx.touched(accountId, [folderPath]);
      return result;
    },
    'calendar.export': async ({ accountId, folderPath, eventUid }) =>
      withCalendar(ctx, accountId, async (session) => {
        const w = await writeContext(ctx, session, accountId, folderPath);
        return exportIcs(session, w, eventUid, `${await w.mailboxAddress()} ${folderPath.split('/').at(-1) ?? ''}`);
      }),
  };
}

async function writeContext(ctx: ServicesContext, session: CalendarSession, accountId: string, folderPath: string): Promise<WriteContext> {
  const account = await ctx.accounts.get(accountId);
  return {
    accountId,
    address: account.email,
    folderPath,
    mailboxAddress: async () => (await taskMailbox(session, await ctx.mailboxConfig(accountId), folderPath)).mailbox.address,
    now: Date.now(),
  };
}

async function withCalendar<T>(ctx: ServicesContext, accountId: string, fn: (session: CalendarSession) => Promise<T>): Promise<T> {
  const account = await ctx.accounts.get(accountId);
  try {
    return await ctx.ops.use(accountId, (session) => fn(calendarStore(messageStore(session)) as CalendarSession));
  } catch (error) {
    throw toAppError(error, account.imap.host, await ctx.password(accountId), ctx.log);
  }
}

/**
 * Issue #5 §1: every person has a calendar. The sync engine calls this on its own connection
 * after the first pass when the own mailbox lists none (AccountSync.ensureOwnCalendar), so the
 * first rows never wait for it; true when it created one (the engine then lists it at once).
 */
export async function ensureOwnCalendar(ctx: ServicesContext, accountId: string, session: ImapSession): Promise<boolean> {
  const config = await ctx.mailboxConfig(accountId);
  const result = await ensureCalendar(calendarStore(messageStore(session)), config, ownMailboxId(accountId));
  return result.created;
}
