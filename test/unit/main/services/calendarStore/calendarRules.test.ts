/**
 * Rights and stamps of calendar writes (src/main/services/calendar/calendarRules.ts; issue #5 §4–5).
 */
import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../../../../src/shared/model/calendar';
import { icsFileName, stampEvent, stampImported, writeRefusal } from '../../../../../src/main/services/calendar/calendarRules';

const event = { uid: 'u', sequence: 3, created: 100, createdBy: 'bob@example.test', lastModified: 200, lastModifiedBy: 'bob@example.test' } as CalendarEvent;

describe('calendar write rules', () => {
  it('needs i to add, and t+e to change or delete (RFC 4314 §4)', () => {
    expect(writeRefusal('lr', 'create')).toBe('add events');
    expect(writeRefusal('lri', 'create')).toBeNull();
    expect(writeRefusal('lri', 'replace')).toBe('change events');
    expect(writeRefusal('lrte', 'delete')).toBeNull();
    expect(writeRefusal('lrite', 'replace')).toBeNull();
    expect(writeRefusal('lr', 'delete')).toBe('delete events');
    expect(writeRefusal(null, 'replace')).toBeNull();
  });

  it('stamps who changed it and when; a new event also who created it; a change raises SEQUENCE', () => {
    expect(stampEvent(event, { now: 999, by: 'alice@example.test', isNew: false })).toMatchObject({ sequence: 4, created: 100, createdBy: 'bob@example.test', lastModified: 999, lastModifiedBy: 'alice@example.test' });
    expect(stampEvent(event, { now: 999, by: 'alice@example.test', isNew: true })).toMatchObject({ sequence: 3, created: 999, createdBy: 'alice@example.test', lastModified: 999 });
    expect(stampImported({ ...event, created: 0, createdBy: null }, { now: 5, by: 'alice@example.test', uid: 'new' })).toMatchObject({ uid: 'new', created: 5, createdBy: 'alice@example.test', lastModifiedBy: 'alice@example.test' });
  });

  it('file names keep letters and digits only', () => {
    expect(icsFileName('info@example.test Calendar')).toBe('info@example.test Calendar.ics');
    expect(icsFileName('../../etc/passwd')).toBe('_.._etc_passwd.ics');
    expect(icsFileName('***')).toBe('calendar.ics');
  });
});
