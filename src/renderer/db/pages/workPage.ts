/**
 * One page while a transaction changes it: the head's typed arrays as plain arrays (cheap to
 * splice), the items only once something needs them (a flag change never reads them).
 */
import type { HeadRow, PageRow, StoredSummary } from './pageRows';
import { searchUids } from './searchUids';

export class WorkPage {
  uids: number[];
  dates: number[];
  bits: number[];
  modseqs: bigint[];
  keywords: Map<number, string[]>;
  /** `null` until loaded (or for a page that never had any). */
  items: StoredSummary[] | null;
  headDirty = false;
  itemsDirty = false;
  deleted = false;

  constructor(
    public startUid: number,
    /** Whether a record under this startUid exists in the database (so deleting needs a tombstone). */
    public readonly stored: boolean,
    head?: HeadRow,
    items?: StoredSummary[] | null,
  ) {
    this.uids = head ? Array.from(head.uids) : [];
    this.dates = head ? Array.from(head.dates) : [];
    this.bits = head ? Array.from(head.bits) : [];
    this.modseqs = head ? Array.from(head.modseqs) : [];
    this.keywords = new Map(Object.entries(head?.keywords ?? {}).map(([uid, list]) => [Number(uid), list]));
    this.items = head ? (items ?? null) : [];
  }

  get size(): number {
    return this.uids.length;
  }

  /** Position of `uid`, or `-(insertion point) - 1` when absent. */
  find(uid: number): number {
    return searchUids(this.uids, uid);
  }

  insertAt(position: number, uid: number, date: number, bits: number, modseq: bigint, keywords: string[] | undefined, item: StoredSummary): void {
    this.uids.splice(position, 0, uid);
    this.dates.splice(position, 0, date);
    this.bits.splice(position, 0, bits);
    this.modseqs.splice(position, 0, modseq);
    this.requireItems().splice(position, 0, item);
    this.setKeywords(uid, keywords);
    this.headDirty = true;
    this.itemsDirty = true;
  }

  replaceAt(position: number, date: number, bits: number, modseq: bigint, keywords: string[] | undefined, item: StoredSummary): void {
    this.dates[position] = date;
    this.bits[position] = bits;
    this.modseqs[position] = modseq;
    this.requireItems()[position] = item;
    this.setKeywords(this.uids[position] as number, keywords);
    this.headDirty = true;
    this.itemsDirty = true;
  }

  removeAt(position: number): StoredSummary {
    const uid = this.uids[position] as number;
    const [item] = this.requireItems().splice(position, 1);
    this.uids.splice(position, 1);
    this.dates.splice(position, 1);
    this.bits.splice(position, 1);
    this.modseqs.splice(position, 1);
    this.keywords.delete(uid);
    this.headDirty = true;
    this.itemsDirty = true;
    return item as StoredSummary;
  }

  setFlagsAt(position: number, bits: number, keywords: string[] | undefined, modseq?: bigint): void {
    this.bits[position] = bits;
    if (modseq !== undefined) this.modseqs[position] = modseq;
    this.setKeywords(this.uids[position] as number, keywords);
    this.headDirty = true;
  }

  setKeywords(uid: number, keywords: string[] | undefined): void {
    if (keywords && keywords.length > 0) this.keywords.set(uid, keywords);
    else this.keywords.delete(uid);
  }

  /** Moves everything from `position` on into a new page that starts at that UID. */
  splitOff(position: number): WorkPage {
    const tail = new WorkPage(this.uids[position] as number, false);
    tail.uids = this.uids.splice(position);
    tail.dates = this.dates.splice(position);
    tail.bits = this.bits.splice(position);
    tail.modseqs = this.modseqs.splice(position);
    tail.items = this.requireItems().splice(position);
    for (const uid of tail.uids) {
      const list = this.keywords.get(uid);
      if (list) {
        tail.keywords.set(uid, list);
        this.keywords.delete(uid);
      }
    }
    tail.headDirty = tail.itemsDirty = true;
    this.headDirty = this.itemsDirty = true;
    return tail;
  }

  /** Appends every message of `next` (whose UIDs are all higher) and empties it. */
  absorb(next: WorkPage): void {
    this.requireItems().push(...next.requireItems());
    this.uids.push(...next.uids);
    this.dates.push(...next.dates);
    this.bits.push(...next.bits);
    this.modseqs.push(...next.modseqs);
    for (const [uid, list] of next.keywords) this.keywords.set(uid, list);
    next.uids = [];
    next.dates = [];
    next.bits = [];
    next.modseqs = [];
    next.items = [];
    next.keywords.clear();
    this.headDirty = this.itemsDirty = true;
  }

  requireItems(): StoredSummary[] {
    if (this.items === null) throw new Error(`page ${this.startUid}: items were not loaded`);
    return this.items;
  }

  toHead(accountId: string, folderPath: string, rev: number): HeadRow {
    const head: HeadRow = {
      accountId,
      folderPath,
      startUid: this.startUid,
      rev,
      uids: Uint32Array.from(this.uids),
      dates: Float64Array.from(this.dates),
      bits: Uint16Array.from(this.bits),
      modseqs: BigInt64Array.from(this.modseqs),
    };
    if (this.keywords.size > 0) head.keywords = Object.fromEntries(this.keywords);
    return head;
  }

  toPage(accountId: string, folderPath: string): PageRow {
    return { accountId, folderPath, startUid: this.startUid, items: this.requireItems() };
  }
}
