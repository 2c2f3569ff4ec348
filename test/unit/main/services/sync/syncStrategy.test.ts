import { describe, expect, it } from 'vitest';
import type { FolderCursor } from '../../../../../src/shared/model';
import { syncStrategy } from '../../../../../src/main/services/sync/syncStrategy';

const cursor: FolderCursor = { path: 'INBOX', uidValidity: 7, uidNext: 101, highestModseq: '5000', count: 90 };
const same = { uidValidity: 7, uidNext: 101, highestModseq: '5000', exists: 90 };
const both = { condstore: true, qresync: true };
const condstoreOnly = { condstore: true, qresync: false };
const neither = { condstore: false, qresync: false };

describe('syncStrategy', () => {
  it('full when nothing is cached', () => {
    expect(syncStrategy(null, same, both).type).toBe('full');
  });

  it('reset when UIDVALIDITY changed, whatever else matches', () => {
    expect(syncStrategy(cursor, { ...same, uidValidity: 8 }, both)).toMatchObject({ type: 'reset' });
    expect(syncStrategy(cursor, { ...same, uidValidity: 6 }, neither).type).toBe('reset');
  });

  it('none when HIGHESTMODSEQ, UIDNEXT and the count are unchanged', () => {
    expect(syncStrategy(cursor, same, both).type).toBe('none');
    expect(syncStrategy(cursor, same, condstoreOnly).type).toBe('none');
  });

  it('qresync when something changed and QRESYNC is enabled', () => {
    expect(syncStrategy(cursor, { ...same, highestModseq: '5001' }, both).type).toBe('qresync');
    expect(syncStrategy(cursor, { ...same, uidNext: 102, exists: 91 }, both).type).toBe('qresync');
    expect(syncStrategy(cursor, { ...same, exists: 89 }, both).type).toBe('qresync');
  });

  it('condstore when something changed and only CONDSTORE is there', () => {
    expect(syncStrategy(cursor, { ...same, highestModseq: '5001' }, condstoreOnly).type).toBe('condstore');
  });

  it('full without CONDSTORE, even when everything looks unchanged (flags may have changed)', () => {
    const noModseq = { ...cursor, highestModseq: '0' };
    expect(syncStrategy(noModseq, { ...same, highestModseq: '0' }, neither).type).toBe('full');
    expect(syncStrategy(cursor, same, neither).type).toBe('full');
  });

  it('full when the mailbox has no mod-sequences (NOMODSEQ) although the server has CONDSTORE', () => {
    expect(syncStrategy(cursor, { ...same, highestModseq: '0' }, both).type).toBe('full');
  });

  it('full when the cache was filled without mod-sequences', () => {
    expect(syncStrategy({ ...cursor, highestModseq: '0' }, same, both).type).toBe('full');
  });

  it('full when HIGHESTMODSEQ went backwards', () => {
    expect(syncStrategy(cursor, { ...same, highestModseq: '4999' }, both)).toMatchObject({
      type: 'full',
      reason: expect.stringMatching(/backwards/),
    });
  });

  it('full when UIDNEXT went backwards', () => {
    expect(syncStrategy(cursor, { ...same, uidNext: 50, highestModseq: '6000' }, both).reason).toMatch(/UIDNEXT/);
  });

  it('compares 63-bit modseqs exactly', () => {
    const big = { ...cursor, highestModseq: '9223372036854775806' };
    expect(syncStrategy(big, { ...same, highestModseq: '9223372036854775807' }, both).type).toBe('qresync');
    expect(syncStrategy(big, { ...same, highestModseq: '9223372036854775806' }, both).type).toBe('none');
  });

  it('gives a reason for every decision', () => {
    for (const server of [same, { ...same, uidValidity: 1 }, { ...same, highestModseq: '6000' }]) {
      expect(syncStrategy(cursor, server, both).reason.length).toBeGreaterThan(5);
    }
  });
});
