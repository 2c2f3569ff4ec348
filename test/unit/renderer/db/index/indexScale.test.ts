/**
 * The list index at scale, without IndexedDB (issue #11 §2): the order is checked; the build
 * time and memory are printed, never asserted (figures belong to `npm run bench`). 100,000
 * messages by default; `POSTVAK_INDEX_SCALE=1000000` for a million.
 */
import { describe, expect, it } from 'vitest';
import { buildFolderEntries, catchUpFolder, type HeadColumns } from '../../../../../src/renderer/db/index/folderEntries';
import { compareOrder, type OrderedEntries } from '../../../../../src/renderer/db/index/orderedEntries';
import { folderFromSnapshot, snapshotOf } from '../../../../../src/renderer/db/index/indexSnapshot';
import { applyMemberDelta, mergeUnified } from '../../../../../src/renderer/db/index/unifiedEntries';
import { seeded } from './indexTestKit';

const scale = Number(process.env.POSTVAK_INDEX_SCALE ?? 100_000);

/** Heads of 50 like the store writes; dates rise with UIDs, with jitter (late arrivals, clocks). */
function syntheticHeads(count: number, seed: number): HeadColumns[] {
  const random = seeded(seed);
  const heads: HeadColumns[] = [];
  for (let start = 1; start <= count; start += 50) {
    const size = Math.min(50, count - start + 1);
    const uids = new Uint32Array(size);
    const dates = new Float64Array(size);
    const bits = new Uint16Array(size);
    for (let at = 0; at < size; at++) {
      uids[at] = start + at;
      dates[at] = 1_300_000_000_000 + (start + at) * 300_000 + (random.next() < 0.05 ? -random.int(86_400_000 * 30) : random.int(600_000));
      bits[at] = random.next() < 0.1 ? 0 : 1;
    }
    heads.push({ startUid: start, uids, dates, bits });
  }
  return heads;
}

function isInOrder(entries: OrderedEntries): boolean {
  for (let at = 1; at < entries.length; at++) {
    const order = compareOrder(
      entries.dates[at - 1] as number,
      entries.tags[at - 1] as number,
      entries.uids[at - 1] as number,
      entries.dates[at] as number,
      entries.tags[at] as number,
      entries.uids[at] as number,
      entries.tieOnTag,
    );
    if (order >= 0) return false;
  }
  return true;
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

describe(`list index at ${scale.toLocaleString('en')} messages`, () => {
  it('builds in list order; a flag change and an arrival catch up as deltas', () => {
    const heads = syntheticHeads(scale, 1);
    const before = process.memoryUsage();
    let started = performance.now();
    const folder = buildFolderEntries(heads, scale);
    const buildMs = performance.now() - started;
    const after = process.memoryUsage();
    expect(folder.entries.length).toBe(scale);
    expect(isInOrder(folder.entries)).toBe(true);

    // A flag change: the page's head again with one bit changed.
    const page = heads[Math.floor(heads.length / 2)] as HeadColumns;
    const flagged = { ...page, bits: page.bits.map((bits, at) => (at === 3 ? bits ^ 2 : bits)) };
    started = performance.now();
    const flagDelta = catchUpFolder(folder, [flagged], []);
    const flagMs = performance.now() - started;
    expect(flagDelta?.flags.uids).toEqual([page.uids[3]]);

    // An arrival: the last page again with one more (newest) message.
    const last = heads.at(-1) as HeadColumns;
    const uid = scale + 1;
    const arrived = {
      startUid: last.startUid,
      uids: Uint32Array.from([...last.uids, uid]),
      dates: Float64Array.from([...last.dates, 2_000_000_000_000]),
      bits: Uint16Array.from([...last.bits, 0]),
    };
    started = performance.now();
    const arrivalDelta = catchUpFolder(folder, [arrived], []);
    const arrivalMs = performance.now() - started;
    expect(arrivalDelta?.inserted.uids).toEqual([uid]);
    expect(folder.entries.uids[0]).toBe(uid);

    // A unified view of this folder and another as large.
    const other = buildFolderEntries(syntheticHeads(scale, 2), scale);
    started = performance.now();
    const unified = mergeUnified([
      { rank: 0, entries: folder.entries },
      { rank: 1, entries: other.entries },
    ]);
    const mergeMs = performance.now() - started;
    expect(unified.length).toBe(2 * scale + 1);
    expect(isInOrder(unified)).toBe(true);
    started = performance.now();
    applyMemberDelta(unified, 0, { flags: arrivalDelta!.flags, removed: arrivalDelta!.removed, inserted: arrivalDelta!.inserted });
    const unifiedDeltaMs = performance.now() - started;

    console.log(
      [
        `list index, ${scale.toLocaleString('en')} messages (Node ${process.version}, synthetic heads, no IndexedDB):`,
        `  folder build (sort + columns): ${buildMs.toFixed(0)} ms; columns ${mb(folder.entries.byteLength)} (${(folder.entries.byteLength / scale).toFixed(1)} B/message), ${folder.pageCounts.size} pages`,
        `  memory during build: heap +${mb(after.heapUsed - before.heapUsed)}, array buffers +${mb(after.arrayBuffers - before.arrayBuffers)}`,
        `  catch-up: one flag change ${flagMs.toFixed(2)} ms, one arrival at the top ${arrivalMs.toFixed(2)} ms`,
        `  unified merge of two folders (${(2 * scale).toLocaleString('en')}): ${mergeMs.toFixed(0)} ms, ${mb(unified.byteLength)}; one arrival applied ${unifiedDeltaMs.toFixed(2)} ms`,
      ].join('\n'),
    );
  }, 120_000);

  it('a saved snapshot, cloned as IndexedDB stores it, opens as the same index', () => {
    const folder = buildFolderEntries(syntheticHeads(scale, 3), scale);
    let started = performance.now();
    const row = snapshotOf(folder, 'a', 'INBOX', 0, 1);
    const copyMs = performance.now() - started;
    started = performance.now();
    const stored = structuredClone(row);
    const cloneMs = performance.now() - started;
    started = performance.now();
    const opened = folderFromSnapshot(stored);
    const openMs = performance.now() - started;
    expect(opened?.entries.length).toBe(scale);
    expect(opened?.entries.uids.subarray(0, scale)).toEqual(folder.entries.uids.subarray(0, scale));
    expect(opened?.entries.tags.subarray(0, scale)).toEqual(folder.entries.tags.subarray(0, scale));
    expect(opened?.pageCounts).toEqual(folder.pageCounts);
    const bytes = row.dates.byteLength + row.uids.byteLength + row.bits.byteLength + row.tags.byteLength + 2 * row.pageStarts.byteLength;
    console.log(
      `list index snapshot, ${scale.toLocaleString('en')} messages (Node, no IndexedDB): ${mb(bytes)}; copy ${copyMs.toFixed(0)} ms, structured clone ${cloneMs.toFixed(0)} ms, checked and opened ${openMs.toFixed(0)} ms`,
    );
  }, 120_000);
});
