// @vitest-environment jsdom
/** Issue #13 §2: the search tips list the operators in the person's language; Escape closes them and gives the focus back. */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchTips } from '../../../../../src/renderer/features/search/SearchTips';
import { useStore } from '../../../../../src/renderer/store';
import { button, click, render, type Rendered } from '../../support/render';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('search tips', () => {
  it('opens from its named button, explains the operators in Dutch, and Escape closes it back to the button', async () => {
    useStore.setState({ language: 'nl' });
    view = await render(<SearchTips />);
    const toggle = button(view.container, 'Zoektips');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    const panel = view.container.querySelector('[role="region"]')!;
    expect(panel.getAttribute('aria-label')).toBe('Zoektips');
    expect(panel.textContent).toContain('from:jan@example.com');
    expect(panel.textContent).toContain('Van een persoon of adres');
    expect(panel.textContent).toContain('coordinatie vindt Coördinatie');
    const close = button(view.container, 'Zoektips sluiten');
    await act(async () => {
      close.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(view.container.querySelector('[role="region"]')).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });
});
