/**
 * Duplicates converge (src/main/services/calendar/duplicates.ts; issue #5 §5): highest UID wins.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarEvent, StoredEvent } from '../../../../../src/shared/model/calendar';
import { mayExpunge, resolveDuplicates } from '../../../../../src/main/services/calendar/duplicates';

const stored = (imapUid: number, uid: string | null): StoredEvent => ({
  accountId: 'a',
  folderPath: 'Calendar',
  imapUid,
  modseq: '1',
  event: uid ? ({ uid } as CalendarEvent) : null,
  error: uid ? null : 'unreadable',
});

describe('resolveDuplicates', () => {
  it('keeps the highest UID of each event, in the batch and in the folder', () => {
    const batch = [stored(5, 'a'), stored(7, 'a'), stored(8, 'b'), stored(9, null)];
    const listed = [
      { uid: 2, subject: 'a', deleted: false },
      { uid: 5, subject: 'a', deleted: false },
      { uid: 7, subject: 'a', deleted: false },
      { uid: 8, subject: 'b', deleted: false },
      { uid: 10, subject: 'b', deleted: false },
      { uid: 3, subject: 'c', deleted: false },
    ];
    const { keep, losers } = resolveDuplicates(batch, listed);
    expect(keep.map((e) => e.imapUid)).toEqual([7, 9]);
    expect(losers).toEqual([2, 5, 8]);
  });

  it('a \\Deleted message (the old half of a compare-and-swap) is no rival and not removed again', () => {
    const { keep, losers } = resolveDuplicates([stored(4, 'a')], [
      { uid: 4, subject: 'a', deleted: false },
      { uid: 6, subject: 'a', deleted: true },
      { uid: 1, subject: 'a', deleted: true },
    ]);
    expect(keep.map((e) => e.imapUid)).toEqual([4]);
    expect(losers).toEqual([]);
  });

  it('only members with t and e remove duplicates; no ACL means all rights', () => {
    expect([mayExpunge('lrwstipekxa'), mayExpunge('lr'), mayExpunge('lrti'), mayExpunge(null)]).toEqual([true, false, false, true]);
  });
});
