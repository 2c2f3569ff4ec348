// @vitest-environment jsdom
/**
 * Issue #10 §3: mail claiming one of the person's own addresses that the own server's
 * Authentication-Results (RFC 8601) marks as failed gets a calm warning; the same claim judged
 * under another authserv-id gets none.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../../../src/renderer/db/db';
import { toMessageRow } from '../../../../../src/renderer/db/rows';
import { SenderWarnings } from '../../../../../src/renderer/features/mail/SenderWarnings';
import { useStore } from '../../../../../src/renderer/store';
import type { Account, MessageBody } from '../../../../../src/shared/model';
import type { Identity } from '../../../../../src/shared/model/compose';
import { accountA, message } from '../../db/fixtures';
import { render, settle, type Rendered } from '../../support/render';

const account = { id: accountA, email: 'alice@example.test', imap: { host: 'imap.example.test' } } as Account;
const info = { accountId: accountA, address: 'info@example.test', kind: 'shared' } as Identity;
const spoof = { name: 'Info', address: 'info@example.test' };
let view: Rendered | null = null;

function body(uid: number, authResults: string[]): MessageBody {
  const headers = { from: [spoof], to: [], cc: [], replyTo: [], sender: [], subject: '', date: 0, messageId: null, inReplyTo: null, references: [], deliveredTo: [], authResults };
  return { accountId: accountA, folderPath: 'INBOX', uid, html: null, text: 'Pay now', attachments: [], inlineImages: {}, headers, invitations: [] };
}

beforeAll(async () => {
  await db.bodies.bulkPut([
    { ...body(1, ['example.test; spf=fail smtp.mailfrom=evil.test; dmarc=fail header.from=example.test']), fetchedAt: 1 },
    { ...body(2, ['mx.evil.test; dmarc=fail header.from=example.test']), fetchedAt: 1 },
  ]);
  useStore.setState({ accounts: [account], identities: [info] });
});
afterEach(() => {
  view?.unmount();
  view = null;
});
afterAll(async () => {
  await db.delete();
});

async function notes(language: 'en' | 'nl', uid: number): Promise<string[]> {
  useStore.setState({ language });
  view = await render(<SenderWarnings message={toMessageRow(message(uid, { from: [spoof] }), accountA)} />);
  for (let i = 0; i < 5; i++) await settle();
  return [...view.container.querySelectorAll('li')].map((li) => li.textContent ?? '');
}

describe('own address, failed at the own server', () => {
  it('warns in English and Dutch when the own server says DMARC failed', async () => {
    expect(await notes('en', 1)).toEqual([
      'This message says it is from info@example.test, but your mail server could not confirm that (DMARC failed). Be careful with links and requests in it.',
    ]);
    view?.unmount();
    expect(await notes('nl', 1)).toEqual([
      'Dit bericht zegt van info@example.test te komen, maar je mailserver kon dat niet bevestigen (DMARC mislukt). Wees voorzichtig met links en verzoeken erin.',
    ]);
  });

  it('says nothing when only another server judged it', async () => {
    expect(await notes('en', 2)).toEqual([]);
  });

  it('trusts the names the person chose in Settings instead of the defaults', async () => {
    useStore.setState({ authservIds: { [accountA]: ['mx.evil.test'] } });
    try {
      expect(await notes('en', 2)).toHaveLength(1);
      view?.unmount();
      expect(await notes('en', 1)).toEqual([]);
    } finally {
      useStore.setState({ authservIds: {} });
    }
  });
});
