import { describe, expect, it } from 'vitest';
import { displayName, senderDisplay } from '../../../../src/shared/compose/senderDisplay';

const sales = { name: 'Sales', address: 'sales@example.test' };
const bob = { name: 'bob', address: 'bob@example.test' };

describe('senderDisplay (issue #4 §7)', () => {
  it('shows "bob on behalf of Sales" when Sender differs from From', () => {
    expect(senderDisplay([sales], [bob])).toEqual({ kind: 'onBehalf', sender: bob, from: sales });
  });
  it('shows just From when Sender is the same address in another case', () => {
    expect(senderDisplay([sales], [{ name: 'S', address: 'SALES@example.test ' }])).toEqual({ kind: 'from', from: sales });
  });
  it('shows just From without a Sender', () => {
    expect(senderDisplay([sales, bob], [])).toEqual({ kind: 'from', from: sales });
  });
  it('shows nothing without a From', () => {
    expect(senderDisplay([], [bob])).toBeNull();
  });
  it('keeps non-ASCII names', () => {
    const ger = { name: 'Gér', address: 'ger@example.test' };
    const building = { name: 'Ontvangstgebouw 32', address: 'ontvangst@example.test' };
    expect(senderDisplay([building], [ger])).toEqual({ kind: 'onBehalf', sender: ger, from: building });
  });
});

describe('displayName', () => {
  it('is the name, else the full address', () => {
    expect(displayName({ name: 'Gér', address: 'ger@example.test' })).toBe('Gér');
    expect(displayName({ name: '  ', address: 'ger@example.test' })).toBe('ger@example.test');
  });
});
