import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageBody } from '../../../../../src/shared/model';
import { removeAccountData } from '../../../../../src/renderer/db/accountData';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { applyLocalFlags, cacheBody, removeLocalMessage } from '../../../../../src/renderer/db/localChanges';
import { accountA, accountB, folder, foldersBatch, mailbox, message, messagesBatch } from '../../db/fixtures';
import { found, findWord, openKit, word, type Kit } from './feederKit';

let kit: Kit;
beforeEach(async () => {
  kit = await openKit();
  await applySyncBatch(kit.db, foldersBatch([folder('INBOX'), folder('Archive')]));
  kit.feeder.start();
});
afterEach(async () => {
  await kit.close();
});

const unread = [{ term: { kind: 'is', state: 'unread' }, negated: false }] as const;
const inbox = `${accountA}|INBOX`;
const archive = `${accountA}|Archive`;

function body(uid: number, fields: Partial<MessageBody>): MessageBody {
  return {
    accountId: accountA,
    folderPath: 'INBOX',
    uid,
    html: null,
    text: null,
    attachments: [],
    inlineImages: {},
    headers: { from: [], to: [], cc: [], replyTo: [], sender: [], subject: '', date: 0, messageId: null, inReplyTo: null, references: [], deliveredTo: [], authResults: [] },
    invitations: [],
    ...fields,
  };
}

describe('search feeder', () => {
  it('indexes arrivals by subject, sender, recipients, attachment names and snippet', async () => {
    await applySyncBatch(
      kit.db,
      messagesBatch('INBOX', {
        upserts: [
          message(1, { subject: 'Factuur coördinatie', from: [{ name: 'Mevrouw de Vries', address: 'devries@klant.test' }] }),
          message(2, { subject: 'Lunch', cc: [{ name: 'Carol', address: 'carol@example.test' }], attachmentNames: ['offerte-2026.pdf'], hasAttachments: true }),
        ],
      }),
    );
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'coordinatie')).toEqual([`${inbox}|1`]);
    expect(await findWord(kit.engine, 'vries', 'from')).toEqual([`${inbox}|1`]);
    expect(await findWord(kit.engine, 'carol', 'cc')).toEqual([`${inbox}|2`]);
    expect(await findWord(kit.engine, 'offerte', 'filename')).toEqual([`${inbox}|2`]);
    expect(await findWord(kit.engine, 'snippet')).toEqual([`${inbox}|2`, `${inbox}|1`]);
    // A later batch while the feeder runs: found too.
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(3, { subject: 'Herinnering factuur' })] }));
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'factuur')).toEqual([`${inbox}|3`, `${inbox}|1`]);
  });

  it('leaves calendar folders out: their events are no mail', async () => {
    await applySyncBatch(kit.db, foldersBatch([folder('INBOX'), folder('Archive'), folder('Calendar', accountA, { role: 'calendar' })]));
    await applySyncBatch(kit.db, messagesBatch('Calendar', { upserts: [message(4, { folderPath: 'Calendar', subject: 'Beurs planning' })] }));
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(5, { subject: 'Beurs verslag' })] }));
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'beurs')).toEqual([`${inbox}|5`]);
  });

  it('gives the newest first, whatever the order of arrival', async () => {
    const day = 86_400_000;
    await applySyncBatch(
      kit.db,
      messagesBatch('INBOX', {
        upserts: [message(1, { date: 5 * day, subject: 'report' }), message(2, { date: 9 * day, subject: 'report' }), message(3, { date: 1 * day, subject: 'report' })],
      }),
    );
    await applySyncBatch(kit.db, messagesBatch('Archive', { upserts: [message(7, { folderPath: 'Archive', date: 7 * day, subject: 'report' })] }));
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'report')).toEqual([`${inbox}|2`, `${archive}|7`, `${inbox}|1`, `${inbox}|3`]);
  });

  it('follows flag changes from the sync and from the person', async () => {
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(1), message(2), message(3)] }));
    await kit.feeder.whenCurrent();
    expect(await found(kit.engine, [[...unread]])).toEqual([`${inbox}|3`, `${inbox}|2`, `${inbox}|1`]);
    await applySyncBatch(kit.db, messagesBatch('INBOX', { flagUpdates: [{ uid: 2, flags: ['\\Seen'], modseq: '20' }] }));
    await applyLocalFlags(kit.db, [accountA, 'INBOX', 3], ['\\Seen'], []);
    await kit.feeder.whenCurrent();
    expect(await found(kit.engine, [[...unread]])).toEqual([`${inbox}|1`]);
  });

  it('forgets expunged messages, and messages the person deleted', async () => {
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(1), message(2), message(3)] }));
    await kit.feeder.whenCurrent();
    await applySyncBatch(kit.db, messagesBatch('INBOX', { removedUids: [1] }));
    await removeLocalMessage(kit.db, [accountA, 'INBOX', 3]);
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'message')).toEqual([`${inbox}|2`]);
  });

  it('moves a message: gone from its folder, found in the other', async () => {
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(1, { subject: 'Contract Jansen' }), message(2)] }));
    await kit.feeder.whenCurrent();
    await removeLocalMessage(kit.db, [accountA, 'INBOX', 1]);
    await applySyncBatch(kit.db, messagesBatch('Archive', { upserts: [message(40, { folderPath: 'Archive', subject: 'Contract Jansen' })] }));
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'jansen')).toEqual([`${archive}|40`]);
  });

  it('re-indexes a folder whose UIDVALIDITY changed: the old messages are gone', async () => {
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(1, { subject: 'oud bericht' }), message(2, { subject: 'oud bericht' })] }));
    await kit.feeder.whenCurrent();
    await applySyncBatch(kit.db, messagesBatch('INBOX', { reset: true, upserts: [message(1, { subject: 'nieuw bericht' })] }));
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'oud')).toEqual([]);
    expect(await findWord(kit.engine, 'nieuw')).toEqual([`${inbox}|1`]);
  });

  it('drops a folder that vanished and an account that was removed', async () => {
    await applySyncBatch(kit.db, foldersBatch([folder('INBOX', accountB)], accountB, [mailbox(accountB)]));
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(1, { subject: 'budget' })] }));
    await applySyncBatch(kit.db, messagesBatch('Archive', { upserts: [message(2, { folderPath: 'Archive', subject: 'budget' })] }));
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(3, { accountId: accountB, subject: 'budget' })] }, accountB));
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'budget')).toEqual([`${accountB}|INBOX|3`, `${archive}|2`, `${inbox}|1`]);
    await applySyncBatch(kit.db, foldersBatch([folder('INBOX')]));
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'budget')).toEqual([`${accountB}|INBOX|3`, `${inbox}|1`]);
    await removeAccountData(kit.db, accountB);
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'budget')).toEqual([`${inbox}|1`]);
  });

  it('fills an engine that was emptied again from the cache', async () => {
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(1, { subject: 'kwartaalcijfers' }), message(2, { flags: ['\\Seen'] })] }));
    await kit.feeder.whenCurrent();
    await kit.engine.clear();
    expect(await findWord(kit.engine, 'kwartaalcijfers')).toEqual([]);
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'kwartaalcijfers')).toEqual([`${inbox}|1`]);
    expect(await found(kit.engine, [[...unread]])).toEqual([`${inbox}|1`]);
  });

  it('finds words of a body once it is stored, plain text or HTML', async () => {
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(1), message(2), message(3, { flags: ['\\Seen'] })] }));
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'zonnebloem')).toEqual([]);
    await cacheBody(kit.db, [accountA, 'INBOX', 1], body(1, { text: 'De zonnebloem staat in de vaas.' }));
    await cacheBody(kit.db, [accountA, 'INBOX', 3], body(3, { html: '<style>.tulp{}</style><p>Een <b>zonne</b>bloem</p><script>tulpenbol()</script>' }));
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'zonnebloem', 'body')).toEqual([`${inbox}|3`, `${inbox}|1`]);
    expect(await findWord(kit.engine, 'vaas')).toEqual([`${inbox}|1`]);
    expect(await findWord(kit.engine, 'tulp')).toEqual([]);
    // The body stays with the message through a flag change.
    await applyLocalFlags(kit.db, [accountA, 'INBOX', 1], ['\\Seen'], []);
    await kit.feeder.whenCurrent();
    expect(await found(kit.engine, [[word('zonnebloem', 'body')], [...unread]])).toEqual([]);
    expect(await found(kit.engine, [[word('zonnebloem', 'body')]])).toEqual([`${inbox}|3`, `${inbox}|1`]);
    expect(await findWord(kit.engine, 'vaas', 'body')).toEqual([`${inbox}|1`]);
  });

  it('finds every body of many stored in the same millisecond', async () => {
    const count = 250;
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: Array.from({ length: count }, (_, at) => message(at + 1)) }));
    await kit.feeder.whenCurrent();
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_765_000_000_000);
    try {
      for (let uid = 1; uid <= count; uid++) await cacheBody(kit.db, [accountA, 'INBOX', uid], body(uid, { text: `Bestelling kantoorstoelen ${uid}` }));
    } finally {
      now.mockRestore();
    }
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'kantoorstoelen', 'body')).toHaveLength(count);
  }, 30_000);

  it('indexes a body stored before its message reached the index with the message', async () => {
    kit.feeder.stop();
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(5)] }));
    await cacheBody(kit.db, [accountA, 'INBOX', 5], body(5, { text: 'Kerstborrel vrijdag' }));
    const feeder = kit.restart();
    await feeder.whenCurrent();
    expect(await findWord(kit.engine, 'kerstborrel', 'body')).toEqual([`${inbox}|5`]);
  });

  it('catches up after a restart from the revision the engine kept', async () => {
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(1, { subject: 'alpha' }), message(2, { subject: 'beta' }), message(3, { subject: 'gamma' })] }));
    await kit.feeder.whenCurrent();
    kit.feeder.stop();
    // While no feeder ran: an arrival, a flag change, an expunge.
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(4, { subject: 'delta' })], flagUpdates: [{ uid: 2, flags: ['\\Seen'], modseq: '30' }], removedUids: [3] }));
    await kit.restart().whenCurrent();
    expect(await findWord(kit.engine, 'delta')).toEqual([`${inbox}|4`]);
    expect(await findWord(kit.engine, 'gamma')).toEqual([]);
    expect(await found(kit.engine, [[...unread]])).toEqual([`${inbox}|4`, `${inbox}|1`]);
  });
});

describe('search feeder while the sync is busy', () => {
  it('rests three times each step between steps while a sync pass runs, and still gets everything indexed', async () => {
    let clock = 0;
    const rests: number[] = [];
    let busy = true;
    const paced = await openKit(undefined, {
      batchSize: 50,
      busy: () => busy,
      // Every reading of the clock moves it 10 ms: each step "takes" at least 10 ms.
      now: () => (clock += 10),
      rest: async (ms) => {
        rests.push(ms);
      },
    });
    try {
      await applySyncBatch(paced.db, foldersBatch([folder('INBOX')]));
      await applySyncBatch(paced.db, messagesBatch('INBOX', { upserts: Array.from({ length: 400 }, (_, i) => message(i + 1, { subject: `Orderbevestiging ${i + 1}` })) }));
      paced.feeder.start();
      await paced.feeder.whenCurrent();
      expect((await findWord(paced.engine, 'orderbevestiging')).length).toBe(400);
      expect(rests.length).toBeGreaterThan(0);
      for (const ms of rests) expect(ms).toBeGreaterThanOrEqual(30);
      // Sync done: no more rests.
      busy = false;
      rests.length = 0;
      await applySyncBatch(paced.db, messagesBatch('INBOX', { upserts: Array.from({ length: 200 }, (_, i) => message(i + 401, { subject: 'Orderbevestiging later' })) }));
      await paced.feeder.whenCurrent();
      expect((await findWord(paced.engine, 'later')).length).toBe(200);
      expect(rests).toEqual([]);
    } finally {
      await paced.close();
    }
  });
});
