// @vitest-environment jsdom
/** Issue #10 §3: the list's sender, subject and snippet are bidi isolates. */
import { afterEach, describe, expect, it } from 'vitest';
import { toMessageRow } from '../../../../../src/renderer/db/rows';
import { MessageRow } from '../../../../../src/renderer/features/mail/MessageRow';
import { useStore } from '../../../../../src/renderer/store';
import { accountA, message } from '../../db/fixtures';
import { render, type Rendered } from '../../support/render';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('a message row', () => {
  it('shows the sender, subject and snippet each in an isolate of its own', async () => {
    useStore.setState({ language: 'en' });
    const row = toMessageRow(message(1, { from: [{ name: 'attacker\u202E', address: 'evil@evil.test' }], subject: 'factuur\u202Efdp.exe', snippet: 'x\u2069\u202Ey' }), accountA);
    view = await render(<MessageRow row={row} index={0} count={1} top={0} height={72} active={false} selected={false} onClick={() => undefined} onDragStart={() => undefined} />);
    const text = (selector: string) => {
      const element = view!.container.querySelector(selector);
      return element?.tagName === 'BDI' ? element.textContent : null;
    };
    expect(text('.message-row__sender')).toBe('attacker\u202E');
    expect(text('.message-row__subject')).toBe('factuur\u202Efdp.exe');
    expect(text('.message-row__snippet')).toBe('x\u202Ey');
  });
});
