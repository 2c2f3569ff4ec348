/**
 * Issue #10 §7 "never twice": a reply that was sent came back as an unsent draft. The order in
 * main, with the real DraftStore, saveDraft, prepareSend and Outbox over a fake IMAP server and
 * SMTP: an autosave still on its way when the message is sent, and one that lands after it,
 * must leave no local draft and no server draft behind.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId, Folder, Mailbox } from '../../../../../src/shared/model';
import type { Identity, OutboxItem, OutgoingMessage } from '../../../../../src/shared/model/compose';
import type { ServicesContext } from '../../../../../src/main/services/context';
import type { ImapSession } from '../../../../../src/main/services/imap/types';
import { prepareSend } from '../../../../../src/main/services/compose/prepareSend';
import { DraftStore } from '../../../../../src/main/services/drafts/DraftStore';
import { saveDraft } from '../../../../../src/main/services/drafts/saveDraft';
import { Outbox } from '../../../../../src/main/services/outbox/Outbox';
import { OutboxStore } from '../../../../../src/main/services/outbox/OutboxStore';

const accountId = 'acc-1' as AccountId;
const own: Mailbox = {
  id: `${accountId}:own`, accountId, kind: 'own', source: 'account', address: 'alice@example.test', displayName: 'Alice',
  prefix: '', rights: null, hidden: false, quota: null, offlineDays: 0,
};
const folder = (path: string, role: Folder['role']): Folder => ({
  accountId, mailboxId: own.id, rights: null, path, name: path, delimiter: '/', parentPath: null, role, selectable: true, subscribed: true,
});
const identity: Identity = {
  id: own.id, accountId, kind: 'own', mailboxId: own.id, address: own.address, displayName: 'Alice', sendMode: 'sendAs', sentCopies: 'own', source: 'default',
};
const directory = { mailboxes: [own], folders: [folder('INBOX', 'inbox'), folder('Drafts', 'drafts'), folder('Sent', 'sent')] };

/** A server with folders of UID → source; APPENDs to Drafts wait while `hold` is set. */
class FakeServer {
  readonly folders = new Map<string, Map<number, string>>([['Drafts', new Map()], ['Sent', new Map()]]);
  private next = 1;
  hold: Promise<void> | null = null;
  /** Resolves when an APPEND to Drafts is waiting at `hold`. */
  heldAppend: Promise<void>;
  private arrived!: () => void;

  constructor() {
    this.heldAppend = new Promise((resolve) => (this.arrived = resolve));
  }

  session(): ImapSession {
    return {
      append: async (path: string, raw: Buffer) => {
        if (path === 'Drafts' && this.hold) {
          this.arrived();
          await this.hold;
        }
        const uid = this.next++;
        this.folders.get(path)!.set(uid, raw.toString());
        return { uid };
      },
      searchHeader: async (path: string, any: { value: string }[]) =>
        [...this.folders.get(path)!.entries()].filter(([, raw]) => raw.includes(any[0]!.value)).map(([uid]) => uid),
      headerFields: async () => new Map(),
      inFolder: async (path: string, fn: (f: unknown) => Promise<unknown>) =>
        fn({ deleteUids: async (uids: number[]) => uids.forEach((uid) => this.folders.get(path)!.delete(uid)) }),
    } as unknown as ImapSession;
  }
}

let dir: string;
let outbox: Outbox | null = null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'postvak-sendrace-'));
});
afterEach(async () => {
  await outbox?.close();
  outbox = null;
  await rm(dir, { recursive: true, force: true });
});

function setUp() {
  const server = new FakeServer();
  const drafts = new DraftStore(dir);
  let items: OutboxItem[] = [];
  const sent: string[] = [];
  const session = server.session();
  outbox = new Outbox({
    store: new OutboxStore(dir),
    tuning: { retryBaseMs: 10, retryCapMs: 20, keepSentMs: 60_000, smtpTimeoutMs: 1_000 },
    smtpLogin: async () => ({ server: { host: 'h', port: 1, security: 'tls' }, username: 'u', password: 'p', extraCa: [] }),
    directory: async () => directory,
    withImap: (_a, fn) => fn(session),
    drafts,
    touched: () => undefined,
    broadcast: (list) => {
      items = list;
    },
    log: () => undefined,
    submit: async (_login, _envelope, raw) => {
      sent.push(raw.toString());
      return { response: '250 2.0.0 Ok', rejected: [] };
    },
  });
  const ctx = {
    drafts,
    outbox,
    accounts: { get: async () => ({ id: accountId, email: own.address, displayName: 'Alice' }) },
    identities: { identity: async () => identity, directory: async () => directory },
    ops: { use: (_a: string, fn: (s: ImapSession) => Promise<unknown>) => fn(session) },
    inFolder: () => Promise.reject(new Error('no attachments here')),
    touched: () => undefined,
    log: () => undefined,
    password: async () => 'p',
  } as unknown as ServicesContext;
  const allSent = async () => {
    const deadline = Date.now() + 5_000;
    while (!(items.length > 0 && items.every((i) => i.state === 'sent'))) {
      if (Date.now() > deadline) throw new Error(`not sent: ${JSON.stringify(items.map((i) => i.state))}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { server, drafts, ctx, sent, allSent };
}

const reply = (id: string, text: string): OutgoingMessage => ({
  id, accountId, identityId: identity.id, to: [{ name: 'Bob', address: 'bob@example.test' }], cc: [], bcc: [], subject: 'Re: plan',
  text, html: null, attachments: [], inReplyTo: null, references: [], origin: null, draft: null,
});

describe('a draft and its send (issue #10 §7)', () => {
  it('an autosave on its way when Send is pressed leaves no local or server draft', async () => {
    const { server, drafts, ctx, sent, allSent } = setUp();
    const first = await saveDraft(ctx, reply('reply-000001', 'first words'));
    expect(first.server).toMatchObject({ folderPath: 'Drafts' });
    // The autosave timer fires while the person presses Send: its APPEND is slow.
    let release!: () => void;
    server.hold = new Promise((resolve) => (release = resolve));
    const autosave = saveDraft(ctx, { ...reply('reply-000001', 'first words and more'), draft: { folderPath: 'Drafts', uid: first.server!.uid } });
    await server.heldAppend;
    const message = { ...reply('reply-000001', 'first words and more'), draft: { folderPath: 'Drafts', uid: first.server!.uid } };
    const queued = prepareSend(ctx, message, 0).then((files) => ctx.outbox.add(files));
    release();
    await Promise.all([autosave, queued]);
    await allSent();
    expect(sent).toHaveLength(1);
    expect(await drafts.list()).toEqual([]);
    expect([...server.folders.get('Drafts')!.keys()]).toEqual([]);
  });

  it('a save that arrives after the send is refused and brings nothing back', async () => {
    const { server, drafts, ctx, sent, allSent } = setUp();
    const message = reply('reply-000002', 'hello');
    await saveDraft(ctx, message);
    await ctx.outbox.add(await prepareSend(ctx, message, 0));
    await allSent();
    const late = await saveDraft(ctx, message).catch((error: unknown) => error);
    expect(late).toMatchObject({ code: 'alreadySending' });
    expect(await drafts.list()).toEqual([]);
    expect([...server.folders.get('Drafts')!.keys()]).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it('three quick sends leave no draft behind', async () => {
    const { server, drafts, ctx, sent, allSent } = setUp();
    const ids = ['quick-00001', 'quick-00002', 'quick-00003'];
    await Promise.all(
      ids.map(async (id) => {
        const message = reply(id, `answer ${id}`);
        await saveDraft(ctx, message);
        // Send, with one more autosave landing right behind it.
        await Promise.all([ctx.outbox.add(await prepareSend(ctx, message, 0)), saveDraft(ctx, message).catch(() => null)]);
      }),
    );
    await allSent();
    expect(sent).toHaveLength(3);
    expect(await drafts.list()).toEqual([]);
    expect([...server.folders.get('Drafts')!.keys()]).toEqual([]);
  });

  it('Undo takes the message back as a draft that saves again', async () => {
    const { drafts, ctx } = setUp();
    const message = reply('reply-000004', 'wait');
    await ctx.outbox.add(await prepareSend(ctx, message, 60));
    expect(await drafts.list()).toEqual([]);
    const back = await ctx.outbox.cancel(message.id);
    expect((await drafts.list()).map((d) => d.message.id)).toEqual([message.id]);
    expect((await saveDraft(ctx, { ...back, text: 'changed' })).savedLocally).toBe(true);
  });
});
