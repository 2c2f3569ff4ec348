// imap/ext against the real Dovecot of test/mailstack: the raw-command wrapper and each
// extension, with alice/bob (full rights on info@) and carol (lr on info@).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import { fillMaildir, startMailStack, stopMailStack, type MailStack, type MailStackAccount } from '../mailstack/mailstack.mjs';
import { startFaultProxy } from '../support/faultProxy.mjs';
import { runCommand } from '../../src/main/services/imap/ext/rawCommand';
import { getNamespaces } from '../../src/main/services/imap/ext/namespace';
import { capabilitiesFromRights, myRights, parseRights } from '../../src/main/services/imap/ext/acl';
import { DOVECOT_DEFAULT_ROOT, getQuotaRoot, quotaForMailbox, quotaLevel } from '../../src/main/services/imap/ext/quota';
import { getMetadata, setMetadata } from '../../src/main/services/imap/ext/metadata';
import { listWithStatus, parseListLine } from '../../src/main/services/imap/ext/listStatus';
import { storeUnchangedSince } from '../../src/main/services/imap/ext/condStore';
import { ImapExtError } from '../../src/main/services/imap/ext/imapValues';
import { isConnectionLoss } from '../../src/main/services/imap/imapErrors';

const INFO_INBOX = 'shared/info@example.test/INBOX';
const AGENDA = `${INFO_INBOX}/Agenda`;
const FILL = 300;
let stack: MailStack;
const open: ImapFlow[] = [];

async function login(account: MailStackAccount, options: { port?: number; autoIdleDelay?: number } = {}): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: stack.host,
    port: options.port ?? stack.ports.imaps,
    secure: true,
    tls: { ca: [stack.caPem] },
    auth: { user: account.email, pass: account.password },
    logger: false,
    autoIdleDelay: options.autoIdleDelay ?? 60_000,
  });
  client.on('error', () => undefined);
  await client.connect();
  open.push(client);
  return client;
}

beforeAll(async () => {
  stack = await startMailStack();
  await fillMaildir(stack, stack.shared.info, 'INBOX', FILL);
});

afterAll(async () => {
  await Promise.all(open.map((c) => c.logout().catch(() => c.close())));
  await stopMailStack(stack);
});

describe('namespaces (RFC 2342)', () => {
  it("puts info@ under alice's other-users prefix shared/, the same from imapflow's copy and from the server", async () => {
    const alice = await login(stack.users.alice);
    const cached = await getNamespaces(alice);
    expect(await getNamespaces(alice, { fromServer: true })).toEqual(cached);
    expect(cached).toEqual({ personal: [{ prefix: '', delimiter: '/', kind: 'personal' }], otherUsers: [{ prefix: 'shared/', delimiter: '/', kind: 'otherUsers' }], shared: [] });
  });
});

describe('MYRIGHTS (RFC 4314)', () => {
  it('is full for alice and lr for carol on the shared INBOX', async () => {
    const [alice, carol] = await Promise.all([login(stack.users.alice), login(stack.users.carol)]);
    const full = await myRights(alice, INFO_INBOX);
    expect(full).toBe('lrwstipekxacd');
    expect(Object.values(parseRights(full)).every(Boolean)).toBe(true);
    expect(await myRights(carol, INFO_INBOX)).toBe('lr');
    expect(capabilitiesFromRights(parseRights(await myRights(carol, INFO_INBOX)))).toMatchObject({ readOnly: true, canDelete: false, canMoveIn: false });
    await expect(myRights(carol, 'shared/sales@example.test/INBOX')).rejects.toMatchObject({ code: 'refused' });
  });
});

describe('QUOTA (RFC 9208)', () => {
  it("reads alice's own quota and info@'s as its owner sees it; Dovecot does not show info@'s to alice, who is no admin", async () => {
    const [alice, info] = await Promise.all([login(stack.users.alice), login(stack.sharedAccounts.info)]);
    const own = await quotaForMailbox(alice, 'INBOX');
    expect(own).toMatchObject({ root: DOVECOT_DEFAULT_ROOT, resources: [{ name: 'STORAGE', limit: 1_048_576 }] });

    // The root name the owner sees is what a member prefixes with "<owner>:".
    const owner = await getQuotaRoot(info, 'INBOX');
    expect(owner.roots).toEqual([DOVECOT_DEFAULT_ROOT]);
    const ownerStorage = owner.quotas[0]!.resources.find((r) => r.name === 'STORAGE')!;
    expect(ownerStorage.limit).toBe(51_200);
    expect(ownerStorage.usage).toBeGreaterThan((FILL * 5000) / 1024);

    expect(quotaLevel(ownerStorage.usage, ownerStorage.limit)).toBe('ok');
    // Dovecot: "NO Not showing other users' quota" — shown as "not shown by your server".
    await expect(getQuotaRoot(alice, INFO_INBOX)).rejects.toMatchObject({ code: 'refused' });
    expect(await quotaForMailbox(alice, INFO_INBOX)).toBeNull();
  });
});

describe('METADATA (RFC 5464)', () => {
  it('lets alice mark a folder in info@ as a calendar, which bob then finds with GETMETADATA "*"', async () => {
    const [alice, bob] = await Promise.all([login(stack.users.alice), login(stack.users.bob)]);
    await alice.mailboxCreate(AGENDA);
    const comment = 'Team agenda\r\nline two: ü';
    await setMetadata(alice, AGENDA, { '/shared/vendor/kolab/folder-type': 'event', '/shared/comment': comment, '/private/comment': 'mine' });

    const entries = ['/shared/vendor/kolab/folder-type', '/shared/comment', '/private/comment'] as const;
    const { values } = await getMetadata(bob, '*', entries);
    expect(values.get(AGENDA)).toEqual(new Map([[entries[0], 'event'], [entries[1], comment], [entries[2], null]]));
    expect(values.get(INFO_INBOX)?.get(entries[0])).toBeNull();
    expect((await getMetadata(alice, AGENDA, ['/private/comment'])).values.get(AGENDA)?.get('/private/comment')).toBe('mine');

    await setMetadata(alice, AGENDA, { '/shared/comment': null });
    expect((await getMetadata(bob, AGENDA, ['/shared/comment'])).values.get(AGENDA)?.get('/shared/comment')).toBeNull();
    await expect(setMetadata(alice, AGENDA, { '/vendor/x': 'y' })).rejects.toMatchObject({ code: 'invalidArgument' });
  });
});

describe('LIST-STATUS (RFC 5819)', () => {
  it('gives every selectable folder its status once, although Dovecot lists the shared INBOX twice', async () => {
    const alice = await login(stack.users.alice);
    await alice.mailboxCreate(`${INFO_INBOX}/Projecten`).catch(() => undefined);
    const raw = await runCommand(alice, 'LIST', ['', '*'], { untagged: { LIST: (r) => parseListLine(r.attributes).name } });
    expect(raw.untagged.LIST.filter((n) => n === INFO_INBOX)).toHaveLength(2);

    const folders = await listWithStatus(alice);
    const paths = folders.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.sort()).toEqual([...new Set(raw.untagged.LIST)].sort());
    const selectable = folders.filter((f) => !f.flags.some((x) => /^\\(noselect|nonexistent)$/i.test(x)));
    expect(selectable.length).toBeGreaterThanOrEqual(13);
    for (const f of selectable) expect(f.status, f.path).toMatchObject({ messages: expect.any(Number), uidNext: expect.any(Number), uidValidity: expect.any(Number), unseen: expect.any(Number), highestModseq: expect.stringMatching(/^\d+$/) });
    const inbox = folders.find((f) => f.path === INFO_INBOX)!;
    expect(inbox.flags).toContain('\\HasChildren');
    const status = await alice.status(INFO_INBOX, { messages: true, uidNext: true, highestModseq: true });
    if (!status) throw new Error(`STATUS ${INFO_INBOX} failed`);
    expect(inbox.status).toMatchObject({ messages: 15 + FILL, uidNext: status.uidNext, highestModseq: String(status.highestModseq) });
  });
});

describe('UNCHANGEDSINCE (RFC 7162 §3.1.3)', () => {
  it('lets the first of two sessions at the same modseq win; the second learns the message was modified', async () => {
    const [alice, bob] = await Promise.all([login(stack.users.alice), login(stack.users.bob)]);
    const [a, b] = [await alice.mailboxOpen(INFO_INBOX), await bob.mailboxOpen(INFO_INBOX)];
    const seen = a.highestModseq!.toString();
    expect(b.highestModseq!.toString()).toBe(seen);
    expect(await storeUnchangedSince(alice, 1, seen, ['\\Deleted'], { path: INFO_INBOX })).toEqual({ ok: true });
    expect(await storeUnchangedSince(bob, 1, seen, ['$Bob'], { path: INFO_INBOX })).toEqual({ ok: false, modified: [1] });
    // The reason this module exists: imapflow reports success for the same refused STORE.
    expect(await bob.messageFlagsAdd('1', ['$Bob'], { uid: true, unchangedSince: BigInt(seen) })).toBe(true);
    const msg = await bob.fetchOne('1', { flags: true }, { uid: true });
    expect(msg && [...msg.flags!]).not.toContain('$Bob');
    await expect(storeUnchangedSince(bob, 1, seen, ['x'], { path: 'INBOX' })).rejects.toMatchObject({ code: 'invalidArgument' });
    await expect(storeUnchangedSince(bob, 1, seen, ['two words'])).rejects.toMatchObject({ code: 'invalidArgument' });
  });
});

describe('the raw-command wrapper on a live connection', () => {
  it('ends an IDLE first and lets the connection IDLE again afterwards', async () => {
    const alice = await login(stack.users.alice, { autoIdleDelay: 200 });
    await alice.mailboxOpen('INBOX');
    void alice.idle();
    await expect.poll(() => alice.idling).toBe(true);
    // A command that waited for IDLE to end by itself would never answer: the test's timeout fails it.
    expect(await myRights(alice, 'INBOX')).toBe('lrwstipekxacd');
    await expect.poll(() => alice.idling, { timeout: 3000 }).toBe(true);
  });

  it('reports a connection cut mid-command as a connection loss, through TLS verified end to end', async () => {
    const proxy = await startFaultProxy({ targetPort: stack.ports.imaps });
    try {
      const alice = await login(stack.users.alice, { port: proxy.port });
      expect(await myRights(alice, 'INBOX')).toBe('lrwstipekxacd');
      proxy.pause();
      const pending = listWithStatus(alice);
      await new Promise((r) => setTimeout(r, 100));
      proxy.cutAll();
      const error = await pending.then(() => null, (e: unknown) => e);
      expect(error).not.toBeInstanceOf(ImapExtError);
      expect(isConnectionLoss(error)).toBe(true);
      proxy.resume();
      const again = await login(stack.users.alice, { port: proxy.port });
      expect((await listWithStatus(again)).length).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });
});
