// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdentitySettings } from '../../../../../src/renderer/features/settings/IdentitySettings';
import { useStore } from '../../../../../src/renderer/store';
import type { Account } from '../../../../../src/shared/model';
import { account, identities, info } from '../compose/identities';
import { button, render, settle, type Rendered } from '../../support/render';

const call = vi.fn();
vi.mock('../../../../../src/renderer/api', () => ({
  api: { call: (...args: unknown[]) => call(...args), on: () => () => undefined },
  platform: { host: 'browser', saveFile: async () => undefined, onReconnect: () => () => undefined },
}));

let view: Rendered | null = null;
beforeEach(() => {
  call.mockReset();
  useStore.setState({ language: 'en', accounts: [{ id: account, email: 'alice@example.test' } as Account], identities, toasts: [] });
});
afterEach(() => view?.unmount());

function select(container: HTMLElement, name: string): HTMLSelectElement {
  const found = [...container.querySelectorAll('select')].find((s) => s.getAttribute('aria-label') === name);
  if (!found) throw new Error(`No select named "${name}"`);
  return found;
}

async function choose(element: HTMLSelectElement, value: string) {
  element.value = value;
  element.dispatchEvent(new Event('change', { bubbles: true }));
  for (let i = 0; i < 10; i++) await settle();
}

describe('Settings → Identities', () => {
  it('offers send mode per address and Sent copies only for shared mailboxes', async () => {
    view = await render(<IdentitySettings />);
    const names = [...view.container.querySelectorAll('select')].map((s) => s.getAttribute('aria-label'));
    expect(names).toEqual([
      'Send mode for alice@example.test',
      'Send mode for info@example.test',
      'Sent copies for info@example.test',
      'Send mode for sales@example.test',
      'Sent copies for sales@example.test',
    ]);
    expect(select(view.container, 'Send mode for sales@example.test').value).toBe('none');
  });

  it('sends the account’s whole configuration with the change, and shows what main answers', async () => {
    const changed = { ...info, sendMode: 'onBehalf' as const, source: 'config' as const };
    call.mockResolvedValue({ ok: true, value: [identities[0], changed, identities[2]] });
    view = await render(<IdentitySettings />);
    await choose(select(view.container, 'Send mode for info@example.test'), 'onBehalf');
    expect(call).toHaveBeenCalledWith('identities.update', {
      accountId: account,
      entries: [
        { address: 'alice@example.test', sendMode: 'sendAs' },
        { address: 'info@example.test', sendMode: 'onBehalf', sentCopies: 'shared' },
        { address: 'sales@example.test', sendMode: 'none', sentCopies: 'shared' },
      ],
    });
    expect(useStore.getState().identities?.find((i) => i.id === info.id)?.sendMode).toBe('onBehalf');
    expect(select(view.container, 'Send mode for info@example.test').value).toBe('onBehalf');
  });

  it('imports a JSON file and says plainly when it is not an identity file', async () => {
    call.mockResolvedValue({ ok: false, error: { code: 'invalidIdentityFile', message: 'Unexpected token' } });
    view = await render(<IdentitySettings />);
    expect(button(view.container, 'Import identities…')).toBeDefined();
    const input = view.container.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File(['{"nope": true}'], 'ids.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    for (let i = 0; i < 20 && useStore.getState().toasts.length === 0; i++) await settle();
    expect(call).toHaveBeenCalledWith('identities.import', { accountId: account, json: '{"nope": true}' });
    expect(useStore.getState().toasts.map((t) => t.text)).toEqual([
      "Couldn't change the identities. This is not an identity file. It must be a JSON file with a list of identities.",
    ]);
  });
});
