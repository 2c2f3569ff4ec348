// @vitest-environment jsdom
/**
 * Issue #13 §1: the search box as a person uses it — results follow the typing after a short
 * pause, Enter searches at once and remembers, the empty box offers recent searches (arrows +
 * Enter), Escape empties the box and then goes back to the list, Ctrl+E / `/` (focusSearch)
 * put the focus in it, and a search opened elsewhere (a saved search) shows in it.
 */
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SearchBox } from '../../../../../src/renderer/features/search/SearchBox';
import { typingDelayMs } from '../../../../../src/renderer/features/search/useSearchText';
import { useStore } from '../../../../../src/renderer/store';
import { button, render, type, type Rendered } from '../../support/render';

let view: Rendered | null = null;
let list: HTMLElement;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  localStorage.clear();
  useStore.setState({ language: 'en', search: null, searchFocusRequest: 0, selectedAccountId: null, selectedFolderPath: null });
  list = document.createElement('div');
  list.id = 'message-list';
  list.tabIndex = 0;
  document.body.append(list);
});

afterEach(() => {
  view?.unmount();
  view = null;
  list.remove();
  vi.useRealTimers();
});

const box = () => view!.container.querySelector<HTMLInputElement>('input[role="combobox"]')!;
const press = (key: string) =>
  act(async () => {
    box().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
const wait = (ms: number) =>
  act(async () => {
    vi.advanceTimersByTime(ms);
  });

describe('the search box', () => {
  it('is named and searches everywhere as the person pauses typing, not at every key', async () => {
    view = await render(<SearchBox />);
    expect(box().getAttribute('aria-label')).toBe('Search mail');
    await type(box(), 'fact');
    await wait(typingDelayMs - 20);
    expect(useStore.getState().search).toBeNull();
    await type(box(), 'factuur');
    await wait(typingDelayMs - 20);
    expect(useStore.getState().search).toBeNull();
    await wait(20);
    expect(useStore.getState().search).toEqual({ text: 'factuur', scope: { kind: 'all' } });
  });

  it('Enter searches at once and remembers; the empty box offers it again (arrows + Enter)', async () => {
    view = await render(<SearchBox />);
    await type(box(), 'from:jan');
    await press('Enter');
    expect(useStore.getState().search?.text).toBe('from:jan');
    await press('Escape');
    expect(box().value).toBe('');
    expect(useStore.getState().search).toBeNull();
    const listbox = view.container.querySelector('[role="listbox"]');
    expect(listbox?.getAttribute('aria-label')).toBe('Recent searches');
    await press('ArrowDown');
    const active = box().getAttribute('aria-activedescendant');
    expect(document.getElementById(active!)?.getAttribute('aria-label')).toBe('Recent search: from:jan');
    await press('Enter');
    expect(box().value).toBe('from:jan');
    expect(useStore.getState().search?.text).toBe('from:jan');
    // Shift+Delete forgets it.
    await press('Escape');
    await press('ArrowDown');
    await act(async () => {
      box().dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', shiftKey: true, bubbles: true, cancelable: true }));
    });
    expect(view.container.querySelector('[role="listbox"]')).toBeNull();
    expect(localStorage.getItem('postvak:recentSearches')).toBe('[]');
  });

  it('Escape empties the box (the list shows the folder again), a second Escape goes back to the list', async () => {
    view = await render(<SearchBox />);
    await type(box(), 'offerte');
    await wait(typingDelayMs);
    expect(useStore.getState().search).not.toBeNull();
    await press('Escape');
    expect(box().value).toBe('');
    expect(useStore.getState().search).toBeNull();
    expect(document.activeElement).toBe(box());
    await press('Escape');
    expect(document.activeElement).toBe(list);
  });

  it('takes the focus when Ctrl+E or / asks for it (focusSearch), not before', async () => {
    view = await render(<SearchBox />);
    list.focus();
    expect(document.activeElement).toBe(list);
    await act(async () => useStore.getState().focusSearch());
    expect(document.activeElement).toBe(box());
  });

  it('shows a search opened elsewhere (a saved search) and keeps its id while unchanged', async () => {
    view = await render(<SearchBox />);
    await act(async () => useStore.getState().setSearch({ text: 'mailbox:info@ -is:answered', scope: { kind: 'all' }, savedId: 's1' }));
    expect(box().value).toBe('mailbox:info@ -is:answered');
    await press('Enter');
    expect(useStore.getState().search?.savedId).toBe('s1');
    await type(box(), 'mailbox:info@');
    await wait(typingDelayMs);
    expect(useStore.getState().search).toEqual({ text: 'mailbox:info@', scope: { kind: 'all' } });
  });

  it('the scope switch: shown once the search has the focus, Everywhere by default, This folder narrows at once, a choice without a folder row is disabled', async () => {
    useStore.setState({ selectedAccountId: 'acc1', selectedFolderPath: 'INBOX' });
    view = await render(<SearchBox />);
    const radio = (name: string) => [...view!.container.querySelectorAll('label')].find((l) => l.textContent === name)?.querySelector('input');
    // Not searching, not focused: the list keeps the room.
    expect(radio('Everywhere')).toBeUndefined();
    await act(async () => box().focus());
    expect(radio('Everywhere')!.checked).toBe(true);
    expect(radio('This mailbox')!.disabled).toBe(true);
    await type(box(), 'offerte');
    await act(async () => radio('This folder')!.click());
    expect(useStore.getState().search).toEqual({ text: 'offerte', scope: { kind: 'folder', accountId: 'acc1', folderPath: 'INBOX' } });
  });

  it('suggests operators as the person types: arrows choose, Tab takes one; a chip’s button takes its term out', async () => {
    view = await render(<SearchBox />);
    await type(box(), 'fr');
    expect(box().getAttribute('aria-expanded')).toBe('true');
    await press('ArrowDown');
    expect(document.getElementById(box().getAttribute('aria-activedescendant')!)?.textContent).toContain('from:');
    await press('Tab');
    expect(box().value).toBe('from:');

    await type(box(), 'offerte is:unread');
    await press('Enter');
    const remove = button(view.container, 'Remove Unread');
    await act(async () => remove.click());
    expect(box().value).toBe('offerte');
    expect(useStore.getState().search?.text).toBe('offerte');
  });
});
