// @vitest-environment jsdom
/** Issue #12 §5: the reader toolbar's "More" menu works from the keyboard (WAI-ARIA APG menu button). */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MoreMenu } from '../../../../../src/renderer/features/commands/MoreMenu';
import { button, click, render, type Rendered } from '../../support/render';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const key = (target: Element, name: string) =>
  act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  });

describe('the More menu', () => {
  it('opens on its button with focus on the first item, moves with the arrows, runs the chosen one and closes', async () => {
    const copy = vi.fn();
    const forward = vi.fn();
    view = await render(<MoreMenu label="More" items={[{ label: 'Forward as attachment', run: forward }, { label: 'Copy to…', run: copy }]} />);
    const more = button(view.container, 'More');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await click(more);
    const menu = view.container.querySelector('[role="menu"]')!;
    const items = [...menu.querySelectorAll('[role="menuitem"]')];
    expect(items.map((item) => item.textContent)).toEqual(['Forward as attachment', 'Copy to…']);
    expect(document.activeElement).toBe(items[0]);
    await key(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(items[1]);
    await key(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(items[0]);
    await key(document.activeElement!, 'ArrowUp');
    await click(document.activeElement as HTMLElement);
    expect(copy).toHaveBeenCalledTimes(1);
    expect(forward).not.toHaveBeenCalled();
    expect(view.container.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(more);
  });

  it('closes on Escape and gives the focus back to its button', async () => {
    view = await render(<MoreMenu label="More" items={[{ label: 'Copy to…', run: () => {} }]} />);
    const more = button(view.container, 'More');
    await click(more);
    await key(document.activeElement!, 'Escape');
    expect(view.container.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(more);
  });
});
