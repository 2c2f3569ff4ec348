/**
 * Shared mailboxes against the real stack (issue #3): discovery with rights, grant and revoke
 * while syncing, push from info@ to two members, rights enforced in tasks, \Seen per person,
 * quota. A grant or revocation must show within a minute (the README's promise: the waits'
 * deadlines); how fast things are is measured by `npm run bench`, not here (issue #10 §13).
 */
import { describe, expect, it } from 'vitest';
import type { Account, Folder, Mailbox } from '../../src/shared/model';
import { TestClient } from './services/testClient';
import { deliver, doveadm, fillMaildir, servicesFor, settingsFor, type User, useMailStack } from './services/mailStack';
import { folderState, withImap } from './services/serverView';

const fixture = useMailStack({ services: true, tuning: { pollMs: 2_000, discoveryMs: 10_000 } });
const INFO = 'shared/info@example.test/';
const SALES = 'shared/sales@example.test/';

async function signIn(user: User, services = fixture.sut.services): Promise<{ client: TestClient; account: Account }> {
  const client = new TestClient(services);
  const account = await client.call('accounts.add', { settings: settingsFor(fixture.stack, user), password: fixture.stack.users[user].password, rememberPassword: false });
  await client.call('sync.start', { accountId: account.id, cursors: [] });
  await client.untilSynced(account.id, 60_000);
  return { client, account };
}

function lastMailboxes(client: TestClient): Mailbox[] {
  const batch = client.batches.filter((b) => b.kind === 'folders').at(-1);
  return batch?.kind === 'folders' ? batch.mailboxes : [];
}
const addresses = (client: TestClient) => lastMailboxes(client).map((m) => m.address).sort();
const folder = (client: TestClient, path: string): Folder | undefined => client.folders.get(path);

function message(subject: string): string {
  return `From: Someone <someone@example.test>\r\nTo: info@example.test\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}-${Date.now()}@example.test>\r\nDate: ${new Date().toUTCString()}\r\n\r\nHello\r\n`;
}

describe('discovery', () => {
  it('alice sees her own mailbox and info@ with rights and roles, not sales@; bob sees both', async () => {
    const { client: alice, account } = await signIn('alice');
    expect(addresses(alice)).toEqual(['alice@example.test', 'info@example.test']);
    const info = lastMailboxes(alice).find((m) => m.address === 'info@example.test')!;
    expect(info).toMatchObject({ kind: 'shared', source: 'discovered', displayName: 'Info', prefix: INFO, hidden: false, id: `${account.id}:shared:info@example.test` });
    expect(info.rights).toMatch(/^(?=.*l)(?=.*r)(?=.*t)(?=.*e)/);
    expect(folder(alice, `${INFO}INBOX`)).toMatchObject({ mailboxId: info.id, role: 'inbox' });
    expect(folder(alice, `${INFO}Trash`)).toMatchObject({ mailboxId: info.id, role: 'trash' });
    expect(folder(alice, `${INFO}Sent`)?.rights).toContain('i');
    expect(folder(alice, 'INBOX')).toMatchObject({ mailboxId: `${account.id}:own`, rights: null });
    expect([...alice.folders.keys()].some((p) => p.startsWith(SALES))).toBe(false);
    // The namespace root is no folder of anyone's.
    expect(alice.folders.has('shared')).toBe(false);

    const { client: bob } = await signIn('bob');
    expect(addresses(bob)).toEqual(['bob@example.test', 'info@example.test', 'sales@example.test']);
  });

  it('carol sees info@ read-only; her delete is refused, alice’s lands in info@’s Trash', async () => {
    const { client: carol, account: carolAccount } = await signIn('carol');
    const info = lastMailboxes(carol).find((m) => m.address === 'info@example.test')!;
    expect(info.rights).toBe('lr');
    expect(folder(carol, `${INFO}INBOX`)?.rights).toBe('lr');
    const uid = carol.folderUids(`${INFO}INBOX`)[0]!;
    await expect(carol.call('tasks.queue', { task: { type: 'delete', accountId: carolAccount.id, folderPath: `${INFO}INBOX`, uids: [uid] } })).rejects.toMatchObject({
      code: 'notPermitted',
      message: expect.stringContaining('info@example.test'),
    });
    await expect(carol.call('tasks.queue', { task: { type: 'setFlags', accountId: carolAccount.id, folderPath: `${INFO}INBOX`, uids: [uid], add: ['\\Flagged'], remove: [] } })).rejects.toMatchObject({ code: 'notPermitted' });

    const { client: alice, account } = await signIn('alice');
    const subject = alice.messages.get(`${INFO}INBOX`)!.get(uid)!.subject;
    await alice.call('tasks.queue', { task: { type: 'delete', accountId: account.id, folderPath: `${INFO}INBOX`, uids: [uid] } });
    await withImap(fixture.stack, 'bob', async (imap) => {
      expect((await folderState(imap, `${INFO}INBOX`)).has(uid)).toBe(false);
      const lock = await imap.getMailboxLock(`${INFO}Trash`, { readOnly: true });
      try {
        const found = await imap.search({ subject }, { uid: true });
        expect(Array.isArray(found) && found.length).toBe(1);
      } finally {
        lock.release();
      }
    });
    // alice's own Trash got nothing; her cache converges (the expunge arrives as a removal).
    await alice.until(() => !alice.messages.get(`${INFO}INBOX`)?.has(uid), 'the deleted message to leave alice’s cache');
    await alice.until(() => [...(alice.messages.get(`${INFO}Trash`)?.values() ?? [])].some((m) => m.subject === subject), 'the message in info@ Trash');
    expect([...(alice.messages.get('Trash')?.values() ?? [])].some((m) => m.subject === subject)).toBe(false);
  });

  it('a grant to carol on sales@ appears while she syncs, and a revocation removes it', async () => {
    const { client: carol } = await signIn('carol');
    expect(addresses(carol)).not.toContain('sales@example.test');
    await doveadm(fixture.stack, 'acl', 'set', '-u', 'sales@example.test', 'INBOX', 'user=carol@example.test', 'lookup', 'read');
    await doveadm(fixture.stack, 'acl', 'recalc', '-u', 'sales@example.test');
    await carol.until(() => addresses(carol).includes('sales@example.test') && carol.folders.has(`${SALES}INBOX`), 'sales@ to appear', 60_000);
    await carol.until(() => carol.cursors.has(`${SALES}INBOX`), 'sales@ INBOX to sync', 30_000);
    expect(carol.folders.get(`${SALES}INBOX`)?.rights).toBe('lr');

    await doveadm(fixture.stack, 'acl', 'delete', '-u', 'sales@example.test', 'INBOX', 'user=carol@example.test');
    await doveadm(fixture.stack, 'acl', 'recalc', '-u', 'sales@example.test');
    await carol.until(() => !addresses(carol).includes('sales@example.test') && !carol.folders.has(`${SALES}INBOX`), 'sales@ to go', 60_000);
    expect(carol.messages.has(`${SALES}INBOX`)).toBe(false);
  }, 150_000);

  it('hiding info@ drops its folders from the batch; showing it brings them back', async () => {
    const { client: alice, account } = await signIn('alice');
    const info = lastMailboxes(alice).find((m) => m.address === 'info@example.test')!;
    await alice.call('mailboxes.setHidden', { accountId: account.id, mailboxId: info.id, hidden: true });
    await alice.until(() => !alice.folders.has(`${INFO}INBOX`), 'info@ folders to go');
    expect(lastMailboxes(alice).find((m) => m.id === info.id)?.hidden).toBe(true);
    await alice.call('mailboxes.setHidden', { accountId: account.id, mailboxId: info.id, hidden: false });
    await alice.until(() => alice.cursors.has(`${INFO}INBOX`), 'info@ to sync again');
  });
});

describe('push, read state and quota', () => {
  it('a delivery to info@ reaches alice’s and bob’s caches by IDLE', async () => {
    // Each at their own computer (own profile), polling off (10 minutes): whatever arrives, IDLE
    // brought. How fast it is, `npm run bench` measures.
    const desks = [0, 1].map(() => servicesFor(fixture.stack, { pollMs: 600_000, discoveryMs: 600_000 }));
    try {
      const { client: alice } = await signIn('alice', desks[0]!.services);
      const { client: bob } = await signIn('bob', desks[1]!.services);
      const has = (c: TestClient, subject: string) => [...(c.messages.get(`${INFO}INBOX`)?.values() ?? [])].some((m) => m.subject.startsWith(subject));
      // The watchers connect after the first sync. Deliver until a delivery reaches both: one that
      // came before IDLE was up is fetched together with the next.
      const warmUp = `push warm-up ${Date.now()}`;
      let sent = 0;
      await expect
        .poll(
          async () => {
            await deliver(fixture.stack, { from: 'someone@example.test', to: 'info@example.test', raw: message(`${warmUp} ${sent++}`) });
            await Promise.all([alice, bob].map((c) => c.until(() => has(c, warmUp), 'the warm-up message', 3_000).catch(() => undefined)));
            return has(alice, warmUp) && has(bob, warmUp);
          },
          { timeout: 30_000, interval: 1 },
        )
        .toBe(true);
      for (let i = 0; i < 3; i++) {
        const subject = `push ${i} ${Date.now()}`;
        await deliver(fixture.stack, { from: 'someone@example.test', to: 'info@example.test', raw: message(subject) });
        await Promise.all([alice, bob].map((c) => c.until(() => has(c, subject), 'the message to arrive by IDLE', 10_000)));
      }
    } finally {
      await Promise.all(desks.map((desk) => desk.cleanup()));
    }
  });

  it('alice reading a message in info@ does not make it read for bob', async () => {
    const { client: alice, account } = await signIn('alice');
    const uid = [...alice.messages.get(`${INFO}INBOX`)!.values()].find((m) => !m.flags.includes('\\Seen'))!.uid;
    await alice.call('message.body', { accountId: account.id, folderPath: `${INFO}INBOX`, uid });
    await withImap(fixture.stack, 'alice', async (imap) => expect((await folderState(imap, `${INFO}INBOX`)).get(uid)).not.toContain('\\Seen'));
    await alice.call('tasks.queue', { task: { type: 'setFlags', accountId: account.id, folderPath: `${INFO}INBOX`, uids: [uid], add: ['\\Seen'], remove: [] } });
    await withImap(fixture.stack, 'alice', async (imap) => expect((await folderState(imap, `${INFO}INBOX`)).get(uid)).toContain('\\Seen'));
    await withImap(fixture.stack, 'bob', async (imap) => expect((await folderState(imap, `${INFO}INBOX`)).get(uid)).not.toContain('\\Seen'));
  });

  it("reports the own quota and sees it grow; info@'s is not shown by Dovecot to a member (no admin)", async () => {
    const { client: alice } = await signIn('alice');
    const quotaOf = (address: string) => lastMailboxes(alice).find((m) => m.address === address)?.quota ?? null;
    const before = quotaOf('alice@example.test');
    expect(before?.limitKiB).toBeGreaterThan(0);
    // GETQUOTAROOT on info@'s INBOX: "NO Not showing other users' quota" (issue #10 §9).
    expect(lastMailboxes(alice).find((m) => m.address === 'info@example.test')).toMatchObject({ quota: null });
    await fillMaildir(fixture.stack, 'alice@example.test', 'INBOX', 200);
    await doveadm(fixture.stack, 'quota', 'recalc', '-u', 'alice@example.test');
    await alice.until(() => (quotaOf('alice@example.test')?.usedKiB ?? 0) > before!.usedKiB, 'the own quota to grow', 30_000);
  });
});

