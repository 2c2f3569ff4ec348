import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderKey, OfflineStore, shelfDir } from '../../../../../src/main/services/offline/offlineStore';

/** One source in a pack of its own (the offline pass writes whole batches through `begin`). */
async function writeOne(store: OfflineStore, accountId: string, folderPath: string, uidValidity: number, uid: number, source: Buffer): Promise<void> {
  const writer = await store.begin(accountId, folderPath, uidValidity);
  await writer.append(uid, source);
  await writer.commit();
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'postvak-offline-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const src = (uid: number, size = 40) => Buffer.from(`Subject: ${uid}\r\n\r\n${'x'.repeat(size)}\r\n`);
const files = (uidValidity = 1) => readdirSync(shelfDir(root, 'a', 'INBOX', uidValidity)).sort();

async function batch(store: OfflineStore, uids: readonly number[], uidValidity = 1, size = 40): Promise<void> {
  const pack = await store.begin('a', 'INBOX', uidValidity);
  for (const uid of uids) await pack.append(uid, src(uid, size));
  await pack.commit();
}

describe('OfflineStore layout', () => {
  it('names directories by account, hashed folder and UIDVALIDITY', () => {
    expect(folderKey('INBOX')).toMatch(/^[0-9a-f]{40}$/);
    expect(folderKey('../x')).not.toContain('/');
    expect(shelfDir('/p/offline', 'acc', 'INBOX', 7)).toBe(join('/p/offline', 'acc', folderKey('INBOX'), '7'));
  });
});

describe('OfflineStore packs', () => {
  it('round-trips sources across packs, also through a fresh store, and honours maxBytes', async () => {
    const store = new OfflineStore(root);
    expect(await store.prepare('a', 'INBOX', 1)).toEqual([]);
    await batch(store, [9, 8, 7]);
    // Large enough to take several flushes of the writer.
    await batch(store, [3, 2, 1], 1, 700_000);
    expect(files()).toEqual(['1.idx', '1.pack', '2.idx', '2.pack']);
    expect(JSON.parse(readFileSync(join(shelfDir(root, 'a', 'INBOX', 1), '1.idx'), 'utf8'))).toEqual([
      [9, 0, src(9).length], [8, src(9).length, src(8).length], [7, 2 * src(9).length, src(7).length],
    ]);
    for (const reader of [store, new OfflineStore(root)]) {
      for (const uid of [7, 8, 9]) expect((await reader.read('a', 'INBOX', uid, 1000))?.equals(src(uid))).toBe(true);
      for (const uid of [1, 2, 3]) expect((await reader.read('a', 'INBOX', uid, 1e7))?.equals(src(uid, 700_000))).toBe(true);
      expect(await reader.read('a', 'INBOX', 1, 1000)).toBeNull();
      expect(await reader.read('a', 'INBOX', 4, 1000)).toBeNull();
      expect(await reader.read('a', 'Sent', 7, 1000)).toBeNull();
    }
    expect(await new OfflineStore(root).prepare('a', 'INBOX', 1)).toEqual([1, 2, 3, 7, 8, 9]);
  });

  it('sees packs another store wrote after it loaded the folder', async () => {
    const reader = new OfflineStore(root);
    const writer = new OfflineStore(root);
    await writer.prepare('a', 'INBOX', 1);
    await batch(writer, [1]);
    expect(await reader.read('a', 'INBOX', 1, 1000)).not.toBeNull();
    await batch(writer, [2]);
    expect((await reader.read('a', 'INBOX', 2, 1000))?.equals(src(2))).toBe(true);
  });

  it('ignores and cleans up the leftovers of a crash', async () => {
    const store = new OfflineStore(root);
    await store.prepare('a', 'INBOX', 1);
    await batch(store, [1, 2]);
    // A batch cut short: pack data, no index.
    const dir = shelfDir(root, 'a', 'INBOX', 1);
    writeFileSync(join(dir, '2.pack'), src(3));
    writeFileSync(join(dir, '2.idx.ab12cd34.tmp'), '[[3,0');
    writeFileSync(join(dir, '5.eml'), 'old layout');
    // An index whose pack lost its tail (no fsync).
    writeFileSync(join(dir, '9.pack'), 'short');
    writeFileSync(join(dir, '9.idx'), JSON.stringify([[4, 0, 100]]));
    const fresh = new OfflineStore(root);
    expect(await fresh.read('a', 'INBOX', 3, 1000)).toBeNull();
    expect(await fresh.prepare('a', 'INBOX', 1)).toEqual([1, 2]);
    expect(files()).toEqual(['1.idx', '1.pack']);
    expect(await fresh.read('a', 'INBOX', 4, 1000)).toBeNull();
    // A new pack does not collide with a leftover of the same number.
    writeFileSync(join(dir, '2.pack'), 'leftover');
    await batch(fresh, [6]);
    expect((await fresh.read('a', 'INBOX', 6, 1000))?.equals(src(6))).toBe(true);
  });

  it('tombstones removed UIDs, deletes dead packs and compacts mostly dead ones', async () => {
    const store = new OfflineStore(root);
    await store.prepare('a', 'INBOX', 1);
    await batch(store, [1, 2, 3, 4]);
    await batch(store, [5, 6]);
    // Half of pack 1 dead: kept as is, the UIDs tombstoned.
    await store.remove('a', 'INBOX', 1, [1, 2, 99]);
    expect(files()).toEqual(['1.idx', '1.pack', '2.idx', '2.pack', 'removed.json']);
    expect(await store.read('a', 'INBOX', 1, 1000)).toBeNull();
    expect(await new OfflineStore(root).prepare('a', 'INBOX', 1)).toEqual([3, 4, 5, 6]);
    // Three quarters dead: the live entry moves to a new pack; all of pack 2 dead: deleted.
    await store.remove('a', 'INBOX', 1, [3, 5, 6]);
    expect(files()).toEqual(['3.idx', '3.pack']);
    expect(readFileSync(join(shelfDir(root, 'a', 'INBOX', 1), '3.pack')).equals(src(4))).toBe(true);
    for (const reader of [store, new OfflineStore(root)]) {
      expect((await reader.read('a', 'INBOX', 4, 1000))?.equals(src(4))).toBe(true);
      expect(await reader.read('a', 'INBOX', 3, 1000)).toBeNull();
    }
    expect(await store.prepare('a', 'INBOX', 1)).toEqual([4]);
  });

  it('brings back a removed UID fetched again, from the newest pack', async () => {
    const store = new OfflineStore(root);
    await store.prepare('a', 'INBOX', 1);
    await batch(store, [1, 2, 3]);
    await store.remove('a', 'INBOX', 1, [1]);
    const again = Buffer.from('fetched again');
    await writeOne(store, 'a', 'INBOX', 1, 1, again);
    expect(await new OfflineStore(root).prepare('a', 'INBOX', 1)).toEqual([1, 2, 3]);
    expect((await store.read('a', 'INBOX', 1, 1000))?.equals(again)).toBe(true);
    expect(existsSync(join(shelfDir(root, 'a', 'INBOX', 1), 'removed.json'))).toBe(false);
  });

  it('discards another UIDVALIDITY and removes folders and accounts no longer kept', async () => {
    const store = new OfflineStore(root);
    await store.prepare('a', 'INBOX', 1);
    await writeOne(store, 'a', 'INBOX', 1, 5, Buffer.from('old'));
    expect((await store.read('a', 'INBOX', 5, 100))?.toString()).toBe('old');
    expect(await store.prepare('a', 'INBOX', 2)).toEqual([]);
    expect(await store.read('a', 'INBOX', 5, 100)).toBeNull();
    expect(readdirSync(join(root, 'a', folderKey('INBOX')))).toEqual(['2']);
    await writeOne(store, 'a', 'INBOX', 2, 5, Buffer.from('new'));
    expect(await store.prepare('a', 'INBOX', 2)).toEqual([5]);
    expect((await store.read('a', 'INBOX', 5, 100))?.toString()).toBe('new');
    expect(await store.read('a', 'INBOX', 5, 2)).toBeNull();
    await store.prepare('a', 'Sent', 3);
    await store.keepOnly('a', ['Sent']);
    expect(readdirSync(join(root, 'a'))).toEqual([folderKey('Sent')]);
    expect(await store.read('a', 'INBOX', 5, 100)).toBeNull();
    await store.removeAccount('a');
    expect(readdirSync(root)).toEqual([]);
  });

  it('leaves nothing for an empty batch', async () => {
    const store = new OfflineStore(root);
    await store.prepare('a', 'INBOX', 1);
    await (await store.begin('a', 'INBOX', 1)).commit();
    expect(files()).toEqual([]);
  });
});
