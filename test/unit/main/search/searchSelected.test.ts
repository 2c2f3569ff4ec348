/**
 * Issue #13 §4: how a SEARCH answer becomes hits (imap/searchOps.ts), for both answer forms
 * imapflow gives — an ESEARCH object (RFC 4731) and a plain number list — with the request it
 * makes. The servers' own answers are tested in test/integration/search.
 */
import { describe, expect, it } from 'vitest';
import type { ImapFlow } from 'imapflow';
import { searchSelected } from '../../../../src/main/services/imap/searchOps';

function client(answer: unknown) {
  const calls: unknown[][] = [];
  const fake = {
    search: async (...args: unknown[]) => {
      calls.push(args);
      return answer;
    },
  };
  return { calls, flow: fake as unknown as ImapFlow };
}

describe('searchSelected', () => {
  it('asks UID SEARCH RETURN (ALL COUNT) with the criteria, ALL for none', async () => {
    const { calls, flow } = client({ all: '4', count: 1 });
    await searchSelected(flow, 'INBOX', { from: 'marieke' }, 10);
    await searchSelected(flow, 'INBOX', {}, 10);
    expect(calls).toEqual([
      [{ from: 'marieke' }, { uid: true, returnOptions: ['ALL', 'COUNT'] }],
      [{ all: true }, { uid: true, returnOptions: ['ALL', 'COUNT'] }],
    ]);
  });

  it('reads an ESEARCH answer: the newest UIDs of the set, the COUNT of all; no ALL means no hits', async () => {
    expect(await searchSelected(client({ all: '1:3,7,20:22', count: 7 }).flow, 'INBOX', { text: 'x' }, 4)).toEqual({ uids: [22, 21, 20, 7], total: 7, esearch: true });
    expect(await searchSelected(client({ count: 0 }).flow, 'INBOX', { text: 'x' }, 4)).toEqual({ uids: [], total: 0, esearch: true });
  });

  it('reads a plain SEARCH answer (a server without ESEARCH) the same way', async () => {
    expect(await searchSelected(client([3, 22, 7, 1]).flow, 'INBOX', { text: 'x' }, 2)).toEqual({ uids: [22, 7], total: 4, esearch: false });
  });

  it('sends nothing for criteria that match nothing, and throws when the server refuses or garbles', async () => {
    const { calls, flow } = client([1]);
    expect(await searchSelected(flow, 'INBOX', null, 5)).toEqual({ uids: [], total: 0, esearch: false });
    expect(calls).toEqual([]);
    await expect(searchSelected(client(false).flow, 'INBOX', { text: 'x' }, 5)).rejects.toMatchObject({ code: 'searchFailed' });
    await expect(searchSelected(client({ all: '1:*' }).flow, 'INBOX', { text: 'x' }, 5)).rejects.toMatchObject({ code: 'searchFailed' });
  });
});
