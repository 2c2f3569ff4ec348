/**
 * The conversations of one folder (issue #12 §4): JWZ threads over the folder's cached messages
 * together with its mailbox's Sent folder — info@'s Inbox with info@'s Sent, so the customer's
 * mail and bob's answer from info@ are one conversation (and info@'s Sent with its Inbox). Kept current from the cache's page
 * revisions (PageDigests, like the list index), recomputed once however many pages changed
 * meanwhile, and spaced by twice its own cost so a long sync does not keep the window busy.
 *
 * Memory is bounded: each message costs its UID, date and id as numbers plus its references as
 * 53-bit hashes (messageIdHash.ts, ~8 bytes each), and only the newest `threadedPerFolder`
 * messages of each folder are threaded — older ones count as their own conversation. At the cap
 * that is ~100,000 × (20 + 8 × references) bytes per folder, a few MB.
 */
import type { PageDigests } from '../../db/index/PageDigests';
import type { HeadRow, StoredSummary } from '../../db/pages/pageRows';
import type { MessageKey } from '../../db/rows';
import { threadMessages, type ThreadInput } from './jwzThreading';
import { idHashOf } from './messageIdHash';

/** Messages threaded per folder (the newest by UID); see the module comment. */
export const threadedPerFolder = 100_000;

/** One page's messages as threading needs them: UIDs, dates, own ids and references, hashed. */
export interface PageThreadData {
  uids: Uint32Array;
  dates: Float64Array;
  /** NaN where the message has no Message-ID. */
  ids: Float64Array;
  /** Message i's references are refs[refStart[i] … refStart[i + 1]). */
  refStart: Uint32Array;
  refs: Float64Array;
}

export function digestPage(head: HeadRow, items: readonly StoredSummary[]): PageThreadData {
  const count = Math.min(head.uids.length, items.length);
  const ids = new Float64Array(count);
  const refStart = new Uint32Array(count + 1);
  const refs: number[] = [];
  for (let i = 0; i < count; i++) {
    const item = items[i] as StoredSummary;
    ids[i] = idHashOf(item.messageId) ?? NaN;
    refStart[i] = refs.length;
    // References first; In-Reply-To only when there are none (JWZ; RFC 5322 §3.6.4).
    const stored = item.references ?? [];
    if (stored.length > 0) {
      for (const ref of stored) {
        const hash = idHashOf(ref);
        if (hash !== undefined) refs.push(hash);
      }
    } else {
      const parent = idHashOf(item.inReplyTo);
      if (parent !== undefined) refs.push(parent);
    }
  }
  refStart[count] = refs.length;
  return { uids: head.uids.slice(0, count), dates: head.dates.slice(0, count), ids, refStart, refs: Float64Array.from(refs) };
}

export interface ConversationMember {
  key: MessageKey;
  /** The page that holds it (for getMessagesIn). */
  startUid: number;
  date: number;
}

interface Computed {
  /** Per source (0 the folder, 1 its companion): UID → position in the arrays below. */
  positions: Map<number, number>[];
  source: Uint8Array;
  uids: Uint32Array;
  starts: Float64Array;
  dates: Float64Array;
  conversation: Int32Array;
  sizes: Int32Array;
}

export class ConversationIndex {
  private computed: Computed | undefined;
  private scheduled = false;
  /** How long the last compute took: the next waits twice that (at most 1 s) while a sync writes page after page. */
  private lastMs = 0;
  private readonly listeners = new Set<() => void>();
  private readonly stops: (() => void)[] = [];
  readonly ready: Promise<void>;

  /**
   * `sources[0]` is the folder itself, `sources[1]` (when there is one) its companion in the
   * mailbox (conversations.ts companionFolderOf): its Sent, or the Inbox for the Sent folder.
   */
  constructor(
    readonly accountId: string,
    private readonly sources: readonly PageDigests<PageThreadData>[],
  ) {
    for (const source of sources) this.stops.push(source.subscribe(() => this.schedule()));
    this.ready = Promise.all(sources.map((source) => source.whenCurrent())).then(() => this.compute());
  }

  get folderPaths(): string[] {
    return this.sources.map((source) => source.folderPath);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispose(): void {
    for (const stop of this.stops) stop();
    for (const source of this.sources) source.dispose();
    this.listeners.clear();
  }

  /** The message's conversation number, undefined when it is alone (or not threaded). */
  key(folderPath: string, uid: number): number | undefined {
    const at = this.position(folderPath, uid);
    if (at === undefined || !this.computed) return undefined;
    const conversation = this.computed.conversation[at] as number;
    return (this.computed.sizes[conversation] ?? 0) > 1 ? conversation : undefined;
  }

  size(conversation: number): number {
    return this.computed?.sizes[conversation] ?? 1;
  }

  /** Every message of the message's conversation, oldest first; [] when the index does not hold it. */
  members(folderPath: string, uid: number): ConversationMember[] {
    const at = this.position(folderPath, uid);
    const computed = this.computed;
    if (at === undefined || !computed) return [];
    const wanted = computed.conversation[at];
    const members: ConversationMember[] = [];
    for (let i = 0; i < computed.conversation.length; i++) {
      if (computed.conversation[i] !== wanted) continue;
      const path = (this.sources[computed.source[i] as number] as PageDigests<PageThreadData>).folderPath;
      members.push({ key: [this.accountId, path, computed.uids[i] as number], startUid: computed.starts[i] as number, date: computed.dates[i] as number });
    }
    return members.sort((a, b) => a.date - b.date || a.key[2] - b.key[2]);
  }

  private position(folderPath: string, uid: number): number | undefined {
    const source = this.sources.findIndex((s) => s.folderPath === folderPath);
    return source < 0 ? undefined : this.computed?.positions[source]?.get(uid);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(
      () => {
        this.scheduled = false;
        this.compute();
      },
      Math.min(1_000, 2 * this.lastMs),
    );
  }

  private compute(): void {
    const started = performance.now();
    let total = 0;
    for (const source of this.sources) for (const page of source.pages.values()) total += page.uids.length;
    const sourceOf = new Uint8Array(total);
    const uids = new Uint32Array(total);
    const starts = new Float64Array(total);
    const dates = new Float64Array(total);
    const positions = this.sources.map(() => new Map<number, number>());
    const inputs: ThreadInput[] = new Array<ThreadInput>(total);
    // A copy in the companion of a message the folder holds too (a member answered with info@ in
    // Cc: in Inbox and Sent) is the same message: it is counted and shown once, as the folder's.
    const inFolder = new Set<number>();
    let at = 0;
    this.sources.forEach((source, s) => {
      for (const [startUid, page] of source.pages) {
        for (let i = 0; i < page.uids.length; i++) {
          const id = page.ids[i] as number;
          if (s === 0 && !Number.isNaN(id)) inFolder.add(id);
          else if (s > 0 && inFolder.has(id)) continue;
          sourceOf[at] = s;
          uids[at] = page.uids[i] as number;
          starts[at] = startUid;
          dates[at] = page.dates[i] as number;
          (positions[s] as Map<number, number>).set(page.uids[i] as number, at);
          inputs[at] = { id: Number.isNaN(id) ? undefined : id, refs: page.refs.subarray(page.refStart[i], page.refStart[i + 1]) };
          at++;
        }
      }
    });
    inputs.length = at;
    const threads = threadMessages(inputs);
    const sizes = new Int32Array(threads.count);
    for (const conversation of threads.conversation) sizes[conversation] = (sizes[conversation] as number) + 1;
    this.computed = { positions, source: sourceOf.subarray(0, at), uids: uids.subarray(0, at), starts: starts.subarray(0, at), dates: dates.subarray(0, at), conversation: threads.conversation, sizes };
    this.lastMs = performance.now() - started;
    for (const listener of [...this.listeners]) listener();
  }
}
