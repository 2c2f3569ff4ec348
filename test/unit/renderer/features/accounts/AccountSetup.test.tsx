// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountSettings, ConnectionTestResult } from '../../../../../src/shared/model';
import { blur, button, click, field, render, settle, type, type Rendered } from '../../support/render';

const call = vi.fn();
vi.mock('../../../../../src/renderer/api', () => ({
  api: { call: (...args: unknown[]) => call(...args), on: () => () => undefined },
  platform: { host: 'browser', saveFile: vi.fn(), onReconnect: () => () => undefined },
}));

const { AccountSetup } = await import('../../../../../src/renderer/features/accounts/AccountSetup');
const { useStore } = await import('../../../../../src/renderer/store');

const guess: AccountSettings = {
  email: 'alice@example.test',
  displayName: 'Alice',
  username: 'alice@example.test',
  imap: { host: 'imap.example.test', port: 993, security: 'tls' },
  smtp: { host: 'smtp.example.test', port: 465, security: 'tls' },
};
const expired: ConnectionTestResult = {
  ok: false,
  checks: [
    { server: 'imap', step: 'dns', ok: true },
    { server: 'imap', step: 'tcp', ok: true },
    { server: 'imap', step: 'tls', ok: false, code: 'tlsCertExpired', detail: 'certificate has expired' },
  ],
};

let view: Rendered;

beforeEach(() => {
  call.mockReset();
  useStore.setState({ language: 'en', accounts: [], screen: { name: 'mail' }, toasts: [] });
});
afterEach(() => view?.unmount());

async function fillIn(): Promise<void> {
  const email = field(view.container, 'Email address') as HTMLInputElement;
  await type(email, 'alice@example.test');
  await blur(email);
  await settle();
  await type(field(view.container, 'Password') as HTMLInputElement, 'secret');
}

describe('AccountSetup', () => {
  it('pre-fills the servers from the address and, in the browser, does not remember the password by default', async () => {
    call.mockImplementation(async (method: string) => (method === 'accounts.guess' ? { ok: true, value: guess } : { ok: false, error: { code: 'internal', message: '' } }));
    view = await render(<AccountSetup firstRun />);
    await fillIn();
    expect(call).toHaveBeenCalledWith('accounts.guess', { email: 'alice@example.test' });
    expect((field(view.container, 'IMAP server') as HTMLInputElement).value).toBe('imap.example.test');
    expect((field(view.container, 'SMTP port') as HTMLInputElement).value).toBe('465');
    expect((field(view.container, 'Remember password') as HTMLInputElement).checked).toBe(false);
  });

  it('shows the failing check in words and saves nothing when the test fails', async () => {
    call.mockImplementation(async (method: string) => {
      if (method === 'accounts.guess') return { ok: true, value: guess };
      if (method === 'accounts.test') return { ok: true, value: expired };
      return { ok: true, value: null };
    });
    view = await render(<AccountSetup firstRun />);
    await fillIn();
    await click(button(view.container, 'Add account'));
    await settle();
    const text = view.container.textContent ?? '';
    expect(text).toContain("Postvak couldn't connect. Nothing was saved.");
    expect(text).toContain('Incoming mail (IMAP), secure the connection: Failed');
    expect(text).toContain(
      "The server's certificate has expired (imap.example.test). Ask your provider to renew it; Postvak will not connect insecurely.",
    );
    expect(text).toContain('Server said: certificate has expired');
    expect(call.mock.calls.map(([method]) => method)).not.toContain('accounts.add');
    expect(useStore.getState().screen).toEqual({ name: 'mail' });
  });

  it('tests, then adds with exactly what was entered', async () => {
    call.mockImplementation(async (method: string) => {
      if (method === 'accounts.guess') return { ok: true, value: guess };
      if (method === 'accounts.test') return { ok: true, value: { ok: true, checks: [] } };
      if (method === 'accounts.add') return { ok: true, value: { ...guess, id: 'a1', hasPassword: true, rememberPassword: true } };
      return { ok: false, error: { code: 'internal', message: '' } };
    });
    view = await render(<AccountSetup firstRun />);
    await fillIn();
    await click(field(view.container, 'Remember password'));
    await click(button(view.container, 'Add account'));
    await settle();
    expect(call.mock.calls.map(([method]) => method)).toEqual(['accounts.guess', 'accounts.test', 'accounts.add']);
    expect(call.mock.calls[2]?.[1]).toEqual({ settings: guess, password: 'secret', rememberPassword: true });
    expect(useStore.getState().toasts.map((toast) => toast.text)).toEqual(['Added alice@example.test.']);
  });

  it('explains what is missing before calling main', async () => {
    view = await render(<AccountSetup firstRun />);
    await click(button(view.container, 'Test connection'));
    await settle();
    expect(field(view.container, 'Email address').getAttribute('aria-invalid')).toBe('true');
    expect(view.container.textContent).toContain('Enter an email address like name@example.com.');
    expect(call).not.toHaveBeenCalled();
  });
});
