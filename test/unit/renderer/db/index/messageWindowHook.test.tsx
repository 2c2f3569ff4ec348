// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, useState } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { db } from '../../../../../src/renderer/db/db';
import { closeIndexes } from '../../../../../src/renderer/db/index/registry';
import { useMessageCount, useMessageWindow, type MessageSource, type MessageWindow } from '../../../../../src/renderer/db/queries/messages';
import { accountA, folder, foldersBatch, message, messagesBatch } from '../fixtures';
import { render, settle, type Rendered } from '../../support/render';

const inbox: MessageSource = { kind: 'folder', accountId: accountA, folderPath: 'INBOX' };
/** Every window the list was handed, render by render. */
const seen: (MessageWindow | undefined)[] = [];
let setOffset: (offset: number) => void = () => {};
let view: Rendered | null = null;

function List() {
  const [offset, moveTo] = useState(0);
  setOffset = moveTo;
  const count = useMessageCount(inbox);
  const shown = useMessageWindow(inbox, offset, 10);
  seen.push(shown);
  return (
    <div>
      <p data-count>{count ?? 'loading'}</p>
      <ol start={(shown?.offset ?? 0) + 1}>
        {shown?.rows.map((row, at) => (
          <li key={at}>{row?.subject ?? '…'}</li>
        ))}
      </ol>
    </div>
  );
}

const listed = () => [...(view?.container.querySelectorAll('li') ?? [])].map((item) => item.textContent);
const counted = () => view?.container.querySelector('[data-count]')?.textContent;

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await settle();
  expect(condition()).toBe(true);
}

beforeAll(async () => {
  await applySyncBatch(db, foldersBatch([folder('INBOX')]));
  await applySyncBatch(db, messagesBatch('INBOX', { upserts: Array.from({ length: 40 }, (_, at) => message(at + 1)) }));
  view = await render(<List />);
});
afterAll(async () => {
  view?.unmount();
  closeIndexes(db);
  await db.delete();
});

describe('useMessageWindow and useMessageCount', () => {
  it('shows the newest rows and the count from the index', async () => {
    await until(() => listed().length === 10);
    expect(counted()).toBe('40');
    expect(listed()).toEqual(Array.from({ length: 10 }, (_, at) => `Message ${40 - at}`));
  });

  it('keeps the previous window on screen while the next one loads (no empty list while scrolling)', async () => {
    seen.length = 0;
    await act(async () => setOffset(20));
    await until(() => listed()[0] === 'Message 20');
    expect(seen.every((shown) => shown !== undefined && shown.rows.length === 10)).toBe(true);
    expect(listed()).toEqual(Array.from({ length: 10 }, (_, at) => `Message ${20 - at}`));
  });

  it('reads the window again when the folder changes: arrivals, flags and expunges', async () => {
    await act(async () => setOffset(0));
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(41, { subject: 'Just arrived' })] }));
    await until(() => listed()[0] === 'Just arrived');
    expect(counted()).toBe('41');
    await applySyncBatch(db, messagesBatch('INBOX', { removedUids: [41, 40] }));
    await until(() => listed()[0] === 'Message 39');
    expect(counted()).toBe('39');
  });
});
