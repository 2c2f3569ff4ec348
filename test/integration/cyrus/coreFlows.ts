/**
 * The core flows of shared mailboxes, one body for both test servers (issue #10 §8): discovery
 * with the shared Inbox, the unified Inbox, a read-only member, new mail pushed into a shared
 * Inbox, a reply from the shared address with its team Sent copy, and the shared calendar.
 * dovecot.test.ts and cyrus.test.ts run them, each against its own stack; the detailed
 * Dovecot-only tests stay where they are (discovery.test.ts, compose/, calendar/).
 */
import { describe, expect, it } from 'vitest';
import type { Account, Mailbox } from '../../../src/shared/model';
import { TestClient } from '../services/testClient';
import { servicesFor, settingsFor, type User } from '../services/mailStack';
import { headerOf, outgoing, sourceOf, uidsWithMessageId, untilState } from '../compose/composeHelpers';
import { appointment, serverEvents } from '../calendar/calendarHelpers';
import { withServerImap as withImap, type ServerFixture } from './servers';

export function coreFlows(server: ServerFixture): void {
  const L = server.layout;
  const infoInbox = L.shared('info', 'INBOX');

  async function signIn(user: User, services = server.sut.services): Promise<{ client: TestClient; account: Account }> {
    const client = new TestClient(services);
    const account = await client.call('accounts.add', { settings: settingsFor(server.stack, user), password: server.stack.users[user].password, rememberPassword: false });
    await client.call('sync.start', { accountId: account.id, cursors: [] });
    await client.untilSynced(account.id, 60_000);
    return { client, account };
  }
  const mailboxesOf = (client: TestClient): Mailbox[] => {
    const batch = client.batches.filter((b) => b.kind === 'folders').at(-1);
    return batch?.kind === 'folders' ? batch.mailboxes : [];
  };
  const addresses = (client: TestClient) => mailboxesOf(client).filter((m) => !m.public).map((m) => m.address).sort();
  const inboxes = (client: TestClient) => [...client.folders.values()].filter((f) => f.role === 'inbox').map((f) => f.path).sort();

  describe(`core flows on ${server.kind}`, () => {
    it("discovery: alice sees her mailbox and info@ with its Inbox, roles, rights and quota, not sales@; bob sees both", async () => {
      const { client: alice, account } = await signIn('alice');
      expect(addresses(alice)).toEqual(['alice@example.test', 'info@example.test']);
      const info = mailboxesOf(alice).find((m) => m.address === 'info@example.test')!;
      expect(info).toMatchObject({ kind: 'shared', source: 'discovered', displayName: 'Info', id: `${account.id}:shared:info@example.test` });
      // MYRIGHTS on info@'s Inbox: alice has full rights there.
      expect(info.rights).toMatch(/^(?=.*l)(?=.*r)(?=.*t)(?=.*e)(?=.*i)/);
      expect(alice.folders.get(infoInbox)).toMatchObject({ mailboxId: info.id, role: 'inbox' });
      expect(alice.folders.get(L.shared('info', 'Sent'))).toMatchObject({ mailboxId: info.id, role: 'sent' });
      expect(alice.folders.get(L.shared('info', 'Trash'))).toMatchObject({ mailboxId: info.id, role: 'trash' });
      expect(alice.folders.get('INBOX')).toMatchObject({ mailboxId: `${account.id}:own`, role: 'inbox', rights: null });
      // info@'s mail is synced into its Inbox (15 seeded messages).
      expect(alice.folderUids(infoInbox)).toHaveLength(15);
      expect(mailboxesOf(alice).find((m) => m.address === 'alice@example.test')?.quota?.limitKiB).toBeGreaterThan(0);
      // GETQUOTAROOT on info@'s Inbox: Cyrus shows a member the 50 MB; Dovecot does not (issue #10 §9).
      expect(info.quota).toEqual(server.kind === 'cyrus' ? { usedKiB: expect.any(Number), limitKiB: 51_200 } : null);

      const { client: bob } = await signIn('bob');
      expect(addresses(bob)).toEqual(['bob@example.test', 'info@example.test', 'sales@example.test']);
      expect(bob.folders.get(L.shared('sales', 'INBOX'))).toMatchObject({ role: 'inbox' });
    });

    it('read-only member: carol sees info@ with lr, her delete and flag are refused, the server keeps the message', async () => {
      const { client: carol, account } = await signIn('carol');
      const info = mailboxesOf(carol).find((m) => m.address === 'info@example.test')!;
      expect(info.rights).toBe('lr');
      expect(carol.folders.get(infoInbox)).toMatchObject({ role: 'inbox', rights: 'lr' });
      const uid = carol.folderUids(infoInbox)[0]!;
      await expect(carol.call('tasks.queue', { task: { type: 'delete', accountId: account.id, folderPath: infoInbox, uids: [uid] } })).rejects.toMatchObject({
        code: 'notPermitted',
        message: expect.stringContaining('info@example.test'),
      });
      await expect(carol.call('tasks.queue', { task: { type: 'setFlags', accountId: account.id, folderPath: infoInbox, uids: [uid], add: ['\\Flagged'], remove: [] } })).rejects.toMatchObject({ code: 'notPermitted' });
      await withImap(server.stack, 'bob', async (imap) => {
        const lock = await imap.getMailboxLock(infoInbox, { readOnly: true });
        try {
          expect(await imap.search({ uid: String(uid), flagged: true }, { uid: true })).toEqual([]);
          expect(await imap.search({ uid: String(uid) }, { uid: true })).toEqual([uid]);
        } finally {
          lock.release();
        }
      });
    });

    it("new mail to info@ is pushed into alice's and bob's info@ Inbox, which is among the unified Inbox's folders", async () => {
      // Each at their own computer, polling off (10 minutes): whatever arrives, IDLE brought.
      const desks = [0, 1].map(() => servicesFor(server.stack, { pollMs: 600_000, discoveryMs: 600_000 }));
      try {
        const { client: alice } = await signIn('alice', desks[0]!.services);
        const { client: bob } = await signIn('bob', desks[1]!.services);
        expect(inboxes(alice)).toEqual(['INBOX', infoInbox].sort());
        expect(inboxes(bob)).toEqual(['INBOX', infoInbox, L.shared('sales', 'INBOX')].sort());
        const has = (c: TestClient, subject: string) => [...(c.messages.get(infoInbox)?.values() ?? [])].some((m) => m.subject.startsWith(subject));
        const send = (subject: string) =>
          server.deliver({ from: 'someone@example.test', to: 'info@example.test', raw: `From: Someone <someone@example.test>\r\nTo: info@example.test\r\nSubject: ${subject}\r\nDate: ${new Date().toUTCString()}\r\n\r\nHallo\r\n` });
        // The watchers connect after the first sync. Deliver until a delivery reaches both: one
        // that came before IDLE was up is fetched together with the next.
        const warmUp = `push warm-up ${Date.now()}`;
        let sent = 0;
        await expect
          .poll(
            async () => {
              await send(`${warmUp} ${sent++}`);
              await Promise.all([alice, bob].map((c) => c.until(() => has(c, warmUp), 'the warm-up message', 3_000).catch(() => undefined)));
              return has(alice, warmUp) && has(bob, warmUp);
            },
            { timeout: 30_000, interval: 1 },
          )
          .toBe(true);
        const subject = `push ${server.kind} ${Date.now()}`;
        await send(subject);
        await Promise.all([alice.until(() => has(alice, subject), 'alice to get it by IDLE', 10_000), bob.until(() => has(bob, subject), 'bob to get it by IDLE', 10_000)]);
      } finally {
        await Promise.all(desks.map((d) => d.cleanup()));
      }
    });

    it("alice replies from info@: the customer gets From info@, the copy is in info@'s Sent for bob, the original is answered", async () => {
      const { client: alice, account } = await signIn('alice');
      const identities = await alice.call('identities.list', {});
      const info = identities.find((i) => i.accountId === account.id && i.address === 'info@example.test');
      expect(info).toMatchObject({ kind: 'shared', sentCopies: 'shared' });
      const original = [...alice.messages.get(infoInbox)!.values()].find((m) => m.messageId)!;
      const message = outgoing(account, info!.id, {
        subject: `Re: ${original.subject}`,
        inReplyTo: original.messageId,
        references: [original.messageId!],
        origin: { intent: 'reply', accountId: account.id, folderPath: infoInbox, uid: original.uid },
      });
      await alice.call('tasks.queue', { task: { type: 'send', message, delaySeconds: 0 } });
      const sent = await untilState(alice, message.id, 'sent');
      expect(sent).toMatchObject({ from: { address: 'info@example.test' }, sender: null, error: null, copyFellBackToOwn: false });
      expect(sent.sentCopies).toEqual([{ mailboxId: info!.mailboxId, folderPath: L.shared('info', 'Sent'), saved: true }]);

      const delivered = await server.waitForMessage('catchall', sent.messageId);
      const received = await withImap(server.stack, 'catchall', (imap) => sourceOf(imap, delivered.mailbox, delivered.uid));
      expect(headerOf(received.source, 'From')).toEqual(['Info <info@example.test>']);
      expect(headerOf(received.source, 'In-Reply-To')).toEqual([original.messageId]);
      await withImap(server.stack, 'bob', async (imap) => {
        expect(await uidsWithMessageId(imap, L.shared('info', 'Sent'), sent.messageId)).toHaveLength(1);
        expect((await sourceOf(imap, infoInbox, original.uid)).flags).toContain('\\Answered');
      });
    });

    it("shared calendar: alice has an own calendar, finds info@'s, and an event she saves there is what bob reads", async () => {
      const { client: alice, account } = await signIn('alice');
      const own = `${account.id}:own`;
      await alice.until(() => [...alice.folders.values()].some((f) => f.role === 'calendar' && f.mailboxId === own), 'her own calendar after the first sync');
      const ownCalendar = [...alice.folders.values()].find((f) => f.role === 'calendar' && f.mailboxId === own)!.path;
      expect(await alice.call('calendar.ensure', { accountId: account.id, mailboxId: own })).toEqual({ folderPath: ownCalendar });
      const infoCalendar = L.shared('info', 'Calendar');
      expect(alice.folders.get(infoCalendar)).toMatchObject({ role: 'calendar', mailboxId: `${account.id}:shared:info@example.test` });
      expect(await alice.call('calendar.ensure', { accountId: account.id, mailboxId: `${account.id}:shared:info@example.test` })).toEqual({ folderPath: infoCalendar });
      const saved = await alice.call('calendar.save', { accountId: account.id, folderPath: infoCalendar, event: appointment(`core-${server.kind}@example.test`, 'Oplevering'), base: null });
      expect(saved).toMatchObject({ status: 'saved' });
      const seen = await withImap(server.stack, 'bob', (imap) => serverEvents(imap, infoCalendar));
      expect(seen.map((e) => e.event?.summary)).toEqual(expect.arrayContaining(['Weekoverleg', 'Oplevering']));
    });

    it.runIf(L.publicFolder !== null)('public folders are shared folders without an address, never a From choice', async () => {
      const { client: alice, account } = await signIn('alice');
      const team = mailboxesOf(alice).find((m) => m.public);
      expect(team).toMatchObject({ kind: 'shared', hidden: false });
      expect(team!.address).not.toContain('@');
      expect(alice.folders.get(L.publicFolder!)).toMatchObject({ mailboxId: team!.id, role: null });
      const identities = await alice.call('identities.list', {});
      expect(identities.filter((i) => i.accountId === account.id).map((i) => i.address).sort()).toEqual(['alice@example.test', 'info@example.test']);
    });
  });
}
