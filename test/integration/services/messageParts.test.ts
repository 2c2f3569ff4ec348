/**
 * Issue #10 §1–2 against Dovecot: a message is shown from its BODYSTRUCTURE and the parts it
 * displays, attachments stream to their destination, and main keeps answering while heavy mail
 * is opened. The IMAP connection runs through a counting proxy to see what is fetched.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, MessageSummary } from '../../../src/shared/model';
import { attachmentDownloads } from '../../../src/main/host/downloads';
import * as heavy from '../../fixtures/heavyMessages.mjs';
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy.mjs';
import { TestClient } from './testClient';
import { type MailStack, servicesFor, settingsFor, startMailStack, stopMailStack, type ServicesUnderTest } from './mailStack';
import { withImap } from './serverView';

let stack: MailStack;
let proxy: FaultProxy;
let sut: ServicesUnderTest;
let client: TestClient;
let account: Account;
let served = 0;
const saveDir = mkdtempSync(join(tmpdir(), 'postvak-save-'));
const downloads = attachmentDownloads();
let downloadServer: Server;
let downloadPort = 0;
const big = heavy.bigMessage(30, 'Dertig megabyte');

beforeAll(async () => {
  stack = await startMailStack();
  await withImap(stack, 'alice', async (imap) => {
    for (const raw of [big.raw, heavy.manyPartsMessage(), heavy.mixedTextHtmlMessage(), heavy.attachedMessage(), heavy.bigInvitationMessage(), heavy.bigMessage(50).raw]) {
      await imap.append('INBOX', raw);
    }
  });
  proxy = await startFaultProxy({ targetPort: stack.ports.imaps });
  // Counts what the server sends; never cuts.
  proxy.cutWhen((chunk) => {
    served += chunk.length;
    return false;
  });
  let saveAs = '';
  sut = servicesFor(stack, {}, [stack.caPem], {
    // Electron's way (electron/saveAttachment.ts) unless a test hands the browser host's.
    deliverAttachment: async (file) => {
      if (saveAs === 'browser') return downloads.deliver(file);
      await file.pipe((content) => pipeline(content, createWriteStream(join(saveDir, file.filename))));
      return { kind: 'saved' };
    },
  });
  useBrowserDownloads = (on) => {
    saveAs = on ? 'browser' : '';
  };
  downloadServer = createServer((req, res) => void downloads.serve(req, res).catch(() => undefined));
  await new Promise<void>((resolve) => downloadServer.listen(0, '127.0.0.1', resolve));
  downloadPort = (downloadServer.address() as { port: number }).port;
  client = new TestClient(sut.services);
  const settings = settingsFor(stack, 'alice');
  settings.imap.port = proxy.port;
  account = await client.call('accounts.add', { settings, password: stack.users.alice.password, rememberPassword: false });
  await client.call('sync.start', { accountId: account.id, cursors: [] });
  await client.untilSynced(account.id, 120_000);
}, 240_000);

let useBrowserDownloads: (on: boolean) => void = () => undefined;

afterAll(async () => {
  await sut?.cleanup();
  await proxy?.close();
  if (stack) await stopMailStack(stack);
  downloadServer?.close();
  rmSync(saveDir, { recursive: true, force: true });
});

function bySubject(subject: string): MessageSummary {
  const found = [...client.messages.get('INBOX')!.values()].find((m) => m.subject === subject);
  if (!found) throw new Error(`no message "${subject}"`);
  return found;
}

const body = (m: MessageSummary) => client.call('message.body', { accountId: account.id, folderPath: 'INBOX', uid: m.uid });
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('message.body from BODYSTRUCTURE (issue #10 §1)', () => {
  it('shows a 30 MB message whose text is one line without fetching its attachment', async () => {
    const m = bySubject('Dertig megabyte');
    const before = served;
    const b = await body(m);
    const fetched = served - before;
    expect(b.parts).toEqual([{ kind: 'text', text: expect.stringContaining(heavy.BIG_MESSAGE_TEXT) }]);
    expect(b.attachments).toEqual([expect.objectContaining({ filename: 'scan.bin', contentType: 'application/octet-stream' })]);
    // Kilobytes, not the 41 MB of the whole source (`npm run bench` prints the exact figure).
    expect(fetched).toBeLessThan(1024 * 1024);
  });

  it('lists all 999 attachments of a 1,000-part message and shows its text', async () => {
    const b = await body(bySubject(heavy.MANY_PARTS_SUBJECT));
    expect(b.parts).toEqual([{ kind: 'text', text: expect.stringContaining('Het archief') }]);
    expect(b.attachments).toHaveLength(999);
    expect(b.attachments[998]).toMatchObject({ filename: 'deel-999.csv', contentType: 'text/csv' });
  });

  it('shows both the plain and the HTML part of a multipart/mixed, in order (issue #10 §2)', async () => {
    const b = await body(bySubject(heavy.MIXED_SUBJECT));
    expect(b.parts).toEqual([
      { kind: 'text', text: expect.stringContaining(heavy.MIXED_PLAIN) },
      { kind: 'html', html: expect.stringContaining(heavy.MIXED_HTML) },
    ]);
  });

  it('shows an attached message as a message and lists it as an attachment (issue #10 §2)', async () => {
    const b = await body(bySubject(heavy.FORWARD_SUBJECT));
    expect(b.parts?.[1]).toMatchObject({
      kind: 'message',
      headers: { subject: heavy.INNER_SUBJECT, from: [{ name: 'Dave', address: 'dave@partner.example' }] },
      parts: [{ kind: 'html', html: expect.stringContaining(heavy.INNER_TEXT) }],
    });
    expect(b.attachments).toEqual([expect.objectContaining({ filename: 'origineel.eml', contentType: 'message/rfc822' })]);
  });
});

describe('message.saveAttachment streams the part (issue #10 §1)', () => {
  it('writes the 22 MB attachment of the 30 MB message to a file, byte for byte', async () => {
    const m = bySubject('Dertig megabyte');
    const b = await body(m);
    const result = await client.call('message.saveAttachment', { accountId: account.id, folderPath: 'INBOX', uid: m.uid, partId: b.attachments[0]!.partId });
    expect(result).toEqual({ kind: 'saved' });
    expect(sha(readFileSync(join(saveDir, 'scan.bin')))).toBe(sha(big.attachment));
  });

  it('serves a browser download once, as a download, with the same bytes', async () => {
    useBrowserDownloads(true);
    try {
      const m = bySubject(heavy.MANY_PARTS_SUBJECT);
      const result = await client.call('message.saveAttachment', { accountId: account.id, folderPath: 'INBOX', uid: m.uid, partId: '43' });
      if (result.kind !== 'download') throw new Error(`expected a download, got ${result.kind}`);
      const fetch = (path: string) =>
        new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
          get({ host: '127.0.0.1', port: downloadPort, path }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
          }).on('error', reject);
        });
      const first = await fetch(result.url);
      expect(first).toMatchObject({ status: 200, body: 'nummer;42' });
      expect(first.headers).toMatchObject({ 'content-type': 'application/octet-stream', 'x-content-type-options': 'nosniff' });
      expect(String(first.headers['content-disposition'])).toContain('attachment; filename="deel-42.csv"');
      expect((await fetch(result.url)).status).toBe(404);
    } finally {
      useBrowserDownloads(false);
    }
  });

  it('answers messageNotFound for a part that is not an attachment', async () => {
    const m = bySubject(heavy.MIXED_SUBJECT);
    await expect(client.call('message.saveAttachment', { accountId: account.id, folderPath: 'INBOX', uid: m.uid, partId: '7.3' })).rejects.toMatchObject({
      code: 'messageNotFound',
    });
  });
});

describe('main keeps answering while heavy mail is opened (issue #10 §1)', () => {
  it('answers a call made every 50 ms while the 300 KB invitation and the 50 MB message open', async () => {
    const asked: Promise<unknown>[] = [];
    const ticker = setInterval(() => asked.push(client.call('accounts.list', {})), 50);
    let bodies: Awaited<ReturnType<typeof body>>[];
    try {
      bodies = await Promise.all([body(bySubject(heavy.BIG_INVITATION_SUBJECT)), body(bySubject('Groot bericht 50 MB'))]);
    } finally {
      clearInterval(ticker);
    }
    const answers = await Promise.allSettled(asked);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(answers.length);
    const [invitation, fifty] = bodies;
    expect(invitation!.invitations[0]?.events).toHaveLength(700);
    expect(fifty!.parts).toEqual([{ kind: 'text', text: expect.stringContaining(heavy.BIG_MESSAGE_TEXT) }]);
  });
});
