/** Issue #12 §5: which command a key press means, in the Outlook and the Gmail scheme, and when none may fire. */
// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ariaKeys, isTyping, matches, somethingModalOpen, type KeyPress } from '../../../../../src/renderer/features/commands/keys';
import { commandFor, commandSpecs, keysOf } from '../../../../../src/renderer/features/commands/registry';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('key matching', () => {
  it('tells Ctrl+R, Ctrl+Shift+R and a plain r apart', () => {
    expect(matches('Ctrl+R', press('r', { ctrlKey: true }))).toBe(true);
    expect(matches('Ctrl+R', press('R', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matches('Ctrl+Shift+R', press('R', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matches('Ctrl+R', press('r'))).toBe(false);
    expect(matches('r', press('r', { ctrlKey: true }))).toBe(false);
    expect(matches('Shift+U', press('U', { shiftKey: true }))).toBe(true);
    expect(matches('u', press('U', { shiftKey: true }))).toBe(false);
  });

  it('takes Cmd for Ctrl (a Mac keyboard), but leaves Cmd+Q (quit) to the Mac', () => {
    expect(matches('Ctrl+R', press('r', { metaKey: true }))).toBe(true);
    expect(matches('Ctrl+Q', press('q', { metaKey: true }))).toBe(false);
    expect(matches('Ctrl+Q', press('q', { ctrlKey: true }))).toBe(true);
  });

  it('matches # and ? however the keyboard layout produces them', () => {
    expect(matches('#', press('#', { shiftKey: true }))).toBe(true);
    expect(matches('#', press('#', { altKey: true }))).toBe(true);
    expect(matches('?', press('?', { shiftKey: true }))).toBe(true);
    expect(matches('#', press('3', { shiftKey: true }))).toBe(false);
  });

  it('names the space bar Space and writes aria-keyshortcuts the WAI-ARIA way', () => {
    expect(matches('Ctrl+Space', press(' ', { ctrlKey: true }))).toBe(true);
    expect(ariaKeys('Ctrl+Shift+R')).toBe('Control+Shift+R');
    expect(ariaKeys('Insert')).toBe('Insert');
    expect(ariaKeys('j')).toBe('J');
  });
});

describe('the schemes', () => {
  it('Outlook (the default set): Ctrl+R, Ctrl+Shift+R, Ctrl+F, Delete, Ctrl+Q, Ctrl+U, Insert, Ctrl+Shift+V', () => {
    expect(commandFor(press('r', { ctrlKey: true }), 'outlook')).toBe('reply');
    expect(commandFor(press('R', { ctrlKey: true, shiftKey: true }), 'outlook')).toBe('replyAll');
    expect(commandFor(press('f', { ctrlKey: true }), 'outlook')).toBe('forward');
    expect(commandFor(press('Delete'), 'outlook')).toBe('delete');
    expect(commandFor(press('Delete', { shiftKey: true }), 'outlook')).toBe('deletePermanently');
    expect(commandFor(press('q', { ctrlKey: true }), 'outlook')).toBe('markRead');
    expect(commandFor(press('u', { ctrlKey: true }), 'outlook')).toBe('markUnread');
    expect(commandFor(press('Insert'), 'outlook')).toBe('toggleFlag');
    expect(commandFor(press('V', { ctrlKey: true, shiftKey: true }), 'outlook')).toBe('move');
    expect(commandFor(press('z', { ctrlKey: true }), 'outlook')).toBe('undo');
    expect(commandFor(press('a', { ctrlKey: true }), 'outlook')).toBe('selectAll');
    expect(commandFor(press('?', { shiftKey: true }), 'outlook')).toBe('shortcuts');
    expect(commandFor(press('j'), 'outlook')).toBeNull();
  });

  it('Gmail: j/k, r, a, f, e, #, m, s, u, x', () => {
    const gmail = (key: string, mods = {}) => commandFor(press(key, mods), 'gmail');
    expect([gmail('j'), gmail('k'), gmail('r'), gmail('a'), gmail('f'), gmail('e')]).toEqual(['next', 'previous', 'reply', 'replyAll', 'forward', 'archive']);
    expect([gmail('#', { shiftKey: true }), gmail('m'), gmail('s'), gmail('u'), gmail('x')]).toEqual(['delete', 'move', 'toggleFlag', 'backToList', 'toggleSelect']);
    expect(gmail('U', { shiftKey: true })).toBe('markUnread');
    expect(gmail('r', { ctrlKey: true })).toBeNull();
  });

  it('gives / and Ctrl+E (Cmd+E) to search (issue #13 §1) in both, and plain e stays Archive', () => {
    for (const scheme of ['outlook', 'gmail'] as const) {
      expect(commandFor(press('/'), scheme)).toBe('search');
      expect(commandFor(press('e', { ctrlKey: true }), scheme)).toBe('search');
      expect(commandFor(press('E', { metaKey: true }), scheme)).toBe('search');
      expect(commandFor(press('e'), scheme)).toBe('archive');
      expect(commandFor(press('/', { ctrlKey: true }), scheme)).toBeNull();
    }
  });

  it('gives no key two commands within a scheme', () => {
    for (const scheme of ['outlook', 'gmail'] as const) {
      const all = commandSpecs.flatMap((spec) => keysOf(spec.id, scheme));
      expect(new Set(all).size).toBe(all.length);
    }
  });
});

describe('when shortcuts may not fire', () => {
  it('not while typing in a field or an editable area, but on a checkbox or a button', () => {
    const input = document.createElement('input');
    const area = document.createElement('textarea');
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    const button = document.createElement('button');
    expect([input, area].map(isTyping)).toEqual([true, true]);
    expect(isTyping(checkbox)).toBe(false);
    expect(isTyping(button)).toBe(false);
    // jsdom has no isContentEditable; a browser says true for the editable div.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(isTyping(editable)).toBe(true);
  });

  it('not while a dialog or a menu is open', () => {
    expect(somethingModalOpen(document)).toBe(false);
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    expect(somethingModalOpen(document)).toBe(true);
    dialog.remove();
    const menu = document.createElement('div');
    menu.setAttribute('role', 'menu');
    document.body.append(menu);
    expect(somethingModalOpen(document)).toBe(true);
    menu.remove();
  });
});
