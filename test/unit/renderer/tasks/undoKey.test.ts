import { describe, expect, it } from 'vitest';
import { isUndoKey } from '../../../../src/renderer/tasks/undoKey';

const key = (extra: Partial<KeyboardEvent>) => ({ key: 'z', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...extra });

describe('the undo key', () => {
  it('is Ctrl+Z, and Cmd+Z on a Mac', () => {
    expect(isUndoKey(key({ ctrlKey: true }), false)).toBe(true);
    expect(isUndoKey(key({ key: 'Z', ctrlKey: true }), false)).toBe(true);
    expect(isUndoKey(key({ metaKey: true }), true)).toBe(true);
    expect(isUndoKey(key({ metaKey: true }), false)).toBe(false);
    expect(isUndoKey(key({ ctrlKey: true }), true)).toBe(false);
  });

  it('is not redo (Shift) nor another chord', () => {
    expect(isUndoKey(key({ ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isUndoKey(key({ ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(isUndoKey(key({}), false)).toBe(false);
  });
});
