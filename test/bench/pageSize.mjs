#!/usr/bin/env node
/**
 * Why pages of 50 (issue #11 §1, src/renderer/db/pages/pageSet.ts pageSizing): writes 100,000
 * synthetic summaries (~700 B, the app's StoredSummary shape) plus their heads (typed arrays)
 * into IndexedDB in Chromium as pages of 10 … 500 messages, in transactions of 2,000 messages
 * with relaxed durability as the app does, and times (a) the write rate, (b) one page's items
 * rewritten (what new mail or a removal costs), (c) one head rewritten (what a flag change costs),
 * (d) reading every head back (building the list index). Prints a table; run on its own:
 *   node test/bench/pageSize.mjs [--count 100000]
 */
/* global indexedDB */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: args } = parseArgs({ options: { count: { type: 'string', default: '100000' } } });
const COUNT = Number(args.count);
const SIZES = [25, 50, 100, 200, 500];

export async function measurePageSizes(page, count = COUNT, sizes = SIZES) {
  return page.evaluate(
    async ({ count, sizes }) => {
      const open = (name) =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open(name, 1);
          request.onupgradeneeded = () => {
            request.result.createObjectStore('heads', { keyPath: ['accountId', 'folderPath', 'startUid'] }).createIndex('rev', ['accountId', 'folderPath', 'rev']);
            request.result.createObjectStore('pages', { keyPath: ['accountId', 'folderPath', 'startUid'] });
          };
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const done = (tx) => new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
      const item = (uid) => ({
        messageId: `<bench-${uid}-${Math.random().toString(36).slice(2)}@example.test>`,
        inReplyTo: null,
        subject: `Offerte aanvraag ${uid} voor het project aan de Keizersgracht, graag reactie`,
        from: [{ name: 'Sanne de Vries', address: `sanne${uid % 997}@example.nl` }],
        to: [{ name: 'Info', address: 'info@example.test' }],
        cc: [],
        sender: [],
        date: 1.7e12 + uid * 60_000,
        receivedAt: 1.7e12 + uid * 60_000,
        size: 4000 + (uid % 5000),
        hasAttachments: uid % 7 === 0,
        snippet: 'Beste collega, hierbij stuur ik u de gevraagde gegevens voor de offerte. Kunt u mij laten weten wanneer de werkzaamheden kunnen starten? Met vriendelijke groet, Sanne'.slice(0, 200),
      });
      const rows = [];
      for (const size of sizes) {
        const db = await open(`pagesize-${size}-${Date.now()}`);
        const pageOf = (start, n, rev) => {
          const uids = Uint32Array.from({ length: n }, (_, i) => start + i);
          return {
            head: { accountId: 'a', folderPath: 'INBOX', startUid: start, rev, uids, dates: Float64Array.from(uids, (u) => 1.7e12 + u * 60_000), bits: new Uint16Array(n), modseqs: new BigInt64Array(n) },
            page: { accountId: 'a', folderPath: 'INBOX', startUid: start, items: Array.from(uids, (u) => item(u)) },
          };
        };
        const t0 = performance.now();
        const perTx = Math.max(size, 2000);
        for (let from = 1; from <= count; from += perTx) {
          const tx = db.transaction(['heads', 'pages'], 'readwrite', { durability: 'relaxed' });
          for (let start = from; start < Math.min(from + perTx, count + 1); start += size) {
            const { head, page } = pageOf(start, Math.min(size, count + 1 - start), 1);
            tx.objectStore('heads').put(head);
            tx.objectStore('pages').put(page);
          }
          await done(tx);
        }
        const writeMs = performance.now() - t0;
        const time = async (fn, runs = 20) => {
          const samples = [];
          for (let r = 0; r < runs; r++) {
            const s = performance.now();
            await fn(r);
            samples.push(performance.now() - s);
          }
          samples.sort((a, b) => a - b);
          return samples[Math.floor(samples.length / 2)];
        };
        const middle = Math.floor(count / 2 / size) * size + 1;
        const pageRewriteMs = await time(async (r) => {
          const tx = db.transaction(['heads', 'pages'], 'readwrite', { durability: 'relaxed' });
          const { head, page } = pageOf(middle, size, 2 + r);
          tx.objectStore('heads').put(head);
          tx.objectStore('pages').put(page);
          await done(tx);
        });
        const headRewriteMs = await time(async (r) => {
          const tx = db.transaction(['heads'], 'readwrite', { durability: 'relaxed' });
          tx.objectStore('heads').put(pageOf(middle, size, 100 + r).head);
          await done(tx);
        });
        const readHeadsMs = await time(
          () =>
            new Promise((resolve) => {
              const request = db.transaction('heads').objectStore('heads').getAll();
              request.onsuccess = () => resolve(request.result.length);
            }),
          3,
        );
        // 50 rows on screen: from ceil(50/size)+1 neighbouring pages when dates follow UIDs, from up
        // to 50 different pages when they do not (a unified view, mail with odd Date headers).
        const readPages = (starts) =>
          new Promise((resolve) => {
            const tx = db.transaction('pages');
            let left = starts.length;
            for (const start of starts) tx.objectStore('pages').get(['a', 'INBOX', start]).onsuccess = () => --left === 0 && resolve();
          });
        const pagesTotal = Math.ceil(count / size);
        const contiguousMs = await time(() => readPages(Array.from({ length: Math.ceil(50 / size) + 1 }, (_, i) => middle + i * size)));
        const scatteredMs = await time(() => readPages(Array.from({ length: Math.min(50, pagesTotal) }, (_, i) => 1 + Math.floor((i * pagesTotal) / 50) * size)));
        db.close();
        rows.push({
          size,
          writeRowsPerSec: Math.round(count / (writeMs / 1000)),
          pageRewriteMs: +pageRewriteMs.toFixed(2),
          headRewriteMs: +headRewriteMs.toFixed(2),
          readAllHeadsMs: +readHeadsMs.toFixed(1),
          window50ContiguousMs: +contiguousMs.toFixed(2),
          window50ScatteredMs: +scatteredMs.toFixed(2),
        });
      }
      return rows;
    },
    { count, sizes },
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const browser = await chromium.launch({ executablePath: process.env.POSTVAK_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    // IndexedDB needs an origin: a data URL has none, so serve a blank page from a loopback server.
    const { createServer } = await import('node:http');
    const server = createServer((_, res) => res.end('<!doctype html><title>pages</title>')).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const rows = await measurePageSizes(page);
    console.table(rows);
    server.close();
  } finally {
    await browser.close();
  }
}
