/**
 * Move, copy, archive, junk (issue #12 §1, §2) through tasks.queue against the real Dovecot stack,
 * each checked with a separate IMAP session: what the server holds after the task and after its
 * undo.
 */
import { describe, expect, it } from 'vitest';
import { TestClient } from '../services/testClient';
import { useMailStack } from '../services/mailStack';
import { expectOk, runCommand } from '../../../src/main/services/imap/ext/rawCommand';
import { addAccount, appendSized, asLogin, heldIn, queue, tightenQuota } from './taskServer';

const fixture = useMailStack({ services: true });
const INFO = 'shared/info@example.test';

describe('move', () => {
  it('moves messages within an account with one task, and its undo moves them back by their new UIDs', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'alice');
    const inbox = await heldIn(fixture.stack, 'alice', 'INBOX');
    const picked = inbox.slice(0, 3);
    const outcome = await queue(client, { type: 'move', accountId: account.id, folderPath: 'INBOX', uids: picked.map((m) => m.uid), to: { accountId: account.id, folderPath: 'Archive' } });

    const archive = await heldIn(fixture.stack, 'alice', 'Archive');
    const moved = archive.filter((m) => picked.some((p) => p.messageId === m.messageId));
    expect(moved).toHaveLength(3);
    expect(outcome.count).toBe(3);
    expect(outcome.destination).toEqual({ accountId: account.id, folderPath: 'Archive', uids: moved.map((m) => m.uid) });
    const afterMove = await heldIn(fixture.stack, 'alice', 'INBOX');
    expect(afterMove.map((m) => m.messageId)).toEqual(inbox.slice(3).map((m) => m.messageId));

    expect(outcome.undo).toMatchObject({ type: 'move', folderPath: 'Archive', uids: moved.map((m) => m.uid), to: { folderPath: 'INBOX' } });
    await queue(client, outcome.undo!);
    const back = await heldIn(fixture.stack, 'alice', 'INBOX');
    expect(back.map((m) => m.messageId).sort()).toEqual(inbox.map((m) => m.messageId).sort());
    expect((await heldIn(fixture.stack, 'alice', 'Archive')).filter((m) => picked.some((p) => p.messageId === m.messageId))).toEqual([]);
  });

  it("moves from info@'s Inbox to alice's own folder on the same login, and back", async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'alice');
    const [first] = await heldIn(fixture.stack, 'info', 'INBOX');
    const outcome = await queue(client, { type: 'move', accountId: account.id, folderPath: `${INFO}/INBOX`, uids: [first!.uid], to: { accountId: account.id, folderPath: 'Archive' } });
    expect((await heldIn(fixture.stack, 'info', 'INBOX')).some((m) => m.messageId === first!.messageId)).toBe(false);
    const mine = (await heldIn(fixture.stack, 'alice', 'Archive')).find((m) => m.messageId === first!.messageId);
    expect(outcome.destination?.uids).toEqual([mine!.uid]);
    await queue(client, outcome.undo!);
    expect((await heldIn(fixture.stack, 'info', 'INBOX')).some((m) => m.messageId === first!.messageId)).toBe(true);
  });

  it('refuses a move out of a folder carol may only read, and sends nothing', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'carol');
    const before = await heldIn(fixture.stack, 'info', 'INBOX');
    await expect(
      queue(client, { type: 'move', accountId: account.id, folderPath: `${INFO}/INBOX`, uids: [before[0]!.uid], to: { accountId: account.id, folderPath: 'Archive' } }),
    ).rejects.toMatchObject({ code: 'notPermitted', message: expect.stringContaining('info@example.test') });
    expect(await heldIn(fixture.stack, 'info', 'INBOX')).toEqual(before);
  });

  it('says the folder is gone when it was deleted meanwhile, and the source keeps its messages', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'alice');
    await asLogin(fixture.stack, 'alice', async (imap) => {
      await imap.mailboxCreate('Projects');
      await imap.mailboxDelete('Projects');
    });
    const before = await heldIn(fixture.stack, 'alice', 'INBOX');
    await expect(
      queue(client, { type: 'move', accountId: account.id, folderPath: 'INBOX', uids: [before[0]!.uid], to: { accountId: account.id, folderPath: 'Projects' } }),
    ).rejects.toMatchObject({ code: 'folderGone' });
    expect(await heldIn(fixture.stack, 'alice', 'INBOX')).toEqual(before);
  });
});

describe('copy', () => {
  it("copies from info@ to alice's folder with one command; its undo removes the copy, the original stays", async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'alice');
    const [first] = await heldIn(fixture.stack, 'info', 'INBOX');
    const outcome = await queue(client, { type: 'copy', accountId: account.id, folderPath: `${INFO}/INBOX`, uids: [first!.uid], to: { accountId: account.id, folderPath: 'Archive' } });
    const copy = (await heldIn(fixture.stack, 'alice', 'Archive')).find((m) => m.messageId === first!.messageId);
    expect(outcome.destination?.uids).toEqual([copy!.uid]);
    expect(outcome.undo).toEqual({ type: 'delete', accountId: account.id, folderPath: 'Archive', uids: [copy!.uid], permanent: true });
    expect((await heldIn(fixture.stack, 'info', 'INBOX')).some((m) => m.uid === first!.uid)).toBe(true);
  });
});

describe('between accounts', () => {
  it("moves alice's messages into bob's account by APPEND, removing the originals only after", async () => {
    const client = new TestClient(fixture.sut.services);
    const alice = await addAccount(client, fixture.stack, 'alice');
    const bob = await addAccount(client, fixture.stack, 'bob');
    const picked = (await heldIn(fixture.stack, 'alice', 'INBOX')).slice(0, 2);
    const outcome = await queue(client, { type: 'move', accountId: alice.id, folderPath: 'INBOX', uids: picked.map((m) => m.uid), to: { accountId: bob.id, folderPath: 'Archive' } });
    const inBob = (await heldIn(fixture.stack, 'bob', 'Archive')).filter((m) => picked.some((p) => p.messageId === m.messageId));
    expect(inBob).toHaveLength(2);
    // Flags travel with the copy (\Seen here), so the message is as it was.
    for (const p of picked) expect(inBob.find((m) => m.messageId === p.messageId)!.flags).toEqual(p.flags);
    expect((await heldIn(fixture.stack, 'alice', 'INBOX')).filter((m) => picked.some((p) => p.messageId === m.messageId))).toEqual([]);
    expect(outcome.destination).toEqual({ accountId: bob.id, folderPath: 'Archive', uids: inBob.map((m) => m.uid) });

    await queue(client, outcome.undo!);
    expect((await heldIn(fixture.stack, 'alice', 'INBOX')).filter((m) => picked.some((p) => p.messageId === m.messageId))).toHaveLength(2);
    expect((await heldIn(fixture.stack, 'bob', 'Archive')).filter((m) => picked.some((p) => p.messageId === m.messageId))).toEqual([]);
  });

  it('keeps every original, and leaves no copy behind, when the target refuses an APPEND midway (over quota)', async () => {
    const client = new TestClient(fixture.sut.services);
    const alice = await addAccount(client, fixture.stack, 'alice');
    const bob = await addAccount(client, fixture.stack, 'bob');
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push(await appendSized(fixture.stack, 'alice', 'INBOX', `Big ${n}`, 120_000));
    // Room for one of the three in info@ (its quota root), not for two.
    await tightenQuota(fixture.stack, 'info@example.test', 180_000);
    const aliceBefore = await heldIn(fixture.stack, 'alice', 'INBOX');
    const infoBefore = await heldIn(fixture.stack, 'info', 'INBOX');
    const uids = aliceBefore.filter((m) => ids.includes(m.messageId)).map((m) => m.uid);
    expect(uids).toHaveLength(3);
    await expect(
      queue(client, { type: 'move', accountId: alice.id, folderPath: 'INBOX', uids, to: { accountId: bob.id, folderPath: `${INFO}/INBOX` } }),
    ).rejects.toMatchObject({ code: 'serverRefused', message: expect.stringMatching(/quota[\s\S]*Nothing was moved/i) });
    expect(await heldIn(fixture.stack, 'alice', 'INBOX')).toEqual(aliceBefore);
    expect((await heldIn(fixture.stack, 'info', 'INBOX')).map((m) => m.messageId)).toEqual(infoBefore.map((m) => m.messageId));
  });

  it("refuses before copying when the target account may not insert (carol in info@'s Inbox)", async () => {
    const client = new TestClient(fixture.sut.services);
    const alice = await addAccount(client, fixture.stack, 'alice');
    const carol = await addAccount(client, fixture.stack, 'carol');
    const before = await heldIn(fixture.stack, 'alice', 'INBOX');
    await expect(
      queue(client, { type: 'copy', accountId: alice.id, folderPath: 'INBOX', uids: [before[0]!.uid], to: { accountId: carol.id, folderPath: `${INFO}/INBOX` } }),
    ).rejects.toMatchObject({ code: 'notPermitted', message: expect.stringContaining('info@example.test') });
    expect(await heldIn(fixture.stack, 'alice', 'INBOX')).toEqual(before);
  });
});

describe('archive and junk', () => {
  it("creates info@'s Archive on first use, bob sees the message there, and the undo puts it back", async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'alice');
    await asLogin(fixture.stack, 'alice', (imap) => imap.mailboxDelete(`${INFO}/Archive`));
    await client.call('sync.start', { accountId: account.id, cursors: [] });
    await client.untilSynced(account.id);
    const [first] = await heldIn(fixture.stack, 'info', 'INBOX');
    const outcome = await queue(client, { type: 'archive', accountId: account.id, folderPath: `${INFO}/INBOX`, uids: [first!.uid] });
    const archive = outcome.destination!.folderPath;
    expect(archive.startsWith(`${INFO}/`)).toBe(true);
    const seenByBob = await heldIn(fixture.stack, 'bob', archive);
    expect(seenByBob.map((m) => m.messageId)).toEqual([first!.messageId]);
    // The folder tree follows: the new folder arrives in a folders batch, as an archive.
    await client.until(() => client.folders.get(archive)?.role === 'archive', 'the new Archive in the folder list');

    await queue(client, outcome.undo!);
    expect((await heldIn(fixture.stack, 'bob', `${INFO}/INBOX`)).some((m) => m.messageId === first!.messageId)).toBe(true);
    expect(await heldIn(fixture.stack, 'bob', archive)).toEqual([]);
  });

  it('says where and why when the mailbox has no Archive and the member may not create one', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'bob');
    await asLogin(fixture.stack, 'info', async (imap) => {
      await imap.mailboxDelete('Archive');
      // bob may still move messages out of the Inbox, but no longer create folders below it.
      expectOk(await runCommand(imap, 'SETACL', ['INBOX', 'bob@example.test', 'lrwstie']), 'SETACL');
    });
    const before = await heldIn(fixture.stack, 'info', 'INBOX');
    await expect(queue(client, { type: 'archive', accountId: account.id, folderPath: `${INFO}/INBOX`, uids: [before[0]!.uid] })).rejects.toMatchObject({
      code: 'archiveUnavailable',
      message: expect.stringContaining('info@example.test has no Archive folder'),
    });
    expect(await heldIn(fixture.stack, 'info', 'INBOX')).toEqual(before);
  });

  it('refuses to archive for carol, who may only read info@', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'carol');
    const before = await heldIn(fixture.stack, 'info', 'INBOX');
    await expect(queue(client, { type: 'archive', accountId: account.id, folderPath: `${INFO}/INBOX`, uids: [before[0]!.uid] })).rejects.toMatchObject({ code: 'notPermitted' });
    expect(await heldIn(fixture.stack, 'info', 'INBOX')).toEqual(before);
  });

  it('junk sets $Junk and moves to Junk; its undo clears it and moves back', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'alice');
    const [first] = await heldIn(fixture.stack, 'alice', 'INBOX');
    const outcome = await queue(client, { type: 'junk', accountId: account.id, folderPath: 'INBOX', uids: [first!.uid] });
    const junked = (await heldIn(fixture.stack, 'alice', 'Junk')).find((m) => m.messageId === first!.messageId);
    expect(junked!.flags).toContain('$Junk');
    expect(outcome.destination).toEqual({ accountId: account.id, folderPath: 'Junk', uids: [junked!.uid] });

    await queue(client, outcome.undo!);
    const back = (await heldIn(fixture.stack, 'alice', 'INBOX')).find((m) => m.messageId === first!.messageId);
    expect(back!.flags).not.toContain('$Junk');
    expect((await heldIn(fixture.stack, 'alice', 'Junk')).some((m) => m.messageId === first!.messageId)).toBe(false);
  });

  it('not junk sets $NotJunk, clears $Junk and moves to the Inbox', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, fixture.stack, 'alice');
    const [first] = await heldIn(fixture.stack, 'alice', 'INBOX');
    const junk = await queue(client, { type: 'junk', accountId: account.id, folderPath: 'INBOX', uids: [first!.uid] });
    await queue(client, { type: 'notJunk', accountId: account.id, folderPath: 'Junk', uids: junk.destination!.uids });
    const back = (await heldIn(fixture.stack, 'alice', 'INBOX')).find((m) => m.messageId === first!.messageId);
    expect(back!.flags).toContain('$NotJunk');
    expect(back!.flags).not.toContain('$Junk');
  });
});
