/**
 * Which folders are calendars (issue #5 §1–2). A Kolab client types its folders with METADATA
 * (RFC 5464) `/shared/vendor/kolab/folder-type` — or, for the member's own view,
 * `/private/vendor/kolab/folder-type` — as `event`, `event.default`, `contact`, `task`, `mail`…
 * (notes/calendar.md). Calendars get Folder.role 'calendar'; folders of the other groupware
 * types hold no mail and are left out. A folder without any type is a calendar by its name
 * (Calendar, Agenda, Kalender at the top of a mailbox or right under its INBOX): servers without
 * METADATA, and folders made by clients that never set it. Pure, apart from `folderTypesOf`.
 */
import type { ImapSession } from '../imap/types';
import type { FolderRow } from '../sync/folderList';

const CALENDAR_NAMES = new Set(['calendar', 'agenda', 'kalender']);

/** `event` or `event.<subtype>` (Kolab folder-type values). */
export function isCalendarType(type: string | undefined): boolean {
  return type !== undefined && (type === 'event' || type.startsWith('event.'));
}

/** A Kolab type that is not mail: the folder holds contacts, tasks, notes… and is no mail folder. */
function isOtherGroupwareType(type: string | undefined): boolean {
  return type !== undefined && !isCalendarType(type) && type !== 'mail' && !type.startsWith('mail.');
}

/** The path's segments inside its mailbox: without a shared namespace prefix and the owner. */
export function segmentsInMailbox(row: Pick<FolderRow, 'path' | 'delimiter'>, sharedPrefixes: readonly string[]): string[] {
  const split = (text: string) => (row.delimiter ? text.split(row.delimiter).filter((s) => s !== '') : [text]);
  for (const prefix of sharedPrefixes) {
    if (prefix && row.path.startsWith(prefix)) return split(row.path.slice(prefix.length)).slice(1);
  }
  return split(row.path);
}

/** A calendar by name: `Calendar` at the top of the mailbox or `INBOX/Calendar` (issue #5 §1). */
export function isCalendarByName(row: Pick<FolderRow, 'path' | 'delimiter'>, sharedPrefixes: readonly string[]): boolean {
  const segments = segmentsInMailbox(row, sharedPrefixes);
  const last = segments[segments.length - 1]?.toLowerCase() ?? '';
  if (!CALENDAR_NAMES.has(last)) return false;
  return segments.length === 1 || (segments.length === 2 && segments[0]!.toUpperCase() === 'INBOX');
}

/**
 * The rows with calendar roles set and other groupware folders removed.
 * @param types path → Kolab folder type (kolabFolderTypes), `null` when the server has no METADATA.
 */
export function typeFolderRows(rows: readonly FolderRow[], types: ReadonlyMap<string, string> | null, sharedPrefixes: readonly string[]): FolderRow[] {
  const out: FolderRow[] = [];
  for (const row of rows) {
    const type = types?.get(row.path);
    if (isOtherGroupwareType(type)) continue;
    const calendar = row.selectable && (isCalendarType(type) || (type === undefined && row.role === null && isCalendarByName(row, sharedPrefixes)));
    out.push(calendar ? { ...row, role: 'calendar' } : row);
  }
  return out;
}

/** The session's Kolab folder types, or `null` where the session or the server cannot say. */
export async function folderTypesOf(session: ImapSession): Promise<Map<string, string> | null> {
  const candidate = session as ImapSession & { kolabFolderTypes?: () => Promise<Map<string, string> | null> };
  return typeof candidate.kolabFolderTypes === 'function' ? candidate.kolabFolderTypes() : null;
}
