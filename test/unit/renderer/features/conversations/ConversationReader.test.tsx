// @vitest-environment jsdom
/**
 * Issue #12 §4: the reader shows the open message within its conversation — the customer's mail
 * in the Inbox and the team's answer from the mailbox's Sent — oldest first, each under its own
 * heading; the older one is a line with its snippet that opens on its button.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { db } from '../../../../../src/renderer/db/db';
import { closeConversations } from '../../../../../src/renderer/features/conversations/conversations';
import { Reader } from '../../../../../src/renderer/features/mail/Reader';
import { useStore } from '../../../../../src/renderer/store';
import type { Account } from '../../../../../src/shared/model';
import { accountA, folder, foldersBatch, mailbox, message, messagesBatch } from '../../db/fixtures';
import { click, render, settle, type Rendered } from '../../support/render';

vi.mock('../../../../../src/renderer/api', () => ({
  api: {
    call: async (method: string, input: { accountId: string; folderPath: string; uid: number }) => {
      if (method !== 'message.body') return { ok: true, value: [] };
      const headers = { from: [], to: [], cc: [], replyTo: [], sender: [], subject: '', date: 0, messageId: null, inReplyTo: null, references: [], deliveredTo: [], authResults: [] };
      return { ok: true, value: { ...input, html: null, text: `Body of ${input.folderPath} ${input.uid}`, attachments: [], inlineImages: {}, headers } };
    },
    on: () => () => undefined,
  },
  platform: { host: 'browser', saveFile: async () => undefined, onReconnect: () => () => undefined },
}));

const account = { id: accountA, email: 'alice@example.test', imap: { host: 'imap.example.test' } } as Account;
let view: Rendered | null = null;

beforeAll(async () => {
  await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Sent', accountA, { role: 'sent' })], accountA, [mailbox()]));
  const question = message(1, {
    messageId: '<q@customer.test>',
    subject: 'Broken heater',
    from: [{ name: 'Carla Customer', address: 'carla@customer.test' }],
    snippet: 'The heater in room 4 is broken',
    date: 1_700_000_000_000,
    flags: ['\\Seen'],
  });
  const stranger = message(2, { messageId: '<s@x.test>', subject: 'Other', date: 1_700_000_100_000, flags: ['\\Seen'] });
  const reply = message(5, {
    folderPath: 'Sent',
    messageId: '<r@example.test>',
    inReplyTo: '<q@customer.test>',
    references: ['<q@customer.test>'],
    subject: 'Re: Broken heater',
    from: [{ name: 'Info', address: 'info@example.test' }],
    sender: [{ name: 'Bob', address: 'bob@example.test' }],
    snippet: 'We will send someone tomorrow',
    date: 1_700_000_200_000,
    flags: ['\\Seen'],
  });
  await applySyncBatch(db, messagesBatch('INBOX', { upserts: [question, stranger] }));
  await applySyncBatch(db, messagesBatch('Sent', { upserts: [reply] }));
  useStore.setState({ language: 'en', accounts: [account] });
});
afterAll(async () => {
  view?.unmount();
  closeConversations(db);
  for (let i = 0; i < 5; i++) await settle();
  await db.delete();
});

async function open(path: string, uid: number, until: (container: HTMLElement) => boolean): Promise<HTMLElement> {
  view?.unmount();
  useStore.setState({ selectedAccountId: accountA, selectedFolderPath: path, selectedUnified: null, selectedMessage: [accountA, path, uid] });
  view = await render(<Reader />);
  for (let i = 0; i < 200 && !until(view.container); i++) await settle();
  return view.container;
}

const region = (container: HTMLElement) => container.querySelector<HTMLElement>('section[aria-label="Conversation"]');
const headings = (container: HTMLElement) => [...container.querySelectorAll('h3')].map((h) => h.textContent?.trim());

describe('Reader in a conversation', () => {
  it('shows the Inbox message and the answer from Sent in date order, the newest expanded', async () => {
    const container = await open('INBOX', 1, (c) => region(c) !== null && c.textContent!.includes('Body of Sent 5'));
    const conversation = region(container)!;
    expect(headings(conversation)).toEqual([expect.stringContaining('Carla Customer'), expect.stringMatching(/^Bob on behalf of Info.*In Sent$/)]);
    expect(conversation.textContent).toContain('2 messages in this conversation');
    // The open message and the newest start expanded.
    const toggles = [...conversation.querySelectorAll('h3 button')];
    expect(toggles.map((b) => b.getAttribute('aria-expanded'))).toEqual(['true', 'true']);

    // Collapsing the older one leaves its line with the snippet; its button opens it again.
    await click(toggles[0] as HTMLButtonElement);
    expect(toggles[0]!.getAttribute('aria-expanded')).toBe('false');
    expect(conversation.textContent).toContain('The heater in room 4 is broken');
    expect(conversation.textContent).not.toContain('Body of INBOX 1');
    await click(toggles[0] as HTMLButtonElement);
    for (let i = 0; i < 100 && !conversation.textContent!.includes('Body of INBOX 1'); i++) await settle();
    expect(conversation.textContent).toContain('Body of INBOX 1');
  });

  it('shows a message without a conversation on its own', async () => {
    const container = await open('INBOX', 2, (c) => c.textContent!.includes('Body of INBOX 2'));
    expect(region(container)).toBeNull();
    expect(container.querySelector('#reader-subject')?.textContent).toBe('Other');
  });
});
