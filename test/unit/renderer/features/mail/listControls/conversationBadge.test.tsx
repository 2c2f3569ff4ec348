// @vitest-environment jsdom
/** Issue #12 §4: a conversation row says how many messages it stands for, to the eye and to a screen reader. */
import { afterEach, describe, expect, it } from 'vitest';
import { toMessageRow } from '../../../../../../src/renderer/db/rows';
import { MessageRow } from '../../../../../../src/renderer/features/mail/MessageRow';
import { useStore } from '../../../../../../src/renderer/store';
import { accountA, message } from '../../../db/fixtures';
import { render, type Rendered } from '../../../support/render';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const rowOf = async (conversationSize: number | undefined) => {
  useStore.setState({ language: 'en' });
  const row = { ...toMessageRow(message(1), accountA), ...(conversationSize !== undefined && { conversationSize }) };
  view?.unmount();
  view = await render(<MessageRow row={row} index={0} count={1} top={0} height={72} active={false} selected={false} onClick={() => undefined} onDragStart={() => undefined} />);
  const option = view.container.querySelector('[role=option]') as HTMLElement;
  const description = view.container.querySelector(`#${option.getAttribute('aria-describedby') ?? ''}`)?.textContent ?? '';
  return { badge: view.container.querySelector('.message-row__conversation')?.textContent ?? null, description };
};

describe('a conversation row', () => {
  it('shows the conversation size and describes it', async () => {
    const three = await rowOf(3);
    expect(three.badge).toBe('3');
    expect(three.description).toContain('3 messages in this conversation');
  });

  it('shows nothing for a message on its own', async () => {
    for (const size of [undefined, 1]) {
      const single = await rowOf(size);
      expect(single.badge).toBeNull();
      expect(single.description).not.toContain('conversation');
    }
  });
});
