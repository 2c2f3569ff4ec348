// @vitest-environment jsdom
/**
 * Issue #12 §1 through the notice a person sees: one notice per action with an Undo button,
 * Ctrl+Z outside text fields, the refusal in words with the rows back, and a notice while a
 * task runs over a second.
 */
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Task, TaskOutcome } from '../../../../src/shared/api';
import { applySyncBatch } from '../../../../src/renderer/db/applySyncBatch';
import { db } from '../../../../src/renderer/db/db';
import { getMessage } from '../../../../src/renderer/db/pages/messageRows';
import { Toasts } from '../../../../src/renderer/features/shell/Toasts';
import { useStore } from '../../../../src/renderer/store';
import { runAction } from '../../../../src/renderer/tasks/mailActions';
import { folderUids } from '../db/cacheRows';
import { accountA, folder, foldersBatch, mailbox, message, messagesBatch, sharedMailbox } from '../db/fixtures';
import { button, click, render, settle, type Rendered } from '../support/render';
import { releaseLocks } from './taskApi';

type Answer = { ok: true; value: TaskOutcome } | { ok: false; error: { code: string; message: string } };
const queued: Task[] = [];
let answer: (task: Task) => Answer | Promise<Answer> = () => ({ ok: true, value: { undo: null } });

vi.mock('../../../../src/renderer/api', () => ({
  api: {
    call: async (method: string, input: { task: Task }) => {
      if (method !== 'tasks.queue') return { ok: true, value: undefined };
      queued.push(input.task);
      return answer(input.task);
    },
    on: () => () => undefined,
  },
  platform: { host: 'browser', saveFile: async () => undefined, onReconnect: () => () => undefined },
}));

let view: Rendered | null = null;
const toastTexts = () => useStore.getState().toasts.map((toast) => toast.text);
/** Waits for what a person would wait for (a notice), up to a few seconds. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition()) && Date.now() < deadline) await settle();
}

beforeAll(async () => {
  const info = sharedMailbox('info');
  const infoArchive = folder('shared/info@example.test/Archive', accountA, { role: 'archive', mailboxId: info.id });
  await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Archive', accountA, { role: 'archive' }), infoArchive], accountA, [mailbox(), info]));
});
beforeEach(async () => {
  releaseLocks(accountA, 'INBOX', 'Archive');
  await applySyncBatch(db, messagesBatch('INBOX', { upserts: [1, 2, 3].map((uid) => message(uid, { modseq: '10' })) }));
  queued.length = 0;
  answer = () => ({ ok: true, value: { undo: null } });
  useStore.setState({ toasts: [], language: 'en' });
  view = await render(<Toasts />);
});
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('runAction and its notice', () => {
  it('says what it did, offers Undo, and Ctrl+Z puts the flags back on the server', async () => {
    await act(async () => {
      await runAction({ kind: 'setFlags', keys: [[accountA, 'INBOX', 1], [accountA, 'INBOX', 2]], add: ['\\Flagged'], remove: [] });
    });
    expect(toastTexts()).toEqual(['Flagged 2 messages']);
    expect(button(view!.container, 'Undo')).toBeDefined();
    await act(async () => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    });
    await until(() => toastTexts().includes('Undone'));
    expect(queued.at(-1)).toEqual({ type: 'setFlags', accountId: accountA, folderPath: 'INBOX', uids: [1, 2], add: [], remove: ['\\Flagged'] });
    expect((await getMessage(db, [accountA, 'INBOX', 1]))?.flagged).toBe(0);
    expect(toastTexts()).toEqual(['Undone']);
  });

  it('marks read quietly when a message opens: no notice, and Ctrl+Z still undoes the person’s last action', async () => {
    const back: Task = { type: 'move', accountId: accountA, folderPath: 'Archive', uids: [51], to: { accountId: accountA, folderPath: 'INBOX' } };
    answer = (task) => ({ ok: true, value: task.type === 'archive' ? { undo: back } : { undo: null } });
    await act(async () => {
      await runAction({ kind: 'archive', keys: [[accountA, 'INBOX', 1]] });
      await runAction({ kind: 'setFlags', keys: [[accountA, 'INBOX', 2]], add: ['\\Seen'], remove: [] }, { quiet: true });
    });
    expect(toastTexts()).toEqual(['Archived 1 message']);
    await act(async () => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    });
    await until(() => toastTexts().includes('Undone'));
    expect(queued.at(-1)).toEqual(back);
  });

  it('leaves Ctrl+Z in a text field to the field', async () => {
    await act(async () => {
      await runAction({ kind: 'setFlags', keys: [[accountA, 'INBOX', 3]], add: ['\\Seen'], remove: [] });
    });
    const input = document.createElement('input');
    document.body.append(input);
    await act(async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    });
    await settle();
    input.remove();
    expect(queued).toHaveLength(1);
  });

  it('runs the server’s undo of a move from the Undo button', async () => {
    const back: Task = { type: 'move', accountId: accountA, folderPath: 'Archive', uids: [41], to: { accountId: accountA, folderPath: 'INBOX' } };
    answer = (task) => ({ ok: true, value: task.type === 'move' && task.folderPath === 'INBOX' ? { undo: back } : { undo: null } });
    await act(async () => {
      await runAction({ kind: 'move', keys: [[accountA, 'INBOX', 2]], to: { accountId: accountA, folderPath: 'Archive' } });
    });
    expect(toastTexts()).toEqual(['Moved 1 message to Archive']);
    await click(button(view!.container, 'Undo'));
    await until(() => toastTexts().includes('Undone'));
    expect(queued.at(-1)).toEqual(back);
  });

  it('says so with the result when the delete stood but the team was not told who did it', async () => {
    answer = () => ({ ok: true, value: { undo: null, warning: { code: 'recordNotWritten', message: 'NO [OVERQUOTA]' } } });
    await act(async () => {
      await runAction({ kind: 'delete', keys: [[accountA, 'INBOX', 3]] });
    });
    expect(toastTexts()).toEqual(['Deleted 1 message. The other members will not see who deleted it: the note in the Trash could not be saved.']);
  });

  it('names the mailbox of a folder when the messages came from another one', async () => {
    await act(async () => {
      await runAction({ kind: 'copy', keys: [[accountA, 'INBOX', 1]], to: { accountId: accountA, folderPath: 'shared/info@example.test/Archive' } });
    });
    expect(toastTexts()).toEqual(['Copied 1 message to Archive in info@example.test']);
  });

  it('puts the rows back on a refusal and says why in the server’s words', async () => {
    answer = () => ({ ok: false, error: { code: 'serverRefused', message: 'NO [NONEXISTENT] Mailbox does not exist' } });
    await act(async () => {
      await runAction({ kind: 'move', keys: [[accountA, 'INBOX', 1], [accountA, 'INBOX', 3]], to: { accountId: accountA, folderPath: 'Archive' } });
    });
    expect(await folderUids(db, 'INBOX', accountA)).toEqual([1, 2, 3]);
    expect(useStore.getState().toasts).toMatchObject([{ tone: 'error' }]);
    expect(toastTexts()[0]).toMatch(/^Could not move 2 messages to Archive: .+ The server said: “NO \[NONEXISTENT\] Mailbox does not exist”$/);
    expect(view!.container.querySelector('[role="alert"]')?.textContent).toContain('Mailbox does not exist');
  });

  it('says a task is still running after a second, then turns that notice into the result', async () => {
    let finish: (value: Answer) => void = () => undefined;
    answer = () => new Promise<Answer>((resolve) => (finish = resolve));
    let done: Promise<unknown> = Promise.resolve();
    await act(async () => {
      done = runAction({ kind: 'archive', keys: [[accountA, 'INBOX', 1], [accountA, 'INBOX', 2], [accountA, 'INBOX', 3]] });
    });
    await until(() => toastTexts().length > 0);
    expect(toastTexts()).toEqual(['Archiving 3 messages…']);
    const id = useStore.getState().toasts[0]?.id;
    await act(async () => {
      finish({ ok: true, value: { undo: null } });
      await done;
    });
    expect(useStore.getState().toasts.map((toast) => [toast.id, toast.text])).toEqual([[id, 'Archived 3 messages']]);
  });
});
