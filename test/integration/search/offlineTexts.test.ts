/**
 * `search.offlineTexts` (issue #13 §3) against the real Dovecot: the text of mail kept offline
 * (issue #3 §3), parsed in the parse pool, HTML reduced to words, paged by UID.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useMailStack } from '../services/mailStack';
import { asLogin } from '../tasks/taskServer';
import { SearchWindow } from './searchWindow';
import { OfflineStore } from '../../../src/main/services/offline/offlineStore';

const fixture = useMailStack({ services: true });

async function put(raw: string): Promise<number> {
  const result = await asLogin(fixture.stack, 'alice', (client) => client.append('INBOX', Buffer.from(raw), [], new Date()));
  if (!result || !result.uid) throw new Error('APPEND gave no UID');
  return result.uid;
}

const head = (subject: string, type: string) =>
  `From: Marieke de Vries <marieke@zonnebloem.example>\r\nTo: alice@example.test\r\nSubject: ${subject}\r\nDate: ${new Date().toUTCString()}\r\nMIME-Version: 1.0\r\nContent-Type: ${type}\r\n\r\n`;

async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('search.offlineTexts', () => {
  it('gives the words of kept mail, HTML as text, page by page in UID order; nothing for a folder not kept', async () => {
    const plain = await put(`${head('Vogels', 'text/plain; charset=utf-8')}We zagen een kwartelkoning   bij de\r\n\r\nvijver.\r\n`);
    const html = await put(`${head('Nieuwsbrief', 'text/html; charset=utf-8')}<html><head><style>p { color: red }</style></head><body><p>De <b>grutto</b> is terug in de polder &amp; de weide.</p></body></html>\r\n`);
    const window = new SearchWindow(fixture.sut.services);
    const account = await window.addAccount(fixture.stack, 'alice');
    await window.call('mailboxes.setOffline', { accountId: account.id, mailboxId: `${account.id}:own`, days: 3650 });
    // A reader of its own each time: a store instance keeps what it loaded (the app's one is the writer).
    const keptNow = () => new OfflineStore(join(fixture.sut.profileDir, 'offline')).keptUids(account.id, 'INBOX');
    await until(async () => {
      const kept = await keptNow();
      return kept.includes(plain) && kept.includes(html);
    }, 'the INBOX kept offline');
    const kept = await keptNow();

    const texts = new Map<number, string>();
    let after = 0;
    let pages = 0;
    for (;;) {
      const page = await window.call('search.offlineTexts', { accountId: account.id, folderPath: 'INBOX', afterUid: after, limit: 2 });
      pages += 1;
      for (const entry of page.texts) {
        expect(entry.uid).toBeGreaterThan(after);
        texts.set(entry.uid, entry.text);
      }
      if (page.next === null) break;
      expect(page.next).toBeGreaterThan(after);
      after = page.next;
    }
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(kept.length / 2));
    expect([...texts.keys()]).toEqual([...texts.keys()].sort((a, b) => a - b));
    expect(texts.get(plain)).toBe('We zagen een kwartelkoning bij de vijver.');
    expect(texts.get(html)).toContain('grutto is terug in de polder & de weide');
    expect(texts.get(html)).not.toMatch(/[<>]|color: red/);

    expect(await window.call('search.offlineTexts', { accountId: account.id, folderPath: 'shared/info@example.test/INBOX', afterUid: 0, limit: 50 })).toEqual({ texts: [], next: null });
    await expect(window.call('search.offlineTexts', { accountId: 'nobody', folderPath: 'INBOX', afterUid: 0, limit: 50 })).rejects.toMatchObject({ code: 'accountNotFound' });
  });
});
