/**
 * The server's own first look at a big folder (issue #11 §6): what any client pays before it can
 * show the newest rows — connect + login, SELECT, the newest `count` UIDs (UID SEARCH over the
 * last sequence numbers, as src/main/services/imap/FlowFolder.ts newestUids), and their
 * summaries with the items the app asks for. The reference next to the app's first rows.
 */
import { ImapFlow } from 'imapflow';
import { round } from './util.mjs';

/** → { connectMs, selectMs, searchMs, fetchMs, totalMs, exists } on a fresh connection. */
export async function firstLook(stack, user, folder, count, items) {
  const u = stack.users[user];
  const client = new ImapFlow({ host: stack.host, port: stack.ports.imaps, secure: true, auth: { user: u.email, pass: u.password }, tls: { ca: [stack.caPem] }, logger: false });
  client.on('error', () => undefined);
  const t0 = performance.now();
  await client.connect();
  try {
    const t1 = performance.now();
    const box = await client.mailboxOpen(folder, { readOnly: true });
    const t2 = performance.now();
    const uids = (await client.search({ seq: `${Math.max(1, box.exists - count + 1)}:${box.exists}` }, { uid: true })) || [];
    const t3 = performance.now();
    let fetched = 0;
    if (uids.length) for await (const _ of client.fetch(uids.join(','), items, { uid: true })) fetched++;
    const t4 = performance.now();
    return { connectMs: round(t1 - t0), selectMs: round(t2 - t1), searchMs: round(t3 - t2), fetchMs: round(t4 - t3), totalMs: round(t4 - t0), exists: box.exists, fetched };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
