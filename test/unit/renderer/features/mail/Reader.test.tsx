// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { db } from '../../../../../src/renderer/db/db';
import { getMessage } from '../../../../../src/renderer/db/pages/messageRows';
import { Reader } from '../../../../../src/renderer/features/mail/Reader';
import { useStore } from '../../../../../src/renderer/store';
import type { Account } from '../../../../../src/shared/model';
import { accountA, folder, foldersBatch, mailbox, message, messagesBatch, sharedMailbox } from '../../db/fixtures';
import { button, click, render, settle, type Rendered } from '../../support/render';

const call = vi.fn();
vi.mock('../../../../../src/renderer/api', () => ({
  api: { call: (...args: unknown[]) => call(...args), on: () => () => undefined },
  platform: { host: 'browser', saveFile: async () => undefined, onReconnect: () => () => undefined },
}));

const account = { id: accountA, email: 'carol@example.test', imap: { host: 'imap.example.test' } } as Account;
const info = sharedMailbox('info', accountA, { rights: 'lr' });
const sales = sharedMailbox('sales', accountA, { rights: 'lrs' });
const infoInbox = 'shared/info@example.test/INBOX';
const salesInbox = 'shared/sales@example.test/INBOX';
let view: Rendered | null = null;

/** main's answers: bodies for `message.body`, acceptance for everything else. */
async function answer(method: string, input: { accountId: string; folderPath: string; uid: number }) {
  if (method !== 'message.body') return { ok: true, value: undefined };
  const headers = { from: [], to: [], cc: [], replyTo: [], sender: [], subject: '', date: 0, messageId: null, inReplyTo: null, references: [], deliveredTo: [], authResults: [] };
  return { ok: true, value: { ...input, html: null, text: 'Hello', attachments: [], inlineImages: {}, headers } };
}

beforeAll(async () => {
  await applySyncBatch(
    db,
    foldersBatch(
      [
        folder('INBOX'),
        folder(infoInbox, accountA, { mailboxId: info.id, rights: 'lr', role: 'inbox' }),
        folder(salesInbox, accountA, { mailboxId: sales.id, rights: 'lrs', role: 'inbox' }),
      ],
      accountA,
      [mailbox(), info, sales],
    ),
  );
  for (const path of ['INBOX', infoInbox, salesInbox]) {
    await applySyncBatch(db, messagesBatch(path, { upserts: [1, 2, 3].map((uid) => message(uid, { folderPath: path, date: 1000 * uid })) }));
  }
  useStore.setState({ language: 'en', accounts: [account] });
});
beforeEach(() => {
  view?.unmount();
  call.mockReset();
  call.mockImplementation(answer);
});
afterAll(async () => {
  view?.unmount();
  for (let i = 0; i < 5; i++) await settle();
  await db.delete();
});

async function open(path: string, uid: number): Promise<HTMLElement> {
  useStore.setState({ selectedAccountId: accountA, selectedFolderPath: path, selectedUnified: null, selectedMessage: [accountA, path, uid] });
  view = await render(<Reader />);
  for (let i = 0; i < 30 && !view.container.querySelector('.reader__toolbar, .reader__readonly'); i++) await settle();
  return view.container;
}

const buttonNames = (container: HTMLElement) => [...container.querySelectorAll('[role=toolbar] button')].map((b) => b.textContent?.trim());
/** Answering changes nothing in the folder, so it is offered whatever the rights (issue #4); "Forward as attachment" is under More (issue #12 §5). */
const answers = ['Reply', 'Reply all', 'Forward'];
const queued = () => call.mock.calls.filter(([method]) => method === 'tasks.queue').map(([, input]) => (input as { task: unknown }).task);

describe('Reader actions follow the folder rights', () => {
  it('offers only answering in a read-only shared mailbox (lr), says so, and does not mark the message read', async () => {
    const container = await open(infoInbox, 1);
    expect(buttonNames(container)).toEqual([...answers, 'More']);
    expect(container.textContent).toContain('This mailbox is read-only for you.');
    expect(queued()).toEqual([]);
  });

  it('offers only read state with lrs: opening marks read, and there is no Flag or Delete', async () => {
    const container = await open(salesInbox, 1);
    for (let i = 0; i < 20 && !buttonNames(container).includes('Mark as unread'); i++) await settle();
    expect(buttonNames(container)).toEqual([...answers, 'Mark as unread', 'More']);
    expect(queued()).toEqual([{ type: 'setFlags', accountId: accountA, folderPath: salesInbox, uids: [1], add: ['\\Seen'], remove: [] }]);
  });

  it('deletes in an own folder: the row leaves the cache, the task goes out, the next message opens', async () => {
    const container = await open('INBOX', 3);
    for (let i = 0; i < 20 && !buttonNames(container).includes('Mark as unread'); i++) await settle();
    expect(buttonNames(container)).toEqual([...answers, 'Archive', 'Move to…', 'Junk', 'Mark as unread', 'Flag', 'Delete', 'More']);
    await click(button(container, 'Delete'));
    for (let i = 0; i < 20 && useStore.getState().selectedMessage?.[2] === 3; i++) await settle();
    for (let i = 0; i < 20 && queued().length < 2; i++) await settle();
    expect(queued()).toContainEqual({ type: 'delete', accountId: accountA, folderPath: 'INBOX', uids: [3] });
    expect(await getMessage(db, [accountA, 'INBOX', 3])).toBeUndefined();
    expect(useStore.getState().selectedMessage).toEqual([accountA, 'INBOX', 2]);
  });

  it('puts a refused delete back and says why', async () => {
    call.mockImplementation(async (method: string, input: { accountId: string; folderPath: string; uid: number }) =>
      method === 'tasks.queue' && (input as unknown as { task: { type: string } }).task.type === 'delete'
        ? { ok: false, error: { code: 'notPermitted', message: 'NO [NOPERM]' } } : answer(method, input),
    );
    useStore.setState({ toasts: [] });
    const container = await open('INBOX', 2);
    await click(button(container, 'Delete'));
    for (let i = 0; i < 20 && useStore.getState().toasts.length === 0; i++) await settle();
    expect(await getMessage(db, [accountA, 'INBOX', 2])).toBeDefined();
    expect(useStore.getState().selectedMessage).toEqual([accountA, 'INBOX', 2]);
    expect(useStore.getState().toasts.map((toast) => toast.text)).toEqual([
      "Could not delete 1 message: You don't have permission to do this in this mailbox. Ask its owner for access. The server said: “NO [NOPERM]”",
    ]);
  });
});
