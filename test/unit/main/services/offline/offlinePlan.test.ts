import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccountId, Mailbox } from '../../../../../src/shared/model';
import { batches, keepsAny, offlineTargets, planFolder, windowStart } from '../../../../../src/main/services/offline/offlinePlan';
import { folderKey, OfflineStore, uidFile, uidsOf } from '../../../../../src/main/services/offline/offlineStore';

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

describe('OfflineStore', () => {
  it('names files by account, hashed folder, UIDVALIDITY and UID', () => {
    expect(folderKey('INBOX')).toMatch(/^[0-9a-f]{40}$/);
    expect(folderKey('../x')).not.toContain('/');
    expect(uidFile('/p/offline', 'acc', 'INBOX', 7, 42)).toBe(join('/p/offline', 'acc', folderKey('INBOX'), '7', '42.eml'));
    expect(uidsOf(['3.eml', '10.eml', '4.eml.ab12.tmp', 'x.eml', '2.eml'])).toEqual([2, 3, 10]);
  });

  it('discards another UIDVALIDITY, writes without leftovers, reads, and removes folders no longer kept', async () => {
    const root = mkdtempSync(join(tmpdir(), 'postvak-offline-'));
    try {
      const store = new OfflineStore(root);
      await store.prepare('a', 'INBOX', 1);
      await store.write('a', 'INBOX', 1, 5, Buffer.from('old'));
      expect(await store.prepare('a', 'INBOX', 2)).toEqual([]);
      expect(await store.read('a', 'INBOX', 5, 100)).toBeNull();
      await store.write('a', 'INBOX', 2, 5, Buffer.from('new'));
      writeFileSync(join(root, 'a', folderKey('INBOX'), '2', '6.eml.dead.tmp'), 'x');
      expect(await store.prepare('a', 'INBOX', 2)).toEqual([5]);
      expect((await store.read('a', 'INBOX', 5, 100))?.toString()).toBe('new');
      expect(await store.read('a', 'INBOX', 5, 2)).toBeNull();
      await store.remove('a', 'INBOX', 2, [5]);
      expect(await store.read('a', 'INBOX', 5, 100)).toBeNull();
      await store.prepare('a', 'Sent', 3);
      await store.keepOnly('a', ['Sent']);
      expect(readdirSync(join(root, 'a'))).toEqual([folderKey('Sent')]);
      await store.removeAccount('a');
      expect(readdirSync(root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
