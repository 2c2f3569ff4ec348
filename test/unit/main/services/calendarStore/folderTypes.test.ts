/**
 * Which folders are calendars (src/main/services/calendar/folderTypes.ts; issue #5 §2).
 * (Unit tests of the calendar store live here; test/unit/main/services/calendar is the codec's.)
 */
import { describe, expect, it } from 'vitest';
import type { AccountId } from '../../../../../src/shared/model';
import { isCalendarByName, isCalendarType, typeFolderRows } from '../../../../../src/main/services/calendar/folderTypes';
import { buildFolders } from '../../../../../src/main/services/sync/folderList';

const shared = ['shared/'];
const rows = (paths: string[]) =>
  buildFolders(
    'a' as AccountId,
    paths.map((path) => ({ path, name: path.split('/').at(-1)!, delimiter: '/', parentPath: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null, flags: [], subscribed: true })),
    shared,
  );
const roles = (list: ReturnType<typeof rows>) => Object.fromEntries(list.map((r) => [r.path, r.role]));

describe('Kolab folder types', () => {
  it('event and event.* are calendars; mail, contact, task are not', () => {
    expect(['event', 'event.default', 'event.confidential'].map(isCalendarType)).toEqual([true, true, true]);
    expect(['mail', 'contact', 'task', 'events', undefined].map(isCalendarType)).toEqual([false, false, false, false, false]);
  });

  it('types from METADATA win; other groupware folders are dropped; mail folders stay', () => {
    const typed = typeFolderRows(rows(['INBOX', 'Termine', 'Contacts', 'Tasks', 'Notes', 'Archive', 'shared/info@example.test/INBOX', 'shared/info@example.test/Planning']), new Map([
      ['Termine', 'event.default'],
      ['Contacts', 'contact.default'],
      ['Tasks', 'task'],
      ['Notes', 'note'],
      ['Archive', 'mail'],
      ['shared/info@example.test/Planning', 'event'],
    ]), shared);
    expect(roles(typed)).toEqual({ INBOX: 'inbox', Termine: 'calendar', Archive: 'archive', 'shared/info@example.test/INBOX': 'inbox', 'shared/info@example.test/Planning': 'calendar' });
  });

  it('an untyped Calendar / Agenda / Kalender at the top or under INBOX is a calendar, deeper or typed mail is not', () => {
    const typed = typeFolderRows(rows(['Calendar', 'INBOX/Agenda', 'Projects/Calendar', 'shared/info@example.test/Kalender', 'shared/info@example.test/INBOX/Calendar', 'Agenda']), new Map([['Agenda', 'mail']]), shared);
    expect(roles(typed)).toEqual({
      Calendar: 'calendar',
      'INBOX/Agenda': 'calendar',
      'Projects/Calendar': null,
      'shared/info@example.test/Kalender': 'calendar',
      'shared/info@example.test/INBOX/Calendar': 'calendar',
      Agenda: null,
    });
    expect(isCalendarByName({ path: 'shared/info@example.test/Calendar', delimiter: '/' }, [])).toBe(false);
  });

  it('without METADATA (null types) the name alone decides', () => {
    expect(roles(typeFolderRows(rows(['Calendar', 'Contacts']), null, shared))).toEqual({ Calendar: 'calendar', Contacts: null });
  });
});
