// @vitest-environment jsdom
/** Issue #12 §5: after archive/delete/move of the open message, the message after it opens — once they really left the list. */
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceIndex } from '../../../../../src/renderer/db/index/sourceIndex';
import type { MessageKey } from '../../../../../src/renderer/db/rows';
import { followRemoval } from '../../../../../src/renderer/features/commands/followRemoval';
import { registerList } from '../../../../../src/renderer/features/mail/selection/listController';
import { anchorAt, emptySelection, extendTo } from '../../../../../src/renderer/features/mail/selection/selectionModel';
import { useStore } from '../../../../../src/renderer/store';

/** A list of UIDs (newest first) that a test can take messages out of, as the index does after an optimistic removal. */
function fakeIndex(uids: number[]) {
  const listeners = new Set<() => void>();
  let list = [...uids];
  const index = {
    ready: true,
    version: 0,
    get length() {
      return list.length;
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenCurrent: async () => {},
    refsAt: () => [],
    positionOf: (m: { uid: number }) => list.indexOf(m.uid),
    keyAt: (p: number) => (list[p] === undefined ? undefined : (['acc', 'INBOX', list[p]] as MessageKey)),
    bitsAt: () => 0,
  } satisfies SourceIndex;
  return {
    index,
    remove(gone: number[]) {
      list = list.filter((uid) => !gone.includes(uid));
      for (const listener of [...listeners]) listener();
    },
  };
}

const key = (uid: number): MessageKey => ['acc', 'INBOX', uid];
let unregister: () => void = () => {};
afterEach(() => unregister());

function showList(uids: number[]) {
  const fake = fakeIndex(uids);
  unregister = registerList({
    source: { kind: 'folder', accountId: 'acc', folderPath: 'INBOX' },
    index: fake.index,
    activeKey: () => null,
    openBy: () => {},
    selectAll: () => {},
    toggleActive: () => {},
    openMenu: () => {},
    focus: () => {},
  });
  return fake;
}

describe('after messages leave the list', () => {
  it('opens the message after the open one (skipping the others removed with it) and clears the selection', async () => {
    const fake = showList([6, 5, 4, 3, 2, 1]);
    useStore.setState({ selectedMessage: key(5), messageSelection: extendTo(anchorAt({ key: key(5), date: 0 }), { key: key(4), date: 0 }, null) });
    const done = await followRemoval([key(5), key(4)]);
    expect(useStore.getState().selectedMessage).toEqual(key(5));
    fake.remove([5, 4]);
    expect(useStore.getState().selectedMessage).toEqual(key(3));
    expect(useStore.getState().messageSelection.range).toBeNull();
    await done();
  });

  it('opens the one before when the last ones went', async () => {
    const fake = showList([3, 2, 1]);
    useStore.setState({ selectedMessage: key(1), messageSelection: emptySelection });
    const done = await followRemoval([key(1)]);
    fake.remove([1]);
    expect(useStore.getState().selectedMessage).toEqual(key(2));
    await done();
  });

  it('changes nothing when the messages stay (a refusal, a cancelled question)', async () => {
    showList([3, 2, 1]);
    useStore.setState({ selectedMessage: key(2), messageSelection: emptySelection });
    const done = await followRemoval([key(2)]);
    await done();
    expect(useStore.getState().selectedMessage).toEqual(key(2));
  });

  it('leaves the open message alone when it was not among those removed', async () => {
    const fake = showList([3, 2, 1]);
    useStore.setState({ selectedMessage: key(3), messageSelection: emptySelection });
    const done = await followRemoval([key(1)]);
    fake.remove([1]);
    expect(useStore.getState().selectedMessage).toEqual(key(3));
    await done();
  });
});
