/**
 * calendar.* (issue #5): ensure, save and delete with compare-and-swap, .ics import and export.
 * Everything runs on the account's request connection; after a write every client's engine
 * re-reads the folder at once (ctx.touched), and other members' engines hear it by IDLE.
 */
import type { Handlers } from '../../rpc/dispatch';
import type { ServicesContext } from '../context';
import { toAppError } from '../imap/imapErrors';
import { calendarStore, messageStore } from '../imap/storeOps';
import { taskMailbox } from '../tasks/taskMailbox';
import { ensureCalendar } from './calendarFolders';
import { ownMailboxId } from '../mailboxes/discovery';
import { exportIcs, importIcs } from './icsTransfer';
import { deleteEvent, saveEvent, type CalendarSession, type WriteContext } from './writeEvent';

export function calendarHandlers(ctx: ServicesContext): Handlers {
  return {
    'calendar.ensure': async ({ accountId, mailboxId }) => {
      const config = await ctx.mailboxConfig(accountId);
      const result = await withCalendar(ctx, accountId, (session) => ensureCalendar(session, config, mailboxId));
      if (result.created) for (const client of ctx.clients) client.engine.rediscover(accountId);
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

const ownCalendarDone = new WeakMap<ServicesContext, Map<string, Promise<void>>>();

/**
 * Issue #5 §1: every person has a calendar. Once per account and process, its own mailbox gets
 * one if it has none; when one is created every engine re-discovers, so it appears without a
 * restart. Offline it simply fails (logged) and is tried again at the next start. Resolves when
 * done or after `budgetMs`, whichever is first; it never throws.
 */
export async function ensureOwnCalendar(ctx: ServicesContext, accountId: string, budgetMs = 2_000): Promise<void> {
  const done = ownCalendarDone.get(ctx) ?? new Map<string, Promise<void>>();
  ownCalendarDone.set(ctx, done);
  let work = done.get(accountId);
  if (!work) {
    work = (async () => {
      const config = await ctx.mailboxConfig(accountId);
      const result = await withCalendar(ctx, accountId, (session) => ensureCalendar(session, config, ownMailboxId(accountId)));
      // Engines already running (the budget ran out) list it at once; one not yet started will.
      if (result.created) for (const client of ctx.clients) client.engine.rediscover(accountId);
    })().catch((error: unknown) => {
      done.delete(accountId);
      ctx.log('warn', `Could not create the own calendar of ${accountId}: ${error instanceof Error ? error.message : String(error)}`);
    });
    done.set(accountId, work);
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, budgetMs)))]);
  clearTimeout(timer);
}
