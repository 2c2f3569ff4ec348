/**
 * Remote images for a message the person chose to show them for (issue #10 §4: consent means
 * images, from the public internet, for this message). Fetched here because the renderer has no
 * network of its own (HOUSE_STYLE.md); returned as data: URLs.
 *  - Only URLs the message's own HTML names (imageUrlMentions): main is not a proxy for
 *    whatever a caller lists.
 *  - Only public internet addresses, checked at every redirect hop by the address connected to
 *    (net/guardedGet); redirects followed by hand, at most five.
 *  - Only images: an image/* content type and bytes that look like one (imageSniff).
 *  - Capped in time, per image and per message.
 * No cookies, no referrer: node:http sends neither unless told to.
 */
import type { IncomingMessage } from 'node:http';
import type { RemoteImages } from '../../../shared/api';
import { guardedGet, type GuardOptions } from '../net/guardedGet';
import { looksLikeImage } from './imageSniff';
import { urlMentions, type UrlMentions } from './imageUrlMentions';

export interface RemoteImageOptions extends GuardOptions {
  maxImageBytes?: number;
  maxMessageBytes?: number;
  timeoutMs?: number;
}

export interface MessageRef {
  accountId: string;
  folderPath: string;
  uid: number;
}

export const REMOTE_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const REMOTE_IMAGES_PER_MESSAGE_BYTES = 20 * 1024 * 1024;
export const REMOTE_IMAGE_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 5;
const CONCURRENCY = 6;
/** Messages whose URLs are kept; a message shown again later is re-read (loadHtml). */
const REMEMBERED_MESSAGES = 16;
/** Messages whose byte budget is kept (a few numbers each): opening others does not refill it. */
const BUDGETED_MESSAGES = 2000;

/** A URL we are willing to fetch, or `null`: http(s), no credentials, nothing a parser had to guess. */
export function vetImageUrl(raw: string, base?: URL): URL | null {
  if (/[\s"'<>\\`{}|^]/.test(raw.trim())) return null;
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

const refKey = (ref: MessageRef) => JSON.stringify([ref.accountId, ref.folderPath, ref.uid]);

interface Budget {
  /** Bytes still allowed for this message. */
  left: number;
}

interface Remembered {
  mentions: UrlMentions;
  budget: Budget;
}

export class RemoteImageService {
  private readonly messages = new Map<string, Remembered>();
  private readonly budgets = new Map<string, Budget>();

  constructor(private readonly options: RemoteImageOptions = {}) {}

  /**
   * Notes which URLs a message names, where its HTML is produced (message.body), so a later
   * `message.remoteImages` for it is checked without loading the message again.
   */
  remember(ref: MessageRef, html: string | null): Remembered {
    const key = refKey(ref);
    const entry = { mentions: urlMentions(html), budget: this.budgetFor(key) };
    this.messages.delete(key);
    this.messages.set(key, entry);
    while (this.messages.size > REMEMBERED_MESSAGES) this.messages.delete(this.messages.keys().next().value as string);
    return entry;
  }

  private budgetFor(key: string): Budget {
    const known = this.budgets.get(key);
    if (known) return known;
    const budget = { left: this.options.maxMessageBytes ?? REMOTE_IMAGES_PER_MESSAGE_BYTES };
    this.budgets.set(key, budget);
    while (this.budgets.size > BUDGETED_MESSAGES) this.budgets.delete(this.budgets.keys().next().value as string);
    return budget;
  }

  /** `loadHtml` reads the message's HTML when it is not remembered (e.g. shown from the window's cache). */
  async fetch(ref: MessageRef, urls: readonly string[], loadHtml: () => Promise<string | null>): Promise<RemoteImages> {
    const key = refKey(ref);
    const entry = this.messages.get(key) ?? this.remember(ref, await loadHtml());
    const out: RemoteImages = {};
    const wanted: string[] = [];
    for (const url of new Set(urls)) {
      if (entry.mentions.mentions(url)) wanted.push(url);
      else out[url] = null;
    }
    let next = 0;
    const worker = async () => {
      while (next < wanted.length) {
        const url = wanted[next++] as string;
        out[url] = await this.fetchImage(url, entry.budget).catch(() => null);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, wanted.length) }, worker));
    return out;
  }

  private async fetchImage(raw: string, budget: Budget): Promise<string | null> {
    let url = vetImageUrl(raw);
    const signal = AbortSignal.timeout(this.options.timeoutMs ?? REMOTE_IMAGE_TIMEOUT_MS);
    for (let hop = 0; url && hop <= MAX_REDIRECTS; hop += 1) {
      const response = await guardedGet(url, { accept: 'image/*', 'accept-encoding': 'identity' }, signal, this.options);
      const status = response.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status)) {
        response.destroy();
        const location = response.headers.location;
        url = location ? vetImageUrl(location, url) : null;
        continue;
      }
      return await this.imageFrom(response, budget);
    }
    return null;
  }

  private async imageFrom(response: IncomingMessage, budget: Budget): Promise<string | null> {
    const type = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const declared = Number(response.headers['content-length'] ?? '0');
    const cap = Math.min(this.options.maxImageBytes ?? REMOTE_IMAGE_MAX_BYTES, budget.left);
    const status = response.statusCode ?? 0;
    if (status < 200 || status > 299 || !/^image\/[a-z0-9.+-]+$/.test(type) || declared > cap) {
      response.destroy();
      return null;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of response as AsyncIterable<Buffer>) {
      received += chunk.length;
      // Counted against the message as it arrives: parallel fetches share one budget.
      if (chunk.length > budget.left || received > cap) {
        budget.left = Math.max(0, budget.left - chunk.length);
        response.destroy();
        return null;
      }
      budget.left -= chunk.length;
      chunks.push(chunk);
    }
    const bytes = Buffer.concat(chunks);
    return looksLikeImage(bytes, type) ? `data:${type};base64,${bytes.toString('base64')}` : null;
  }
}
