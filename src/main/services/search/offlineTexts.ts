/**
 * `search.offlineTexts` (issue #13 §3): the plain text of messages kept offline (main's offline
 * store, issue #3 §3), for the window's full-text index. Each source is split and its shown text
 * parts decoded in the parse pool (mail/parsePool.ts: never on main's event loop, within its time
 * and memory budget), one message at a time so readers opening mail are not queued behind a
 * page of them. An HTML-only message gives the text mailparser makes of it (html-to-text, in the
 * worker). Images, calendars and header blocks are never decoded: the index wants words.
 */
import type { AccountId } from '../../../shared/model';
import { offlineTextLimit, type OfflineTexts } from '../../../shared/search/serverSearch';
import type { BodyNode } from '../mail/bodyStructure';
import { buildBody, bytesFor } from '../mail/buildBody';
import { displayPlan, TEXT_PART_BYTES } from '../mail/displayPlan';
import { MAX_SOURCE_BYTES } from '../mail/parseMessage';
import type { ParsePool } from '../mail/parsePool';

export interface OfflineTextDeps {
  /** Kept UIDs of the folder, ascending (offline/offlineStore.ts keptUids). */
  keptUids(accountId: string, folderPath: string): Promise<number[]>;
  /** The kept source, or null (gone meanwhile, or above `maxBytes`). */
  source(accountId: string, folderPath: string, uid: number, maxBytes: number): Promise<Buffer | null>;
  pool: ParsePool;
}

export async function offlineTexts(deps: OfflineTextDeps, input: { accountId: string; folderPath: string; afterUid: number; limit: number }): Promise<OfflineTexts> {
  const kept = await deps.keptUids(input.accountId, input.folderPath);
  const from = firstAbove(kept, input.afterUid);
  const page = kept.slice(from, from + input.limit);
  const texts: OfflineTexts['texts'] = [];
  for (const uid of page) {
    const source = await deps.source(input.accountId, input.folderPath, uid, MAX_SOURCE_BYTES);
    if (!source) continue;
    const text = await textOf(deps.pool, { accountId: input.accountId as AccountId, folderPath: input.folderPath, uid }, source);
    if (text) texts.push({ uid, text });
  }
  const more = from + page.length < kept.length;
  return { texts, next: more && page.length > 0 ? (page[page.length - 1] as number) : null };
}

/** Index of the first UID above `after` in an ascending list (binary search). */
function firstAbove(sorted: readonly number[], after: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The message's own text, whitespace collapsed, cut at offlineTextLimit; '' when it has none or defeats the parser. */
export async function textOf(pool: ParsePool, ref: { accountId: AccountId; folderPath: string; uid: number }, source: Buffer): Promise<string> {
  try {
    const { bytes, transfer } = bytesFor(source);
    const split = await pool.run<{ root: BodyNode | null; bodies: Record<string, Uint8Array> }>('split', { bytes, maxBodyBytes: TEXT_PART_BYTES }, transfer);
    const root = split.root ?? { type: 'text/plain' };
    const plan = displayPlan(root);
    const wanted = textPartIds(plan.items);
    const sections = new Map<string, Buffer>();
    for (const [key, value] of Object.entries(split.bodies)) {
      if (wanted.has(key)) sections.set(key, Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
    const body = await buildBody(ref, root, sections, pool);
    // Cut before collapsing, so a 4 MB part is not walked whole on main's loop.
    return cut(cut(body.text ?? '', offlineTextLimit * 2).replace(/\s+/g, ' ').trim(), offlineTextLimit);
  } catch {
    // A message the parser cannot read within its budget simply adds no words.
    return '';
  }
}

type Item = ReturnType<typeof displayPlan>['items'][number];

/** The part ids of the shown text and HTML parts, attached messages' included. */
function textPartIds(items: readonly Item[], into = new Set<string>()): Set<string> {
  for (const item of items) {
    if (item.kind === 'message') textPartIds(item.items, into);
    else into.add(item.partId);
  }
  return into;
}

/** At most `limit` UTF-16 units, never ending in half a surrogate pair. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
  return text.slice(0, end);
}
