/**
 * The server's share of a search (issue #13 §4) against the real Dovecot: `search.server` through
 * the contract, results as `search.results` events; what the server holds is written with a
 * separate session of the mailbox's own login (taskServer.ts). One stack for the file.
 */
import { describe, expect, it } from 'vitest';
import { deliver, doveadm, fillMaildir, settingsFor, useMailStack, type MailStack } from '../services/mailStack';
import { TestClient } from '../services/testClient';
import { asLogin, heldIn, type Login } from '../tasks/taskServer';
import { all, atom, folder, folderEvent, SearchWindow, text } from './searchWindow';
import { openImap } from '../../../src/main/services/imap/ImapFlowSession';
import { serverSearchStore } from '../../../src/main/services/imap/searchOps';
import { serverHitLimit, serverSummaryLimit } from '../../../src/shared/search/serverSearch';

const fixture = useMailStack({ services: true });
const INFO = 'shared/info@example.test/INBOX';
const SALES = 'shared/sales@example.test/INBOX';
/** A word no seed message holds, only in these messages' bodies. */
const BODY_WORD = 'kwartelkoning';

interface Mail {
  from: string;
  subject: string;
  date: Date;
  body: string;
  flags?: string[];
  /** A whole MIME body part after the headers (multipart), instead of a plain `body`. */
  mime?: { contentType: string; content: string };
}

/** APPENDs a message as `login` (INTERNALDATE = its Date, so BEFORE and SENTBEFORE agree); its UID. */
async function put(login: Login, path: string, mail: Mail): Promise<number> {
  const head = `From: ${mail.from}\r\nTo: team@example.test\r\nSubject: ${mail.subject}\r\nDate: ${mail.date.toUTCString().replace('GMT', '+0000')}\r\nMessage-ID: <${Math.random().toString(36).slice(2)}@zonnebloem.example>\r\nMIME-Version: 1.0\r\n`;
  const raw = mail.mime ? `${head}Content-Type: ${mail.mime.contentType}\r\n\r\n${mail.mime.content}` : `${head}Content-Type: text/plain; charset=utf-8\r\n\r\n${mail.body}\r\n`;
  const result = await asLogin(fixture.stack, login, (client) => client.append(path, Buffer.from(raw), mail.flags ?? [], mail.date));
  if (!result || !result.uid) throw new Error('APPEND gave no UID');
  return result.uid;
}

const MARIEKE = 'Marieke de Vries <marieke@zonnebloem.example>';

/** Four messages in alice's INBOX, oldest first: a body-only word, two invoices, attachments. */
async function seedAlice() {
  const tour = await put('alice', 'INBOX', { from: MARIEKE, subject: 'Rondleiding kas', date: new Date(Date.UTC(2026, 8, 1, 12)), body: `Tijdens de rondleiding zagen we een ${BODY_WORD} bij de vijver.`, flags: ['\\Seen'] });
  const october = await put('alice', 'INBOX', { from: 'Kees Jansen <kees@tulp.example>', subject: 'Zonnebloemfactuur oktober', date: new Date(Date.UTC(2026, 9, 15, 12)), body: 'Zie bijlage.', flags: ['\\Seen'] });
  const november = await put('alice', 'INBOX', { from: MARIEKE, subject: 'Zonnebloemfactuur november', date: new Date(Date.UTC(2026, 10, 20, 12)), body: 'Graag voor het einde van de maand.' });
  const files = await put('alice', 'INBOX', {
    from: MARIEKE,
    subject: 'Bijlagen offerte',
    date: new Date(Date.UTC(2026, 10, 21, 12)),
    body: '',
    mime: {
      contentType: 'multipart/mixed; boundary="b1"',
      content: [
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Twee bijlagen.',
        '--b1',
        // RFC 2231 §4: charset and percent-encoded octets.
        "Content-Type: application/pdf",
        "Content-Disposition: attachment; filename*=utf-8''offerte-co%C3%B6rdinatie.pdf",
        'Content-Transfer-Encoding: base64',
        '',
        'JVBERi0xLjQK',
        '--b1',
        // RFC 2047 encoded word in the name parameter, as many mailers still send it.
        'Content-Type: application/vnd.ms-excel; name="=?utf-8?Q?Prijslijst_=E2=82=AC.xls?="',
        'Content-Disposition: attachment',
        'Content-Transfer-Encoding: base64',
        '',
        'AAAA',
        '--b1--',
        '',
      ].join('\r\n'),
    },
  });
  return { tour, october, november, files };
}

async function uidValidityOf(login: Login, path: string): Promise<number> {
  return asLogin(fixture.stack, login, async (client) => {
    const status = await client.status(path, { uidValidity: true });
    return status ? Number(status.uidValidity) : 0;
  });
}

/** alice's IMAP connections as Dovecot counts them (`doveadm who`), sampled until stopped; the highest. */
function sampleAlice(stack: MailStack): { stop(): Promise<{ max: number; samples: number }> } {
  let running = true;
  let max = 0;
  let samples = 0;
  const loop = (async () => {
    while (running) {
      const out = await doveadm(stack, '-f', 'tab', 'who', '-1');
      const count = out.split('\n').slice(1).filter((line) => line.startsWith('alice@example.test\timap')).length;
      max = Math.max(max, count);
      samples += 1;
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { max, samples };
    },
  };
}

describe('search.server against Dovecot', () => {
  it('finds a word only in a body of a folder never synced, with the summaries of its hits, and sets no \\Seen', async () => {
    const m = await seedAlice();
    const window = new SearchWindow(fixture.sut.services);
    const account = await window.addAccount(fixture.stack, 'alice');
    const events = await window.search('s1', all(atom(text(BODY_WORD))), [folder(account.id, 'INBOX')]);
    expect(events.map((e) => e.kind)).toEqual(['folder', 'done']);
    const inbox = folderEvent(events, 'INBOX')!;
    expect(inbox.uids).toEqual([m.tour]);
    expect(inbox.truncated).toBe(false);
    expect(inbox.uidValidity).toBe(await uidValidityOf('alice', 'INBOX'));
    expect(inbox.summaries).toHaveLength(1);
    expect(inbox.summaries[0]).toMatchObject({ accountId: account.id, folderPath: 'INBOX', uid: m.tour, subject: 'Rondleiding kas', from: [{ address: 'marieke@zonnebloem.example' }] });
    expect(inbox.summaries[0]!.snippet).toContain(BODY_WORD);
    expect(events.at(-1)).toEqual({ searchId: 's1', kind: 'done', cancelled: false });

    // The summaries of unread hits were fetched (from: below) without making them read.
    await window.search('s2', all(atom(text('marieke', 'from'))), [folder(account.id, 'INBOX')]);
    const november = (await heldIn(fixture.stack, 'alice', 'INBOX')).find((x) => x.uid === m.november)!;
    expect(november.flags).not.toContain('\\Seen');
  });

  it('narrows by from:, subject:, is:unread and before: on the server, newest first', async () => {
    const m = await seedAlice();
    const window = new SearchWindow(fixture.sut.services);
    const account = await window.addAccount(fixture.stack, 'alice');
    const inbox = [folder(account.id, 'INBOX')];
    const hits = async (id: string, query: Parameters<SearchWindow['search']>[1]) => folderEvent(await window.search(id, query, inbox), 'INBOX')!.uids;

    expect(await hits('from', all(atom(text('marieke', 'from'))))).toEqual([m.files, m.november, m.tour]);
    expect(await hits('subject', all(atom(text('zonnebloemfactuur', 'subject'))))).toEqual([m.november, m.october]);
    expect(await hits('unread', all(atom({ kind: 'is', state: 'unread' }), atom(text('zonnebloemfactuur', 'subject'))))).toEqual([m.november]);
    const october1 = new Date(2026, 9, 1).getTime();
    expect(await hits('before', all(atom({ kind: 'date', op: 'before', ms: october1, text: '2026-10-01' }), atom(text('marieke', 'from'))))).toEqual([m.tour]);
    expect(await hits('not', all(atom(text('marieke', 'from')), atom(text('bijlagen', 'subject'), true)))).toEqual([m.november, m.tour]);
  });

  it('sends only the summaries the cache lacks: none below its UIDNEXT, all under another UIDVALIDITY', async () => {
    const m = await seedAlice();
    const window = new SearchWindow(fixture.sut.services);
    const account = await window.addAccount(fixture.stack, 'alice');
    const uidValidity = await uidValidityOf('alice', 'INBOX');
    const query = all(atom(text('marieke', 'from')));
    const cached = folderEvent(await window.search('cached', query, [folder(account.id, 'INBOX', { uidValidity, uidNext: m.november })]), 'INBOX')!;
    expect(cached.uids).toEqual([m.files, m.november, m.tour]);
    expect(cached.summaries.map((s) => s.uid)).toEqual([m.files, m.november]);
    const reset = folderEvent(await window.search('reset', query, [folder(account.id, 'INBOX', { uidValidity: uidValidity + 1, uidNext: m.files + 1 })]), 'INBOX')!;
    expect(reset.summaries.map((s) => s.uid)).toEqual([m.files, m.november, m.tour]);
    expect(reset.summaries.length).toBeLessThanOrEqual(serverSummaryLimit);
  });

  it('sends a word with a diacritic as UTF-8 (CHARSET UTF-8 with RETURN, RFC 4731 §3) and finds it', async () => {
    const hit = await put('alice', 'INBOX', { from: MARIEKE, subject: 'Coördinatie van de vogeltelling', date: new Date(), body: 'Zie het schema in de bijlage.' });
    const window = new SearchWindow(fixture.sut.services);
    const account = await window.addAccount(fixture.stack, 'alice');
    const events = await window.search('s1', all(atom(text('coördinatie', 'subject'))), [folder(account.id, 'INBOX')]);
    expect(folderEvent(events, 'INBOX')!.uids).toEqual([hit]);
  });

  it('carries the attachment names of a hit, decoded from RFC 2231 and RFC 2047', async () => {
    const m = await seedAlice();
    const window = new SearchWindow(fixture.sut.services);
    const account = await window.addAccount(fixture.stack, 'alice');
    const inbox = folderEvent(await window.search('files', all(atom(text('bijlagen', 'subject'))), [folder(account.id, 'INBOX')]), 'INBOX')!;
    expect(inbox.summaries.map((s) => [s.uid, s.hasAttachments, s.attachmentNames])).toEqual([[m.files, true, ['offerte-coördinatie.pdf', 'Prijslijst €.xls']]]);
  });

  it("searches info@'s Inbox through alice's login, folder by folder in the order asked", async () => {
    const mine = await put('alice', 'INBOX', { from: MARIEKE, subject: 'Vogels', date: new Date(), body: `Weer een ${BODY_WORD} gezien.` });
    const shared = await put('info', 'INBOX', { from: MARIEKE, subject: 'Vraag over de vogelwandeling', date: new Date(), body: `Is de ${BODY_WORD} er nog?` });
    const window = new SearchWindow(fixture.sut.services);
    const account = await window.addAccount(fixture.stack, 'alice');
    const events = await window.search('s1', all(atom(text(BODY_WORD))), [folder(account.id, INFO), folder(account.id, 'INBOX')]);
    expect(events.map((e) => `${e.kind} ${'folderPath' in e ? e.folderPath : ''}`.trim())).toEqual([`folder ${INFO}`, 'folder INBOX', 'done']);
    const info = folderEvent(events, INFO)!;
    expect(info.uids).toEqual([shared]);
    expect(info.summaries[0]).toMatchObject({ accountId: account.id, folderPath: INFO, uid: shared, subject: 'Vraag over de vogelwandeling' });
    expect(folderEvent(events, 'INBOX')!.uids).toEqual([mine]);
  });

  it('refuses sales@ to carol, who has no rights there, and never sends its hits; her other folders are searched', async () => {
    await put('sales', 'INBOX', { from: MARIEKE, subject: 'Geheime offerte', date: new Date(), body: `Alleen voor sales: ${BODY_WORD}.` });
    const infoHit = await put('info', 'INBOX', { from: MARIEKE, subject: 'Voor het hele team', date: new Date(), body: `Ook hier een ${BODY_WORD}.` });
    const window = new SearchWindow(fixture.sut.services);
    const carol = await window.addAccount(fixture.stack, 'carol');
    const events = await window.search('s1', all(atom(text(BODY_WORD))), [folder(carol.id, SALES), folder(carol.id, 'shared/sales@example.test'), folder(carol.id, INFO), folder(carol.id, 'INBOX')]);
    expect(events.filter((e) => e.kind === 'folderFailed').map((e) => [e.kind === 'folderFailed' && e.folderPath, e.kind === 'folderFailed' && e.code])).toEqual([
      [SALES, 'notPermitted'],
      ['shared/sales@example.test', 'notPermitted'],
    ]);
    expect(events.some((e) => e.kind === 'folder' && e.folderPath.includes('sales@'))).toBe(false);
    expect(folderEvent(events, INFO)!.uids).toEqual([infoHit]);
    expect(folderEvent(events, 'INBOX')!.uids).toEqual([]);
    expect(events.at(-1)).toMatchObject({ kind: 'done', cancelled: false });
  });

  it('searches a shared mailbox two logins reach once, through its route: not through the other login', async () => {
    const hit = await put('info', 'INBOX', { from: MARIEKE, subject: 'Vogelwandeling', date: new Date(), body: `Is de ${BODY_WORD} er nog?` });
    const window = new SearchWindow(fixture.sut.services);
    const alice = await window.addAccount(fixture.stack, 'alice');
    const carol = await window.addAccount(fixture.stack, 'carol');
    // Issue #10 §7: info@ is used through alice (most rights); carol's login lists it as `via` alice.
    const events = await window.search('s1', all(atom(text(BODY_WORD))), [folder(carol.id, INFO), folder(alice.id, INFO)]);
    const failed = events.find((e) => e.kind === 'folderFailed');
    expect(failed).toMatchObject({ accountId: carol.id, folderPath: INFO, code: 'notPermitted', message: expect.stringContaining('another account') });
    expect(events.filter((e) => e.kind === 'folder').map((e) => e.kind === 'folder' && [e.accountId, e.uids])).toEqual([[alice.id, [hit]]]);
  });

  it('says a folder that is gone is gone, and goes on with the next', async () => {
    const window = new SearchWindow(fixture.sut.services);
    const account = await window.addAccount(fixture.stack, 'alice');
    const events = await window.search('s1', all(atom(text(BODY_WORD))), [folder(account.id, 'Projecten/2019'), folder(account.id, 'INBOX')]);
    expect(events.map((e) => `${e.kind} ${'code' in e ? e.code : ''}`.trim())).toEqual(['folderFailed folderGone', 'folder', 'done']);
  });

  it('a cancel stops before the next folder: nothing more arrives for it, and the window searches again at once', async () => {
    const window = new SearchWindow(fixture.sut.services);
    const account = await window.addAccount(fixture.stack, 'alice');
    window.onEvent = (event) => {
      if (event.searchId === 's1' && event.kind === 'folder') void window.call('search.cancel', { searchId: 's1' });
    };
    await window.call('search.server', { searchId: 's1', query: all(atom(text('a', 'subject'))), folders: ['INBOX', 'Sent', 'Drafts', 'Archive', 'Trash'].map((p) => folder(account.id, p)) });
    await window.done('s1');
    window.onEvent = null;
    // A later search of the same window ends after the cancelled one let go of the session.
    await window.search('s2', all(atom(text(BODY_WORD))), [folder(account.id, 'Trash')]);
    expect(window.events.filter((e) => e.searchId === 's1').map((e) => `${e.kind} ${'folderPath' in e ? e.folderPath : ''}`.trim())).toEqual(['folder INBOX', 'done']);
    expect(window.events.find((e) => e.searchId === 's1' && e.kind === 'done')).toMatchObject({ cancelled: true });
  });

  it('runs beside the sync and a message being read, within the budget of 5 connections; only the asking window hears it', async () => {
    const m = await seedAlice();
    const syncing = new TestClient(fixture.sut.services);
    const account = await syncing.call('accounts.add', { settings: settingsFor(fixture.stack, 'alice'), password: fixture.stack.users.alice.password, rememberPassword: false });
    const sampler = sampleAlice(fixture.stack);
    try {
      await syncing.call('sync.start', { accountId: account.id, cursors: [] });
      await syncing.untilSynced(account.id, 60_000);
      const window = new SearchWindow(fixture.sut.services);
      const cachedOf = (path: string) => {
        const cursor = syncing.cursors.get(path);
        return cursor ? { uidValidity: cursor.uidValidity, uidNext: cursor.uidNext } : null;
      };
      const folders = [...syncing.folders.values()].filter((f) => f.selectable).map((f) => folder(account.id, f.path, cachedOf(f.path)));
      const searching = window.search('s1', all(atom(text(BODY_WORD))), folders);
      // Meanwhile the person reads a message, and new mail arrives through the sync.
      await syncing.call('message.body', { accountId: account.id, folderPath: 'INBOX', uid: m.november });
      await deliver(fixture.stack, { from: 'klant@example.nl', to: 'alice@example.test', raw: 'From: Klant <klant@example.nl>\r\nTo: alice@example.test\r\nSubject: Tijdens het zoeken\r\n\r\nHallo.\r\n' });
      const events = await searching;
      await syncing.until(() => [...(syncing.messages.get('INBOX')?.values() ?? [])].some((x) => x.subject === 'Tijdens het zoeken'), 'the new mail during the search', 30_000);
      expect(events.filter((e) => e.kind === 'folder')).toHaveLength(folders.length);
      expect(folderEvent(events, 'INBOX')!.uids).toEqual([m.tour]);
      // The cache holds INBOX up to its cursor: the hit comes without a summary.
      expect(folderEvent(events, 'INBOX')!.summaries).toEqual([]);
      expect(syncing.events.some((e) => e.event === 'search.results')).toBe(false);
    } finally {
      const { max, samples } = await sampler.stop();
      console.log(`alice's IMAP connections at the server during sync + search + a read: at most ${max} (${samples} samples of doveadm who)`);
      expect(samples).toBeGreaterThan(3);
      expect(max).toBeLessThanOrEqual(5);
    }
  });

  it('answers a folder where 12,000 messages match with the newest 10,000 UIDs, truncated, and the newest 200 summaries', async () => {
    await fillMaildir(fixture.stack, 'alice', 'Bulk', 12_000, { seed: 13 });
    const window = new SearchWindow(fixture.sut.services);
    const account = await window.addAccount(fixture.stack, 'alice');
    const started = performance.now();
    // Every generated message's body starts "Hallo,".
    const bulk = folderEvent(await window.search('s1', all(atom(text('hallo', 'body'))), [folder(account.id, 'Bulk')]), 'Bulk')!;
    console.log(`BODY search of 12,000 messages + 200 summaries through search.server: ${Math.round(performance.now() - started)} ms`);
    const newest = await asLogin(fixture.stack, 'alice', async (client) => {
      await client.mailboxOpen('Bulk', { readOnly: true });
      return ((await client.search({ all: true }, { uid: true })) || []).sort((a, b) => b - a);
    });
    expect(newest).toHaveLength(12_000);
    expect(bulk.truncated).toBe(true);
    expect(bulk.uids).toEqual(newest.slice(0, serverHitLimit));
    expect(bulk.summaries.map((x) => x.uid)).toEqual(newest.slice(0, serverSummaryLimit));
  });

  it('uses ESEARCH (RFC 4731) on Dovecot: the newest hits of one compact answer, the count of all', async () => {
    const m = await seedAlice();
    const { stack } = fixture;
    const session = await openImap({ host: stack.host, port: stack.ports.imaps, security: 'tls', username: stack.users.alice.email }, stack.users.alice.password, { extraCa: [stack.caPem] });
    try {
      expect(session.caps.all).toContain('ESEARCH');
      const hits = await serverSearchStore(session).searchFolder('INBOX', { from: 'marieke' }, 2, async (found) => found);
      expect(hits).toEqual({ uids: [m.files, m.november], total: 3, esearch: true });
    } finally {
      await session.close();
    }
  });
});
