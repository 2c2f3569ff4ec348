/**
 * Issue #4 against the real Dovecot + Postfix: sending as and on behalf of a shared mailbox,
 * the server's refusal kept in the outbox, team-visible Sent copies and flags, drafts in the
 * shared Drafts, undo. Postfix's smtpd_sender_login_maps decides who may send as whom.
 */
import { chownSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Account } from '../../../src/shared/model';
import type { Identity } from '../../../src/shared/model/compose';
import { doveadm, type MailStack, postfixQueueEmpty, servicesFor, startMailStack, stopMailStack, type ServicesUnderTest } from '../services/mailStack';
import { waitForMessage } from '../../mailstack/mailstack.mjs';
import { withImap } from '../services/serverView';
import { CallError, TestClient } from '../services/testClient';
import { addAccount, headerOf, outboxItems, outgoing, SHARED_INFO, sourceOf, uidsWithMessageId, untilState } from './composeHelpers';

type Member = 'alice' | 'bob' | 'carol';
let stack: MailStack;
/** alice's app; bob and carol each at their own computer (in one profile info@ is used through one account, issue #10 §7). */
let client: TestClient;
const desks: Partial<Record<Member, { sut: ServicesUnderTest; client: TestClient }>> = {};
const accounts: Partial<Record<Member, Account>> = {};
const clientOf = (user: Member): TestClient => desks[user]!.client;

beforeAll(async () => {
  stack = await startMailStack();
  for (const user of ['alice', 'bob', 'carol'] as const) {
    const sut = servicesFor(stack);
    desks[user] = { sut, client: new TestClient(sut.services) };
    accounts[user] = await addAccount(clientOf(user), stack, user);
  }
  client = clientOf('alice');
});

afterAll(async () => {
  await Promise.all(Object.values(desks).map((desk) => desk.sut.cleanup()));
  if (stack) await stopMailStack(stack);
});

async function identityFor(user: Member, address: string): Promise<Identity> {
  const all = await clientOf(user).call('identities.list', {});
  const found = all.find((i) => i.accountId === accounts[user]!.id && i.address === address);
  if (!found) throw new Error(`${user} has no identity ${address}: ${JSON.stringify(all.map((i) => [i.accountId, i.address]))}`);
  return found;
}

/** Message ids of the catch-all's mail with this Message-ID (any folder). */
async function deliveredCount(messageId: string): Promise<number> {
  const out = await doveadm(stack, '-f', 'tab', 'fetch', '-u', 'catchall@example.test', 'uid', 'mailbox', 'INBOX', 'header', 'Message-ID', messageId);
  return out.split('\n').slice(1).filter((l) => l.trim()).length;
}

describe('sending from a shared mailbox', () => {
  it('alice replies as info@ without touching From: catch-all gets From info@ and no Sender; the copy is in info@ Sent; the original is answered', async () => {
    const alice = accounts.alice!;
    const info = await identityFor('alice', 'info@example.test');
    expect(info).toMatchObject({ kind: 'shared', sendMode: 'sendAs', sentCopies: 'shared' });
    const original = await withImap(stack, 'alice', async (imap) => {
      const lock = await imap.getMailboxLock(`${SHARED_INFO}/INBOX`, { readOnly: true });
      try {
        const msg = await imap.fetchOne('1', { uid: true, envelope: true });
        if (!msg || !msg.envelope?.messageId) throw new Error('info@ INBOX has no first message');
        return { uid: msg.uid, messageId: msg.envelope.messageId, subject: msg.envelope.subject ?? '' };
      } finally {
        lock.release();
      }
    });
    const message = outgoing(alice, info.id, {
      subject: `Re: ${original.subject}`,
      inReplyTo: original.messageId,
      references: [original.messageId],
      origin: { intent: 'reply', accountId: alice.id, folderPath: `${SHARED_INFO}/INBOX`, uid: original.uid },
    });
    await client.call('tasks.queue', { task: { type: 'send', message, delaySeconds: 0 } });
    const sent = await untilState(client, message.id, 'sent');
    expect(sent).toMatchObject({ from: { address: 'info@example.test' }, sender: null, attempts: 1, error: null, copyFellBackToOwn: false });
    expect(sent.sentCopies).toEqual([{ mailboxId: info.mailboxId, folderPath: `${SHARED_INFO}/Sent`, saved: true }]);

    const delivered = await waitForMessage(stack, 'catchall', sent.messageId);
    const received = await withImap(stack, 'catchall', (imap) => sourceOf(imap, delivered.mailbox, delivered.uid));
    expect(headerOf(received.source, 'From')).toEqual(['Info <info@example.test>']);
    expect(headerOf(received.source, 'Sender')).toEqual([]);
    expect(headerOf(received.source, 'X-Postvak-Author')).toEqual([]);
    expect(headerOf(received.source, 'In-Reply-To')).toEqual([original.messageId]);

    const copyUid = await withImap(stack, 'bob', async (imap) => {
      const copies = await uidsWithMessageId(imap, `${SHARED_INFO}/Sent`, sent.messageId);
      expect(copies).toHaveLength(1);
      const copy = await sourceOf(imap, `${SHARED_INFO}/Sent`, copies[0]!);
      expect(headerOf(copy.source, 'X-Postvak-Author')).toEqual([expect.stringMatching(/<alice@example\.test>$/)]);
      expect(headerOf(copy.source, 'X-Postvak-Intent')).toEqual(['reply']);
      const originalNow = await sourceOf(imap, `${SHARED_INFO}/INBOX`, original.uid);
      expect(originalNow.flags).toContain('\\Answered');
      return copies[0]!;
    });
    // \Seen is private per member in a shared mailbox (Dovecot INDEXPVT): alice's, set by the APPEND.
    await withImap(stack, 'alice', async (imap) => {
      const [uid] = await uidsWithMessageId(imap, `${SHARED_INFO}/Sent`, sent.messageId);
      expect((await sourceOf(imap, `${SHARED_INFO}/Sent`, uid!)).flags).toContain('\\Seen');
    });

    const answers = await clientOf('bob').call('message.answers', { accountId: accounts.bob!.id, folderPath: `${SHARED_INFO}/INBOX`, uid: original.uid });
    expect(answers).toContainEqual({
      by: { name: stack.users.alice.name, address: 'alice@example.test' },
      from: sent.from,
      date: Math.floor(sent.createdAt / 1000) * 1000,
      kind: 'reply',
      folderPath: `${SHARED_INFO}/Sent`,
      uid: copyUid,
    });
  });

  it('alice forwards from info@ with copies to both Sent folders: each holds one copy with \\Seen, the original gets $Forwarded, bob sees who forwarded', async () => {
    const alice = accounts.alice!;
    await client.call('identities.update', { accountId: alice.id, entries: [{ address: 'info@example.test', sentCopies: 'both' }] });
    onTestFinished(() => client.call('identities.update', { accountId: alice.id, entries: [{ address: 'info@example.test', sentCopies: 'shared' }] }).then(() => undefined));
    const info = await identityFor('alice', 'info@example.test');
    expect(info.sentCopies).toBe('both');
    const original = await withImap(stack, 'alice', async (imap) => {
      const lock = await imap.getMailboxLock(`${SHARED_INFO}/INBOX`, { readOnly: true });
      try {
        const msg = await imap.fetchOne('2', { uid: true, envelope: true, flags: true });
        if (!msg || !msg.envelope?.messageId) throw new Error('info@ INBOX has no second message');
        expect([...(msg.flags ?? [])]).not.toContain('$Forwarded');
        return { uid: msg.uid, messageId: msg.envelope.messageId, subject: msg.envelope.subject ?? '' };
      } finally {
        lock.release();
      }
    });
    // As the composer builds a forward (composeDraft.ts): References name the original, no In-Reply-To.
    const message = outgoing(alice, info.id, {
      subject: `Fwd: ${original.subject}`,
      references: [original.messageId],
      origin: { intent: 'forward', accountId: alice.id, folderPath: `${SHARED_INFO}/INBOX`, uid: original.uid },
    });
    await client.call('tasks.queue', { task: { type: 'send', message, delaySeconds: 0 } });
    const sent = await untilState(client, message.id, 'sent');
    expect(sent.sentCopies).toEqual([
      { mailboxId: info.mailboxId, folderPath: `${SHARED_INFO}/Sent`, saved: true },
      { mailboxId: `${alice.id}:own`, folderPath: 'Sent', saved: true },
    ]);
    expect(sent.copyFellBackToOwn).toBe(false);
    await withImap(stack, 'alice', async (imap) => {
      for (const path of [`${SHARED_INFO}/Sent`, 'Sent']) {
        const uids = await uidsWithMessageId(imap, path, sent.messageId);
        expect(uids, path).toHaveLength(1);
        const copy = await sourceOf(imap, path, uids[0]!);
        expect(copy.flags, path).toContain('\\Seen');
        expect(headerOf(copy.source, 'X-Postvak-Intent')).toEqual(['forward']);
      }
    });
    await withImap(stack, 'bob', async (imap) => {
      expect((await sourceOf(imap, `${SHARED_INFO}/INBOX`, original.uid)).flags).toContain('$Forwarded');
    });
    const answers = await clientOf('bob').call('message.answers', { accountId: accounts.bob!.id, folderPath: `${SHARED_INFO}/INBOX`, uid: original.uid });
    expect(answers).toContainEqual(expect.objectContaining({ by: { name: stack.users.alice.name, address: 'alice@example.test' }, kind: 'forward', folderPath: `${SHARED_INFO}/Sent` }));
  });

  it('bob sends from sales@ on behalf: From sales@, Sender bob@', async () => {
    const bob = accounts.bob!;
    await clientOf('bob').call('identities.update', { accountId: bob.id, entries: [{ address: 'sales@example.test', sendMode: 'onBehalf', displayName: 'Sales' }] });
    const sales = await identityFor('bob', 'sales@example.test');
    expect(sales).toMatchObject({ sendMode: 'onBehalf', source: 'config' });
    const message = outgoing(bob, sales.id);
    await clientOf('bob').call('tasks.queue', { task: { type: 'send', message, delaySeconds: 0 } });
    const sent = await untilState(clientOf('bob'), message.id, 'sent');
    expect(sent.sender).toEqual({ name: stack.users.bob.name, address: 'bob@example.test' });
    const delivered = await waitForMessage(stack, 'catchall', sent.messageId);
    const received = await withImap(stack, 'catchall', (imap) => sourceOf(imap, delivered.mailbox, delivered.uid));
    expect(headerOf(received.source, 'From')).toEqual(['Sales <sales@example.test>']);
    expect(headerOf(received.source, 'Sender')).toEqual([`${stack.users.bob.name} <bob@example.test>`]);
  });

  it('carol, read-only on info@, is refused by the server when forced to send as info@: it stays in the outbox with the server words, nothing delivered', async () => {
    const carol = accounts.carol!;
    expect((await identityFor('carol', 'info@example.test')).sendMode).toBe('none');
    const updated = await clientOf('carol').call('identities.update', { accountId: carol.id, entries: [{ address: 'info@example.test', sendMode: 'sendAs' }] });
    const forced = updated.find((i) => i.address === 'info@example.test')!;
    expect(forced.sendMode).toBe('sendAs');
    const message = outgoing(carol, forced.id);
    await clientOf('carol').call('tasks.queue', { task: { type: 'send', message, delaySeconds: 0 } });
    const refused = await untilState(clientOf('carol'), message.id, 'refused');
    expect(refused.error?.code).toBe('senderRefused');
    expect(refused.error?.message).toMatch(/^553 5\.7\.1 .*not owned by user carol@example\.test/);
    expect(refused.sentAt).toBeNull();
    await expect.poll(() => postfixQueueEmpty(stack)).toBe(true);
    expect(await deliveredCount(refused.messageId)).toBe(0);
    const back = await clientOf('carol').call('outbox.cancel', { id: message.id });
    expect(back).toEqual(message);
    expect(outboxItems(clientOf('carol')).some((i) => i.id === message.id)).toBe(false);
  });

  it('a message over the server SIZE is refused before upload with messageTooLarge', async () => {
    const alice = accounts.alice!;
    const own = await identityFor('alice', 'alice@example.test');
    const big = Buffer.alloc(11 * 1024 * 1024, 7);
    const message = outgoing(alice, own.id, {
      attachments: [{ kind: 'data', id: 'big', filename: 'big.bin', contentType: 'application/octet-stream', size: big.length, dataBase64: big.toString('base64') }],
    });
    await client.call('tasks.queue', { task: { type: 'send', message, delaySeconds: 0 } });
    const refused = await untilState(client, message.id, 'refused');
    expect(refused.error).toMatchObject({ code: 'messageTooLarge' });
    // nodemailer compares with the EHLO SIZE (RFC 1870) and stops before MAIL FROM.
    expect(refused.error?.message).toMatch(/larger than allowed 10485760/);
    await client.call('outbox.cancel', { id: message.id });
  });

  it('undo: a message in its undo window comes back to the composer and is never sent', async () => {
    const alice = accounts.alice!;
    const own = await identityFor('alice', 'alice@example.test');
    const message = outgoing(alice, own.id);
    await client.call('tasks.queue', { task: { type: 'send', message, delaySeconds: 30 } });
    const waiting = await untilState(client, message.id, 'waiting');
    expect(await client.call('outbox.cancel', { id: message.id })).toEqual(message);
    expect((await client.call('outbox.list', {})).some((i) => i.id === message.id)).toBe(false);
    await expect.poll(() => postfixQueueEmpty(stack)).toBe(true);
    expect(await deliveredCount(waiting.messageId)).toBe(0);
    await expect(client.call('outbox.cancel', { id: message.id })).rejects.toThrow(CallError);
  });
});

describe('Sent copy fallback', () => {
  it("when info@'s Sent refuses alice's APPEND, the copy goes to her own Sent and the item says so", async () => {
    const alice = accounts.alice!;
    const info = await identityFor('alice', 'info@example.test');
    // info@ is over its quota: MYRIGHTS still allows inserting, the APPEND gets NO [OVERQUOTA].
    const home = (await doveadm(stack, 'user', '-f', 'home', 'info@example.test')).trim();
    const quotaFile = join(home, 'Maildir', 'maildirsize');
    const before = readFileSync(quotaFile, 'utf8');
    const { uid, gid } = statSync(quotaFile);
    writeFileSync(quotaFile, `1024S\n${50 * 1024 * 1024} 1\n`);
    chownSync(quotaFile, uid, gid);
    onTestFinished(() => {
      writeFileSync(quotaFile, before);
      chownSync(quotaFile, uid, gid);
    });
    const message = outgoing(alice, info.id);
    await client.call('tasks.queue', { task: { type: 'send', message, delaySeconds: 0 } });
    const sent = await untilState(client, message.id, 'sent');
    expect(sent.copyFellBackToOwn).toBe(true);
    expect(sent.sentCopies).toEqual([{ mailboxId: `${alice.id}:own`, folderPath: 'Sent', saved: true }]);
    await withImap(stack, 'alice', async (imap) => {
      expect(await uidsWithMessageId(imap, 'Sent', sent.messageId)).toHaveLength(1);
      expect(await uidsWithMessageId(imap, `${SHARED_INFO}/Sent`, sent.messageId)).toHaveLength(0);
    });
  });
});

/** UIDs in info@ Drafts (as bob sees them) of the draft with this composer id. */
function draftCopies(id: string): Promise<number[]> {
  return withImap(stack, 'bob', async (imap) => {
    const lock = await imap.getMailboxLock(`${SHARED_INFO}/Drafts`, { readOnly: true });
    try {
      const found = await imap.search({ header: { 'x-postvak-draft-id': id } }, { uid: true });
      return Array.isArray(found) ? found : [];
    } finally {
      lock.release();
    }
  });
}

describe('drafts', () => {
  it('alice saves a draft as info@: it is in info@ Drafts, bob opens it, saving again replaces it', async () => {
    const alice = accounts.alice!;
    const info = await identityFor('alice', 'info@example.test');
    const message = outgoing(alice, info.id, { subject: 'Concept offerte Café', bcc: [{ name: '', address: 'archief@customer.example' }] });
    const first = await client.call('drafts.save', { message });
    expect(first).toMatchObject({ savedLocally: true, fellBackToOwn: false, error: null, server: { folderPath: `${SHARED_INFO}/Drafts`, mailboxId: info.mailboxId } });

    const bobInfo = await identityFor('bob', 'info@example.test');
    const opened = await clientOf('bob').call('drafts.open', { accountId: accounts.bob!.id, folderPath: first.server!.folderPath, uid: first.server!.uid });
    expect(opened).toMatchObject({
      id: message.id,
      accountId: accounts.bob!.id,
      identityId: bobInfo.id,
      subject: 'Concept offerte Café',
      to: message.to,
      bcc: [{ name: '', address: 'archief@customer.example' }],
      draft: { folderPath: first.server!.folderPath, uid: first.server!.uid },
    });
    expect(opened.text.trim()).toBe(message.text.trim());

    const second = await client.call('drafts.save', { message: { ...message, text: 'Versie 2', draft: { folderPath: first.server!.folderPath, uid: first.server!.uid } } });
    expect(second.server?.uid).not.toBe(first.server!.uid);
    expect(await draftCopies(message.id)).toEqual([second.server!.uid]);
    expect((await client.call('drafts.local', {})).find((d) => d.id === message.id)?.draft).toEqual({ folderPath: `${SHARED_INFO}/Drafts`, uid: second.server!.uid });

    await client.call('drafts.discard', { id: message.id });
    expect((await client.call('drafts.local', {})).some((d) => d.id === message.id)).toBe(false);
    expect(await draftCopies(message.id)).toEqual([]);
  });

  it("carol, who may not write in info@, gets her draft in her own Drafts and is told so", async () => {
    const carol = accounts.carol!;
    const info = (await clientOf('carol').call('identities.list', {})).find((i) => i.accountId === carol.id && i.address === 'info@example.test')!;
    const result = await clientOf('carol').call('drafts.save', { message: outgoing(carol, info.id) });
    expect(result).toMatchObject({ fellBackToOwn: true, error: null, server: { folderPath: 'Drafts', mailboxId: `${carol.id}:own` } });
  });
});
