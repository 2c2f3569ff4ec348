/**
 * The message part of `npm run bench` (issue #10 §1 "Done means"): main's event-loop delay
 * while a ~300 KB invitation (many VTIMEZONEs, a broken header line, 700 one-line VEVENTs) and a
 * 50 MB message are opened (`message.body` over the host's WebSocket; the host's own
 * monitorEventLoopDelay, read by SIGUSR2 with POSTVAK_TRACE=1; target p99 ≤ 50 ms), and the
 * bytes the IMAP server sent to show a 30 MB message whose text is one line (counted by a
 * loopback TCP proxy between the host and Dovecot; target < 100 KB).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { hostCall, stackAccount, startHostProcess } from '../../scripts/lib.mjs';
import * as heavy from '../fixtures/heavyMessages.mjs';
import { startFaultProxy } from '../support/faultProxy.mjs';
import { connectHost } from './hostClient.mjs';
import { round, sleep, waitFor } from './util.mjs';

const LOOP_TARGET_MS = 50;
const BYTES_TARGET = 100 * 1024;

/** The next `eventLoopDelay` trace line after `from` characters of the host's stderr. */
async function loopDelay(host) {
  const from = host.logs.join('').length;
  host.child.kill('SIGUSR2');
  let found = null;
  await waitFor(
    () => {
      const text = host.logs.join('').slice(from);
      const line = text.split('\n').find((l) => l.includes('"what":"eventLoopDelay"'));
      if (line) found = JSON.parse(line.slice(line.indexOf('[trace] ') + 8));
      return found !== null;
    },
    'the host\'s event-loop delay line',
    10_000,
  );
  return found;
}

export async function messageBench(out, { stack, log, cleanups }) {
  const subjects = { invitation: heavy.BIG_INVITATION_SUBJECT, fifty: 'Bench 50 MB', thirty: 'Bench 30 MB' };
  const imap = new ImapFlow({ host: stack.host, port: stack.ports.imaps, secure: true, auth: { user: stack.users.alice.email, pass: stack.users.alice.password }, tls: { ca: [stack.caPem] }, logger: false });
  imap.on('error', () => undefined);
  await imap.connect();
  for (const raw of [heavy.bigInvitationMessage(), heavy.bigMessage(50, subjects.fifty).raw, heavy.bigMessage(30, subjects.thirty).raw]) await imap.append('INBOX', raw);
  await imap.logout();

  let served = 0;
  const proxy = await startFaultProxy({ targetPort: stack.ports.imaps });
  cleanups.push(() => proxy.close());
  proxy.cutWhen((chunk) => {
    served += chunk.length;
    return false;
  });
  const profile = mkdtempSync(join(os.tmpdir(), 'postvak-bench-message-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const host = await startHostProcess({ profile, caFiles: [stack.caFile], env: { POSTVAK_TRACE: '1' } });
  cleanups.push(() => host.stop());
  const account = stackAccount(stack, 'alice');
  account.settings.imap.port = proxy.port;
  const added = await hostCall(host, 'accounts.add', { ...account, rememberPassword: false });
  if (!added.ok) throw new Error(`bench: could not sign in alice: ${added.error?.message}`);
  const accountId = added.value.id;
  const rpc = await connectHost(host);
  cleanups.push(() => rpc.close());
  const uids = new Map();
  await rpc.call('sync.start', { accountId, cursors: [] });
  await rpc.until(() => {
    for (const { batch } of rpc.batches) for (const m of batch.folderPath === 'INBOX' ? (batch.upserts ?? []) : []) if (Object.values(subjects).includes(m.subject)) uids.set(m.subject, m.uid);
    return uids.size === 3;
  }, 'the three bench messages in the INBOX', 120_000);
  await sleep(1_000); // the first sync's tail (snippets) settles before anything is measured

  const open = async (subject) => {
    await loopDelay(host); // starts the window
    const before = served;
    const started = performance.now();
    const body = await rpc.call('message.body', { accountId, folderPath: 'INBOX', uid: uids.get(subject) });
    const ms = round(performance.now() - started);
    const delay = await loopDelay(host);
    return { answerMs: ms, loopP99Ms: delay.p99Ms, loopMaxMs: delay.maxMs, fetchedBytes: served - before, parts: body.parts?.length ?? 0, events: body.invitations?.[0]?.events.length ?? 0 };
  };
  log('message: the 300 KB invitation, the 50 MB message, the 30 MB message…');
  out.invitation = await open(subjects.invitation);
  out.fifty = await open(subjects.fifty);
  out.thirty = await open(subjects.thirty);
  out.targets = { loopP99Ms: LOOP_TARGET_MS, thirtyFetchedBytes: BYTES_TARGET };
}

export function messageRows(m) {
  if (!m.invitation) return [['message bench', 'did not run', '', null]];
  const kb = (bytes) => `${round(bytes / 1024, 1)} KB`;
  return [
    ['main event-loop delay p99, opening the 300 KB invitation', `${m.invitation.loopP99Ms} ms (max ${m.invitation.loopMaxMs}; ${m.invitation.events} events, answered in ${m.invitation.answerMs} ms)`, `≤ ${LOOP_TARGET_MS} ms`, m.invitation.loopP99Ms <= LOOP_TARGET_MS],
    ['main event-loop delay p99, opening the 50 MB message', `${m.fifty.loopP99Ms} ms (max ${m.fifty.loopMaxMs}; answered in ${m.fifty.answerMs} ms)`, `≤ ${LOOP_TARGET_MS} ms`, m.fifty.loopP99Ms <= LOOP_TARGET_MS],
    ['bytes fetched to show a 30 MB message with one line of text', kb(m.thirty.fetchedBytes), `< ${kb(BYTES_TARGET)}`, m.thirty.fetchedBytes < BYTES_TARGET],
  ];
}
