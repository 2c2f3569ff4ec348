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
