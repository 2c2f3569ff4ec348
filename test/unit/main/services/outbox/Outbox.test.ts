/**
 * The runner with fakes for SMTP and IMAP: restart recovery of uncertain messages, and the Sent
 * copy policies (planCopies). The real servers are in test/integration/compose.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId, Folder, Mailbox } from '../../../../../src/shared/model';
import type { OutboxItem } from '../../../../../src/shared/model/compose';
import type { MailDirectory } from '../../../../../src/main/services/compose/directory';
import type { ImapSession } from '../../../../../src/main/services/imap/types';
import { Outbox } from '../../../../../src/main/services/outbox/Outbox';
import { OutboxStore, type OutboxRecord } from '../../../../../src/main/services/outbox/OutboxStore';
import { planCopies } from '../../../../../src/main/services/outbox/sentCopies';

const mailbox = (over: Partial<Mailbox>): Mailbox => ({
  id: 'a:own', accountId: 'a' as AccountId, kind: 'own', source: 'account', address: 'alice@example.test', displayName: 'Alice',
  prefix: '', rights: null, hidden: false, quota: null, offlineDays: 0, ...over,
});
const folder = (path: string, mailboxId: string, rights: string | null): Folder => ({
  accountId: 'a' as AccountId, mailboxId, rights, path, name: path.split('/').at(-1)!, delimiter: '/', parentPath: null, role: 'sent', selectable: true, subscribed: true,
});
const info = mailbox({ id: 'a:shared:info@example.test', kind: 'shared', source: 'discovered', address: 'info@example.test', prefix: 'shared/info@example.test/', rights: 'lrwstipekxacd' });
const directory = (infoSentRights: string): MailDirectory => ({
  mailboxes: [mailbox({}), info],
  folders: [folder('Sent', 'a:own', null), folder('shared/info@example.test/Sent', info.id, infoSentRights)],
});

describe('planCopies', () => {
  const shared = { id: info.id, kind: 'shared' as const, mailboxId: info.id };
  it('follows the shared mailbox policy: shared, own or both', () => {
    expect(planCopies({ ...shared, sentCopies: 'shared' }, directory('lrwsi')).copies.map((c) => c.folderPath)).toEqual(['shared/info@example.test/Sent']);
    expect(planCopies({ ...shared, sentCopies: 'own' }, directory('lrwsi')).copies.map((c) => c.folderPath)).toEqual(['Sent']);
    expect(planCopies({ ...shared, sentCopies: 'both' }, directory('lrwsi')).copies.map((c) => c.folderPath)).toEqual(['shared/info@example.test/Sent', 'Sent']);
  });

  it('uses the own Sent, and says so, when the shared Sent has no insert right (RFC 4314 i)', () => {
    expect(planCopies({ ...shared, sentCopies: 'shared' }, directory('lr'))).toMatchObject({ fellBack: true, copies: [{ folderPath: 'Sent' }] });
  });

  it('own and alias identities always copy to the own Sent', () => {
    expect(planCopies({ id: 'a:own', kind: 'own', mailboxId: 'a:own', sentCopies: 'shared' }, directory('lrwsi')).copies).toEqual([{ mailboxId: 'a:own', folderPath: 'Sent' }]);
  });
});

describe('Outbox restart recovery', () => {
  let dir: string;
  let outbox: Outbox | null = null;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'postvak-outbox-'));
  });
  afterEach(async () => {
    await outbox?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const record = (id: string): OutboxRecord => ({
    envelope: { from: 'alice@example.test', to: ['x@example.org'] },
    identity: { id: 'a:own', kind: 'own', mailboxId: 'a:own', sentCopies: 'own' },
    item: {
      id, accountId: 'a' as AccountId, identityId: 'a:own', from: { name: 'Alice', address: 'alice@example.test' }, sender: null,
      recipients: [{ name: '', address: 'x@example.org' }], subject: 'S', messageId: `<${id}@example.test>`, state: 'sending',
      createdAt: 1, sendAt: 1, attempts: 1, nextAttemptAt: null, error: null, sentCopies: [], copyFellBackToOwn: false, sentAt: null,
    },
  });

  async function run(inSent: Set<string>) {
    const store = new OutboxStore(dir);
    const message = (id: string) => ({ id, accountId: 'a', identityId: 'a:own', to: [], cc: [], bcc: [], subject: 'S', text: '', html: null, attachments: [], inReplyTo: null, references: [], origin: null, draft: null });
    for (const id of ['in-sent-0001', 'not-sent-0001']) await store.create({ record: record(id), message: message(id), wire: Buffer.from(`wire ${id}`), copy: Buffer.from(`copy ${id}`) });
    const submitted: string[] = [];
    const appended: string[] = [];
    const session = {
      searchHeader: async (_path: string, any: { value: string }[]) => (inSent.has(any[0]!.value) ? [1] : []),
      append: async (_path: string, raw: Buffer) => {
        appended.push(raw.toString());
        inSent.add(`<${raw.toString().slice(5)}@example.test>`);
        return { uid: 2 };
      },
      headerFields: async () => new Map(),
    } as unknown as ImapSession;
    let last: OutboxItem[] = [];
    outbox = new Outbox({
      store,
      tuning: { retryBaseMs: 10, retryCapMs: 20, keepSentMs: 60_000, smtpTimeoutMs: 1_000 },
      smtpLogin: async () => ({ server: { host: 'h', port: 1, security: 'tls' }, username: 'u', password: 'p', extraCa: [] }),
      directory: async () => directory('lrwsi'),
      withImap: (_a, fn) => fn(session),
      drafts: { seal: async () => null, restore: async () => undefined },
      touched: () => undefined,
      broadcast: (items) => {
        last = items;
      },
      log: () => undefined,
      submit: async (_login, _envelope, raw) => {
        submitted.push(raw.toString());
        return { response: '250 2.0.0 Ok', rejected: [] };
      },
    });
    const deadline = Date.now() + 5_000;
    while (!(last.length === 2 && last.every((i) => i.state === 'sent'))) {
      if (Date.now() > deadline) throw new Error(`not finished: ${JSON.stringify(last.map((i) => [i.id, i.state]))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return { submitted, appended, last };
  }

  it('does not resend a message whose Message-ID is in Sent, and resends one that is not, once', async () => {
    const { submitted, appended, last } = await run(new Set(['<in-sent-0001@example.test>']));
    expect(submitted).toEqual(['wire not-sent-0001']);
    expect(appended).toEqual(['copy not-sent-0001']);
    expect(last.find((i) => i.id === 'not-sent-0001')).toMatchObject({ attempts: 2, sentCopies: [{ folderPath: 'Sent', saved: true }] });
    expect(last.find((i) => i.id === 'in-sent-0001')).toMatchObject({ attempts: 1, sentCopies: [{ folderPath: 'Sent', saved: true }] });
  });
});
