/**
 * calendar.* (issue #5): ensure, save and delete with compare-and-swap, .ics import and export.
 * Everything runs on the account's request connection (services/calendar/calendarAccess.ts);
 * after a write every window's engine re-reads the folder at once (ctx.touched), and other
 * members' engines hear it by IDLE.
 */
import type { ServicesContext } from '../../services/context';
import { withCalendar, writeContext } from '../../services/calendar/calendarAccess';
import { ensureCalendar } from '../../services/calendar/calendarFolders';
import { exportIcs, importIcs } from '../../services/calendar/icsTransfer';
import { deleteEvent, saveEvent } from '../../services/calendar/writeEvent';
import type { Handlers } from '../dispatch';

export type CalendarDeps = Pick<ServicesContext, 'accounts' | 'mailboxConfig' | 'ops' | 'password' | 'log' | 'sync' | 'touched'>;

export function calendarHandlers(ctx: CalendarDeps): Handlers {
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
