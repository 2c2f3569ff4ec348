/**
 * What a view (issue #12 §6) needs from the summaries that the heads do not hold: whether a
 * message has attachments, whether it is addressed to the person, its size and its sort text
 * (sender or subject). Read once per message from the pages and kept as typed columns by slot;
 * the sort texts as a table of distinct strings (senders repeat a lot) with collation ranks.
 * A message's summary never changes under its UID (RFC 9051 §2.3.1.1: only flags do), so a fact
 * stays true until the folder's UIDVALIDITY changes (then its facts are forgotten).
 */
import type { Address } from '../../../shared/model';
import type { MessageRow } from '../rows';
import type { ListView } from './listView';

export const attachmentsBit = 1;
export const toMeBit = 2;

export type FactText = 'sender' | 'subject';

/** The sort text a view needs read (none for date and size). */
export const factTextOf = (view: ListView): FactText | undefined => (view.sort.by === 'sender' || view.sort.by === 'subject' ? view.sort.by : undefined);

/** The sender as the list row shows it: the display name, else the address. */
export function senderText(from: readonly Address[]): string {
  const first = from[0];
  return first ? first.name.trim() || first.address : '';
}

/**
 * The subject without reply and forward prefixes (Re:, Fwd:, and the Dutch and German ones
 * Outlook writes: Antw:, Doorst:, AW:, WG:), so a thread sorts under its subject.
 */
const replyPrefix = /^(?:\s*(?:re|fwd?|aw|wg|antw|doorst|sv|vs)(?:\[\d+\])?\s*:\s*)+/i;
export const subjectText = (subject: string): string => subject.replace(replyPrefix, '').trim();

/** Distinct strings with their rank in a collation; ranks are recomputed only when strings were added. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  private ranked: Uint32Array | undefined;
  private rankedWith: Intl.Collator | undefined;

  idOf(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  /** Rank by id; strings the collator finds equal share a rank (ties fall to the date). */
  ranks(collator: Intl.Collator): Uint32Array {
    if (this.ranked && this.ranked.length === this.strings.length && this.rankedWith === collator) return this.ranked;
    const { strings } = this;
    // Empty texts (no sender, no subject) sort after every other, in both directions' first pass.
    const order = Array.from(strings, (_, id) => id).sort((a, b) => {
      const x = strings[a] as string;
      const y = strings[b] as string;
      if (!x || !y) return x === y ? 0 : x ? -1 : 1;
      return collator.compare(x, y);
    });
    const ranks = new Uint32Array(strings.length);
    let rank = 0;
    order.forEach((id, at) => {
      if (at > 0) {
        const before = strings[order[at - 1] as number] as string;
        if (before !== strings[id] && (!before || !strings[id] || collator.compare(before, strings[id] as string) !== 0)) rank++;
      }
      ranks[id] = rank;
    });
    this.ranked = ranks;
    this.rankedWith = collator;
    return ranks;
  }
}

/** What a fact is made of: the summary fields, whether from a row or a page's item. */
export type FactSource = Pick<MessageRow, 'hasAttachments' | 'size' | 'from' | 'subject' | 'to' | 'cc'>;

const grown = (needed: number) => Math.max(256, needed + (needed >>> 1));

export class MessageFacts {
  attrs = new Uint8Array(0);
  sizes = new Float64Array(0);
  /** The sort text's id in `table`, by slot (only when the view sorts by text). */
  texts = new Uint32Array(0);
  count = 0;
  readonly table: StringTable | undefined;
  private readonly folders = new Map<string, Map<number, number>>();

  constructor(readonly text: FactText | undefined) {
    this.table = text ? new StringTable() : undefined;
  }

  /** One folder's slots by UID (a folder view looks its entries up here directly). */
  slotsOf(accountId: string, folderPath: string): ReadonlyMap<number, number> | undefined {
    return this.folders.get(`${accountId}\u0000${folderPath}`);
  }

  slotOf(accountId: string, folderPath: string, uid: number): number {
    return this.folders.get(`${accountId}\u0000${folderPath}`)?.get(uid) ?? -1;
  }

  add(row: MessageRow, toMe: boolean): void {
    this.addSummary(row.accountId, row.folderPath, row.uid, row, toMe);
  }

  /** A summary as a page stores it (its folder and UID beside it). */
  addSummary(accountId: string, folderPath: string, uid: number, row: FactSource, toMe: boolean): void {
    const folderKey = `${accountId}\u0000${folderPath}`;
    let slots = this.folders.get(folderKey);
    if (!slots) this.folders.set(folderKey, (slots = new Map()));
    let slot = slots.get(uid);
    if (slot === undefined) {
      if (this.count === this.attrs.length) this.resize(grown(this.count + 1));
      slot = this.count++;
      slots.set(uid, slot);
    }
    this.attrs[slot] = (row.hasAttachments ? attachmentsBit : 0) | (toMe ? toMeBit : 0);
    this.sizes[slot] = row.size;
    if (this.table) this.texts[slot] = this.table.idOf(this.text === 'sender' ? senderText(row.from) : subjectText(row.subject));
  }

  /** UIDs may name other messages now (UIDVALIDITY changed): start again. */
  forgetAll(): void {
    this.folders.clear();
    this.count = 0;
  }

  /** Bytes of the columns (the strings and the slot maps come on top). */
  get byteLength(): number {
    return this.attrs.byteLength + this.sizes.byteLength + this.texts.byteLength;
  }

  private resize(capacity: number): void {
    const attrs = new Uint8Array(capacity);
    const sizes = new Float64Array(capacity);
    const texts = new Uint32Array(this.table ? capacity : 0);
    attrs.set(this.attrs.subarray(0, this.count));
    sizes.set(this.sizes.subarray(0, this.count));
    if (this.table) texts.set(this.texts.subarray(0, this.count));
    this.attrs = attrs;
    this.sizes = sizes;
    this.texts = texts;
  }
}

/** Whether To or Cc names one of `mine` (lower-case addresses). */
export function addressedTo(row: Pick<MessageRow, 'to' | 'cc'>, mine: ReadonlySet<string>): boolean {
  for (const list of [row.to, row.cc]) for (const address of list) if (mine.has(address.address.toLowerCase())) return true;
  return false;
}
