/**
 * Tasks on whole folders (issue #12 §3, §6) through tasks.queue against the real Dovecot stack:
 * mark a folder read and undo it, empty Trash, create / rename / delete a folder and the refusals,
 * each checked with a separate IMAP session.
 */
import { describe, expect, it } from 'vitest';
import { TestClient } from '../services/testClient';
import { useMailStack } from '../services/mailStack';
import { addAccount, asLogin, folderPaths, heldIn, queue } from './taskServer';

const fixture = useMailStack({ services: true });
const INFO = 'shared/info@example.test';
const unseen = (list: { uid: number; flags: string[] }[]) => list.filter((m) => !m.flags.includes('\\Seen')).map((m) => m.uid);

describe('markFolderRead', () => {
  it('marks every unread message read, and its undo makes exactly those unread again', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'alice');
    const before = await heldIn(fixture.stack, 'alice', 'INBOX');
    const wasUnread = unseen(before);
    expect(wasUnread.length).toBeGreaterThan(0);
    expect(wasUnread.length).toBeLessThan(before.length);

    const outcome = await queue(client, { type: 'markFolderRead', accountId: account.id, folderPath: 'INBOX' });
    expect(outcome.count).toBe(wasUnread.length);
    expect(unseen(await heldIn(fixture.stack, 'alice', 'INBOX'))).toEqual([]);

    await queue(client, outcome.undo!);
    expect(unseen(await heldIn(fixture.stack, 'alice', 'INBOX'))).toEqual(wasUnread);
  });

  it("refuses for carol in info@'s Inbox (no right to keep \\Seen)", async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'carol');
    await expect(queue(client, { type: 'markFolderRead', accountId: account.id, folderPath: `${INFO}/INBOX` })).rejects.toMatchObject({ code: 'notPermitted' });
  });
});

describe('emptyFolder', () => {
  it("empties info@'s Trash and leaves a message another member marked \\Deleted in the Inbox alone", async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'alice');
    const inbox = await heldIn(fixture.stack, 'bob', `${INFO}/INBOX`);
    await asLogin(fixture.stack, 'bob', async (imap) => {
      const lock = await imap.getMailboxLock(`${INFO}/INBOX`);
      try {
        await imap.messageCopy(`${inbox[0]!.uid}:${inbox[1]!.uid}`, `${INFO}/Trash`, { uid: true });
        // bob's own client only marks (an IMAP client without a Trash): not alice's to remove.
        await imap.messageFlagsAdd(String(inbox[2]!.uid), ['\\Deleted'], { uid: true });
      } finally {
        lock.release();
      }
    });
    expect((await heldIn(fixture.stack, 'bob', `${INFO}/Trash`)).length).toBeGreaterThanOrEqual(2);

    const outcome = await queue(client, { type: 'emptyFolder', accountId: account.id, folderPath: `${INFO}/Trash` });
    expect(outcome.undo).toBeNull();
    expect(await heldIn(fixture.stack, 'bob', `${INFO}/Trash`)).toEqual([]);
    const marked = (await heldIn(fixture.stack, 'bob', `${INFO}/INBOX`)).find((m) => m.uid === inbox[2]!.uid);
    expect(marked?.flags).toContain('\\Deleted');
  });

  it('refuses to empty a folder that is no Trash or Junk', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'alice');
    const before = await heldIn(fixture.stack, 'alice', 'INBOX');
    await expect(queue(client, { type: 'emptyFolder', accountId: account.id, folderPath: 'INBOX' })).rejects.toMatchObject({ code: 'notPermitted' });
    expect(await heldIn(fixture.stack, 'alice', 'INBOX')).toEqual(before);
  });
});

describe('folder management', () => {
  it('creates, renames (and undoes the rename) and deletes a folder; the folder list follows', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'alice');
    await client.call('sync.start', { accountId: account.id, cursors: [] });
    await client.untilSynced(account.id);

    const created = await queue(client, { type: 'createFolder', accountId: account.id, parentPath: null, name: 'Projecten' });
    expect(created.folderPath).toBe('Projecten');
    expect(created.undo).toEqual({ type: 'deleteFolder', accountId: account.id, folderPath: 'Projecten' });
    expect(await folderPaths(fixture.stack, 'alice')).toContain('Projecten');
    await client.until(() => client.folders.has('Projecten'), 'the new folder in the folder list');

    const child = await queue(client, { type: 'createFolder', accountId: account.id, parentPath: 'Projecten', name: 'Keuken' });
    expect(child.folderPath).toBe('Projecten/Keuken');

    const renamed = await queue(client, { type: 'renameFolder', accountId: account.id, folderPath: 'Projecten/Keuken', name: 'Badkamer' });
    expect(renamed.folderPath).toBe('Projecten/Badkamer');
    expect(await folderPaths(fixture.stack, 'alice')).toEqual(expect.arrayContaining(['Projecten/Badkamer']));
    expect(await folderPaths(fixture.stack, 'alice')).not.toContain('Projecten/Keuken');
    await queue(client, renamed.undo!);
    expect(await folderPaths(fixture.stack, 'alice')).toContain('Projecten/Keuken');

    // Selected on the request connection (marking it read selects it), then deleted.
    await queue(client, { type: 'markFolderRead', accountId: account.id, folderPath: 'Projecten/Keuken' });
    await queue(client, { type: 'deleteFolder', accountId: account.id, folderPath: 'Projecten/Keuken' });
    expect(await folderPaths(fixture.stack, 'alice')).not.toContain('Projecten/Keuken');
    await client.until(() => client.folders.has('Projecten') && !client.folders.has('Projecten/Keuken'), 'the folder list without the deleted folder');
  });

  it("refuses carol a folder in info@ and a rename there, in words that name info@", async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'carol');
    await expect(queue(client, { type: 'createFolder', accountId: account.id, parentPath: `${INFO}/INBOX`, name: 'Mine' })).rejects.toMatchObject({
      code: 'notPermitted',
      message: expect.stringContaining('info@example.test'),
    });
    await expect(queue(client, { type: 'renameFolder', accountId: account.id, folderPath: `${INFO}/Sent`, name: 'Verzonden' })).rejects.toMatchObject({ code: 'notPermitted' });
    await expect(queue(client, { type: 'deleteFolder', accountId: account.id, folderPath: `${INFO}/Sent` })).rejects.toMatchObject({ code: 'notPermitted' });
    expect(await folderPaths(fixture.stack, 'carol')).toEqual(expect.arrayContaining([`${INFO}/Sent`]));
    expect(await folderPaths(fixture.stack, 'info')).not.toContain('INBOX/Mine');
  });

  it("says the server's words when the name is taken", async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'alice');
    await expect(queue(client, { type: 'createFolder', accountId: account.id, parentPath: null, name: 'Sent' })).rejects.toMatchObject({
      code: 'serverRefused',
      message: expect.stringMatching(/exists/i),
    });
  });
});
