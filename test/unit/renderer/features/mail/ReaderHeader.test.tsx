// @vitest-environment jsdom
/**
 * Issue #4 §7: a received message whose Sender differs from its From (RFC 5322 §3.6.2) names
 * both, as the person reads it — "bob on behalf of Sales", in Dutch "bob namens Sales".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { toMessageRow } from '../../../../../src/renderer/db/rows';
import { ReaderHeader } from '../../../../../src/renderer/features/mail/ReaderHeader';
import { useStore } from '../../../../../src/renderer/store';
import type { Address } from '../../../../../src/shared/model';
import { accountA, message } from '../../db/fixtures';
import { render, type Rendered } from '../../support/render';

const sales = { name: 'Sales', address: 'sales@example.test' };
const bob = { name: 'bob', address: 'bob@example.test' };
let view: Rendered | null = null;

afterEach(() => {
  view?.unmount();
  view = null;
});

/** The "From" row as the reader shows it, in `language`. */
async function fromRow(language: 'en' | 'nl', from: Address[], sender: Address[]): Promise<string> {
  useStore.setState({ language });
  view = await render(<ReaderHeader message={toMessageRow(message(1, { from, sender }), accountA)} />);
  const label = language === 'en' ? 'From' : 'Van';
  const row = [...view.container.querySelectorAll('.reader__meta-row')].find((r) => r.querySelector('dt')?.textContent === label);
  return row?.querySelector('dd')?.textContent ?? '';
}

describe('the reader header (issue #4 §7)', () => {
  it('shows a message sent on behalf as "bob on behalf of Sales"', async () => {
    expect(await fromRow('en', [sales], [bob])).toBe('bob on behalf of Sales');
  });

  it('says it in Dutch with "namens"', async () => {
    expect(await fromRow('nl', [sales], [bob])).toBe('bob namens Sales');
  });

  it('shows only the From when the Sender is the same address or absent', async () => {
    expect(await fromRow('en', [sales], [{ name: '', address: 'SALES@example.test' }])).toBe('Sales <sales@example.test>');
    expect(await fromRow('nl', [sales], [])).toBe('Sales <sales@example.test>');
  });
});

describe('names cannot lie (issue #10 §3)', () => {
  it('isolates a display name with an override, so it cannot run on over the real address', async () => {
    useStore.setState({ language: 'en' });
    const attacker = { name: 'attacker\u202E', address: 'evil@example.test' };
    view = await render(<ReaderHeader message={toMessageRow(message(1, { from: [attacker], subject: 'Factuur \u202Efdp.exe' }), accountA)} />);
    const from = [...view.container.querySelectorAll('.reader__meta-row')].find((r) => r.querySelector('dt')?.textContent === 'From');
    const isolates = [...(from?.querySelectorAll('dd bdi') ?? [])].map((b) => b.textContent);
    // The name is an isolate of its own, the address outside it (in its own isolate).
    expect(isolates).toEqual(['attacker\u202E', 'evil@example.test']);
    expect(from?.querySelector('dd')?.textContent).toBe('attacker\u202E <evil@example.test>');
    expect(view.container.querySelector('h2 > bdi')?.textContent).toBe('Factuur \u202Efdp.exe');
  });

  it('a stray PDI in a name cannot close its isolate early', async () => {
    useStore.setState({ language: 'en' });
    view = await render(<ReaderHeader message={toMessageRow(message(1, { from: [{ name: 'x\u2069\u202Emoc.knab', address: 'evil@example.test' }] }), accountA)} />);
    expect(view.container.querySelector('dd bdi')?.textContent).toBe('x\u202Emoc.knab');
  });
});

describe('sender warnings (issue #10 §3)', () => {
  async function warnings(language: 'en' | 'nl', from: Address[]): Promise<string[]> {
    useStore.setState({ language, accounts: [], identities: [] });
    view = await render(<ReaderHeader message={toMessageRow(message(1, { from }), accountA)} />);
    return [...view.container.querySelectorAll('.sender-warnings li')].map((li) => li.textContent ?? '');
  }

  it('says when the name is another address, in English and Dutch', async () => {
    const from = [{ name: 'info@bank.example', address: 'x@evil.test' }];
    expect(await warnings('en', from)).toEqual(['The name shows info@bank.example, but this message comes from x@evil.test.']);
    view?.unmount();
    expect(await warnings('nl', from)).toEqual(['De naam toont info@bank.example, maar dit bericht komt van x@evil.test.']);
  });

  it('names the alphabets a look-alike name mixes', async () => {
    const [en] = await warnings('en', [{ name: 'P\u0430yPal', address: 'service@paypal.example' }]);
    expect(en).toContain('Latin, Cyrillic');
    view?.unmount();
    const [nl] = await warnings('nl', [{ name: 'P\u0430yPal', address: 'service@paypal.example' }]);
    expect(nl).toContain('Latijns, Cyrillisch');
  });

  it('says nothing for an ordinary sender', async () => {
    expect(await warnings('en', [bob])).toEqual([]);
    expect(view?.container.querySelector('.sender-warnings')).toBeNull();
  });
});
