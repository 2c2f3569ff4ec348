/**
 * Deletion a team can trust (issue #12 §7) against the real Dovecot stack: alice's delete in
 * info@ leaves a record in info@ itself that bob's client (another profile) lists; bob's Restore
 * puts the message back in info@'s Inbox for everyone (checked with separate IMAP sessions);
 * carol (read-only) is refused; removing for good and an expunge elsewhere take the records along.
 */
import { describe, expect, it } from 'vitest';
import { TestClient } from './services/testClient';
import { servicesFor, useMailStack, type ServicesUnderTest } from './services/mailStack';
import { addAccount, asLogin, heldIn, queue } from './tasks/taskServer';
import { doveadm } from './services/mailStack';
import type { Account } from '../../src/shared/model';

const fixture = useMailStack({ services: true });
const INFO = 'shared/info@example.test';
const TRASH = `${INFO}/Trash`;

/** Another person's computer: their own services and profile. */
async function otherDesk(user: 'bob' | 'carol'): Promise<{ client: TestClient; account: Account; sut: ServicesUnderTest }> {
  const sut = servicesFor(fixture.stack);
  const client = new TestClient(sut.services);
  return { client, account: await addAccount(client, fixture.stack, user), sut };
}

async function aliceDeletes(count = 1) {
  const client = new TestClient(fixture.sut.services);
  const account = await addAccount(client, fixture.stack, 'alice');
  const picked = (await heldIn(fixture.stack, 'info', 'INBOX')).slice(0, count);
  const outcome = await queue(client, { type: 'delete', accountId: account.id, folderPath: `${INFO}/INBOX`, uids: picked.map((m) => m.uid) });
  return { client, account, picked, outcome };
}

describe('deletion records in a shared mailbox', () => {
  it('alice deletes in info@: bob’s client lists who, when and from where; bob restores it to the Inbox for both', async () => {
    const before = Date.now();
    const { picked, outcome, client: alice, account: aliceAccount } = await aliceDeletes();
    const [message] = picked;
    const inTrash = (await heldIn(fixture.stack, 'info', 'Trash')).find((m) => m.messageId === message!.messageId);
    expect(inTrash).toBeDefined();
    expect(outcome.undo).toEqual({ type: 'restore', accountId: aliceAccount.id, folderPath: TRASH, uids: [inTrash!.uid] });
    // The record is readable mail in info@ itself, for any client.
    const records = await heldIn(fixture.stack, 'info', 'Trash/Postvak deletions');
    expect(records).toHaveLength(1);

    const bob = await otherDesk('bob');
    try {
      const listed = await bob.client.call('deletions.list', { accountId: bob.account.id, folderPath: TRASH });
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ uids: String(inTrash!.uid), by: { name: 'Alice de Boer', address: 'alice@example.test' }, fromPath: `${INFO}/INBOX` });
      expect(listed[0]!.at).toBeGreaterThanOrEqual(before - 1000);
      // The records folder is Postvak's own: not in bob's folder tree.
      await bob.client.call('sync.start', { accountId: bob.account.id, cursors: [] });
      await bob.client.untilSynced(bob.account.id, 60_000);
      expect([...bob.client.folders.keys()]).toContain(TRASH);
      expect([...bob.client.folders.keys()].some((p) => p.includes('Postvak deletions'))).toBe(false);

      const restored = await queue(bob.client, { type: 'restore', accountId: bob.account.id, folderPath: TRASH, uids: [inTrash!.uid] });
      const inbox = await heldIn(fixture.stack, 'info', 'INBOX');
      const back = inbox.find((m) => m.messageId === message!.messageId);
      expect(back).toBeDefined();
      expect(restored.destination).toEqual({ accountId: bob.account.id, folderPath: `${INFO}/INBOX`, uids: [back!.uid] });
      expect(restored.undo).toMatchObject({ type: 'delete', folderPath: `${INFO}/INBOX`, uids: [back!.uid] });
      // Seen by alice's login as well, and the record is gone.
      expect((await heldIn(fixture.stack, 'alice', `${INFO}/INBOX`)).find((m) => m.messageId === message!.messageId)?.uid).toBe(back!.uid);
      expect(await heldIn(fixture.stack, 'info', 'Trash/Postvak deletions')).toEqual([]);
      expect(await alice.call('deletions.list', { accountId: aliceAccount.id, folderPath: TRASH })).toEqual([]);
    } finally {
      await bob.sut.cleanup();
    }
  });

  it('restores a message without a record (put in Trash by another client) to the Inbox', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'alice');
    const messageId = '<by-hand@example.test>';
    await asLogin(fixture.stack, 'info', (c) => c.append('Trash', Buffer.from(`Subject: by hand\r\nMessage-ID: ${messageId}\r\n\r\nx\r\n`), []));
    const message = (await heldIn(fixture.stack, 'info', 'Trash')).find((m) => m.messageId === messageId);
    await queue(client, { type: 'restore', accountId: account.id, folderPath: TRASH, uids: [message!.uid] });
    expect((await heldIn(fixture.stack, 'info', 'INBOX')).some((m) => m.messageId === message!.messageId)).toBe(true);
  });

  it('refuses carol’s delete and restore in info@ (read-only), and nothing changes', async () => {
    const { picked } = await aliceDeletes();
    const carol = await otherDesk('carol');
    try {
      const inbox = await heldIn(fixture.stack, 'info', 'INBOX');
      const trash = await heldIn(fixture.stack, 'info', 'Trash');
      await expect(queue(carol.client, { type: 'delete', accountId: carol.account.id, folderPath: `${INFO}/INBOX`, uids: [inbox[0]!.uid] })).rejects.toMatchObject({
        code: 'notPermitted',
      });
      const trashed = trash.find((m) => m.messageId === picked[0]!.messageId)!;
      await expect(queue(carol.client, { type: 'restore', accountId: carol.account.id, folderPath: TRASH, uids: [trashed.uid] })).rejects.toMatchObject({ code: 'notPermitted' });
      expect(await heldIn(fixture.stack, 'info', 'INBOX')).toEqual(inbox);
      expect(await heldIn(fixture.stack, 'info', 'Trash')).toEqual(trash);
      // She may read the records (she may read Trash): the list still names alice.
      const listed = await carol.client.call('deletions.list', { accountId: carol.account.id, folderPath: TRASH });
      expect(listed.map((e) => e.by.address)).toEqual(['alice@example.test']);
    } finally {
      await carol.sut.cleanup();
    }
  });

  it('removing for good from Trash takes the record along; undo is not offered', async () => {
    const { client, account, picked } = await aliceDeletes();
    const trashed = (await heldIn(fixture.stack, 'info', 'Trash')).find((m) => m.messageId === picked[0]!.messageId)!;
    const outcome = await queue(client, { type: 'delete', accountId: account.id, folderPath: TRASH, uids: [trashed.uid] });
    expect(outcome.undo).toBeNull();
    expect((await heldIn(fixture.stack, 'info', 'Trash')).some((m) => m.messageId === picked[0]!.messageId)).toBe(false);
    expect(await heldIn(fixture.stack, 'info', 'Trash/Postvak deletions')).toEqual([]);
  });

  it('a permanent delete (Shift+Delete) removes for good, not into Trash, and writes no record', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'alice');
    const [first] = await heldIn(fixture.stack, 'info', 'INBOX');
    const outcome = await queue(client, { type: 'delete', accountId: account.id, folderPath: `${INFO}/INBOX`, uids: [first!.uid], permanent: true });
    expect(outcome.undo).toBeNull();
    expect((await heldIn(fixture.stack, 'info', 'INBOX')).some((m) => m.messageId === first!.messageId)).toBe(false);
    expect((await heldIn(fixture.stack, 'info', 'Trash')).some((m) => m.messageId === first!.messageId)).toBe(false);
    expect(await client.call('deletions.list', { accountId: account.id, folderPath: TRASH })).toEqual([]);
  });

  it('a record whose message was expunged by another client is ignored and cleaned up', async () => {
    const { client, account, picked } = await aliceDeletes(1);
    const second = (await heldIn(fixture.stack, 'info', 'INBOX'))[0]!;
    await queue(client, { type: 'delete', accountId: account.id, folderPath: `${INFO}/INBOX`, uids: [second.uid] });
    expect(await heldIn(fixture.stack, 'info', 'Trash/Postvak deletions')).toHaveLength(2);
    const trash = await heldIn(fixture.stack, 'info', 'Trash');
    const gone = trash.find((m) => m.messageId === picked[0]!.messageId)!;
    // Another client (info@'s owner in any mail program) removes one for good.
    await asLogin(fixture.stack, 'info', async (c) => {
      const lock = await c.getMailboxLock('Trash');
      try {
        await c.messageDelete(String(gone.uid), { uid: true });
      } finally {
        lock.release();
      }
    });
    const listed = await client.call('deletions.list', { accountId: account.id, folderPath: TRASH });
    const kept = trash.find((m) => m.messageId === second.messageId)!;
    expect(listed.map((e) => e.uids)).toEqual([String(kept.uid)]);
    expect(await heldIn(fixture.stack, 'info', 'Trash/Postvak deletions')).toHaveLength(1);
  });

  it('a delete in alice’s own mailbox writes no record and its undo moves it back', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'alice');
    const [first] = await heldIn(fixture.stack, 'alice', 'INBOX');
    const outcome = await queue(client, { type: 'delete', accountId: account.id, folderPath: 'INBOX', uids: [first!.uid] });
    const inTrash = (await heldIn(fixture.stack, 'alice', 'Trash')).find((m) => m.messageId === first!.messageId)!;
    expect(outcome.undo).toEqual({ type: 'move', accountId: account.id, folderPath: 'Trash', uids: [inTrash.uid], to: { accountId: account.id, folderPath: 'INBOX' } });
    await asLogin(fixture.stack, 'alice', async (c) => expect((await c.list()).some((f) => f.path.includes('Postvak deletions'))).toBe(false));
    await queue(client, outcome.undo!);
    expect((await heldIn(fixture.stack, 'alice', 'INBOX')).some((m) => m.messageId === first!.messageId)).toBe(true);
  });
  it('when the record cannot be written the delete still stands and the outcome says the team was not told', async () => {
    const { client, account } = await aliceDeletes(1); // makes the records folder
    // alice may still put mail into Trash, but no longer write records (no `i` on the records folder).
    await doveadm(fixture.stack, 'acl', 'set', '-u', 'info@example.test', 'Trash/Postvak deletions', 'user=alice@example.test', 'lookup', 'read');
    // Dovecot keeps a connection's rights for a while: new connections see the change.
    await doveadm(fixture.stack, 'kick', 'alice@example.test');
    try {
      const records = (await heldIn(fixture.stack, 'info', 'Trash/Postvak deletions')).length;
      const [message] = await heldIn(fixture.stack, 'info', 'INBOX');
      const outcome = await queue(client, { type: 'delete', accountId: account.id, folderPath: `${INFO}/INBOX`, uids: [message!.uid] });
      expect(outcome.warning).toMatchObject({ code: 'recordNotWritten' });
      expect((await heldIn(fixture.stack, 'info', 'Trash')).some((m) => m.messageId === message!.messageId)).toBe(true);
      expect(await heldIn(fixture.stack, 'info', 'Trash/Postvak deletions')).toHaveLength(records);
    } finally {
      await doveadm(fixture.stack, 'acl', 'delete', '-u', 'info@example.test', 'Trash/Postvak deletions', 'user=alice@example.test');
    }
  });
});
