import { createServer, get, type Server } from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentDownloads } from '../../../../src/main/host/downloads';
import type { AttachmentFile } from '../../../../src/main/services/mail/attachmentDelivery';

let server: Server | null = null;
afterEach(() => server?.close());

async function serve(downloads: ReturnType<typeof attachmentDownloads>): Promise<number> {
  server = createServer((req, res) => void downloads.serve(req, res).catch(() => undefined));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

function fetch(port: number, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    }).on('error', reject);
  });
}

const file = (filename: string, content: string | Error): AttachmentFile => ({
  filename,
  contentType: 'text/html',
  size: 5,
  pipe: async (consume) => {
    if (content instanceof Error) throw content;
    await consume(Readable.from([Buffer.from(content)]));
  },
});

describe('attachment downloads of the browser host (issue #10 §1)', () => {
  it('serves a download only, under an encoded name, never rendered in the app origin', async () => {
    const downloads = attachmentDownloads();
    const port = await serve(downloads);
    const ticket = await downloads.deliver(file('rapport "été".html', '<script>x()</script>'));
    if (ticket.kind !== 'download') throw new Error('expected a download');
    expect(ticket.url).toMatch(/^\/download\/[A-Za-z0-9_-]{43}$/);
    const answer = await fetch(port, ticket.url);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('<script>x()</script>');
    expect(answer.headers).toMatchObject({
      'content-type': 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-disposition': `attachment; filename="rapport __t__.html"; filename*=UTF-8''rapport%20%22%C3%A9t%C3%A9%22.html`,
    });
  });

  it('refuses an expired, a used or an unknown address', async () => {
    let now = 0;
    const downloads = attachmentDownloads(() => now);
    const port = await serve(downloads);
    const old = await downloads.deliver(file('a.txt', 'a'));
    now = 61_000;
    const fresh = await downloads.deliver(file('b.txt', 'b'));
    if (old.kind !== 'download' || fresh.kind !== 'download') throw new Error('expected downloads');
    expect((await fetch(port, old.url)).status).toBe(404);
    expect((await fetch(port, fresh.url)).status).toBe(200);
    expect((await fetch(port, fresh.url)).status).toBe(404);
    expect((await fetch(port, '/download/guess')).status).toBe(404);
  });

  it('answers 502, not a hang, when the mail server cannot give the part', async () => {
    const downloads = attachmentDownloads();
    const port = await serve(downloads);
    const ticket = await downloads.deliver(file('c.txt', new Error('connection lost')));
    if (ticket.kind !== 'download') throw new Error('expected a download');
    expect((await fetch(port, ticket.url)).status).toBe(502);
  });
});
