/**
 * Remote images for a message the user chose to show them for. Fetched here because the
 * renderer has no network of its own (HOUSE_STYLE.md); returned as data: URLs. Each URL is
 * vetted (http/https only, no credentials in it), fetched without cookies or referrer, redirects
 * followed by hand so every hop is vetted too, and capped in time and size.
 */
import type { RemoteImages } from '../../../shared/api';
import { looksLikeImage } from './imageSniff';

export const REMOTE_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const REMOTE_IMAGE_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 5;
const CONCURRENCY = 6;

/** A URL we are willing to fetch, or `null`. Loopback and private addresses are allowed on purpose:
 * the request is the user's own choice, as in any mail client, and test servers live there. */
export function vetImageUrl(raw: string, base?: URL): URL | null {
  let url: URL;
  try {
    url = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.hostname) return null;
  return url;
}

export type FetchLike = (url: URL, init: RequestInit) => Promise<Response>;

export async function fetchRemoteImages(urls: readonly string[], fetchImpl: FetchLike = fetch): Promise<RemoteImages> {
  const unique = [...new Set(urls)];
  const out: RemoteImages = {};
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const url = unique[next++] as string;
      out[url] = await fetchImage(url, fetchImpl).catch(() => null);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, unique.length) }, worker));
  return out;
}

async function fetchImage(raw: string, fetchImpl: FetchLike): Promise<string | null> {
  let url = vetImageUrl(raw);
  const signal = AbortSignal.timeout(REMOTE_IMAGE_TIMEOUT_MS);
  for (let hop = 0; url && hop <= MAX_REDIRECTS; hop += 1) {
    const response = await fetchImpl(url, {
      redirect: 'manual',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { accept: 'image/*' },
      signal,
    });
    if ([301, 302, 303, 307, 308].includes(response.status)) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      url = location ? vetImageUrl(location, url) : null;
      continue;
    }
    return await imageFrom(response);
  }
  return null;
}

async function imageFrom(response: Response): Promise<string | null> {
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (!response.ok || !/^image\/[a-z0-9.+-]+$/.test(type) || declared > REMOTE_IMAGE_MAX_BYTES || !response.body) {
    await response.body?.cancel();
    return null;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > REMOTE_IMAGE_MAX_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks);
  return looksLikeImage(bytes, type) ? `data:${type};base64,${bytes.toString('base64')}` : null;
}
