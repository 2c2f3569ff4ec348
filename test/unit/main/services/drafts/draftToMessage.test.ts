import { describe, expect, it } from 'vitest';
import type { AccountId } from '../../../../../src/shared/model';
import type { Identity, OutgoingMessage } from '../../../../../src/shared/model/compose';
import { outgoingMessageSchema } from '../../../../../src/shared/composeSchemas';
import { draftToMessage, parseOrigin } from '../../../../../src/main/services/drafts/draftOps';
import { parseDraft } from '../../../../../src/main/services/mail/parseMessage';
import { buildDraft } from '../../../../../src/main/services/smtp/mimeBuild';

const identity = (over: Partial<Identity>): Identity => ({
  id: 'b:own',
  accountId: 'b' as AccountId,
  kind: 'own',
  mailboxId: 'b:own',
  address: 'bob@example.test',
  displayName: 'Bob',
  sendMode: 'sendAs',
  sentCopies: 'own',
  source: 'default',
  ...over,
});
const bobs = [identity({}), identity({ id: 'b:shared:info@example.test', kind: 'shared', mailboxId: 'b:shared:info@example.test', address: 'info@example.test', displayName: 'Info', sentCopies: 'shared' })];

const written: OutgoingMessage = {
  id: 'draft-abc123',
  accountId: 'a',
  identityId: 'a:shared:info@example.test',
  to: [{ name: 'Jörg', address: 'joerg@example.org' }],
  cc: [],
  bcc: [{ name: '', address: 'archief@example.org' }],
  subject: 'Offerte — concept',
  text: 'Eerste versie',
  html: '<p>Eerste <i>versie</i></p>',
  attachments: [{ kind: 'data', id: 'x', filename: 'prijzen.csv', contentType: 'text/csv', size: 7, dataBase64: Buffer.from('a;b\n1;2').toString('base64') }],
  inReplyTo: '<q@example.org>',
  references: ['<q@example.org>'],
  origin: null,
  draft: null,
};

async function roundTrip(from: { name: string; address: string }, message: OutgoingMessage = written): Promise<OutgoingMessage> {
  const raw = await buildDraft({
    message,
    from,
    sender: null,
    author: { name: 'Alice', address: 'alice@example.test' },
    messageId: '<d1@example.test>',
    date: new Date(),
    attachments: [{ filename: 'prijzen.csv', contentType: 'text/csv', content: Buffer.from('a;b\n1;2') }],
  });
  return draftToMessage(await parseDraft(raw), bobs, { accountId: 'b', folderPath: 'shared/info@example.test/Drafts', uid: 12 });
}

describe('a draft reopened by another member', () => {
  it('keeps the composer id, recipients with Bcc, text, HTML, threading and attachments, in the opener identity', async () => {
    const opened = await roundTrip({ name: 'Info', address: 'info@example.test' });
    expect(opened).toMatchObject({
      id: 'draft-abc123',
      accountId: 'b',
      identityId: 'b:shared:info@example.test',
      to: written.to,
      bcc: written.bcc,
      subject: 'Offerte — concept',
      html: '<p>Eerste <i>versie</i></p>',
      inReplyTo: '<q@example.org>',
      references: ['<q@example.org>'],
      draft: { folderPath: 'shared/info@example.test/Drafts', uid: 12 },
      origin: null,
    });
    expect(opened.text.trim()).toBe('Eerste versie');
    expect(opened.attachments).toEqual([{ kind: 'data', id: 'a1', filename: 'prijzen.csv', contentType: 'text/csv', size: 7, dataBase64: Buffer.from('a;b\n1;2').toString('base64') }]);
    expect(outgoingMessageSchema.safeParse(opened).success).toBe(true);
  });

  it('falls back to the own identity when From is none of the opener identities', async () => {
    expect((await roundTrip({ name: 'Sales', address: 'sales@example.test' })).identityId).toBe('b:own');
  });
});

describe('the answered message travels with the draft', () => {
  it('reopens a reply draft with its origin in the opener account, so sending it marks the original answered', async () => {
    const origin = { intent: 'reply' as const, accountId: 'a', folderPath: 'shared/info@example.test/INBOX', uid: 42 };
    const opened = await roundTrip({ name: 'Info', address: 'info@example.test' }, { ...written, origin });
    expect(opened.origin).toEqual({ ...origin, accountId: 'b' });
  });

  it('keeps folder names with spaces and non-ASCII letters', async () => {
    const origin = { intent: 'forward' as const, accountId: 'a', folderPath: 'Projecten/Café 2026', uid: 7 };
    expect((await roundTrip({ name: 'Bob', address: 'bob@example.test' }, { ...written, origin })).origin).toEqual({ ...origin, accountId: 'b' });
  });

  it('drops a malformed or hostile header instead of acting on it', () => {
    for (const value of ['reply', 'explode 1 INBOX', 'reply 0 INBOX', 'reply 99999999999 INBOX', 'reply 1 %E0%A4%A', 'reply 1 ', null]) {
      expect(parseOrigin(value, 'b')).toBeNull();
    }
    expect(parseOrigin('replyAll 3 INBOX', 'b')).toEqual({ intent: 'replyAll', accountId: 'b', folderPath: 'INBOX', uid: 3 });
  });
});
