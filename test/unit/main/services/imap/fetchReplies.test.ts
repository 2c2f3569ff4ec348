/**
 * Issue #10 §13: FETCH replies the server sends unasked while answering (RFC 9051 §7.5.2) —
 * Dovecot's way of reporting a private flag set by another session, seen against the real server
 * in test/integration/services/unsolicitedFlags.test.ts — update flags; they never erase them.
 */
import { describe, expect, it } from 'vitest';
import { latestFlags, replyUids, type FetchReply } from '../../../../../src/main/services/imap/fetchReplies';

const flags = (...names: string[]) => new Set(names);

describe('latestFlags', () => {
  it('takes the last word per message: the unsolicited reply after the stale answer', () => {
    const replies: FetchReply[] = [
      { seq: 5, uid: 5, flags: flags('\\Answered'), modseq: 5n },
      { seq: 5, flags: flags('\\Answered', '\\Seen'), modseq: 5n },
    ];
    expect([...latestFlags(replies, true)]).toEqual([[5, { flags: flags('\\Answered', '\\Seen'), modseq: 5n }]]);
  });

  it('never reads a reply without FLAGS as "no flags"', () => {
    const replies: FetchReply[] = [
      { seq: 5, uid: 5, flags: flags('\\Answered'), modseq: 4n },
      { seq: 5, uid: 5, modseq: 5n },
    ];
    expect(latestFlags(replies, true).get(5)).toEqual({ flags: flags('\\Answered'), modseq: 4n });
  });

  it('keeps the modseq it had when a later reply carries flags but no MODSEQ', () => {
    const replies: FetchReply[] = [
      { seq: 2, uid: 7, flags: flags(), modseq: 9n },
      { seq: 2, flags: flags('\\Flagged') },
    ];
    expect(latestFlags(replies, true).get(7)).toEqual({ flags: flags('\\Flagged'), modseq: 9n });
  });

  it('drops a reply by number alone when an expunge may have moved the numbers', () => {
    const replies: FetchReply[] = [
      { seq: 3, uid: 10, flags: flags(), modseq: 2n },
      { seq: 3, flags: flags('\\Deleted'), modseq: 3n },
    ];
    expect(latestFlags(replies, false).get(10)).toEqual({ flags: flags(), modseq: 2n });
  });

  it('leaves out a reply about a message the answer never named', () => {
    const replies: FetchReply[] = [
      { seq: 1, uid: 1, flags: flags('\\Seen'), modseq: 3n },
      { seq: 9, flags: flags('\\Seen'), modseq: 4n },
    ];
    expect([...latestFlags(replies, true).keys()]).toEqual([1]);
  });
});

describe('replyUids', () => {
  it('names each reply by its UID, or by the UID its number had in the same answer', () => {
    const replies: FetchReply[] = [{ seq: 4 }, { seq: 4, uid: 12 }, { seq: 6, uid: 15 }, { seq: 8 }];
    expect(replyUids(replies, true)).toEqual([12, 12, 15, undefined]);
    expect(replyUids(replies, false)).toEqual([undefined, 12, 15, undefined]);
  });
});
