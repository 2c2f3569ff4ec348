// Provisioning and seeding of the Cyrus test stack (cyrus.mjs, issue #10 §8), through IMAP only:
// what `cyradm` does (cm, sam, sq) as the provisioning admin, then every account appends its own
// seed (the same buildSeed/calendarSeed the Dovecot stack writes into Maildirs) with its own
// login. Folders and grants mirror the Dovecot stack (lib.mjs FOLDERS, ACL_MATRIX):
//
//   own folders        INBOX, INBOX.Sent, INBOX.Drafts, … (special-use set on CREATE, RFC 6154 §3)
//   as others see them user.info, user.info.Sent, … (the owner's Inbox is user.info itself)
//   calendar           user.info.Calendar — untyped: stock Cyrus refuses /vendor/kolab
//                      annotations, so clients find it by its name
//   public folder      shared.team (alice and bob full, carol read-only)

import { buildSeed, DEFAULT_TRACKING_PORT } from '../fixtures/seedMessages.mjs';
import { CALENDAR_FOLDER, CALENDAR_OWNERS, calendarSeed } from './calendarSeed.mjs';
import { CyrusImap, quote, withCyrus } from './cyrusImap.mjs';
import { ACCOUNTS, ACL_MATRIX, FOLDERS, FULL_RIGHTS, READ_RIGHTS, rightsToLetters } from './lib.mjs';

export const PUBLIC_FOLDER = 'shared.team';
const PUBLIC_GRANTS = {
  'alice@example.test': FULL_RIGHTS,
  'bob@example.test': FULL_RIGHTS,
  'carol@example.test': READ_RIGHTS,
};

const SPECIAL_USE = { Sent: '\\Sent', Drafts: '\\Drafts', Trash: '\\Trash', Junk: '\\Junk', Archive: '\\Archive' };

const local = (email) => email.slice(0, email.indexOf('@'));
/** A folder of `email` as the admin names it: `user.alice`, `user.alice.Sent`. */
export const adminPath = (email, folder) => (folder.toUpperCase() === 'INBOX' ? `user.${local(email)}` : `user.${local(email)}.${folder.split('/').join('.')}`);
/** The same folder as its owner names it: `INBOX`, `INBOX.Sent`. */
export const ownerPath = (folder) => (folder.toUpperCase() === 'INBOX' ? 'INBOX' : `INBOX.${folder.split('/').join('.')}`);

const MAILDIR_FLAGS = { S: '\\Seen', F: '\\Flagged', R: '\\Answered', D: '\\Draft', T: '\\Deleted' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** IMAP date-time (RFC 9051 §9 `date-time`), UTC. */
export function imapDate(d) {
  const pad = (n) => String(n).padStart(2, '0');
  return `"${pad(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000"`;
}

/** A seed message (LF line ends, as in a Maildir) as IMAP wants it: CRLF. */
export const crlf = (raw) => Buffer.from((Buffer.isBuffer(raw) ? raw.toString('latin1') : Buffer.from(String(raw), 'utf8').toString('latin1')).replace(/\r?\n/g, '\r\n'), 'latin1');

export async function append(imap, mailbox, m) {
  const flags = [...new Set((m.flags || '').split(''))].map((f) => MAILDIR_FLAGS[f]).filter(Boolean);
  return imap.command(`APPEND ${quote(mailbox)} (${flags.join(' ')}) ${imapDate(m.date)}`, crlf(m.raw));
}

/** Every mailbox the stack provisions, as the admin names them (children after parents). */
function mailboxesOf(acct) {
  const folders = FOLDERS.filter((f) => f !== 'INBOX');
  if (CALENDAR_OWNERS.includes(acct.email)) folders.push(CALENDAR_FOLDER);
  return folders;
}

/**
 * Creates every account's mailboxes with their grants and quota, and the public folder, as the
 * provisioning admin. Children are created after the grants on their parent: Cyrus copies the
 * parent's ACL on CREATE (as Dovecot does), so the team sees them.
 */
export async function provision(stack) {
  await withCyrus(stack, stack.cyrus.admin, stack.cyrus.adminPassword, async (imap) => {
    for (const acct of ACCOUNTS) {
      const top = adminPath(acct.email, 'INBOX');
      await imap.command(`CREATE ${quote(top)}`);
      for (const [grantee, rights] of Object.entries(ACL_MATRIX[acct.email] ?? {})) {
        await imap.command(`SETACL ${quote(top)} ${quote(grantee)} ${rightsToLetters(rights)}`);
      }
      await imap.command(`SETQUOTA ${quote(top)} (STORAGE ${Math.floor(acct.quotaBytes / 1024)})`);
      for (const folder of mailboxesOf(acct)) {
        const use = SPECIAL_USE[folder];
        await imap.command(`CREATE ${quote(adminPath(acct.email, folder))}${use ? ` (USE (${use}))` : ''}`);
      }
    }
    // Kept across resets (unprovision empties it): Cyrus 3.6 refuses to CREATE below `shared`
    // again once `shared.team` was deleted ("Mailbox already exists", seen here).
    await imap.command(`CREATE ${quote(PUBLIC_FOLDER)}`).catch((e) => {
      if (!/already exists/i.test(e.text ?? '')) throw e;
    });
    for (const [grantee, rights] of Object.entries(PUBLIC_GRANTS)) {
      await imap.command(`SETACL ${quote(PUBLIC_FOLDER)} ${quote(grantee)} ${rightsToLetters(rights)}`);
    }
  });
}

/** Deletes every provisioned mailbox (the admin grants itself `x` first, as cyradm's users do). */
export async function unprovision(stack) {
  await withCyrus(stack, stack.cyrus.admin, stack.cyrus.adminPassword, async (imap) => {
    const listed = (await imap.command('LIST "" "*"')).untagged
      .map((line) => line.match(/^LIST \([^)]*\) "." (.+)$/)?.[1])
      .filter(Boolean)
      .map((name) => (name.startsWith('"') ? JSON.parse(name) : name).replace(/@example\.test$/, ''));
    // Deleting a user's top mailbox removes the folders below it too; public ones go one by one.
    const users = [...new Set(listed.filter((n) => n.startsWith('user.')).map((n) => n.split('.').slice(0, 2).join('.')))];
    const below = listed.filter((n) => n.startsWith(`${PUBLIC_FOLDER}.`)).sort((a, b) => b.length - a.length);
    for (const name of [...below, ...users]) {
      await imap.command(`SETACL ${quote(name)} ${quote(stack.cyrus.admin)} lrswipkxtea`);
      await imap.command(`DELETE ${quote(name)}`);
    }
    if (listed.includes(PUBLIC_FOLDER)) {
      await imap.command(`SETACL ${quote(PUBLIC_FOLDER)} ${quote(stack.cyrus.admin)} lrswipkxtea`);
      await imap.command(`SELECT ${quote(PUBLIC_FOLDER)}`);
      await imap.command('STORE 1:* +FLAGS.SILENT (\\Deleted)').catch(() => undefined); // NO when empty
      await imap.command('CLOSE');
      await imap.command(`DELETEACL ${quote(PUBLIC_FOLDER)} ${quote(stack.cyrus.admin)}`);
    }
  });
}

/**
 * Appends the seed: each account with its own login, all in parallel. Flags as in the Maildir
 * seed; \Seen is per user on Cyrus too, so info@'s seen state is info@'s own.
 */
export async function appendSeed(stack, { now, trackingPort = stack.trackingPort ?? DEFAULT_TRACKING_PORT } = {}) {
  const byUser = new Map();
  for (const m of [...buildSeed({ now, trackingPort }), ...calendarSeed(now)]) {
    if (!byUser.has(m.user)) byUser.set(m.user, []);
    byUser.get(m.user).push(m);
  }
  const written = {};
  await Promise.all(ACCOUNTS.map(async (acct) => {
    const messages = (byUser.get(acct.email) ?? []).slice().sort((a, b) => a.date - b.date);
    if (!messages.length) return;
    const imap = await CyrusImap.connect({ host: stack.host, port: stack.ports.imaps, ca: stack.caPem });
    try {
      await imap.login(acct.email, acct.password);
      for (const m of messages) {
        await append(imap, ownerPath(m.folder), m);
        (written[acct.email] ||= {})[m.folder] = ((written[acct.email] || {})[m.folder] ?? 0) + 1;
      }
    } finally {
      await imap.logout();
    }
  }));
  return written;
}
