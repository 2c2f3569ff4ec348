/**
 * The head start of a first sync (src/main/services/sync/WarmStarts.ts) against the real
 * Dovecot: main logs in and fetches INBOX's top as soon as an account is added; the window's
 * sync takes that over. Whatever changed on the server in between must still reach the cache.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../src/shared/model';
import type { TraceMark } from '../../../src/main/services/types';
import { TestClient } from './testClient';
import { deliver, servicesFor, settingsFor, useMailStack, type ServicesUnderTest } from './mailStack';
import { folderState, withImap } from './serverView';

const fixture = useMailStack();
let sut: ServicesUnderTest | null = null;
const marks: TraceMark[] = [];

/** Services whose trace marks (ServicesOptions.trace) tell when the head start is ready or failed. */
function tracedServices(): ServicesUnderTest['services'] {
  marks.length = 0;
  sut = servicesFor(fixture.stack, {}, [fixture.stack.caPem], { trace: (mark) => marks.push(mark) });
  return sut.services;
}

afterEach(async () => {
  await sut?.cleanup();
  sut = null;
});

/** Waits for a trace mark (checked on every client event and every 50 ms), at most 20 s. */
function untilMark(client: TestClient, what: TraceMark['what']): Promise<void> {
  return client.until(() => marks.some((m) => m.what === what), `the ${what} mark`);
}

async function addAlice(client: TestClient, password = fixture.stack.users.alice.password): Promise<Account> {
  return client.call('accounts.add', { settings: settingsFor(fixture.stack, 'alice'), password, rememberPassword: false });
}

describe('head start', () => {
  it('a first sync after it holds what the server holds, also mail and flags that changed in between', async () => {
    const client = new TestClient(tracedServices());
    const account = await addAlice(client);
    // The head start has logged in and fetched INBOX's top; then the server changes under it.
    await untilMark(client, 'headStart');
    await deliver(fixture.stack, {
      from: 'sanne.devries@example.nl',
      to: fixture.stack.users.alice.email,
      raw: 'From: Sanne <sanne.devries@example.nl>\r\nTo: alice@example.test\r\nSubject: Na de voorsprong\r\n\r\nTussendoor bezorgd.\r\n',
    });
    await withImap(fixture.stack, 'alice', async (imap) => {
      await imap.mailboxOpen('INBOX');
      await imap.messageFlagsAdd('1', ['\\Flagged'], { uid: false });
    });

    await client.call('sync.start', { accountId: account.id, cursors: [] });
    await client.untilSynced(account.id);
    // INBOX came first, right after the folder list: the replayed head start.
    expect(client.batches[0]).toMatchObject({ kind: 'folders' });
    expect(client.batches[1]).toMatchObject({ kind: 'messages', folderPath: 'INBOX' });
    // It was fetched before the delivery: the new message came with the sync's own look.
    const replayed = client.batches[1]!;
    expect(replayed.kind === 'messages' && replayed.upserts.some((m) => m.subject === 'Na de voorsprong')).toBe(false);

    await withImap(fixture.stack, 'alice', async (imap) => {
      const server = await folderState(imap, 'INBOX');
      expect(client.folderUids('INBOX')).toEqual([...server.keys()].sort((a, b) => a - b));
      const cached = client.messages.get('INBOX')!;
      for (const [uid, flags] of server) expect([...cached.get(uid)!.flags].sort(), `INBOX ${uid}`).toEqual(flags);
      expect(client.cursors.get('INBOX')!.count).toBe(server.size);
    });
    expect([...client.messages.get('INBOX')!.values()].some((m) => m.subject === 'Na de voorsprong')).toBe(true);
  });

  it('fetches the top of the shared Inboxes too, and the sync replays them right after the own INBOX (issue #11 §4)', async () => {
    const shared = 'shared/info@example.test/INBOX';
    const client = new TestClient(tracedServices());
    const account = await addAlice(client);
    await untilMark(client, 'headStart');
    // Delivered after the head start looked into info@'s Inbox: only the sync's own pass can bring it.
    await deliver(fixture.stack, {
      from: 'klant@example.nl',
      to: 'info@example.test',
      raw: 'From: Klant <klant@example.nl>\r\nTo: info@example.test\r\nSubject: Na de gedeelde voorsprong\r\n\r\nVraag.\r\n',
    });

    await client.call('sync.start', { accountId: account.id, cursors: [] });
    await client.untilSynced(account.id);
    expect(client.batches[0]).toMatchObject({ kind: 'folders' });
    const replayed = client.batches.slice(1, 3);
    expect(replayed).toMatchObject([
      { kind: 'messages', folderPath: 'INBOX' },
      { kind: 'messages', folderPath: shared },
    ]);
    expect(replayed[1]!.kind === 'messages' && replayed[1]!.upserts.length).toBeGreaterThan(0);
    expect(replayed[1]!.kind === 'messages' && replayed[1]!.upserts.some((m) => m.subject === 'Na de gedeelde voorsprong')).toBe(false);

    await withImap(fixture.stack, 'alice', async (imap) => {
      const server = await folderState(imap, shared);
      expect(client.folderUids(shared)).toEqual([...server.keys()].sort((a, b) => a - b));
    });
    expect([...client.messages.get(shared)!.values()].some((m) => m.subject === 'Na de gedeelde voorsprong')).toBe(true);
  });

  it('with a wrong password the sync says so in its usual words; the failed head start leaves no trace', async () => {
    const client = new TestClient(tracedServices());
    const account = await addAlice(client, 'not-the-password');
    await untilMark(client, 'headStartFailed');
    await client.call('sync.start', { accountId: account.id, cursors: [] });
    await client.until(() => client.lastStatus(account.id)?.state === 'error', 'the error status');
    expect(client.lastStatus(account.id)).toMatchObject({ state: 'error', error: { code: 'authFailed' } });
    expect(client.batches).toHaveLength(0);
  });
});
