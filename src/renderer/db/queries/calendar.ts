/**
 * Calendars and their events, read from the cache (issue #5 §2–3, §6): every folder with role
 * 'calendar' joined with its mailbox (name, colour, rights) and the person's own choices, and
 * the events of the calendars a view shows. Live hooks for React; plain async functions with the
 * same results for code outside React (the reminder scheduler).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { StoredEvent } from '../../../shared/model/calendar';
import { parseRights } from '../../../shared/rights';
import { colourOf, mailboxColours } from '../../features/mail/mailboxInfo';
import { db } from '../db';
import type { CalendarPrefsRow, FolderRow, MailboxRow } from '../rows';
import type { PostvakDb } from '../schema';
import { folderRange } from '../schema';
import { useFreshLiveQuery } from './useFreshLiveQuery';
import { useStore } from '../../store';
import { oncePerMailbox, type RouteAccount } from '../../../shared/mailboxRoutes';

export interface CalendarPrefs {
  visible: boolean;
  reminders: boolean;
}

/** With no row the person has not chosen: shown, reminders on (issue #5 §6 "default on"). */
export const defaultCalendarPrefs: CalendarPrefs = { visible: true, reminders: true };

export interface CalendarInfo {
  /** `${accountId}|${folderPath}`: Occurrence.calendarKey, calendarPrefs' key. */
  key: string;
  accountId: string;
  folderPath: string;
  mailboxId: string;
  /** The mailbox's display name, else its address; with the folder name when a mailbox has several calendars. */
  name: string;
  address: string;
  colour: string;
  kind: 'own' | 'shared';
  /** MYRIGHTS on the calendar folder (RFC 4314 §3.5); null = the person's own folder, all rights. */
  rights: string | null;
  /** May create, change and delete events: an update is APPEND + STORE \Deleted + EXPUNGE (i, t, e; RFC 4314 §4). */
  canWrite: boolean;
  prefs: CalendarPrefs;
}

export function calendarKeyOf(accountId: string, folderPath: string): string {
  return `${accountId}|${folderPath}`;
}

/** The account and folder of a calendar key (folder paths may contain '|'; account ids do not). */
export function parseCalendarKey(key: string): { accountId: string; folderPath: string } {
  const bar = key.indexOf('|');
  return { accountId: key.slice(0, bar), folderPath: key.slice(bar + 1) };
}

export function canWriteCalendar(rights: string | null): boolean {
  if (rights === null) return true;
  const parsed = parseRights(rights);
  return parsed.insert && parsed.deleteMessages && parsed.expunge;
}

function toCalendar(folder: FolderRow, mailbox: MailboxRow | undefined, prefs: CalendarPrefsRow | undefined, several: boolean, colour: string): CalendarInfo {
  const base = mailbox ? mailbox.displayName.trim() || mailbox.address : folder.name;
  return {
    key: calendarKeyOf(folder.accountId, folder.path),
    accountId: folder.accountId,
    folderPath: folder.path,
    mailboxId: folder.mailboxId,
    name: several ? `${base} — ${folder.name}` : base,
    address: mailbox?.address ?? '',
    colour,
    kind: mailbox?.kind ?? 'own',
    rights: folder.rights,
    canWrite: canWriteCalendar(folder.rights),
    prefs: prefs ? { visible: prefs.visible, reminders: prefs.reminders } : defaultCalendarPrefs,
  };
}

/**
 * Every cached calendar of visible mailboxes: own mailboxes first, then by name. With the
 * accounts, a mailbox several of them reach gives its calendar once — through the account it is
 * used through (issue #10 §7): its events are drawn once and its reminders fire once.
 */
export async function loadCalendars(database: PostvakDb, accounts?: readonly RouteAccount[]): Promise<CalendarInfo[]> {
  return database.transaction('r', [database.folders, database.mailboxes, database.calendarPrefs], async () => {
    const folders = (await database.folders.toArray()).filter((folder) => folder.role === 'calendar');
    const mailboxRows = await database.mailboxes.toArray();
    const mailboxes = new Map(mailboxRows.map((mailbox) => [mailbox.id, mailbox]));
    // Main syncs such a mailbox through one account; this also covers rows cached before that.
    const once = accounts ? new Set(oncePerMailbox(mailboxRows, accounts).map((mailbox) => mailbox.id)) : null;
    // The same colours as the mail tree and Settings: distinct among the person's mailboxes.
    const colours = mailboxColours(mailboxRows);
    const prefs = new Map((await database.calendarPrefs.toArray()).map((row) => [row.key, row]));
    const perMailbox = new Map<string, number>();
    for (const folder of folders) perMailbox.set(folder.mailboxId, (perMailbox.get(folder.mailboxId) ?? 0) + 1);
    return folders
      .filter((folder) => !mailboxes.get(folder.mailboxId)?.hidden && (once === null || !mailboxes.has(folder.mailboxId) || once.has(folder.mailboxId)))
      .map((folder) =>
        toCalendar(folder, mailboxes.get(folder.mailboxId), prefs.get(calendarKeyOf(folder.accountId, folder.path)), (perMailbox.get(folder.mailboxId) ?? 0) > 1, colourOf(colours, folder.mailboxId)),
      )
      .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'own' ? -1 : 1));
  });
}

/** The events of these calendars (keys as in CalendarInfo.key), in key order. */
export async function loadEventsIn(database: PostvakDb, calendarKeys: readonly string[]): Promise<StoredEvent[]> {
  return database.transaction('r', database.events, async () => {
    const perCalendar = await Promise.all(
      calendarKeys.map((key) => {
        const { accountId, folderPath } = parseCalendarKey(key);
        const [lower, upper] = folderRange(accountId, folderPath);
        return database.events.where('[accountId+folderPath+imapUid]').between(lower, upper, true, true).toArray();
      }),
    );
    return perCalendar.flat();
  });
}

/**
 * The messages holding an event UID in one calendar, highest IMAP UID first: the first is the
 * event; others are duplicates left by clients without compare-and-swap (calendar.md).
 */
export async function loadEventByUid(database: PostvakDb, calendarKey: string, eventUid: string): Promise<StoredEvent[]> {
  const { accountId, folderPath } = parseCalendarKey(calendarKey);
  const rows = await database.events.where('[accountId+folderPath+event.uid]').equals([accountId, folderPath, eventUid]).toArray();
  return rows.sort((a, b) => b.imapUid - a.imapUid);
}

export function useCalendars(): CalendarInfo[] | undefined {
  const accounts = useStore((state) => state.accounts);
  return useFreshLiveQuery(() => loadCalendars(db, accounts ?? undefined), [accounts]);
}

/**
 * Live events of these calendars. While the events for new keys load, the previous result stays
 * (useLiveQuery, not the fresh variant): toggling a calendar must not blank the whole grid.
 */
export function useEventsIn(calendarKeys: readonly string[]): StoredEvent[] | undefined {
  const tag = calendarKeys.join('\n');
  return useLiveQuery(() => loadEventsIn(db, calendarKeys), [tag]);
}

/** Changes the person's choice for one calendar; the other field keeps its value (or default). */
export async function setCalendarPrefs(database: PostvakDb, calendarKey: string, change: Partial<CalendarPrefs>): Promise<void> {
  await database.transaction('rw', database.calendarPrefs, async () => {
    const current = (await database.calendarPrefs.get(calendarKey)) ?? { key: calendarKey, ...defaultCalendarPrefs };
    await database.calendarPrefs.put({ ...current, ...change, key: calendarKey });
  });
}
