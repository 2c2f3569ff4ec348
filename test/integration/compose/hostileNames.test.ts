/**
 * Issue #10 §3 and §6 against the real Dovecot + Postfix: a reply to a sender whose display name
 * looks like another address, or holds CR/LF, goes to the real address through the composer's
 * own address rules, and no CR/LF in a name or subject becomes a header of what is delivered or
 * of the Sent copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAddress, parseAddressField, replyRecipients, replySubject, threading } from '../../../src/shared/compose';
import type { Account, MessageBody } from '../../../src/shared/model';
import { waitForMessage } from '../../mailstack/mailstack.mjs';
import { deliver, doveadm, type MailStack, servicesFor, settingsFor, startMailStack, stopMailStack, type ServicesUnderTest } from '../services/mailStack';
import { withImap } from '../services/serverView';
import { TestClient } from '../services/testClient';
import { headerOf, outgoing, sourceOf, uidsWithMessageId, untilState } from './composeHelpers';

let stack: MailStack;
let sut: ServicesUnderTest;
let client: TestClient;
let alice: Account;

let addressLike: { mailbox: string; uid: number };
let crlf: { mailbox: string; uid: number };

beforeAll(async () => {
  stack = await startMailStack();
  // Both arrive before the account is added, as mail that is waiting when the person opens it.
  addressLike = await deliverTo('"Info <info@example.test>" <phish@evil.test>', 'Your invoice');
  // RFC 2047 B encoding of "Evil\r\nBcc: victim@example.test\r\nX-Injected: name" and "Hello\r\nX-Injected: subject".
  crlf = await deliverTo('=?UTF-8?B?RXZpbA0KQmNjOiB2aWN0aW1AZXhhbXBsZS50ZXN0DQpYLUluamVjdGVkOiBuYW1l?= <evil@evil.test>', '=?UTF-8?B?SGVsbG8NClgtSW5qZWN0ZWQ6IHN1YmplY3Q=?=');
  sut = servicesFor(stack);
  client = new TestClient(sut.services);
  // The account's own display name carries CR/LF too: it is written into X-Postvak-Author.
  const settings = { ...settingsFor(stack, 'alice'), displayName: 'Alice\r\nX-Injected: author' };
  alice = await client.call('accounts.add', { settings, password: stack.users.alice.password, rememberPassword: false });
});

afterAll(async () => {
  await sut?.cleanup();
  if (stack) await stopMailStack(stack);
});

/** Delivers a hostile message to alice (through Postfix and LMTP); where it landed. */
async function deliverTo(from: string, subject: string): Promise<{ mailbox: string; uid: number }> {
  const raw = `From: ${from}\r\nTo: alice@example.test\r\nSubject: ${subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease answer.\r\n`;
  const { deliveries } = await deliver(stack, { from: 'bounce@evil.test', to: 'alice@example.test', raw });
  return deliveries[0]!;
}

/** The message as the reader reads it (message.body). */
function read(at: { mailbox: string; uid: number }): Promise<MessageBody> {
  return client.call('message.body', { accountId: alice.id, folderPath: at.mailbox, uid: at.uid });
}

/**
 * Reply as a person does: the composer's To field is the reply's recipients as text
 * (formatAddress), read back with the composer's own parser when Send is pressed.
 */
async function reply(body: MessageBody): Promise<{ messageId: string; to: string }> {
  const identities = await client.call('identities.list', {});
  const own = identities.find((i) => i.accountId === alice.id && i.kind === 'own')!;
  const { to } = replyRecipients('reply', body.headers, [own.address], own.address);
  const field = to.map(formatAddress).join(', ');
  const parsed = parseAddressField(field);
  expect(parsed.invalid).toEqual([]);
  const message = outgoing(alice, own.id, {
    to: parsed.addresses,
    subject: replySubject(body.headers.subject),
    ...threading(body.headers),
    origin: { intent: 'reply', accountId: alice.id, folderPath: 'INBOX', uid: body.uid },
  });
  await client.call('tasks.queue', { task: { type: 'send', message, delaySeconds: 0 } });
  const sent = await untilState(client, message.id, 'sent');
  return { messageId: sent.messageId, to: field };
}

/** Message-IDs in a user's INBOX with this id (0 when it did not go there). */
async function inInbox(user: string, messageId: string): Promise<number> {
  const out = await doveadm(stack, '-f', 'tab', 'fetch', '-u', user, 'uid', 'mailbox', 'INBOX', 'header', 'Message-ID', messageId);
  return out.split('\n').slice(1).filter((l) => l.trim()).length;
}

describe('replies to names that lie', () => {
  it('a reply to "Info <info@example.test>" <phish@evil.test> is sent to phish@evil.test, not to info@', async () => {
    const body = await read(addressLike);
    expect(body.headers.from).toEqual([{ name: 'Info <info@example.test>', address: 'phish@evil.test' }]);
    const { messageId, to } = await reply(body);
    expect(to).toBe('"Info <info@example.test>" <phish@evil.test>');
    // evil.test is no local domain: the stack's catch-all is that recipient's mailbox.
    const delivered = await waitForMessage(stack, 'catchall', messageId);
    const received = await withImap(stack, 'catchall', (imap) => sourceOf(imap, delivered.mailbox, delivered.uid));
    expect(headerOf(received.source, 'To')).toEqual(['"Info <info@example.test>" <phish@evil.test>']);
    // Postfix names the envelope recipient it accepted in its Received line.
    expect(headerOf(received.source, 'Received').filter((line) => line.includes('with ESMTPSA'))).toEqual([expect.stringContaining('for <phish@evil.test>;')]);
    expect(await inInbox('info@example.test', messageId)).toBe(0);
  });

  it('a reply to a name and subject with encoded CR/LF is sent, and neither copy gains a header', async () => {
    const body = await read(crlf);
    expect(body.headers.from[0]?.address).toBe('evil@evil.test');
    expect(body.headers.from[0]?.name).toMatch(/[\r\n]/);
    const { messageId } = await reply(body);
    const delivered = await waitForMessage(stack, 'catchall', messageId);
    const received = await withImap(stack, 'catchall', (imap) => sourceOf(imap, delivered.mailbox, delivered.uid));
    const copy = await withImap(stack, 'alice', async (imap) => {
      const [uid] = await uidsWithMessageId(imap, 'Sent', messageId);
      return sourceOf(imap, 'Sent', uid!);
    });
    for (const source of [received.source, copy.source]) {
      expect(headerOf(source, 'X-Injected')).toEqual([]);
      expect(headerOf(source, 'Bcc')).toEqual([]);
      expect(headerOf(source, 'Subject')).toEqual(['Re: Hello X-Injected: subject']);
    }
    expect(headerOf(copy.source, 'X-Postvak-Author')).toEqual(['"Alice X-Injected: author" <alice@example.test>']);
    expect(headerOf(received.source, 'To')).toEqual(['"Evil Bcc: victim@example.test X-Injected: name" <evil@evil.test>']);
  });
});
