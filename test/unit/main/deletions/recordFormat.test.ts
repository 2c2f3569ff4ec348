/** Issue #12 §7: the deletion record's fields written and read back; hostile and broken records ignored. */
import { describe, expect, it } from 'vitest';
import { parseRecord, recordBody, recordHeaders, recordSubject, isRecordsFolder, type DeletionFacts } from '../../../../src/main/services/deletions/recordFormat';
import { buildRecord, factsOf, relativeFolder } from '../../../../src/main/services/deletions/writeRecord';
import { recordFor, staleRecords } from '../../../../src/main/services/deletions/records';
import { restoreTargets } from '../../../../src/main/services/tasks/restoreTask';

const facts: DeletionFacts = {
  by: { name: 'Alice de Boer', address: 'alice@example.test' },
  at: Date.UTC(2026, 11, 7, 10, 2),
  fromFolder: 'INBOX',
  fromFolderName: 'Inbox',
  mailboxAddress: 'info@example.test',
  trashUidValidity: 1796676334,
  trashUids: [5, 6, 7, 9],
  messages: [{ subject: 'Offerte badkamer', from: 'Klant <klant@example.test>', date: Date.UTC(2026, 11, 6) }],
};

/** The header block as a server returns it for BODY.PEEK[HEADER.FIELDS (…)]. */
const block = (headers: { key: string; value: string }[]) => headers.map((h) => `${h.key}: ${h.value}`).join('\r\n') + '\r\n\r\n';

describe('deletion record format', () => {
  it('reads back what it wrote', () => {
    expect(parseRecord(block(recordHeaders(facts)))).toEqual({
      by: { name: 'Alice de Boer', address: 'alice@example.test' },
      at: facts.at,
      fromFolder: 'INBOX',
      trashUidValidity: 1796676334,
      trashUids: '5:7,9',
    });
  });

  it('reads back a whole built message, names and folders with any characters', async () => {
    const odd: DeletionFacts = { ...facts, by: { name: 'Zoë "Z" Ünal, قسم', address: 'zoe@example.test' }, fromFolder: 'Projecten/Één: 50% klaar' };
    const raw = (await buildRecord(odd, { by: odd.by, mailbox: { address: 'info@example.test', displayName: 'Info' } })).toString('latin1');
    const header = raw.slice(0, raw.indexOf('\r\n\r\n') + 4);
    expect(parseRecord(header)).toMatchObject({ by: odd.by, fromFolder: 'Projecten/Één: 50% klaar' });
    expect(raw).toMatch(/^Subject: Deleted: Offerte badkamer \(and 3 more\)\r$/m);
  });

  it('splits a long UID set over repeated fields under the line limit and joins them again', () => {
    const uids = Array.from({ length: 5000 }, (_, i) => 1 + i * 2);
    const headers = recordHeaders({ ...facts, trashUids: uids });
    const sets = headers.filter((h) => h.key === 'X-Postvak-Trash-UIDs');
    expect(sets.length).toBeGreaterThan(1);
    for (const h of headers) expect(`${h.key}: ${h.value}`.length).toBeLessThan(998);
    const parsed = parseRecord(block(headers));
    expect(parsed?.trashUids.split(',')).toHaveLength(5000);
  });

  it('keeps a CR/LF in a name or subject from starting a header of its own', async () => {
    const hostile: DeletionFacts = {
      ...facts,
      by: { name: 'Mallory\r\nX-Postvak-Deleted-By: bob%40example.test Bob', address: 'mallory@example.test' },
      messages: [{ subject: 'Hi\r\nX-Postvak-Trash-UIDs: 1:99999', from: '', date: null }],
    };
    const raw = (await buildRecord(hostile, { by: hostile.by, mailbox: { address: 'info@example.test', displayName: 'Info' } })).toString('latin1');
    const header = raw.slice(0, raw.indexOf('\r\n\r\n') + 4);
    expect(header.match(/^X-Postvak-Deleted-By:/gim)).toHaveLength(1);
    expect(parseRecord(header)).toMatchObject({ by: { address: 'mallory@example.test' }, trashUids: '5:7,9' });
    expect(recordSubject(hostile)).not.toMatch(/[\r\n]/);
    expect(recordBody(hostile)).not.toContain('\r');
  });

  it.each([
    ['no version', (h: string) => h.replace(/^X-Postvak-Deletion: 1\r\n/m, '')],
    ['another version', (h: string) => h.replace('X-Postvak-Deletion: 1', 'X-Postvak-Deletion: 2')],
    ['two authors', (h: string) => h.replace(/^(X-Postvak-Deleted-By: .*)$/m, '$1\r\n$1')],
    ['no address', (h: string) => h.replace(/^X-Postvak-Deleted-By: .*$/m, 'X-Postvak-Deleted-By: Alice')],
    ['control characters in the name', (h: string) => h.replace(/^X-Postvak-Deleted-By: .*$/m, 'X-Postvak-Deleted-By: a%40b.test A%0AB')],
    ['a bad percent escape', (h: string) => h.replace(/^X-Postvak-Deleted-From: .*$/m, 'X-Postvak-Deleted-From: %E0%A4%A')],
    ['a time that is no time', (h: string) => h.replace(/^X-Postvak-Deleted-At: .*$/m, 'X-Postvak-Deleted-At: yesterday')],
    ['UIDVALIDITY 0', (h: string) => h.replace(/^X-Postvak-Trash-UIDValidity: .*$/m, 'X-Postvak-Trash-UIDValidity: 0')],
    ['a UID set with *', (h: string) => h.replace(/^X-Postvak-Trash-UIDs: .*$/m, 'X-Postvak-Trash-UIDs: 1:*')],
    ['UID 0', (h: string) => h.replace(/^X-Postvak-Trash-UIDs: .*$/m, 'X-Postvak-Trash-UIDs: 0:3')],
    ['too many UIDs', (h: string) => h.replace(/^X-Postvak-Trash-UIDs: .*$/m, 'X-Postvak-Trash-UIDs: 1:4000000000')],
    ['no UIDs', (h: string) => h.replace(/^X-Postvak-Trash-UIDs: .*\r\n/m, '')],
  ])('ignores a record with %s', (_name, damage) => {
    const good = block(recordHeaders(facts));
    expect(parseRecord(good)).not.toBeNull();
    expect(parseRecord(damage(good))).toBeNull();
  });

  it('unfolds folded fields (RFC 5322 §2.2.3)', () => {
    const folded = block(recordHeaders(facts)).replace('X-Postvak-Trash-UIDs: 5:7,9', 'X-Postvak-Trash-UIDs: 5:7,\r\n 9');
    expect(parseRecord(folded)?.trashUids).toBe('5:7,9');
  });

  it('records the folder relative to the mailbox, so every member places it under their own prefix', () => {
    expect(relativeFolder('shared/info@example.test/', 'shared/info@example.test/INBOX')).toBe('INBOX');
    expect(factsOf({ mailbox: { address: 'info@example.test', displayName: 'Info', prefix: 'shared/info@example.test/' }, by: facts.by, sourcePath: 'shared/info@example.test/Offertes/2026', trashPath: 'shared/info@example.test/Trash', delimiter: '/', trashUids: [3], summaries: [], now: 0 }, 7)).toMatchObject({
      fromFolder: 'Offertes/2026',
      fromFolderName: '2026',
      trashUidValidity: 7,
    });
  });

  it('knows its folder only directly under a Trash', () => {
    expect(isRecordsFolder({ name: 'Postvak deletions', parentPath: 'shared/info@example.test/Trash' }, 'trash')).toBe(true);
    expect(isRecordsFolder({ name: 'Postvak deletions', parentPath: 'Projects' }, null)).toBe(false);
    expect(isRecordsFolder({ name: 'Postvak deletions', parentPath: null }, undefined)).toBe(false);
  });
});

describe('records against Trash', () => {
  const one = { by: facts.by, at: 1, fromFolder: 'INBOX', trashUidValidity: 7, trashUids: '5:7' };
  const two = { by: { name: 'Bob', address: 'bob@example.test' }, at: 2, fromFolder: 'Offertes', trashUidValidity: 7, trashUids: '9' };
  const old = { ...two, trashUidValidity: 6, trashUids: '5' };
  const records = new Map([
    [1, one],
    [2, two],
    [3, old],
  ]);

  it('finds the record of a Trash UID of this UIDVALIDITY only', () => {
    expect(recordFor(records, 7, 6)).toBe(one);
    expect(recordFor(records, 7, 9)).toBe(two);
    expect(recordFor(records, 7, 8)).toBeNull();
    expect(recordFor(records, 6, 5)).toBe(old);
  });

  it('calls records stale when none of their messages is left, or from another UIDVALIDITY', () => {
    expect(staleRecords(records, 7, new Set([6]))).toEqual([2, 3]);
    expect(staleRecords(records, 7, new Set([5, 9]))).toEqual([3]);
  });

  it('restores each message to its recorded folder, else to the Inbox', () => {
    const folders = [
      { path: 'shared/info@example.test/INBOX', selectable: true },
      { path: 'shared/info@example.test/Offertes', selectable: false },
    ];
    const targets = restoreTargets([5, 9, 12], (uid) => recordFor(records, 7, uid), { prefix: 'shared/info@example.test/' }, folders, 'shared/info@example.test/INBOX');
    // 9's folder is no longer selectable, 12 has no record: both to the Inbox.
    expect(Object.fromEntries(targets)).toEqual({ 'shared/info@example.test/INBOX': [5, 9, 12] });
    const withOffertes = restoreTargets([5, 9], (uid) => recordFor(records, 7, uid), { prefix: 'shared/info@example.test/' }, [folders[0]!, { ...folders[1]!, selectable: true }], null);
    expect(Object.fromEntries(withOffertes)).toEqual({ 'shared/info@example.test/INBOX': [5], 'shared/info@example.test/Offertes': [9] });
  });
});
