import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../src/renderer/db/applySyncBatch';
import { addressBook, loadAddressBook, scanLimit, suggestAddresses, type KnownAddress } from '../../../../src/renderer/db/queries/addressBook';
import { loadFromMemory, storeFromMemory } from '../../../../src/renderer/db/queries/fromMemory';
import { PostvakDb } from '../../../../src/renderer/db/schema';
import { folder, foldersBatch, message, messagesBatch } from './fixtures';

const db = new PostvakDb('address-book-test');
const day = 86_400_000;
const now = 1_750_000_000_000;
const person = (name: string, address: string) => ({ name, address });

beforeAll(async () => {
  await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Sent', undefined, { role: 'sent' }), folder('Archive', undefined, { role: 'archive' })]));
  const sent = [
    message(1, { folderPath: 'Sent', date: now - 2 * day, from: [person('Me', 'me@example.test')], to: [person('Anna Bakker', 'anna@klant.nl')] }),
    message(2, { folderPath: 'Sent', date: now - 3 * day, from: [person('Me', 'me@example.test')], to: [person('', 'anna@klant.nl')], cc: [person('Bram', 'bram@klant.nl')] }),
  ];
  const inbox = [
    message(1, { date: now - 1 * day, from: [person('Annelies', 'annelies@news.example')], to: [person('Me', 'me@example.test')] }),
    message(2, { date: now - 400 * day, from: [person('Andries Oud', 'andries@old.example')], to: [person('Me', 'me@example.test')] }),
  ];
  // Outside the unified views (an archive): not scanned.
  const archive = [message(1, { folderPath: 'Archive', date: now, from: [person('Ankie', 'ankie@archive.example')] })];
  await applySyncBatch(db, messagesBatch('Sent', { upserts: sent }));
  await applySyncBatch(db, messagesBatch('INBOX', { upserts: inbox }));
  await applySyncBatch(db, messagesBatch('Archive', { upserts: archive }));
});
afterAll(async () => {
  await db.delete();
});

const addresses = (list: KnownAddress[]) => list.map((k) => k.address);

describe('address completion from the cache', () => {
  it('collects From, To and Cc of Sent and Inbox, weighting sent mail double, keeping the newest name', async () => {
    const book = await loadAddressBook(db);
    const anna = book.find((k) => k.address === 'anna@klant.nl');
    expect(anna).toEqual({ name: 'Anna Bakker', address: 'anna@klant.nl', score: 4, lastSeen: now - 2 * day });
    expect(addresses(book)).not.toContain('ankie@archive.example');
  });

  it('suggests by address or name start, people written to recently first, leaving out what is in the field', async () => {
    const book = await loadAddressBook(db);
    expect(addresses(suggestAddresses(book, 'an', [], 8, now))).toEqual(['anna@klant.nl', 'annelies@news.example', 'andries@old.example']);
    expect(addresses(suggestAddresses(book, 'BAKKER', [], 8, now))).toEqual(['anna@klant.nl']);
    expect(addresses(suggestAddresses(book, 'an', ['ANNA@klant.nl'], 8, now))).toEqual(['annelies@news.example', 'andries@old.example']);
    expect(suggestAddresses(book, '  ', [], 8, now)).toEqual([]);
  });

  it('reads only the newest rows of each view', async () => {
    const big = new PostvakDb('address-book-big');
    await applySyncBatch(big, foldersBatch([folder('INBOX')]));
    const rows = Array.from({ length: scanLimit.inbox + 20 }, (_, i) =>
      message(i + 1, { date: now - (scanLimit.inbox + 20 - i) * 1000, from: [person('', `sender${i + 1}@example.nl`)], to: [] }),
    );
    await applySyncBatch(big, messagesBatch('INBOX', { upserts: rows }));
    const book = await loadAddressBook(big);
    expect(book).toHaveLength(scanLimit.inbox);
    expect(addresses(book)).not.toContain('sender1@example.nl');
    expect(addresses(book)).toContain(`sender${scanLimit.inbox + 20}@example.nl`);
    await big.delete();
  });

  it('takes the newest rows of the whole view: all its folders merged by date', async () => {
    const two = new PostvakDb('address-book-two-inboxes');
    await applySyncBatch(two, foldersBatch([folder('INBOX'), folder('shared/info/INBOX', undefined, { role: 'inbox' })]));
    // A full Inbox of older mail, and a second inbox (a shared one) with 20 newer messages.
    const older = Array.from({ length: scanLimit.inbox }, (_, i) =>
      message(i + 1, { date: now - (scanLimit.inbox - i) * 1000, from: [person('', `old${i + 1}@example.nl`)], to: [] }),
    );
    const newer = Array.from({ length: 20 }, (_, i) =>
      message(i + 1, { folderPath: 'shared/info/INBOX', date: now + i * 1000, from: [person('', `new${i + 1}@example.nl`)], to: [] }),
    );
    await applySyncBatch(two, messagesBatch('INBOX', { upserts: older }));
    await applySyncBatch(two, messagesBatch('shared/info/INBOX', { upserts: newer }));
    const book = addresses(await loadAddressBook(two));
    expect(book).toHaveLength(scanLimit.inbox);
    expect(book).toEqual(expect.arrayContaining(newer.map((row) => row.from[0]?.address)));
    // The 20 oldest of the first Inbox make room for them.
    expect(book).not.toContain('old20@example.nl');
    expect(book).toContain('old21@example.nl');
    await two.delete();
  });

  it('keeps the book in memory for a while instead of reading again', async () => {
    const first = addressBook(db, now);
    expect(addressBook(db, now + 60_000)).toBe(first);
    expect(addressBook(db, now + 3 * 60_000)).not.toBe(first);
  });
});

describe('the From memory in the cache', () => {
  it('stores what rememberFrom changed and reads it back', async () => {
    const before = await loadFromMemory(db);
    expect(before).toEqual({ conversations: {}, mailboxes: {} });
    const after = { conversations: { '<root@x>': 'acc:own' }, mailboxes: { 'acc:shared:info@example.test': 'acc:own' } };
    await storeFromMemory(db, before, after);
    expect(await loadFromMemory(db)).toEqual(after);
    await storeFromMemory(db, after, { conversations: {}, mailboxes: after.mailboxes });
    expect(await loadFromMemory(db)).toEqual({ conversations: {}, mailboxes: after.mailboxes });
  });
});
