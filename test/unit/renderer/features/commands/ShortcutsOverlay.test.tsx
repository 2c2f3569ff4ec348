// @vitest-environment jsdom
/** Issue #12 §5: the `?` overlay lists the active set's keys with their names in the person's language. */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { setShortcutsOpen } from '../../../../../src/renderer/features/commands/overlayState';
import { ShortcutsOverlay } from '../../../../../src/renderer/features/commands/ShortcutsOverlay';
import { useStore } from '../../../../../src/renderer/store';
import { render, type Rendered } from '../../support/render';

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  act(() => setShortcutsOpen(false));
});

/** The overlay's rows as "name: keys". */
const rows = (container: HTMLElement) =>
  [...container.querySelectorAll('tbody tr')].map((tr) => `${tr.querySelector('th')?.textContent}: ${tr.querySelector('td')?.textContent}`);

describe('the shortcut overlay', () => {
  it('shows nothing until ? opens it, then the Outlook keys in Dutch', async () => {
    useStore.setState({ language: 'nl', shortcutScheme: 'outlook' });
    view = await render(<ShortcutsOverlay />);
    expect(view.container.querySelector('dialog')).toBeNull();
    await act(async () => setShortcutsOpen(true));
    expect(view.container.querySelector('.dialog__title')?.textContent).toBe('Sneltoetsen');
    expect(rows(view.container)).toEqual(
      expect.arrayContaining(['Beantwoorden: Ctrl+R', 'Allen beantwoorden: Ctrl+Shift+R', 'Verwijderen: Delete', 'Vlag zetten of weghalen: Insert', 'Verplaatsen naar…: Ctrl+Shift+V']),
    );
    expect(rows(view.container).some((line) => line.startsWith('Volgend bericht openen: j'))).toBe(false);
  });

  it('lists the Gmail set when it is chosen, and no command without a key', async () => {
    useStore.setState({ language: 'en', shortcutScheme: 'gmail' });
    view = await render(<ShortcutsOverlay />);
    await act(async () => setShortcutsOpen(true));
    expect(rows(view.container)).toEqual(
      expect.arrayContaining(['Open the next message: j', 'Open the previous message: k', 'Archive: e', 'Delete: # / Delete', 'Mark as unread: Shift+U', 'Select or deselect the message: x']),
    );
    expect(rows(view.container).some((line) => line.startsWith('Not junk'))).toBe(false);
  });
});
