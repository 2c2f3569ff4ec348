/**
 * New-mail latency (issue #3 §7): deliveries over SMTP to alice's INBOX while the app shows it;
 * SMTP 250 → the row painted, the app's own connection's EXISTS → painted (the host's
 * POSTVAK_TRACE marks), split into main and window, next to a plain imapflow IDLE client.
 */
import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { deliver } from '../mailstack/mailstack.mjs';
import { seenSubject, visibleRows, wantSubject, watchSubjects } from './page.mjs';
import { quantile, sleep, waitFor } from './util.mjs';

/** Epoch ms of the host's POSTVAK_TRACE marks `what` for `path` (its stderr lines). */
function traceMarks(host, what, path) {
  const out = [];
  for (const line of host.logs.join('').split('\n')) {
    const at = line.indexOf('[trace] ');
    if (at < 0) continue;
    let mark;
    try {
      mark = JSON.parse(line.slice(at + 8));
    } catch {
      continue; // a line still being written
    }
    if (mark.what === what && mark.path === path) out.push(mark.at);
  }
  return out;
}

/**
 * @param page the app, alice signed in and synced
 * @param host its browser host, started with POSTVAK_TRACE=1
 */
export async function newMailLatency({ page, host, stack, deliveries, cleanups }) {
  await page.getByRole('treeitem', { name: /^Inbox(,|$)/ }).first().click();
  await waitFor(async () => (await visibleRows(page)) >= 5, 'Inbox rows', 30_000);
  await watchSubjects(page);
  // A plain IDLE client next to the app: when the server's EXISTS reaches any client at all.
  const reference = new ImapFlow({ host: stack.host, port: stack.ports.imaps, secure: true, auth: { user: stack.users.alice.email, pass: stack.users.alice.password }, tls: { ca: [stack.caPem] }, logger: false });
  reference.on('error', () => undefined);
  await reference.connect();
  cleanups.push(() => reference.logout().catch(() => reference.close()));
  const existsAt = [];
  reference.on('exists', () => existsAt.push(Date.now()));
  await reference.mailboxOpen('INBOX', { readOnly: true });
  void reference.idle().catch(() => undefined);
  await sleep(1_500);
  const samples = [];
  for (let i = 0; i < deliveries; i++) {
    const subject = `Latency probe ${i + 1} ${randomBytes(3).toString('hex')}`;
    await wantSubject(page, subject);
    const before = existsAt.length;
    const sent = Date.now();
    await deliver(stack, { from: 'sanne.devries@example.nl', to: stack.users.alice.email, raw: `From: Sanne <sanne.devries@example.nl>\r\nTo: alice@example.test\r\nSubject: ${subject}\r\n\r\nProbe ${i + 1}.\r\n`, wait: false });
    const accepted = Date.now();
    const seen = await waitFor(() => seenSubject(page, subject), `row "${subject}"`, 15_000, 20);
    await waitFor(() => existsAt.length > before, 'the reference EXISTS', 5_000, 20).catch(() => null);
    const exists = existsAt.length > before ? existsAt[before] : null;
    // When the app's own connection heard of it (the host's trace line, same machine clock).
    const ours = traceMarks(host, 'serverChange', 'INBOX').find((at) => at >= sent) ?? null;
    const handed = ours === null ? null : (traceMarks(host, 'batchSent', 'INBOX').find((at) => at >= ours) ?? null);
    samples.push({
      subject,
      acceptedToDomMs: seen.dom - accepted,
      acceptedToPaintMs: seen.painted - accepted,
      acceptedToReferenceExistsMs: exists ? exists - accepted : null,
      referenceExistsToPaintMs: exists ? seen.painted - exists : null,
      ourExistsToPaintMs: ours !== null ? seen.painted - ours : null,
      ourExistsToBatchSentMs: handed !== null ? handed - ours : null,
      batchSentToPaintMs: handed !== null ? seen.painted - handed : null,
    });
    await sleep(600 + (i % 3) * 200); // not in step with Dovecot's 500 ms notify timer
  }
  const col = (k) => samples.map((s) => s[k]).filter((v) => v !== null);
  return {
    how: 'SMTP 250 for the DATA (Node Date.now()) → a row with the unique subject in the DOM and its next animation frame (page Date.now(), same machine clock); reference = a plain imapflow IDLE client on the same INBOX',
    endToEnd: { medianMs: quantile(col('acceptedToPaintMs'), 0.5), p95Ms: quantile(col('acceptedToPaintMs'), 0.95), maxMs: Math.max(...col('acceptedToPaintMs')) },
    serverToReferenceClient: { medianMs: quantile(col('acceptedToReferenceExistsMs'), 0.5), p95Ms: quantile(col('acceptedToReferenceExistsMs'), 0.95) },
    ourPart: {
      how: "painted − the moment the app's own connection heard of the change (the host's POSTVAK_TRACE mark `serverChange` on INBOX, Date.now() in the same machine clock as the page's): the issue's \"EXISTS received → row painted\"",
      medianMs: quantile(col('ourExistsToPaintMs'), 0.5),
      p95Ms: quantile(col('ourExistsToPaintMs'), 0.95),
      maxMs: col('ourExistsToPaintMs').length ? Math.max(...col('ourExistsToPaintMs')) : null,
      main: { how: 'EXISTS → the batch handed to the client (trace mark batchSent)', medianMs: quantile(col('ourExistsToBatchSentMs'), 0.5), p95Ms: quantile(col('ourExistsToBatchSentMs'), 0.95) },
      renderer: { how: 'batch handed over → painted: transport, cache write, live query, render', medianMs: quantile(col('batchSentToPaintMs'), 0.5), p95Ms: quantile(col('batchSentToPaintMs'), 0.95) },
    },
    ourPartEstimate: {
      how: 'painted − EXISTS at the reference client, per delivery: the older estimate, kept for comparison (both connections get the notification from the same Dovecot timer, but not at the same instant)',
      medianMs: quantile(col('referenceExistsToPaintMs'), 0.5),
      p95Ms: quantile(col('referenceExistsToPaintMs'), 0.95),
    },
    samples,
  };
}
