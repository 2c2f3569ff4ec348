// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseFrom, emptyFromMemory } from '../../../../../src/shared/compose';
import { db } from '../../../../../src/renderer/db/db';
import { loadFromMemory, storeFromMemory } from '../../../../../src/renderer/db/queries/fromMemory';
import { Composer } from '../../../../../src/renderer/features/compose/Composer';
import { emptyMessage } from '../../../../../src/renderer/features/compose/composeDraft';
import { useStore } from '../../../../../src/renderer/store';
import type { ComposerSession } from '../../../../../src/renderer/store/composeSlice';
import type { FromMemory, FromSituation } from '../../../../../src/shared/compose';
import { blur, button, click, render, settle, type, type Rendered } from '../../support/render';
import { account, identities, info, own } from './identities';

const call = vi.fn();
vi.mock('../../../../../src/renderer/api', () => ({
  api: { call: (...args: unknown[]) => call(...args), on: () => () => undefined },
  platform: { host: 'browser', saveFile: async () => undefined, onReconnect: () => () => undefined },
  browserWindowUrl: (route: string) => `http://host/#${route}`,
}));

const situation: FromSituation = {
  intent: 'reply',
  accountId: account,
  selectedMailboxId: info.mailboxId,
  original: { mailboxId: info.mailboxId, conversationKey: '<root@example.nl>', recipients: ['info@example.test'] },
};
let view: Rendered | null = null;
let closed = 0;

/** A reply in info@'s conversation, preselected the way openComposer does: the rules plus the person's memory. */
function session(memory: FromMemory): ComposerSession {
  const choice = chooseFrom(identities, situation, memory);
  const message = { ...emptyMessage(account, choice?.identityId ?? info.id), subject: 'Re: Offerte', inReplyTo: '<root@example.nl>', references: ['<root@example.nl>'] };
  return { message, situation, choice, initialHtml: '<p>Graag gedaan.</p>', openedAt: 1 };
}

async function open(memory: FromMemory): Promise<void> {
  view?.unmount();
  view = await render(<Composer session={session(memory)} onClosed={() => closed++} />);
}

/** Lets the composer's asynchronous work (IndexedDB, the outbox call) run until `done` holds; counts turns, not time. */
async function until(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 50 && !done(); turn++) await settle();
}

const queued = () => call.mock.calls.filter(([method]) => method === 'tasks.queue').map(([, input]) => (input as { task: unknown }).task);
/** The control a label names, as a person finds it. */
function input(name: string): HTMLInputElement {
  const label = [...view!.container.querySelectorAll('label')].find((l) => l.textContent === name);
  return document.getElementById(label?.htmlFor ?? '') as HTMLInputElement;
}

beforeEach(async () => {
  call.mockReset();
  call.mockImplementation(async (method: string) =>
    method === 'drafts.save'
      ? { ok: true, value: { savedLocally: true, server: null, fellBackToOwn: false, error: null } }
      : { ok: true, value: undefined },
  );
  closed = 0;
  useStore.setState({ language: 'en', identities, toasts: [], undoSendSeconds: 5 });
  await db.fromMemory.clear();
  await open(emptyFromMemory());
});
afterEach(() => {
  view?.unmount();
  view = null;
});
afterAll(async () => {
  await db.delete();
});

describe('the composer', () => {
  it('is a region named by its intent with the From picker on the rules’ choice', () => {
    expect(view!.container.querySelector('section[aria-label="Reply"]')).not.toBeNull();
    const from = input('From') as unknown as HTMLSelectElement;
    expect(from.value).toBe(info.id);
    expect([...from.options].map((o) => o.text)).toEqual(['Alice de Vries <alice@example.test>', 'Info <info@example.test>']);
    expect(view!.container.querySelector('[role=textbox][aria-label=Message]')?.innerHTML).toBe('<p>Graag gedaan.</p>');
  });

  it('marks an address that is not one and does not send', async () => {
    await type(input('To'), 'joost@example, piet@example.nl');
    await click(button(view!.container, 'Send'));
    expect(input('To').getAttribute('aria-invalid')).toBe('true');
    expect(view!.container.textContent).toContain('“joost@example” is not an email address. Write it like name@example.com.');
    expect(queued()).toEqual([]);
  });

  it('marks an address that is not one as soon as the person leaves the field, before any Send', async () => {
    await type(input('To'), 'piet@example.nl, joost@example');
    expect(input('To').getAttribute('aria-invalid')).toBeNull();
    await blur(input('To'));
    expect(input('To').getAttribute('aria-invalid')).toBe('true');
    expect(view!.container.textContent).toContain('“joost@example” is not an email address. Write it like name@example.com.');
    await type(input('To'), 'piet@example.nl, joost@example.nl');
    expect(input('To').getAttribute('aria-invalid')).toBeNull();
    expect(queued()).toEqual([]);
  });

  it('asks once before sending from the own address in info@, then sends, remembers and offers Undo', async () => {
    await type(input('To'), 'Joost <joost@example.nl>');
    const from = input('From') as unknown as HTMLSelectElement;
    from.value = own.id;
    from.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    await click(button(view!.container, 'Send'));
    await until(() => view!.container.querySelector('[role=alertdialog]') !== null);
    const dialog = view!.container.querySelector('[role=alertdialog]');
    expect(dialog?.textContent).toContain('This reply will come from alice@example.test, not info@example.test. Send anyway?');
    expect(queued()).toEqual([]);

    await click(button(dialog as HTMLElement, 'Send anyway'));
    await until(() => closed > 0);
    expect(queued()).toEqual([
      {
        type: 'send',
        delaySeconds: 5,
        message: expect.objectContaining({
          identityId: own.id,
          to: [{ name: 'Joost', address: 'joost@example.nl' }],
          subject: 'Re: Offerte',
          text: 'Graag gedaan.',
          html: '<p>Graag gedaan.</p>',
        }),
      },
    ]);
    expect(closed).toBe(1);
    expect((await loadFromMemory(db)).conversations).toEqual({ '<root@example.nl>': own.id });
    const toast = useStore.getState().toasts.at(-1);
    expect(toast?.text).toBe('Sending in 5 s…');
    expect(toast?.action?.label).toBe('Undo');
  });

  it('does not ask again once the person chose their own address in this conversation', async () => {
    const before = emptyFromMemory();
    await storeFromMemory(db, before, { ...before, conversations: { '<root@example.nl>': own.id } });
    await open(await loadFromMemory(db));
    const from = input('From') as unknown as HTMLSelectElement;
    expect(from.value).toBe(own.id);
    await type(input('To'), 'joost@example.nl');
    await click(button(view!.container, 'Send'));
    await until(() => closed > 0 || view!.container.querySelector('[role=alertdialog]') !== null);
    expect(view!.container.querySelector('[role=alertdialog]')).toBeNull();
    expect(queued()).toEqual([expect.objectContaining({ type: 'send', message: expect.objectContaining({ identityId: own.id }) })]);
    expect(closed).toBe(1);
  });

  it('asks again in a conversation where the person never chose their own address', async () => {
    const before = emptyFromMemory();
    await storeFromMemory(db, before, { ...before, conversations: { '<other@example.nl>': own.id } });
    await open(await loadFromMemory(db));
    await type(input('To'), 'joost@example.nl');
    const from = input('From') as unknown as HTMLSelectElement;
    from.value = own.id;
    from.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    await click(button(view!.container, 'Send'));
    await until(() => closed > 0 || view!.container.querySelector('[role=alertdialog]') !== null);
    expect(view!.container.querySelector('[role=alertdialog]')).not.toBeNull();
    expect(queued()).toEqual([]);
  });
});
