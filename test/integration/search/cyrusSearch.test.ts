/**
 * The server's share of a search (issue #13 §4) on Cyrus IMAP 3.6 (issue #10 §8: `.` separator,
 * no alternate namespace — info@'s Inbox is `user.info`): a body-only word found in alice's own
 * Inbox and in info@'s through her login, and sales@ refused to carol, who has no rights there.
 */
import { describe, expect, it } from 'vitest';
import { useServer, withServerImap } from '../cyrus/servers';
import type { User } from '../services/mailStack';
import { all, atom, folder, folderEvent, SearchWindow, text } from './searchWindow';

const server = useServer('cyrus', { pollMs: 600_000, discoveryMs: 600_000 });
const WORD = 'kwartelkoning';

async function put(user: User, path: string, subject: string, body: string): Promise<number> {
  const raw = `From: Marieke de Vries <marieke@zonnebloem.example>\r\nTo: team@example.test\r\nSubject: ${subject}\r\nDate: ${new Date().toUTCString()}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;
  const result = await withServerImap(server.stack, user, (client) => client.append(path, Buffer.from(raw), []));
  if (!result || !result.uid) throw new Error('APPEND gave no UID');
  return result.uid;
}

describe('search.server on Cyrus', () => {
  const infoInbox = server.layout.shared('info', 'INBOX');
  const salesInbox = server.layout.shared('sales', 'INBOX');

  it("finds a body-only word in alice's Inbox and in info@'s through her login", async () => {
    const mine = await put('alice', 'INBOX', 'Vogels', `Een ${WORD} bij de vijver.`);
    const shared = await put('alice', infoInbox, 'Vogelwandeling', `Is de ${WORD} er nog?`);
    const window = new SearchWindow(server.sut.services);
    const alice = await window.addAccount(server.stack, 'alice');
    const events = await window.search('s1', all(atom(text(WORD))), [folder(alice.id, 'INBOX'), folder(alice.id, infoInbox)]);
    expect(events.map((e) => e.kind)).toEqual(['folder', 'folder', 'done']);
    expect(folderEvent(events, 'INBOX')!.uids).toEqual([mine]);
    expect(folderEvent(events, infoInbox)!.uids).toEqual([shared]);
    expect(folderEvent(events, infoInbox)!.summaries[0]).toMatchObject({ folderPath: infoInbox, subject: 'Vogelwandeling' });
  });

  it('refuses sales@ to carol, who has no rights there; info@, which she may read, is searched', async () => {
    await put('bob', salesInbox, 'Geheime offerte', `Alleen voor sales: ${WORD}.`);
    const shared = await put('alice', infoInbox, 'Vogelwandeling', `Is de ${WORD} er nog?`);
    const window = new SearchWindow(server.sut.services);
    const carol = await window.addAccount(server.stack, 'carol');
    const events = await window.search('s1', all(atom(text(WORD))), [folder(carol.id, salesInbox), folder(carol.id, infoInbox)]);
    expect(events.map((e) => `${e.kind} ${'code' in e ? e.code : ''}`.trim())).toEqual(['folderFailed notPermitted', 'folder', 'done']);
    expect(folderEvent(events, infoInbox)!.uids).toEqual([shared]);
  });
});
