/** Shared by the list index tests (issue #11 §2): a seeded generator and the orders a person expects. */
import type { SourceIndex } from '../../../../../src/renderer/db/index/sourceIndex';
import { encodeFlags } from '../../../../../src/renderer/db/pages/flagBits';
import type { MessageRow } from '../../../../../src/renderer/db/rows';

/** mulberry32: a small seeded generator, so a failing sequence can be replayed. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
  };
}

/** One entry as a person would compare it: which message, and its flags. */
export const entryText = (accountId: string, folderPath: string, uid: number, bits: number) => `${accountId}|${folderPath}|${uid}|${bits}`;

/** Every entry of an index in list order, with its page (startUid). */
export function indexEntries(index: SourceIndex): string[] {
  return index.refsAt(0, index.length).map((ref, position) => `${entryText(ref.accountId, ref.folderPath, ref.uid, index.bitsAt(position) ?? -1)}@${ref.startUid}`);
}

/** The list order written out plainly: newest first; equal dates by (account, folder, uid) descending. */
export function expectedOrder(rows: readonly MessageRow[]): string[] {
  const key = (row: MessageRow) => [row.accountId, row.folderPath, row.uid] as const;
  const sorted = [...rows].sort((a, b) => {
    if (a.date !== b.date) return b.date - a.date;
    const [x, y] = [key(a), key(b)];
    for (let at = 0; at < 3; at++) if (x[at] !== y[at]) return x[at]! < y[at]! ? 1 : -1;
    return 0;
  });
  return sorted.map((row) => entryText(row.accountId, row.folderPath, row.uid, encodeFlags(row.flags).bits));
}

export const withoutPages = (entries: readonly string[]) => entries.map((entry) => entry.replace(/@-?\d+$/, ''));
