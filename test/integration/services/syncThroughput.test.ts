/**
 * Throughput of a full summary sync (with snippets) of a 20,000-message folder, batch by batch
 * with acknowledgements, as a renderer would receive it. Prints msg/s; fails only on a collapse.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClient } from './testClient';
import { fillMaildir, type MailStack, servicesFor, settingsFor, startMailStack, stopMailStack, type ServicesUnderTest } from './mailStack';

const COUNT = 20_000;
let stack: MailStack;
let sut: ServicesUnderTest;

beforeAll(async () => {
  stack = await startMailStack();
  await fillMaildir(stack, 'bob', 'Bulk', COUNT);
  sut = servicesFor(stack, { pollMs: 600_000 });
}, 300_000);

afterAll(async () => {
  await sut?.cleanup();
  if (stack) await stopMailStack(stack);
});

it(`syncs ${COUNT} messages newest first, every one with a summary`, async () => {
  const client = new TestClient(sut.services);
  const account = await client.call('accounts.add', { settings: settingsFor(stack, 'bob'), password: stack.users.bob.password, rememberPassword: false });
  let started = 0;
  let firstBatchMs = 0;
  await client.call('sync.start', { accountId: account.id, cursors: [] });
  await client.until(() => client.statuses.some((s) => s.folderPath === 'Bulk'), 'Bulk to start', 60_000);
  started = performance.now();
  await client.until(
    () => {
      if (!firstBatchMs && client.messages.get('Bulk')?.size) firstBatchMs = performance.now() - started;
      return client.cursors.has('Bulk');
    },
    'Bulk to finish',
    240_000,
  );
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(COUNT / seconds);
  console.log(`full sync of ${COUNT} messages: ${seconds.toFixed(2)} s, ${rate} msg/s, first batch on screen after ${Math.round(firstBatchMs)} ms`);

  const times = client.batches.map((b, i) => ({ b, t: client.batchTimes[i]! })).filter(({ b }) => b.kind === 'messages' && b.folderPath === 'Bulk');
  const gaps = times.slice(1).map(({ t }, i) => t - times[i]!.t).sort((a, b) => a - b);
  console.log(`batches: ${times.length}, median gap ${Math.round(gaps[gaps.length >> 1] ?? 0)} ms, max ${Math.round(gaps.at(-1) ?? 0)} ms`);
  const rows = [...client.messages.get('Bulk')!.values()];
  expect(rows).toHaveLength(COUNT);
  expect(client.cursors.get('Bulk')!.count).toBe(COUNT);
  const bulkBatches = client.batches.filter((b) => b.kind === 'messages' && b.folderPath === 'Bulk');
  const firstUids = bulkBatches[0]!.kind === 'messages' ? bulkBatches[0]!.upserts.map((m) => m.uid) : [];
  expect(Math.max(...firstUids)).toBe(Math.max(...rows.map((m) => m.uid)));
  expect(rows.filter((m) => m.snippet === '').length).toBe(0);
  expect(rate).toBeGreaterThan(500);
}, 300_000);
