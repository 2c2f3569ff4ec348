import { ownMailboxId } from '../../../shared/mailboxIds';
import type { ServicesContext } from '../context';
import { calendarStore, messageStore } from '../imap/storeOps';
import type { ImapSession } from '../imap/types';
import { ensureCalendar } from './calendarFolders';

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
