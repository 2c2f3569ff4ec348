/**
 * A full summary sync (with snippets) of a 20,000-message folder, batch by batch with
 * acknowledgements, as a renderer would receive it: newest first, every message once, each with
 * its summary. How fast is `npm run bench`'s question (its 100,000-message folder), not this
 * test's (issue #10 §13).
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

it(`syncs ${COUNT} messages newest first, every one once with a summary`, async () => {
  const client = new TestClient(sut.services);
  const account = await client.call('accounts.add', { settings: settingsFor(stack, 'bob'), password: stack.users.bob.password, rememberPassword: false });
  await client.call('sync.start', { accountId: account.id, cursors: [] });
  await client.until(() => client.cursors.has('Bulk'), 'Bulk to finish', 240_000);
  const rows = [...client.messages.get('Bulk')!.values()];
  expect(rows).toHaveLength(COUNT);
  expect(client.cursors.get('Bulk')!.count).toBe(COUNT);
  const bulkBatches = client.batches.filter((b) => b.kind === 'messages' && b.folderPath === 'Bulk');
  const firstUids = bulkBatches[0]!.kind === 'messages' ? bulkBatches[0]!.upserts.map((m) => m.uid) : [];
  expect(Math.max(...firstUids)).toBe(Math.max(...rows.map((m) => m.uid)));
  expect(rows.filter((m) => m.snippet === '').length).toBe(0);
}, 300_000);
