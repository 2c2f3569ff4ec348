// @vitest-environment jsdom
/** Issue #10 §3: a stranger's text inside our words is a `<bdi>` of its own, balanced. */
import { afterEach, describe, expect, it } from 'vitest';
import { Isolated, isolatedSentence } from '../../../../src/renderer/components/Isolated';
import { render, type Rendered } from '../support/render';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('isolatedSentence', () => {
  it('puts each placeholder’s text in its own isolate and keeps our words outside', async () => {
    const words = isolatedSentence((p) => `Answered by ${p.by} from ${p.from} today`, { by: 'attacker\u202E', from: 'info@example.test' });
    view = await render(<p>{words}</p>);
    expect([...view.container.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['attacker\u202E', 'info@example.test']);
    expect(view.container.textContent).toBe('Answered by attacker\u202E from info@example.test today');
  });

  it('keeps a stray PDI from closing the isolate early', async () => {
    view = await render(<Isolated text={'a\u2069\u202Eb'} />);
    expect(view.container.querySelector('bdi')?.textContent).toBe('a\u202Eb');
  });
});
