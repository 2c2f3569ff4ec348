/**
 * Issue #10 §13 (the order-dependent replyShared e2e): in a shared mailbox with private \Seen
 * (Dovecot INDEXPVT), a flag change made by another session between our SELECT and our FETCH is
 * answered from the old view first and then sent again, unsolicited and without UID (RFC 9051
 * §7.5.2). The sync must report the flags the server holds now, or the cache keeps wrong flags
 * at the modseq its cursor then claims — bob lost "Answered by alice" when he opened the message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImap } from '../../../src/main/services/imap/ImapFlowSession';
import type { ImapSession } from '../../../src/main/services/imap/types';
import { startMailStack, stopMailStack, type MailStack, type User } from './mailStack';
import { withImap } from './serverView';

const INBOX = 'shared/info@example.test/INBOX';
let stack: MailStack;
const sessions: ImapSession[] = [];

async function session(user: User): Promise<ImapSession> {
  const u = stack.users[user];
  const s = await openImap({ host: stack.host, port: stack.ports.imaps, security: 'tls', username: u.email }, u.password, { extraCa: [stack.caPem] });
  sessions.push(s);
  return s;
}

beforeAll(async () => {
  stack = await startMailStack();
});

afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close().catch(() => undefined)));
  await stopMailStack(stack);
});

describe('flags changed while a sync pass has the folder selected', () => {
  it('fetchFlags reports what the server holds after the FETCH, not the view from before it', async () => {
    const [syncer, bobElsewhere] = await Promise.all([session('bob'), session('bob')]);
    const [uid] = await syncer.inFolder(INBOX, (folder) => folder.searchUids());
    expect(uid).toBeDefined();

    const { changes } = await syncer.inFolder(INBOX, async (folder) => {
      const since = folder.snapshot.highestModseq;
      // Alice answers the message; bob reads it in another window (his private \Seen).
      await withImap(stack, 'alice', async (alice) => {
        await alice.mailboxOpen(INBOX);
        await alice.messageFlagsAdd(String(uid), ['\\Answered'], { uid: true });
      });
      await bobElsewhere.inFolder(INBOX, (other) => other.store([uid!], ['\\Seen'], []));
      return folder.fetchFlags('1:*', since);
    });

    const server = await withImap(stack, 'bob', async (bob) => {
      await bob.mailboxOpen(INBOX, { readOnly: true });
      const msg = await bob.fetchOne(String(uid), { flags: true }, { uid: true });
      return msg ? [...(msg.flags ?? [])].sort() : [];
    });
    expect(server).toEqual(['\\Answered', '\\Seen']);
    const reported = changes.filter((c) => c.uid === uid);
    expect(reported).toHaveLength(1);
    expect([...reported[0]!.flags].sort()).toEqual(server);
    expect(changes.every((c) => Number.isInteger(c.uid))).toBe(true);
  });

  it('fetchSummaries gives each asked-for message once, with the flags the server holds now', async () => {
    const [syncer, bobElsewhere] = await Promise.all([session('bob'), session('bob')]);
    const uids = await syncer.inFolder(INBOX, (folder) => folder.searchUids());
    const uid = uids[1]!;

    const rows = await syncer.inFolder(INBOX, async (folder) => {
      await withImap(stack, 'alice', async (alice) => {
        await alice.mailboxOpen(INBOX);
        await alice.messageFlagsAdd(String(uid), ['\\Answered'], { uid: true });
      });
      await bobElsewhere.inFolder(INBOX, (other) => other.store([uid], ['\\Seen'], []));
      return folder.fetchSummaries(uids.slice(0, 3));
    });

    expect(rows.map((r) => r.uid)).toEqual(uids.slice(0, 3));
    expect(rows.every((r) => r.envelope !== null)).toBe(true);
    expect([...rows[1]!.flags].sort()).toEqual(['\\Answered', '\\Seen']);
  });
});
