import { describe, expect, it } from 'vitest';
import type { Task } from '../../../../src/shared/api';
import { rememberUndo, takeUndo, undoWindowMs } from '../../../../src/renderer/tasks/undoMemory';

const task = (uid: number): Task => ({ type: 'setFlags', accountId: 'a', folderPath: 'INBOX', uids: [uid], add: [], remove: ['\\Seen'] });

describe('the last undoable action', () => {
  it('is kept for at least the issue’s 10 seconds, then forgotten', () => {
    expect(undoWindowMs).toBeGreaterThanOrEqual(10_000);
    rememberUndo([task(1)], 0);
    expect(takeUndo(undoWindowMs + 1)).toBeNull();
    rememberUndo([task(2)], 0);
    expect(takeUndo(10_000)?.tasks).toEqual([task(2)]);
    expect(takeUndo(10_001)).toBeNull();
  });

  it('is replaced by a newer action, also one that cannot be undone', () => {
    const first = rememberUndo([task(1)], 0);
    rememberUndo([task(2)], 1);
    expect(takeUndo(2, first?.id)).toBeNull();
    expect(takeUndo(2)?.tasks).toEqual([task(2)]);
    rememberUndo([task(3)], 3);
    rememberUndo([], 4);
    expect(takeUndo(5)).toBeNull();
  });

  it('can be taken by its own notice after the window while it is still the latest', () => {
    const entry = rememberUndo([task(1)], 0);
    expect(takeUndo(60_000, entry?.id)?.tasks).toEqual([task(1)]);
  });
});
