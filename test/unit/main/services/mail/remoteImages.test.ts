import { describe, expect, it } from 'vitest';
import { looksLikeImage } from '../../../../../src/main/services/mail/imageSniff';
import { REMOTE_IMAGE_MAX_BYTES, fetchRemoteImages, vetImageUrl, type FetchLike } from '../../../../../src/main/services/mail/remoteImages';
import { pngBytes } from './fixtures';

describe('vetImageUrl', () => {
  it.each(['http://example.test/a.png', 'https://example.test/a.png?x=1', 'http://127.0.0.1:8080/pixel.gif', 'https://[::1]/x'])(
    'accepts %s',
    (url) => {
      expect(vetImageUrl(url)?.href).toBeTruthy();
    },
  );

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

function fakeFetch(routes: Record<string, () => Response>): { fetch: FetchLike; seen: { url: string; init: RequestInit }[] } {
  const seen: { url: string; init: RequestInit }[] = [];
  return {
    seen,
    fetch: async (url, init) => {
      seen.push({ url: url.href, init });
      const route = routes[url.href];
      return route ? route() : new Response('no', { status: 404 });
    },
  };
}

const image = (body: Uint8Array = pngBytes, type = 'image/png') => () => new Response(new Uint8Array(body), { headers: { 'content-type': type } });

describe('fetchRemoteImages', () => {
  it('returns data URLs for images and null for everything else', async () => {
    const { fetch } = fakeFetch({
      'http://a.test/ok.png': image(),
      'http://a.test/html': () => new Response('<html>', { headers: { 'content-type': 'text/html' } }),
      'http://a.test/liar.png': image(new Uint8Array(Buffer.from('<html>evil')), 'image/png'),
      'http://a.test/fail': () => new Response('x', { status: 500 }),
    });
    const result = await fetchRemoteImages(
      ['http://a.test/ok.png', 'http://a.test/html', 'http://a.test/liar.png', 'http://a.test/fail', 'http://a.test/missing', 'file:///x', 'http://a.test/ok.png'],
      fetch,
    );
    expect(result).toEqual({
      'http://a.test/ok.png': `data:image/png;base64,${pngBytes.toString('base64')}`,
      'http://a.test/html': null,
      'http://a.test/liar.png': null,
      'http://a.test/fail': null,
      'http://a.test/missing': null,
      'file:///x': null,
    });
  });

  it('sends no cookies or referrer and does not let fetch follow redirects by itself', async () => {
    const { fetch, seen } = fakeFetch({ 'http://a.test/ok.png': image() });
    await fetchRemoteImages(['http://a.test/ok.png'], fetch);
    expect(seen[0]!.init).toMatchObject({ redirect: 'manual', credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(new Headers(seen[0]!.init.headers).get('cookie')).toBeNull();
  });

  it('follows http(s) redirects, but not to other schemes, and not forever', async () => {
    const redirect = (to: string) => () => new Response(null, { status: 302, headers: { location: to } });
    const { fetch } = fakeFetch({
      'http://a.test/r1': redirect('/ok.png'),
      'http://a.test/ok.png': image(),
      'http://a.test/to-file': redirect('file:///etc/passwd'),
      'http://a.test/loop': redirect('http://a.test/loop'),
    });
    const result = await fetchRemoteImages(['http://a.test/r1', 'http://a.test/to-file', 'http://a.test/loop'], fetch);
    expect(result['http://a.test/r1']).toMatch(/^data:image\/png;base64,/);
    expect(result['http://a.test/to-file']).toBeNull();
    expect(result['http://a.test/loop']).toBeNull();
  });

  it('refuses images over 5 MB, declared or streamed', async () => {
    const big = new Uint8Array(REMOTE_IMAGE_MAX_BYTES + 1);
    big.set(pngBytes);
    const { fetch } = fakeFetch({
      'http://a.test/declared': () => new Response('x', { headers: { 'content-type': 'image/png', 'content-length': String(REMOTE_IMAGE_MAX_BYTES + 1) } }),
      'http://a.test/streamed': () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(big);
              controller.close();
            },
          }),
          { headers: { 'content-type': 'image/png' } },
        ),
    });
    const result = await fetchRemoteImages(['http://a.test/declared', 'http://a.test/streamed'], fetch);
    expect(result).toEqual({ 'http://a.test/declared': null, 'http://a.test/streamed': null });
  });

  it('turns network errors into null', async () => {
    const result = await fetchRemoteImages(['http://a.test/x'], async () => {
      throw new TypeError('fetch failed');
    });
    expect(result).toEqual({ 'http://a.test/x': null });
  });
});
