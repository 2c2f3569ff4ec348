/**
 * The protocol's own limits on this machine, measured next to the app: a plain imapflow FETCH of
 * the summary fields, a plain imapflow full-source download, and mbsync pulling into a Maildir.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

function client(stack, user) {
  const u = stack.users[user];
  const c = new ImapFlow({
    host: stack.host,
    port: stack.ports.imaps,
    secure: true,
    auth: { user: u.email, pass: u.password },
    tls: { ca: [stack.caPem] },
    logger: false,
  });
  c.on('error', () => undefined);
  return c;
}

/** FETCH 1:* of the given items over IMAPS; → { count, bytes, seconds, rate }. */
export async function timedFetch(stack, user, folder, items) {
  const c = client(stack, user);
  await c.connect();
  try {
    const lock = await c.getMailboxLock(folder, { readOnly: true });
    try {
      let count = 0;
      let bytes = 0;
      const t0 = performance.now();
      for await (const msg of c.fetch('1:*', items)) {
        count++;
        if (msg.source) bytes += msg.source.length;
      }
      const seconds = (performance.now() - t0) / 1000;
      return { count, bytes, seconds, rate: count / seconds };
    } finally {
      lock.release();
    }
  } finally {
    await c.logout().catch(() => c.close());
  }
}

export const SUMMARY_ITEMS = { uid: true, flags: true, envelope: true, bodyStructure: true, internalDate: true, size: true };

/**
 * The FETCH Postvak's summary sync sends (src/main/services/imap/FlowFolder.ts fetchSummaries):
 * the summary fields plus the first bytes of part 1 for the snippet
 * (SNIPPET_FIRST_BYTES in src/main/services/mail/snippet.ts).
 */
export function postvakSummaryItems(snippetBytes) {
  return { ...SUMMARY_ITEMS, bodyParts: [{ key: '1', start: 0, maxLength: snippetBytes }] };
}

/** mbsync (isync) pulls one folder into a fresh Maildir with FSync off; → { count, seconds, rate, version }. */
export function mbsyncPull(stack, user, folder) {
  const version = spawnSync('mbsync', ['--version'], { encoding: 'utf8' }).stdout.trim();
  const dir = mkdtempSync(join(tmpdir(), 'postvak-bench-mbsync-'));
  const u = stack.users[user];
  const conf = join(dir, 'mbsyncrc');
  // isync 1.4 spells TLS "SSLType"; 1.5 renamed it "TLSType" (and keeps the old name working).
  writeFileSync(
    conf,
    [
      'FSync no',
      '',
      'IMAPAccount stack',
      // isync 1.4 matches the certificate by DNS name only, not by IP address SAN.
      'Host localhost',
      `Port ${stack.ports.imaps}`,
      `User ${u.email}`,
      `Pass ${u.password}`,
      'SSLType IMAPS',
      `CertificateFile ${stack.caFile}`,
      '',
      'IMAPStore remote',
      'Account stack',
      '',
      'MaildirStore local',
      `Path ${join(dir, 'mail')}/`,
      `Inbox ${join(dir, 'mail', 'INBOX')}`,
      'SubFolders Verbatim',
      '',
      'Channel pull',
      'Far :remote:',
      'Near :local:',
      `Patterns ${folder}`,
      'Create Near',
      'Sync Pull',
      'Expunge None',
      `SyncState ${join(dir, 'state')}/`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  try {
    const t0 = performance.now();
    const r = spawnSync('sh', ['-c', `mkdir -p '${join(dir, 'state')}' '${join(dir, 'mail')}' && mbsync -q -c '${conf}' pull`], { encoding: 'utf8' });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`mbsync failed (${r.status}): ${r.stderr}`);
    const count = ['cur', 'new'].reduce((n, sub) => n + readdirSync(join(dir, 'mail', folder, sub)).length, 0);
    return { count, seconds, rate: count / seconds, version };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
