/**
 * Raw RFC 5322 sources on disk, for reading mail while the server is unreachable (issue #3 §3):
 * `<profileDir>/offline/<accountId>/<sha1(folderPath)>/<uidValidity>/` holding append-only packs.
 *
 * Why packs and not one file per message: creating a file costs ~190–230 µs on the reference
 * machine (20,000 files of 5.5 KB: 4.6 s with tmp + rename, 3.8 s written directly), which
 * capped the offline pull at ~3,100–3,300 msg/s while mbsync does 6,600–10,400 msg/s and the
 * IMAP fetch itself 12,000–20,000 msg/s on the same folder. A pack is written with a few large
 * sequential writes per fetch batch, so the disk no longer sets the pace.
 *
 * - `<n>.pack`: the sources of one fetch batch, concatenated as they streamed in.
 * - `<n>.idx`: JSON `[[uid, offset, length], …]` for `<n>.pack`, written (tmp + rename) only
 *   after the pack data is written. A pack without its index is a batch cut short by a crash:
 *   ignored, and deleted by the next `prepare`.
 * - `removed.json`: tombstones, UIDs that left the window or the server but whose bytes are
 *   still in a pack. A pack is deleted once all its entries are dead and rewritten (its live
 *   entries moved into a new pack) once more than half are.
 * A UID found in several packs is read from the newest one (a UID fetched again after removal).
 *
 * A UID names a message only together with the folder's UIDVALIDITY (RFC 9051 §2.3.1.1), so
 * each folder holds one UIDVALIDITY directory and a change discards the old one. No fsync —
 * like mbsync's `FSync no`: a crash can lose the newest batch, which is fetched again on the
 * next pass, never expose a half-written index.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { listIfExists } from '../io/atomicWrite';
import { PackWriter, readIndex, readPack, readRange, writeAtomic, type PackEntry } from './packFiles';

export { PackWriter, type PackEntry } from './packFiles';

const PACK = /^(\d+)\.pack$/;
const IDX = /^(\d+)\.idx$/;
const REMOVED = 'removed.json';


/** The folder's directory name: a hash, since folder names may hold `/`, `..` or any Unicode. */
export function folderKey(folderPath: string): string {
  return createHash('sha1').update(folderPath, 'utf8').digest('hex');
}

/** The directory holding the packs of one folder and UIDVALIDITY. */
export function shelfDir(root: string, accountId: string, folderPath: string, uidValidity: number): string {
  return join(root, accountId, folderKey(folderPath), String(uidValidity));
}

interface Location {
  pack: number;
  offset: number;
  length: number;
}

/** What is on disk for one folder and UIDVALIDITY, as last loaded or written by this process. */
class Shelf {
  readonly packs = new Map<number, PackEntry[]>();
  readonly live = new Map<number, Location>();
  removed = new Set<number>();

  constructor(readonly dir: string) {}

  get nextPack(): number {
    return Math.max(0, ...this.packs.keys()) + 1;
  }

  /** Rebuilds `live`: newest pack wins, tombstoned UIDs are out. */
  index(): void {
    this.live.clear();
    for (const n of [...this.packs.keys()].sort((a, b) => a - b)) {
      for (const [uid, offset, length] of this.packs.get(n)!) this.live.set(uid, { pack: n, offset, length });
    }
    for (const uid of this.removed) this.live.delete(uid);
  }

  liveCount(n: number): number {
    let count = 0;
    for (const [uid, offset] of this.packs.get(n) ?? []) {
      const at = this.live.get(uid);
      if (at && at.pack === n && at.offset === offset) count += 1;
    }
    return count;
  }
}

export class OfflineStore {
  /** Shelf directory → its loaded state. One OfflineStore per profile writes; others may read. */
  private readonly shelves = new Map<string, Shelf>();

  constructor(readonly root: string) {}

  private folderDir(accountId: string, folderPath: string): string {
    return join(this.root, accountId, folderKey(folderPath));
  }

  private forget(prefix: string): void {
    for (const dir of this.shelves.keys()) if (dir === prefix || dir.startsWith(prefix + '/') || dir.startsWith(prefix + '\\')) this.shelves.delete(dir);
  }

  /** Reads a shelf's indexes and tombstones from disk. */
  private async load(dir: string): Promise<Shelf> {
    const shelf = new Shelf(dir);
    for (const name of await listIfExists(dir)) {
      const m = IDX.exec(name);
      if (!m) continue;
      const entries = await readIndex(join(dir, name));
      if (entries) shelf.packs.set(Number(m[1]), entries);
    }
    const removed = await readFile(join(dir, REMOVED), 'utf8').catch(() => null);
    if (removed !== null) {
      try {
        const list: unknown = JSON.parse(removed);
        if (Array.isArray(list)) shelf.removed = new Set(list.filter((u): u is number => typeof u === 'number'));
      } catch {
        // A damaged tombstone list: forgetting removals only brings back mail to be removed again.
      }
    }
    shelf.index();
    this.shelves.set(dir, shelf);
    return shelf;
  }

  private async shelf(dir: string): Promise<Shelf> {
    return this.shelves.get(dir) ?? this.load(dir);
  }

  /**
   * The UIDs kept for this UIDVALIDITY. Directories of any other UIDVALIDITY are removed
   * first: their UIDs name other messages now (RFC 9051 §2.3.1.1). Leftovers of a crash (a
   * pack without index, temporary files, an index pointing past its pack) are deleted.
   */
  async prepare(accountId: string, folderPath: string, uidValidity: number): Promise<number[]> {
    const folder = this.folderDir(accountId, folderPath);
    for (const name of await listIfExists(folder)) {
      if (name !== String(uidValidity)) {
        this.forget(join(folder, name));
        await rm(join(folder, name), { recursive: true, force: true });
      }
    }
    const dir = join(folder, String(uidValidity));
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const shelf = await this.load(dir);
    const files = await listIfExists(dir);
    for (const name of files) {
      const pack = PACK.exec(name);
      const idx = IDX.exec(name);
      if (name === REMOVED) continue;
      if (pack && shelf.packs.has(Number(pack[1]))) {
        const entries = shelf.packs.get(Number(pack[1]))!;
        const end = entries.reduce((max, [, offset, length]) => Math.max(max, offset + length), 0);
        const size = (await stat(join(dir, name))).size;
        if (size >= end) continue;
        shelf.packs.delete(Number(pack[1]));
        await rm(join(dir, `${pack[1]}.idx`), { force: true });
      } else if (idx && shelf.packs.has(Number(idx[1])) && files.includes(`${idx[1]}.pack`)) {
        continue;
      } else if (idx) {
        shelf.packs.delete(Number(idx[1]));
      }
      await rm(join(dir, name), { force: true });
    }
    shelf.index();
    return [...shelf.live.keys()].sort((a, b) => a - b);
  }

  /** Starts a pack for one fetch batch; `commit()` makes its sources readable. */
  async begin(accountId: string, folderPath: string, uidValidity: number): Promise<PackWriter> {
    const dir = shelfDir(this.root, accountId, folderPath, uidValidity);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const shelf = await this.shelf(dir);
    let n = shelf.nextPack;
    // A pack of a batch cut short may hold this number until the next prepare: skip it.
    const taken = new Set(await listIfExists(dir));
    while (taken.has(`${n}.pack`) || taken.has(`${n}.idx`)) n += 1;
    const handle = await open(join(dir, `${n}.pack`), 'wx', 0o600);
    return new PackWriter(join(dir, `${n}.pack`), handle, (entries) => this.commitPack(shelf, n, entries));
  }

  /** Writes the index of a written pack and publishes its entries. */
  private async commitPack(shelf: Shelf, n: number, entries: PackEntry[]): Promise<void> {
    await writeAtomic(join(shelf.dir, `${n}.idx`), JSON.stringify(entries));
    shelf.packs.set(n, entries);
    const revived = entries.some(([uid]) => shelf.removed.has(uid));
    for (const [uid] of entries) shelf.removed.delete(uid);
    if (revived) await this.saveRemoved(shelf);
    shelf.index();
  }

  /** Tombstones `uids`, then deletes or compacts packs that are all or mostly dead. */
  async remove(accountId: string, folderPath: string, uidValidity: number, uids: readonly number[]): Promise<void> {
    const shelf = await this.shelf(shelfDir(this.root, accountId, folderPath, uidValidity));
    const before = shelf.removed.size;
    for (const uid of uids) if (shelf.live.has(uid)) shelf.removed.add(uid);
    if (shelf.removed.size !== before) {
      shelf.index();
      await this.saveRemoved(shelf);
    }
    await this.compact(accountId, folderPath, uidValidity, shelf);
  }

  private async compact(accountId: string, folderPath: string, uidValidity: number, shelf: Shelf): Promise<void> {
    const empty: number[] = [];
    const sparse: number[] = [];
    for (const [n, entries] of shelf.packs) {
      const live = shelf.liveCount(n);
      if (live === 0) empty.push(n);
      else if (live * 2 < entries.length) sparse.push(n);
    }
    if (empty.length === 0 && sparse.length === 0) return;
    if (sparse.length > 0) {
      // The live entries of every sparse pack move into one new pack; its index is written
      // before the old packs go, so a crash in between leaves duplicates (newest wins), no loss.
      const writer = await this.begin(accountId, folderPath, uidValidity);
      for (const n of sparse) {
        const handle = await open(join(shelf.dir, `${n}.pack`), 'r');
        try {
          for (const [uid, offset, length] of shelf.packs.get(n)!) {
            const at = shelf.live.get(uid);
            if (!at || at.pack !== n || at.offset !== offset) continue;
            await writer.append(uid, await readRange(handle, offset, length));
          }
        } finally {
          await handle.close();
        }
      }
      await writer.commit();
    }
    for (const n of [...empty, ...sparse]) {
      shelf.packs.delete(n);
      await rm(join(shelf.dir, `${n}.idx`), { force: true });
      await rm(join(shelf.dir, `${n}.pack`), { force: true });
    }
    // Tombstones are needed only while some pack still holds the UID.
    const held = new Set<number>();
    for (const entries of shelf.packs.values()) for (const [uid] of entries) held.add(uid);
    shelf.removed = new Set([...shelf.removed].filter((uid) => held.has(uid)));
    shelf.index();
    await this.saveRemoved(shelf);
  }

  private async saveRemoved(shelf: Shelf): Promise<void> {
    const file = join(shelf.dir, REMOVED);
    if (shelf.removed.size === 0) await rm(file, { force: true });
    else await writeAtomic(file, JSON.stringify([...shelf.removed].sort((a, b) => a - b)));
  }

  /**
   * The kept source of `uid`, or null. The store holds one UIDVALIDITY per folder, the one the
   * last pass saw; `maxBytes` keeps a huge source from being read into memory.
   */
  async read(accountId: string, folderPath: string, uid: number, maxBytes: number): Promise<Buffer | null> {
    const folder = this.folderDir(accountId, folderPath);
    for (const validity of await listIfExists(folder)) {
      if (!/^\d+$/.test(validity)) continue;
      const dir = join(folder, validity);
      // A miss or a vanished pack may mean another writer (or a compaction) changed the
      // shelf since it was loaded: look once more from disk.
      for (const fresh of [false, true]) {
        const shelf = fresh ? await this.load(dir) : await this.shelf(dir);
        const at = shelf.live.get(uid);
        if (!at) continue;
        if (at.length > maxBytes) break;
        const source = await readPack(join(dir, `${at.pack}.pack`), at.offset, at.length);
        if (source) return source;
      }
    }
    return null;
  }

  /**
   * The UIDs kept for a folder, ascending, read without changing anything (issue #13 §3: the
   * search index reads kept bodies). Empty when the folder is not kept offline.
   */
  async keptUids(accountId: string, folderPath: string): Promise<number[]> {
    const folder = this.folderDir(accountId, folderPath);
    const uids = new Set<number>();
    for (const validity of await listIfExists(folder)) {
      if (!/^\d+$/.test(validity)) continue;
      // The cached shelf: this process's own passes keep it current as they write (commitPack).
      for (const uid of (await this.shelf(join(folder, validity))).live.keys()) uids.add(uid);
    }
    return [...uids].sort((a, b) => a - b);
  }

  /** Removes the folders of the account that are no longer kept. */
  async keepOnly(accountId: string, folderPaths: readonly string[]): Promise<void> {
    const keep = new Set(folderPaths.map(folderKey));
    const dir = join(this.root, accountId);
    for (const name of await listIfExists(dir)) {
      if (keep.has(name)) continue;
      this.forget(join(dir, name));
      await rm(join(dir, name), { recursive: true, force: true });
    }
  }

  async removeAccount(accountId: string): Promise<void> {
    this.forget(join(this.root, accountId));
    await rm(join(this.root, accountId), { recursive: true, force: true });
  }
}
