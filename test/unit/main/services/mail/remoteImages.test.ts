/**
 * Remote images after consent (issue #10 §4), against real local HTTP servers: only URLs of the
 * message, only public addresses (checked at every hop by the address connected to), only
 * images, capped per image and per message. The tests' own image server is passed explicitly
 * (`allowHosts`), the way tests pass their CA; the address rule itself is never switched off.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { looksLikeImage } from '../../../../../src/main/services/mail/imageSniff';
import { RemoteImageService, vetImageUrl, type RemoteImageOptions } from '../../../../../src/main/services/mail/remoteImages';
import { pngBytes } from './fixtures';

describe('vetImageUrl', () => {
  it.each(['http://example.test/a.png', 'https://example.test/a.png?x=1', 'http://127.0.0.1:8080/pixel.gif', 'https://[::1]/x'])('accepts the form of %s', (url) => {
    expect(vetImageUrl(url)?.href).toBeTruthy();
  });

  it.each([
    'file:///etc/passwd',
    'data:image/png;base64,AAAA',
    'javascript:alert(1)',
    'ftp://example.test/a.png',
    'cid:logo@example.test',
    'blob:https://example.test/1',
    'about:blank',
    'http://user:pass@example.test/a.png',
    'not a url',
    '',
    '//example.test/a.png',
    'http://example.test/broken.png\n<p title=',
    'http://example.test/a.png"onerror=',
  ])('rejects %s', (url) => {
    expect(vetImageUrl(url)).toBeNull();
  });
});

describe('looksLikeImage', () => {
  it('accepts common image signatures', () => {
    expect(looksLikeImage(pngBytes, 'image/png')).toBe(true);
    expect(looksLikeImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'image/jpeg')).toBe(true);
    expect(looksLikeImage(Buffer.from('GIF89a\x01\x00'), 'image/gif')).toBe(true);
    expect(looksLikeImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 '), 'image/webp')).toBe(true);
    expect(looksLikeImage(Buffer.from('\0\0\0\x1cftypavif'), 'image/avif')).toBe(true);
    expect(looksLikeImage(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml')).toBe(true);
  });

  it('rejects HTML, scripts and SVG look-alikes', () => {
    expect(looksLikeImage(Buffer.from('<html><script>alert(1)</script>'), 'image/png')).toBe(false);
    expect(looksLikeImage(Buffer.from('<html><svg></svg>'), 'image/png')).toBe(false);
    expect(looksLikeImage(Buffer.from('alert(1)//<svg>'), 'image/svg+xml')).toBe(false);
    expect(looksLikeImage(Buffer.from('GIF'), 'image/gif')).toBe(false);
  });
});

interface Recorded {
  server: Server;
  port: number;
  hits: { url: string; headers: IncomingHttpHeaders }[];
}

function listen(handler: (url: string, respond: (status: number, headers: Record<string, string | number>, body?: Buffer | string) => void) => void): Promise<Recorded> {
  const hits: Recorded['hits'] = [];
  const server = createServer((req, res) => {
    hits.push({ url: req.url ?? '', headers: req.headers });
    handler(req.url ?? '', (status, headers, body) => {
      res.writeHead(status, headers);
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, hits })));
}

const png = `data:image/png;base64,${pngBytes.toString('base64')}`;
const big = Buffer.concat([pngBytes, Buffer.alloc(4000)]);
let images: Recorded;
/** A second local service that no mail may reach: stands for the router or a metadata service. */
let inside: Recorded;
const ref = { accountId: 'a1', folderPath: 'INBOX', uid: 7 };

beforeAll(async () => {
  inside = await listen((_url, respond) => respond(200, { 'content-type': 'image/png' }, pngBytes));
  images = await listen((url, respond) => {
    const [path, query] = url.split('?');
    if (path === '/ok.png') return respond(200, { 'content-type': 'image/png', 'set-cookie': 'track=1' }, pngBytes);
    if (path === '/big.png') return respond(200, { 'content-type': 'image/png' }, big);
    if (path === '/declared.png') return respond(200, { 'content-type': 'image/png', 'content-length': 999_999_999 }, '');
    if (path === '/page.html') return respond(200, { 'content-type': 'text/html' }, '<html>not an image</html>');
    if (path === '/liar.png') return respond(200, { 'content-type': 'image/png' }, '<html>evil</html>');
    if (path === '/fail.png') return respond(500, { 'content-type': 'image/png' }, pngBytes);
    if (path === '/redirect') return respond(302, { location: decodeURIComponent(query ?? '') });
    if (path === '/loop') return respond(302, { location: '/loop' });
    respond(404, {}, 'no');
  });
});

afterAll(() => {
  images.server.close();
  inside.server.close();
});

beforeEach(() => {
  images.hits.length = 0;
  inside.hits.length = 0;
});

function service(options: RemoteImageOptions = {}) {
  return new RemoteImageService({ allowHosts: [`127.0.0.1:${images.port}`], ...options });
}

/** A message whose HTML names every URL as an image, the way a sender writes them. */
function messageHtml(urls: string[]): string {
  return urls.map((u) => `<img src="${u.replaceAll('&', '&amp;')}">`).join('\n');
}

async function fetchFor(svc: RemoteImageService, urls: string[]) {
  svc.remember(ref, messageHtml(urls));
  return svc.fetch(ref, urls, async () => null);
}

const at = (path: string) => `http://127.0.0.1:${images.port}${path}`;
const redirectTo = (target: string) => at(`/redirect?${encodeURIComponent(target)}`);

describe('RemoteImageService.fetch', () => {
  it('returns data URLs for images and null for pages, liars, errors and other schemes', async () => {
    const urls = [at('/ok.png'), at('/page.html'), at('/liar.png'), at('/fail.png'), at('/missing.png'), 'file:///etc/passwd'];
    expect(await fetchFor(service(), urls)).toEqual({
      [at('/ok.png')]: png,
      [at('/page.html')]: null,
      [at('/liar.png')]: null,
      [at('/fail.png')]: null,
      [at('/missing.png')]: null,
      'file:///etc/passwd': null,
    });
  });

  it('sends no cookie, no referrer, and asks for images', async () => {
    await fetchFor(service(), [at('/ok.png')]);
    expect(images.hits).toHaveLength(1);
    expect(images.hits[0]!.headers.cookie).toBeUndefined();
    expect(images.hits[0]!.headers.referer).toBeUndefined();
    expect(images.hits[0]!.headers.accept).toBe('image/*');
  });

  it('fetches only URLs the message names', async () => {
    const svc = service();
    svc.remember(ref, messageHtml([at('/ok.png')]));
    const result = await svc.fetch(ref, [at('/ok.png'), at('/page.html'), at('/ok.png?other')], async () => null);
    expect(result).toEqual({ [at('/ok.png')]: png, [at('/page.html')]: null, [at('/ok.png?other')]: null });
    expect(images.hits.map((h) => h.url)).toEqual(['/ok.png']);
  });

  it('reads the message when it was not remembered (shown from the window cache), and checks against it', async () => {
    let reads = 0;
    const svc = service();
    const loadHtml = async () => {
      reads += 1;
      return `<table background="${at('/ok.png')}"><tr><td>x</td></tr></table>`;
    };
    const result = await svc.fetch(ref, [at('/ok.png'), at('/big.png')], loadHtml);
    expect(result).toEqual({ [at('/ok.png')]: png, [at('/big.png')]: null });
    await svc.fetch(ref, [at('/ok.png')], loadHtml);
    expect(reads).toBe(1);
  });

  it('follows redirects on the allowed server, but not to other schemes, and not forever', async () => {
    const urls = [redirectTo('/ok.png'), redirectTo('file:///etc/passwd'), at('/loop')];
    const result = await fetchFor(service(), urls);
    expect(result).toEqual({ [urls[0]!]: png, [urls[1]!]: null, [urls[2]!]: null });
  });

  it('refuses images over the per-image cap, declared or streamed', async () => {
    const result = await fetchFor(service({ maxImageBytes: 1000 }), [at('/big.png'), at('/declared.png'), at('/ok.png')]);
    expect(result).toEqual({ [at('/big.png')]: null, [at('/declared.png')]: null, [at('/ok.png')]: png });
  });

  it('stops at the per-message cap, across calls', async () => {
    const svc = service({ maxMessageBytes: big.length + 100 });
    const urls = [at('/big.png'), at('/big.png?2'), at('/big.png?3')];
    const first = await fetchFor(svc, urls);
    expect(Object.values(first).filter((v) => v !== null)).toHaveLength(1);
    const again = await svc.fetch(ref, [at('/big.png')], async () => null);
    expect(again[at('/big.png')]).toBeNull();
    // Opening many other messages does not refill this one's budget.
    for (let uid = 100; uid < 140; uid += 1) svc.remember({ ...ref, uid }, '<p>other</p>');
    const later = await svc.fetch(ref, [at('/big.png')], async () => messageHtml([at('/big.png')]));
    expect(later[at('/big.png')]).toBeNull();
  });
});

describe('RemoteImageService: public addresses only (issue #10 §4)', () => {
  const insideAt = (host: string, path = '/x.png') => `http://${host}:${inside.port}${path}`;

  it.each(['127.0.0.1', 'localhost', '[::ffff:127.0.0.1]', '0.0.0.0'])('refuses a loopback image server named %s', async (host) => {
    const url = insideAt(host);
    expect(await fetchFor(service(), [url])).toEqual({ [url]: null });
    expect(inside.hits).toEqual([]);
  });

  it.each(['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/x.png', 'http://192.168.1.1/x.png', 'http://[fe80::1]/x.png', 'http://[::1]/x.png'])(
    'refuses %s without connecting',
    async (url) => {
      expect(await fetchFor(service(), [url])).toEqual({ [url]: null });
    },
  );

  it('refuses a redirect from the allowed server to a private address, by literal or by name', async () => {
    const urls = [redirectTo(insideAt('127.0.0.1')), redirectTo(insideAt('localhost')), redirectTo(insideAt('[::1]'))];
    const result = await fetchFor(service(), urls);
    expect(Object.values(result)).toEqual([null, null, null]);
    expect(images.hits).toHaveLength(3);
    expect(inside.hits).toEqual([]);
  });

  it('checks the address the name resolves to when connecting, not the name (DNS rebinding)', async () => {
    // A public-looking name whose DNS answer points inside: refused at connect time.
    const resolve = async (hostname: string) => (hostname === 'images.example.test' ? [{ address: '127.0.0.1', family: 4 }] : []);
    const named = `http://images.example.test:${inside.port}/x.png`;
    const redirected = redirectTo(named);
    const result = await fetchFor(service({ resolve }), [named, redirected]);
    expect(result).toEqual({ [named]: null, [redirected]: null });
    expect(inside.hits).toEqual([]);
  });

  it('connects only to the public addresses of a mixed DNS answer', async () => {
    // The public address is unreachable here; the point is that the private one is never tried.
    const resolve = async () => [
      { address: '127.0.0.1', family: 4 },
      { address: '93.184.216.34', family: 4 },
    ];
    const named = `http://mixed.example.test:${inside.port}/x.png`;
    const result = await fetchFor(service({ resolve, timeoutMs: 2000 }), [named]);
    expect(result).toEqual({ [named]: null });
    expect(inside.hits).toEqual([]);
  });

  it('reaches a loopback server only when the caller names it, as tests name their CA', async () => {
    const url = insideAt('127.0.0.1', '/pixel.png');
    expect(await fetchFor(new RemoteImageService({ allowHosts: [`127.0.0.1:${inside.port}`] }), [url])).toEqual({ [url]: png });
    expect(inside.hits.map((h) => h.url)).toEqual(['/pixel.png']);
  });
});
