/**
 * Issue #13 §4: which folders of a request main searches, which hits need a summary (pure).
 */
import { describe, expect, it } from 'vitest';
import { byAccount, folderAccess, uncachedHits, type KnownFolders } from '../../../../src/main/services/search/searchPlan';
import { newestOf } from '../../../../src/main/services/imap/searchOps';
import { parseUidSet } from '../../../../src/shared/uidSet';

describe('byAccount', () => {
  it('groups folders per account in the order asked, each folder once', () => {
    const f = (accountId: string, folderPath: string) => ({ accountId, folderPath, cached: null });
    const groups = byAccount([f('a', 'INBOX'), f('b', 'INBOX'), f('a', 'Sent'), f('a', 'INBOX'), f('b', 'shared/info@example.test/INBOX')]);
    expect([...groups].map(([id, list]) => [id, list.map((x) => x.folderPath)])).toEqual([
      ['a', ['INBOX', 'Sent']],
      ['b', ['INBOX', 'shared/info@example.test/INBOX']],
    ]);
  });
});

describe('uncachedHits', () => {
  const hits = [90, 70, 50, 30, 10];

  it('wants every hit when the cache holds nothing of the folder, newest first, at most the limit', () => {
    expect(uncachedHits(hits, null, 5, 3)).toEqual([90, 70, 50]);
  });

  it('wants every hit under another UIDVALIDITY: the cached UIDs name other messages', () => {
    expect(uncachedHits(hits, { uidValidity: 4, uidNext: 100 }, 5, 10)).toEqual(hits);
  });

  it('wants only the hits at or above the cached UIDNEXT under the same UIDVALIDITY', () => {
    expect(uncachedHits(hits, { uidValidity: 5, uidNext: 70 }, 5, 10)).toEqual([90, 70]);
    expect(uncachedHits(hits, { uidValidity: 5, uidNext: 91 }, 5, 10)).toEqual([]);
  });
});

describe('newestOf (an ESEARCH ALL set, RFC 4731)', () => {
  it('takes the highest UIDs first without expanding the rest', () => {
    expect(newestOf(parseUidSet('1:3,7,10:12'), 4)).toEqual([12, 11, 10, 7]);
    expect(newestOf(parseUidSet('1:4000000000'), 3)).toEqual([4000000000, 3999999999, 3999999998]);
    expect(newestOf(parseUidSet('5'), 10)).toEqual([5]);
    expect(newestOf([], 10)).toEqual([]);
  });
});

describe('folderAccess', () => {
  const known: KnownFolders = {
    folders: [
      { path: 'INBOX', selectable: true },
      { path: 'Archief', selectable: false },
      { path: 'shared/info@example.test/INBOX', selectable: true },
      { path: 'shared/hidden@example.test/INBOX', selectable: true },
      { path: 'shared/routed@example.test/INBOX', selectable: true },
    ],
    mailboxOf: (path) => {
      if (path.startsWith('shared/hidden@')) return { address: 'hidden@example.test', hidden: true, source: 'discovered' };
      if (path.startsWith('shared/routed@')) return { address: 'routed@example.test', hidden: true, via: 'other' as never, source: 'discovered' };
      if (path.startsWith('shared/info@')) return { address: 'info@example.test', hidden: false, source: 'discovered' };
      return { address: 'alice@example.test', hidden: false, source: 'account' };
    },
    sharedPrefixes: ['shared/'],
  };

  it('searches the folders this login lists', () => {
    expect(folderAccess('INBOX', known)).toEqual({ ok: true });
    expect(folderAccess('shared/info@example.test/INBOX', known)).toEqual({ ok: true });
  });

  it('refuses a folder of another person’s mailbox this login does not list (no rights)', () => {
    expect(folderAccess('shared/sales@example.test/INBOX', known)).toMatchObject({ ok: false, code: 'notPermitted' });
  });

  it('says a vanished own folder is gone, and a \\Noselect one holds nothing', () => {
    expect(folderAccess('Projecten', known)).toMatchObject({ ok: false, code: 'folderGone' });
    expect(folderAccess('Archief', known)).toMatchObject({ ok: false, code: 'folderGone' });
  });

  it('refuses a hidden mailbox and one used through another account', () => {
    expect(folderAccess('shared/hidden@example.test/INBOX', known)).toMatchObject({ ok: false, code: 'notPermitted', message: expect.stringContaining('hidden') });
    expect(folderAccess('shared/routed@example.test/INBOX', known)).toMatchObject({ ok: false, code: 'notPermitted', message: expect.stringContaining('another account') });
  });
});
