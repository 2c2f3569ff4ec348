// Integration test of the real test mail stack (Dovecot + Postfix) in test/mailstack/.
// Needs root and the Debian packages (startMailStack installs them when missing).
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';

import {
  deliver,
  resetMailboxes,
  startMailStack,
  stopMailStack,
  waitForMessage,
  type MailStack,
} from '../mailstack/mailstack.mjs';
import { HOSTILE_SUBJECT, NEWSLETTER_SUBJECT, seedCounts } from '../fixtures/seedMessages.mjs';

let stack: MailStack;
const open: ImapFlow[] = [];
const counts = seedCounts();

function seeded(user: string, folder: string): { total: number; unseen: number; flagged: number } {
  const c = counts[user]?.[folder];
  if (!c) throw new Error(`no seed for ${user} ${folder}`);
  return c;
}

async function statusOf(client: ImapFlow, path: string) {
  const st = await client.status(path, { messages: true, unseen: true, uidValidity: true });
  if (!st) throw new Error(`STATUS ${path} failed`);
  return st;
}

beforeAll(async () => {
  stack = await startMailStack();
}, 60_000);

afterAll(async () => {
  await Promise.all(open.map((c) => c.logout().catch(() => undefined)));
  await stopMailStack(stack);
}, 30_000);

async function imap(user: string, pass: string, mode: 'starttls' | 'imaps' = 'starttls'): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: stack.host,
    port: mode === 'imaps' ? stack.ports.imaps : stack.ports.imap,
    secure: mode === 'imaps',
    ...(mode === 'starttls' ? { doSTARTTLS: true } : {}),
    tls: { ca: [stack.caPem] },
    auth: { user, pass },
    logger: false,
    disableAutoIdle: true,
  });
  client.on('error', () => undefined); // resetMailboxes() kicks open sessions
  await client.connect();
  open.push(client);
  return client;
}

/** Minimal IMAPS client for commands imapflow has no API for (MYRIGHTS, GETQUOTAROOT). */
async function rawImap(user: string, pass: string, commands: string[]): Promise<string[]> {
  const sock = tls.connect({ host: stack.host, port: stack.ports.imaps, ca: [stack.caPem] });
  let buf = '';
  const waitFor = (re: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const m = buf.match(re);
        if (m) {
          const upto = buf.slice(0, (m.index ?? 0) + m[0].length);
          buf = buf.slice(upto.length);
          sock.off('data', onData);
          resolve(upto);
        }
      };
      const onData = (d: Buffer) => {
        buf += d.toString('utf8');
        check();
      };
      sock.on('data', onData);
      sock.once('error', reject);
      check();
    });
  await waitFor(/^\* OK.*\r\n/m);
  sock.write(`a LOGIN "${user}" "${pass}"\r\n`);
  await waitFor(/^a (OK|NO|BAD).*\r\n/m);
  const out: string[] = [];
  let n = 0;
  for (const c of commands) {
    const tag = `t${++n}`;
    sock.write(`${tag} ${c}\r\n`);
    out.push(await waitFor(new RegExp(`^${tag} (OK|NO|BAD).*\\r\\n`, 'm')));
  }
  sock.end('z LOGOUT\r\n');
  return out;
}

function transport(user: string, pass: string, mode: 'starttls' | 'implicit' = 'starttls') {
  return nodemailer.createTransport({
    host: stack.host,
    port: mode === 'implicit' ? stack.ports.submissions : stack.ports.submission,
    secure: mode === 'implicit',
    requireTLS: mode === 'starttls',
    auth: { user, pass },
    tls: { ca: [stack.caPem] },
  });
}

describe('test mail stack', () => {
  it('writes a complete stack description', () => {
    expect(stack.host).toBe('127.0.0.1');
    expect(stack.domain).toBe('example.test');
    expect(Object.keys(stack.users).sort()).toEqual(['alice', 'bob', 'carol', 'catchall']);
    expect(stack.shared).toEqual({ info: 'info@example.test', sales: 'sales@example.test' });
    expect(stack.caPem).toContain('BEGIN CERTIFICATE');
    expect(new Set(Object.values(stack.ports)).size).toBe(6);
  });

  it('lets alice log in over STARTTLS and over IMAPS with the test CA', async () => {
    const { alice } = stack.users;
    const a = await imap(alice.email, alice.password, 'starttls');
    expect(a.secureConnection).toBe(true);
    expect(a.authenticated).toBeTruthy();
    const b = await imap(alice.email, alice.password, 'imaps');
    expect(b.secureConnection).toBe(true);
    await b.logout();
  });

  it('rejects a wrong password on IMAP and on submission', async () => {
    const bad = new ImapFlow({
      host: stack.host, port: stack.ports.imaps, secure: true, tls: { ca: [stack.caPem] },
      auth: { user: stack.users.alice.email, pass: 'wrong' }, logger: false,
    });
    await expect(bad.connect()).rejects.toMatchObject({ authenticationFailed: true });
    await expect(transport(stack.users.alice.email, 'wrong').verify()).rejects.toMatchObject({ responseCode: 535 });
  });

  it('refuses certificates the client does not trust (no rejectUnauthorized:false anywhere)', async () => {
    const err = await new Promise<Error>((resolve) => {
      const s = tls.connect({ host: stack.host, port: stack.ports.imaps }, () => resolve(new Error('connected')));
      s.once('error', resolve);
    });
    expect(String((err as NodeJS.ErrnoException).code)).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/);
  });

  it('shows the shared namespace and only the shared mailboxes alice has rights on', async () => {
    const { alice } = stack.users;
    const c = await imap(alice.email, alice.password);
    expect(c.namespaces?.other).toEqual([{ prefix: 'shared/', delimiter: '/' }]);
    const paths = (await c.list()).map((m) => m.path);
    expect(paths).toContain('shared/info@example.test/INBOX');
    expect(paths).toContain('shared/info@example.test/Sent');
    expect(paths.some((p) => p.startsWith('shared/sales@'))).toBe(false);
    const sent = (await c.list()).find((m) => m.path === 'Sent');
    expect(sent?.specialUse).toBe('\\Sent');
    const [rights] = await rawImap(alice.email, alice.password, ['MYRIGHTS "shared/info@example.test/INBOX"']);
    expect(rights).toMatch(/\* MYRIGHTS "?shared\/info@example\.test\/INBOX"? lrwstipekxacd\r\n/);
  });

  it('gives bob sales@ and carol read-only info@', async () => {
    const bob = await imap(stack.users.bob.email, stack.users.bob.password);
    const bobPaths = (await bob.list()).map((m) => m.path);
    expect(bobPaths).toContain('shared/sales@example.test/INBOX');
    expect(bobPaths).toContain('shared/info@example.test/INBOX');

    const { carol } = stack.users;
    const c = await imap(carol.email, carol.password);
    const carolPaths = (await c.list()).map((m) => m.path);
    expect(carolPaths).toContain('shared/info@example.test/INBOX');
    expect(carolPaths.some((p) => p.startsWith('shared/sales@'))).toBe(false);
    const box = await c.mailboxOpen('shared/info@example.test/INBOX');
    expect(box.readOnly).toBe(true);
    expect(box.exists).toBe(seeded('info@example.test', 'INBOX').total);
    const [rights, quota] = await rawImap(carol.email, carol.password, [
      'MYRIGHTS "shared/info@example.test/INBOX"',
      'GETQUOTAROOT INBOX',
    ]);
    expect(rights).toMatch(/\* MYRIGHTS "?shared\/info@example\.test\/INBOX"? lr\r\n/);
    expect(quota).toMatch(/\* QUOTA "User quota" \(STORAGE \d+ 1048576\)/);
  });

  it('has the seeded counts', async () => {
    const alice = await imap(stack.users.alice.email, stack.users.alice.password);
    for (const folder of ['INBOX', 'Sent', 'Drafts', 'Trash', 'Junk', 'Archive']) {
      const want = seeded('alice@example.test', folder);
      const st = await statusOf(alice, folder);
      expect({ folder, messages: st.messages, unseen: st.unseen }).toEqual({ folder, messages: want.total, unseen: want.unseen });
    }
    expect(seeded('alice@example.test', 'INBOX').total).toBeGreaterThanOrEqual(25);
    const lock = await alice.getMailboxLock('INBOX');
    try {
      const newsletter = await alice.search({ subject: NEWSLETTER_SUBJECT });
      const hostile = await alice.search({ subject: HOSTILE_SUBJECT });
      const flagged = await alice.search({ flagged: true });
      expect(newsletter).toHaveLength(1);
      expect(hostile).toHaveLength(1);
      expect(flagged).toHaveLength(1);
    } finally {
      lock.release();
    }
    const info = await imap(stack.sharedAccounts.info.email, stack.sharedAccounts.info.password);
    expect((await statusOf(info, 'INBOX')).messages).toBe(seeded('info@example.test', 'INBOX').total);
    const sales = await imap(stack.sharedAccounts.sales.email, stack.sharedAccounts.sales.password);
    expect((await statusOf(sales, 'INBOX')).messages).toBe(seeded('sales@example.test', 'INBOX').total);
  });

  it('lets alice send as info@ to an outside address, which lands in the catch-all', async () => {
    const { alice } = stack.users;
    const messageId = `<send-as-info.${Date.now()}@example.test>`;
    const info = await transport(alice.email, alice.password).sendMail({
      envelope: { from: 'info@example.test', to: ['customer@example.com'] },
      from: '"Van Dam Verbouw" <info@example.test>',
      sender: alice.email,
      to: 'customer@example.com',
      subject: 'Uw offerte',
      text: 'Zie bijlage.',
      messageId,
    });
    expect(info.accepted).toEqual(['customer@example.com']);
    const where = await waitForMessage(stack, 'catchall', messageId, { timeoutMs: 10_000 });
    expect(where.mailbox).toBe('INBOX');
  });

  it('rejects carol using info@ as envelope sender with 553', async () => {
    const { carol } = stack.users;
    await expect(
      transport(carol.email, carol.password).sendMail({
        envelope: { from: 'info@example.test', to: ['customer@example.com'] },
        from: 'info@example.test',
        to: 'customer@example.com',
        subject: 'not allowed',
        text: 'x',
      }),
    ).rejects.toMatchObject({ responseCode: 553 });
  });

  it('refuses unauthenticated submission', async () => {
    const anon = nodemailer.createTransport({
      host: stack.host, port: stack.ports.submission, requireTLS: true, tls: { ca: [stack.caPem] },
    });
    const mail = { to: 'bob@example.test', subject: 'anon', text: 'x' };
    await expect(anon.sendMail({ ...mail, from: 'stranger@example.com' })).rejects.toMatchObject({ responseCode: 554 });
    await expect(anon.sendMail({ ...mail, from: 'alice@example.test' })).rejects.toMatchObject({ responseCode: 554 });
  });

  it('accepts implicit-TLS submission and local delivery via deliver()', async () => {
    const { bob } = stack.users;
    const sent = await transport(bob.email, bob.password, 'implicit').sendMail({
      from: bob.email, to: stack.users.carol.email, subject: 'via submissions', text: 'hi',
    });
    expect(sent.accepted).toEqual([stack.users.carol.email]);
    const r = await deliver(stack, {
      from: 'someone@example.nl',
      to: [stack.users.bob.email, 'info@example.test'],
      raw: 'From: someone@example.nl\r\nTo: bob@example.test, info@example.test\r\nSubject: deliver() helper\r\n\r\nHallo!\r\n',
    });
    expect(r.deliveries.map((d) => d.user).sort()).toEqual(['bob@example.test', 'info@example.test']);
    expect(r.deliveries.every((d) => d.mailbox === 'INBOX')).toBe(true);
  });

  it('resetMailboxes restores the seed after a deletion', async () => {
    const { alice } = stack.users;
    const c = await imap(alice.email, alice.password);
    const before = await statusOf(c, 'INBOX');
    const lock = await c.getMailboxLock('INBOX');
    try {
      await c.messageDelete('1:5');
    } finally {
      lock.release();
    }
    expect((await statusOf(c, 'INBOX')).messages).toBe((before.messages ?? 0) - 5);
    await c.logout();

    await resetMailboxes(stack);

    const d = await imap(alice.email, alice.password);
    const after = await statusOf(d, 'INBOX');
    expect(after.messages).toBe(seeded('alice@example.test', 'INBOX').total);
    expect(after.uidValidity).not.toBe(before.uidValidity);
    const catchall = await imap(stack.users.catchall.email, stack.users.catchall.password);
    expect((await statusOf(catchall, 'INBOX')).messages).toBe(0);
  });
});
