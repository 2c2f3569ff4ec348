import { describe, expect, it } from 'vitest';
import type { AccountId, Mailbox } from '../../../../../src/shared/model';
import { batches, keepsAny, offlineTargets, planFolder, windowStart } from '../../../../../src/main/services/offline/offlinePlan';

const mailbox = (id: string, prefix: string, offlineDays: number, hidden = false): Mailbox => ({
  id, accountId: 'a' as AccountId, kind: prefix ? 'shared' : 'own', source: prefix ? 'discovered' : 'account',
  address: `${id}@example.test`, displayName: id, prefix, rights: null, hidden, quota: null, offlineDays,
});

describe('windowStart', () => {
  it('is midnight UTC, N days before today (RFC 9051 SINCE ignores the time)', () => {
    expect(windowStart(Date.UTC(2026, 10, 25, 23, 59), 7).toISOString()).toBe('2026-11-18T00:00:00.000Z');
    expect(windowStart(Date.UTC(2026, 0, 3, 0, 0), 30).toISOString()).toBe('2025-12-04T00:00:00.000Z');
  });
});

describe('planFolder', () => {
  it('fetches what is missing newest first and drops what left the window or the server', () => {
    expect(planFolder([5, 6, 7, 9], [1, 5, 7, 8])).toEqual({ fetch: [9, 6], remove: [1, 8] });
  });
  it('does nothing when disk and window agree', () => {
    expect(planFolder([3, 4], [4, 3])).toEqual({ fetch: [], remove: [] });
  });
});

describe('offlineTargets', () => {
  const boxes = [mailbox('own', '', 30), mailbox('info', 'shared/info/', 0), mailbox('sales', 'shared/sales/', 7), mailbox('hid', 'shared/hid/', 7, true)];
  it('keeps the selectable folders of visible mailboxes that are switched on, with their window', () => {
    const folders = [
      { path: 'INBOX', flags: [] }, { path: 'Archive', flags: ['\\Noselect'] }, { path: 'shared/info/INBOX', flags: [] },
      { path: 'shared/sales/INBOX', flags: ['\\HasNoChildren'] }, { path: 'shared/hid/INBOX', flags: [] },
    ];
    expect(offlineTargets(folders, boxes)).toEqual([{ path: 'INBOX', days: 30 }, { path: 'shared/sales/INBOX', days: 7 }]);
  });
});

describe('batches and keepsAny', () => {
  it('splits in order and refuses an empty size', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(() => batches([1], 0)).toThrow(RangeError);
  });
  it('is true only for a positive window', () => {
    expect(keepsAny(undefined)).toBe(false);
    expect(keepsAny({ a: 0 })).toBe(false);
    expect(keepsAny({ a: 0, b: 7 })).toBe(true);
  });
});
