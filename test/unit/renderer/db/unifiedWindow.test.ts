import 'fake-indexeddb/auto';
import type { DBCore } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../src/renderer/db/applySyncBatch';
import { closeIndexes } from '../../../../src/renderer/db/index/registry';
import { unifiedCountId } from '../../../../src/renderer/db/pages/pageRows';
import { countSource, loadWindow, type MessageSource } from '../../../../src/renderer/db/queries/messages';
import { neighbourOf } from '../../../../src/renderer/db/queries/neighbours';
import { PostvakDb } from '../../../../src/renderer/db/schema';
import { accountA, accountB, folder, foldersBatch, mailbox, message, messagesBatch, sharedMailbox } from './fixtures';

/** 100,000 inbox rows over three inboxes of two accounts, plus non-inbox rows that must not leak in. */
const total = 100_000;
const chunk = 10_000;
const info = sharedMailbox('info');
const inboxes = [
  { accountId: accountA, path: 'INBOX' },
  { accountId: accountA, path: 'shared/info@example.test/INBOX' },
  { accountId: accountB, path: 'INBOX' },
] as const;
const unified: MessageSource = { kind: 'unified', role: 'inbox' };
let db: PostvakDb;

/** Row n (0-based) lives in inbox n % 3 with uid ⌊n/3⌋+1; dates are a permutation of n. */
const placeOf = (n: number) => ({ ...inboxes[n % 3]!, uid: Math.floor(n / 3) + 1 });
const dateOf = (n: number) => 1_600_000_000_000 + ((n * 7919) % total) * 1000;
const tagOf = (n: number) => {
  const { accountId, path, uid } = placeOf(n);
  return `${accountId}|${path}|${uid}`;
};

/** Counts the message records (heads and pages) a database's reads hand over (a Dexie DBCore middleware). */
function countRowReads(database: PostvakDb): { count: number } {
  // Registered before the database opens (Dexie builds its middleware stack on open).
  const reads = { count: 0 };
  database.use({
    stack: 'dbcore',
    name: 'countRowReads',
    create: (down: DBCore) => ({
      ...down,
      table: (name: string) => {
        const table = down.table(name);
        if (name !== 'heads' && name !== 'pages') return table;
        return {
          ...table,
          get: async (request) => {
            const row: unknown = await table.get(request);
            if (row !== undefined) reads.count += 1;
            return row;
          },
          getMany: async (request) => {
            const rows = await table.getMany(request);
            reads.count += rows.filter((row) => row !== undefined).length;
            return rows;
          },
          query: async (request) => {
            const response = await table.query(request);
            reads.count += response.result.length;
            return response;
          },
          openCursor: async (request) => {
            const cursor = await table.openCursor(request);
            if (!cursor) return cursor;
            return new Proxy(cursor, {
              get(target, property) {
                if (property === 'start') return (onNext: () => void) => target.start(() => ((reads.count += 1), onNext()));
                const value: unknown = Reflect.get(target, property, target);
                return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
              },
            });
          },
        };
      },
    }),
  });
  return reads;
}

beforeAll(async () => {
  db = new PostvakDb('unified-100k');
  await applySyncBatch(
    db,
    foldersBatch(
      [folder('INBOX'), folder('Archive', accountA, { role: 'archive' }), folder(inboxes[1].path, accountA, { mailboxId: info.id, role: 'inbox' })],
      accountA,
      [mailbox(), info],
    ),
  );
  await applySyncBatch(db, foldersBatch([folder('INBOX', accountB)], accountB));
  for (let start = 0; start < total; start += chunk) {
    const byFolder = new Map<number, ReturnType<typeof message>[]>();
    for (let n = start; n < start + chunk; n++) {
      const { accountId, path, uid } = placeOf(n);
      const list = byFolder.get(n % 3) ?? [];
      list.push(message(uid, { accountId, folderPath: path, date: dateOf(n), flags: n % 10 === 0 ? [] : ['\\Seen'] }));
      byFolder.set(n % 3, list);
    }
    for (const [index, upserts] of byFolder) {
      const { accountId, path } = inboxes[index as 0 | 1 | 2];
      await applySyncBatch(db, messagesBatch(path, { upserts }, accountId));
    }
  }
  // Newer than everything, but in an archive: never in "All inboxes".
  await applySyncBatch(db, messagesBatch('Archive', { upserts: [message(1, { folderPath: 'Archive', date: 9e15 })] }));
}, 240_000);

afterAll(async () => {
  closeIndexes(db);
  await db.delete();
});

describe('All inboxes over 100,000 rows in three inboxes', () => {
  const newestFirst = Array.from({ length: total }, (_, n) => n).sort((a, b) => dateOf(b) - dateOf(a));

  it('counts the rows; the unified counter agrees', async () => {
    expect(await countSource(db, unified)).toBe(total);
    expect(await db.counts.get(unifiedCountId('inbox'))).toMatchObject({ total, unread: total / 10 });
  });

  // Anywhere in the list, the middle included: positions come from the in-memory index.
  it.each([
    [0, 60],
    [1_200, 60],
    [50_000, 60],
    [99_940, 60],
  ])(
    'returns exactly rows %i… of the full order across mailboxes (limit %i)',
    async (offset, limit) => {
      const rows = await loadWindow(db, unified, offset, limit);
      expect(rows.map((row) => `${row.accountId}|${row.folderPath}|${row.uid}`)).toEqual(newestFirst.slice(offset, offset + limit).map(tagOf));
    },
    // Not a speed check: building the index reads 100,000 heads through a slow test double.
    60_000,
  );

  it('reads a window from the pages that hold it, not a scan of 100,000', async () => {
    // How fast that is belongs to `npm run bench`; here we count the records IndexedDB hands over.
    const counted = new PostvakDb('unified-100k');
    const reads = countRowReads(counted);
    try {
      // The index is built once (reading every head); then a window reads only its own pages.
      expect(await countSource(counted, unified)).toBe(total);
      reads.count = 0;
      const rows = await loadWindow(counted, unified, 50_000, 50);
      expect(rows.map((row) => `${row.accountId}|${row.folderPath}|${row.uid}`)).toEqual(newestFirst.slice(50_000, 50_050).map(tagOf));
      // At most a head and a page for each row, fewer when rows share a page.
      expect(reads.count).toBeGreaterThanOrEqual(2);
      expect(reads.count).toBeLessThanOrEqual(100);
    } finally {
      closeIndexes(counted);
      counted.close();
    }
  }, 60_000);

  it('finds the message below a deleted one, and the one above at the end of the list', async () => {
    const [first, second] = await loadWindow(db, unified, 0, 2);
    expect(await neighbourOf(db, unified, first!)).toEqual([second!.accountId, second!.folderPath, second!.uid]);
    const [beforeLast, last] = await loadWindow(db, unified, total - 2, 2);
    expect(await neighbourOf(db, unified, last!)).toEqual([beforeLast!.accountId, beforeLast!.folderPath, beforeLast!.uid]);
  });
});
