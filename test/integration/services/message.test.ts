/**
 * message.body / message.remoteImages against the seeded mail (message.saveAttachment and heavy
 * mail: messageParts.test.ts).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, MessageSummary } from '../../../src/shared/model';
import { TestClient } from './testClient';
import { type MailStack, seed, servicesFor, settingsFor, startMailStack, stopMailStack, type ServicesUnderTest } from './mailStack';
import { folderState, withImap } from './serverView';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d2e1d80000000049454e44ae426082', 'hex');

let stack: MailStack;
let sut: ServicesUnderTest;
let client: TestClient;
let account: Account;
let tracker: Server;
let trackerPort: number;
const hits: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  tracker = createServer((req, res) => {
    hits.push({ url: req.url ?? '', headers: req.headers });
    if (req.url === '/pixel.png') {
      res.writeHead(200, { 'content-type': 'image/png', 'set-cookie': 'track=1' });
      res.end(PNG);
    } else if (req.url === '/redirect.png') {
      res.writeHead(302, { location: '/pixel.png' });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>not an image</html>');
    }
  });
  await new Promise<void>((resolve) => tracker.listen(0, '127.0.0.1', resolve));
  trackerPort = (tracker.address() as { port: number }).port;
  stack = await startMailStack({ trackingPort: trackerPort });
  // The tracking server is on loopback: named explicitly, as the CA is (issue #10 §4).
  sut = servicesFor(stack, {}, [stack.caPem], { remoteImages: { allowHosts: [`127.0.0.1:${trackerPort}`] } });
  client = new TestClient(sut.services);
  account = await client.call('accounts.add', { settings: settingsFor(stack, 'alice'), password: stack.users.alice.password, rememberPassword: false });
  await client.call('sync.start', { accountId: account.id, cursors: [] });
  await client.untilSynced(account.id);
});

afterAll(async () => {
  await sut?.cleanup();
  if (stack) await stopMailStack(stack);
  tracker?.close();
});

function bySubject(subject: string): MessageSummary {
  const found = [...client.messages.get('INBOX')!.values()].find((m) => m.subject === subject);
  if (!found) throw new Error(`no message "${subject}"`);
  return found;
}

const body = (m: MessageSummary) => client.call('message.body', { accountId: account.id, folderPath: 'INBOX', uid: m.uid });

describe('message.body', () => {
  it('returns HTML as sent, cid images as data URLs and the attachment list', async () => {
    const m = bySubject("Foto's van het terras");
    const b = await body(m);
    expect(b.html).toContain('src="cid:terras-preview@kramer.example.nl"');
    expect(b.text).toContain('foto');
    expect(b.inlineImages['terras-preview@kramer.example.nl']).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(b.attachments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ filename: 'terras.png', contentType: 'image/png', inline: false }),
        expect.objectContaining({ contentId: 'terras-preview@kramer.example.nl', inline: true }),
      ]),
    );
    expect(b.headers.from[0]!.address).toBe(m.from[0]!.address);
    expect(b.headers.subject).toBe(m.subject);
  });

  it('returns the hostile message unsanitised (the renderer sanitises) without failing', async () => {
    const b = await body(bySubject(seed.HOSTILE_SUBJECT));
    expect(b.html).toContain('<script>');
    expect(b.html).toContain('onerror=');
    expect(b.attachments).toEqual([]);
  });

  it('reads a plain message with RFC 2047 subject and non-ASCII text', async () => {
    const b = await body(bySubject(seed.CAFE_SUBJECT));
    expect(b.html).toBeNull();
    expect(b.text).toContain('crème brûlée');
    expect(b.headers.subject).toBe(seed.CAFE_SUBJECT);
  });

  it('does not mark the message as read (BODY.PEEK, RFC 9051 §6.4.5)', async () => {
    const unread = [...client.messages.get('INBOX')!.values()].find((m) => !m.flags.includes('\\Seen'))!;
    await body(unread);
    const flags = await withImap(stack, 'alice', (imap) => folderState(imap, 'INBOX'));
    expect(flags.get(unread.uid)).not.toContain('\\Seen');
  });

  it('answers messageNotFound for a UID that does not exist', async () => {
    await expect(client.call('message.body', { accountId: account.id, folderPath: 'INBOX', uid: 99_999 })).rejects.toMatchObject({
      code: 'messageNotFound',
    });
  });
});

describe('message.remoteImages', () => {
  it('loads the newsletter pixel from the local tracking server, and nothing that is not an image', async () => {
    const m = bySubject(seed.NEWSLETTER_SUBJECT);
    const b = await body(m);
    const pixel = `http://127.0.0.1:${trackerPort}/pixel.png`;
    expect(b.html).toContain(pixel);
    hits.length = 0;
    const page = `http://127.0.0.1:${trackerPort}/page.html`;
    const redirect = `http://127.0.0.1:${trackerPort}/redirect.png`;
    const result = await client.call('message.remoteImages', {
      accountId: account.id,
      folderPath: 'INBOX',
      uid: m.uid,
      urls: [pixel, page, redirect, 'file:///etc/passwd'],
    });
    expect(result[pixel]).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    // Only URLs the newsletter names are fetched (issue #10 §4): the others never reach the server.
    expect(result[redirect]).toBeNull();
    expect(result[page]).toBeNull();
    expect(result['file:///etc/passwd']).toBeNull();
    expect(hits.map((h) => h.url)).toEqual(['/pixel.png']);
    expect(hits.every((h) => h.headers.cookie === undefined && h.headers.referer === undefined)).toBe(true);
  });
});
