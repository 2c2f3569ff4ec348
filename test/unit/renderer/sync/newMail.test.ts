import { describe, expect, it } from 'vitest';
import { detectNewMail, type NewMailContext } from '../../../../src/renderer/sync/newMail';
import { cursor, folder, mailbox, message, messagesBatch, sharedMailbox } from '../db/fixtures';

const info = sharedMailbox('info');
const infoInbox = 'shared/info@example.test/INBOX';
const anna = [{ name: 'Anna Jansen', address: 'anna@example.test' }];

function context(extra: Partial<NewMailContext> = {}): NewMailContext {
  return {
    folder: folder(infoInbox, undefined, { mailboxId: info.id, role: 'inbox' }),
    mailbox: info,
    previousCursor: cursor(infoInbox, { uidNext: 10 }),
    notifyEnabled: () => true,
    ...extra,
  };
}

const delivered = (uid: number, extra = {}) => message(uid, { folderPath: infoInbox, from: anna, subject: 'Offerte', ...extra });

describe('detectNewMail', () => {
  it('announces unseen mail at or above the previous uidNext in an Inbox, named by its mailbox', () => {
    const batch = messagesBatch(infoInbox, { upserts: [delivered(9), delivered(10), delivered(11, { flags: ['\\Seen'] })], cursor: cursor(infoInbox, { uidNext: 12 }) });
    expect(detectNewMail(batch, context())).toEqual([
      { key: ['acc-a', infoInbox, 10], mailboxId: info.id, mailboxAddress: 'info@example.test', sender: 'Anna Jansen', subject: 'Offerte' },
    ]);
  });

  it("stays silent during a folder's first full sync and after a UIDVALIDITY reset", () => {
    const first = messagesBatch(infoInbox, { upserts: [delivered(50)] });
    expect(detectNewMail(first, context({ previousCursor: undefined }))).toEqual([]);
    expect(detectNewMail(messagesBatch(infoInbox, { reset: true, upserts: [delivered(50)] }), context())).toEqual([]);
    const newValidity = messagesBatch(infoInbox, { upserts: [delivered(50)], cursor: cursor(infoInbox, { uidValidity: 2, uidNext: 51 }) });
    expect(detectNewMail(newValidity, context())).toEqual([]);
  });

  it('ignores folders other than Inbox and mailboxes whose notifications are off', () => {
    const batch = messagesBatch('Sent', { upserts: [message(20)] });
    expect(detectNewMail(batch, context({ folder: folder('Sent', undefined, { role: 'sent' }), mailbox: mailbox() }))).toEqual([]);
    const inInfo = messagesBatch(infoInbox, { upserts: [delivered(20)] });
    expect(detectNewMail(inInfo, context({ notifyEnabled: (id) => id !== info.id }))).toEqual([]);
  });

  it("recognises the person's own INBOX by name", () => {
    const batch = messagesBatch('INBOX', { upserts: [message(100, { from: [{ name: '', address: 'x@example.test' }] })] });
    const found = detectNewMail(batch, context({ folder: folder('INBOX', undefined, { role: null }), mailbox: mailbox(), previousCursor: cursor('INBOX') }));
    expect(found.map((mail) => [mail.mailboxAddress, mail.sender])).toEqual([['acc-a@example.test', 'x@example.test']]);
  });
});
