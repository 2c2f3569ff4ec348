import { describe, expect, it } from 'vitest';
import { dropVerdict, parseDraggedKeys, type DropSituation } from '../../../../../../src/renderer/features/mail/folderPicker/folderDrop';

const over: DropSituation = {
  carriesMessages: true,
  copyHeld: false,
  effectAllowed: 'copyMove',
  selectable: true,
  canMoveIn: true,
  isSource: false,
};

describe('dropVerdict', () => {
  it('moves by default and copies while Ctrl or Alt is held', () => {
    expect(dropVerdict(over)).toBe('move');
    expect(dropVerdict({ ...over, copyHeld: true })).toBe('copy');
  });

  it('refuses a folder without the insert right, the source folder, a container and drags that carry no messages', () => {
    expect(dropVerdict({ ...over, canMoveIn: false })).toBe('none');
    expect(dropVerdict({ ...over, isSource: true })).toBe('none');
    expect(dropVerdict({ ...over, isSource: true, copyHeld: true })).toBe('none');
    expect(dropVerdict({ ...over, selectable: false })).toBe('none');
    expect(dropVerdict({ ...over, carriesMessages: false })).toBe('none');
  });

  it('follows what the source allows', () => {
    expect(dropVerdict({ ...over, effectAllowed: 'copy' })).toBe('copy');
    expect(dropVerdict({ ...over, effectAllowed: 'move', copyHeld: true })).toBe('none');
    expect(dropVerdict({ ...over, effectAllowed: 'none' })).toBe('none');
    expect(dropVerdict({ ...over, effectAllowed: 'all', copyHeld: true })).toBe('copy');
  });
});

describe('parseDraggedKeys', () => {
  it('reads a list of message keys and nothing else', () => {
    expect(parseDraggedKeys(JSON.stringify([['a', 'INBOX', 4], ['a', 'shared/info@example.test/INBOX', 9]]))).toEqual([
      ['a', 'INBOX', 4],
      ['a', 'shared/info@example.test/INBOX', 9],
    ]);
    expect(parseDraggedKeys('')).toEqual([]);
    expect(parseDraggedKeys('{"a":1}')).toEqual([]);
    expect(parseDraggedKeys(JSON.stringify([['a', 'INBOX', 0]]))).toEqual([]);
    expect(parseDraggedKeys(JSON.stringify([['a', 'INBOX', '4']]))).toEqual([]);
  });
});
