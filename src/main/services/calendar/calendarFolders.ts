/**
 * The calendar folder of a mailbox, found or created (issue #5 §1; notes/calendar.md):
 * - own mailbox: top-level `Calendar`, typed `/private/…/folder-type` = `event.default` (the
 *   person's default calendar) and `/shared/…` = `event`;
 * - shared mailbox: members may not create top-level folders there (Dovecot answers NOPERM), so
 *   below its Inbox (`<prefix>INBOX/Calendar`; on Cyrus `user.info.Calendar`, the Inbox being the
 *   mailbox's top folder, issue #10 §8) where the member has `k` on that Inbox (it inherits its
 *   ACL, so the team sees it), else a top-level `<prefix>Calendar` where the server allows it; typed
 *   only `/shared/…` = `event` — `event.default` in the shared scope would make it every
 *   member's own default.
 */
import type { Mailbox } from '../../../shared/model';
import { AppError } from '../../../shared/errors';
import { parseRights } from '../../../shared/rights';
import { PRIVATE_FOLDER_TYPE, SHARED_FOLDER_TYPE } from '../imap/calendarOps';
import { ImapExtError } from '../imap/ext/imapValues';
import type { CalendarStore, ImapSession } from '../imap/types';
import { inboxOf, withMailboxInboxes } from '../mailboxes/assign';
import { mailboxOf, mailboxSkeletons, sharedOwners, type MailboxConfig } from '../mailboxes/discovery';
import { buildFolders, type FolderRow } from '../sync/folderList';
import { typeFolderRows } from './folderTypes';

export interface MailboxFolders {
  mailboxes: Mailbox[];
  rows: FolderRow[];
  types: Map<string, string> | null;
  /** Every listed path, groupware folders included (names that are taken). */
  taken: Set<string>;
}

/** NAMESPACE + LIST + folder types on this session, as discovery sees them. */
export async function mailboxFolders(session: ImapSession & CalendarStore, config: MailboxConfig): Promise<MailboxFolders> {
  const ns = await session.namespaces();
  const types = await session.kolabFolderTypes();
  const listed = buildFolders(config.accountId, await session.listFolders(), session.sharedPrefixes);
  const typed = typeFolderRows(listed, types, session.sharedPrefixes);
  const mailboxes = mailboxSkeletons(config, sharedOwners([...ns.otherUsers, ...ns.shared], typed.map((r) => r.path)));
  return { mailboxes, rows: withMailboxInboxes(typed, mailboxes), types, taken: new Set(listed.map((r) => r.path)) };
}

/** The mailbox's calendar: its private default first, then the shortest path (top level). */
export function calendarOf(found: MailboxFolders, mailboxId: string): string | null {
  const candidates = found.rows
    .filter((r) => r.role === 'calendar' && mailboxOf(r.path, found.mailboxes)?.id === mailboxId)
    .sort((a, b) => rank(found, b.path) - rank(found, a.path) || a.path.length - b.path.length || (a.path < b.path ? -1 : 1));
  return candidates[0]?.path ?? null;
}

const rank = (found: MailboxFolders, path: string) => (found.types?.get(path) === 'event.default' ? 1 : 0);

const inFlight = new Map<string, Promise<{ folderPath: string; created: boolean }>>();

/**
 * Finds or creates the mailbox's calendar folder; AppError `calendarNotAllowed` where one may not.
 * One at a time per mailbox in this process (the automatic first-start call and a click on
 * "Create calendar" must not both CREATE).
 */
export function ensureCalendar(session: ImapSession & CalendarStore, config: MailboxConfig, mailboxId: string): Promise<{ folderPath: string; created: boolean }> {
  const key = `${config.accountId}\u0000${mailboxId}`;
  const running = inFlight.get(key);
  if (running) return running.then((r) => ({ ...r, created: false }));
  const work = findOrCreate(session, config, mailboxId).finally(() => inFlight.delete(key));
  inFlight.set(key, work);
  return work;
}

/**
 * CREATE, where another member's client creating the same calendar at the same moment answers
 * `[ALREADYEXISTS]` (RFC 5530 §3): that folder is the one we meant (the name was free when we
 * listed): its creator types it (Dovecot may not yet let this session annotate it: "Mailbox
 * doesn't exist" right after [ALREADYEXISTS], seen here), and, new to this session's list, it is
 * reported as created so the engines re-discover. The error is returned where the server said no otherwise.
 */
async function create(session: CalendarStore, path: string): Promise<'created' | 'exists' | ImapExtError> {
  try {
    await session.createFolder(path);
    return 'created';
  } catch (error) {
    if (!(error instanceof ImapExtError) || error.code !== 'refused') throw error;
    return error.serverCode?.toUpperCase() === 'ALREADYEXISTS' ? 'exists' : error;
  }
}

async function findOrCreate(session: ImapSession & CalendarStore, config: MailboxConfig, mailboxId: string): Promise<{ folderPath: string; created: boolean }> {
  const found = await mailboxFolders(session, config);
  const mailbox = found.mailboxes.find((m) => m.id === mailboxId);
  if (!mailbox) throw new AppError('notPermitted', `This account has no mailbox ${mailboxId} (any more)`);
  const existing = calendarOf(found, mailboxId);
  if (existing) {
    // Found by its name alone, typed by nobody (its creator's annotation did not land): typed
    // now. Best effort — a member who may not annotate still gets the calendar.
    if (found.types !== null && !found.types.has(existing)) await session.setAnnotations(existing, folderTypesFor(mailbox)).catch(() => undefined);
    return { folderPath: existing, created: false };
  }
  const taken = found.taken;
  const delimiter = found.rows.find((r) => r.delimiter)?.delimiter ?? '/';
  if (mailbox.source === 'account') {
    // At the top, or where own folders live below the INBOX (Cyrus without altnamespace:
    // personal namespace `INBOX.`, and a top-level CREATE is refused: it would be public).
    const inbox = inboxOf(found.rows, found.mailboxes, mailbox.id);
    const places = [freeName(taken, '', 'Calendar'), ...(inbox ? [freeName(taken, `${inbox}${delimiter}`, 'Calendar')] : [])];
    let refusal: ImapExtError | null = null;
    for (const path of places) {
      const outcome = await create(session, path);
      if (outcome instanceof ImapExtError) {
        refusal ??= outcome;
        continue;
      }
      if (outcome === 'created') await annotate(session, path, folderTypesFor(mailbox), found.types !== null);
      return { folderPath: path, created: true };
    }
    throw refusal!;
  }
  const inbox = inboxOf(found.rows, found.mailboxes, mailbox.id);
  const inboxRights = inbox ? await session.myRights(inbox) : null;
  const attempts: string[] = [];
  if (inbox && (inboxRights === null || parseRights(inboxRights).createMailbox)) attempts.push(freeName(taken, `${inbox}${delimiter}`, 'Calendar'));
  attempts.push(freeName(taken, mailbox.prefix, 'Calendar'));
  for (const path of attempts) {
    // NO [NOPERM] / [CANNOT] (RFC 5530): not here; the next place, or tell the person who can.
    const outcome = await create(session, path);
    if (outcome instanceof ImapExtError) continue;
    if (outcome === 'created') await annotate(session, path, folderTypesFor(mailbox), found.types !== null);
    return { folderPath: path, created: true };
  }
  throw new AppError('calendarNotAllowed', `You may not create a calendar in ${mailbox.address}; its owner or an administrator can`, { mailbox: mailbox.address });
}

function freeName(taken: ReadonlySet<string>, prefix: string, name: string): string {
  for (let n = 1; ; n++) {
    const path = `${prefix}${n === 1 ? name : `${name} ${n}`}`;
    if (!taken.has(path)) return path;
  }
}

/** The person's own calendar is their default (private) and a calendar for all (shared); others only the latter. */
function folderTypesFor(mailbox: Pick<Mailbox, 'source' | 'kind'>): Record<string, string> {
  return mailbox.source === 'account' && mailbox.kind === 'own'
    ? { [PRIVATE_FOLDER_TYPE]: 'event.default', [SHARED_FOLDER_TYPE]: 'event' }
    : { [SHARED_FOLDER_TYPE]: 'event' };
}

/**
 * Types the new folder. A refusal is no failure: stock Cyrus refuses every `/vendor/…` entry it
 * has no definition for ("NO Permission denied", issue #10 §8), and the folder is a calendar by
 * its name all the same (folderTypes.ts), for us and for other clients.
 */
async function annotate(session: CalendarStore, path: string, values: Record<string, string>, hasMetadata: boolean): Promise<void> {
  if (!hasMetadata) return;
  try {
    await session.setAnnotations(path, values);
  } catch (error) {
    if (!(error instanceof ImapExtError && error.code === 'refused')) throw error;
  }
}
