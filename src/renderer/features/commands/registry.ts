/**
 * Every keyboard command of the mail view in one table (issue #12 §5): its id, its label (the
 * same words the menus and the `?` overlay use) and its keys in each scheme. Outlook's desktop
 * keys are the default; Gmail's set is the option in Settings. What a command does lives in
 * runCommand.ts; this table is pure so key matching is tested for both schemes.
 *
 * Choices where the schemes leave a gap (documented in the overlay itself):
 * - Archive is `e` in both: Outlook on the web binds E (desktop Outlook's Backspace is too easy
 *   to press by accident in a list).
 * - Gmail's `u` ("back to list") returns focus to the message list; mark read / unread are
 *   Gmail's Shift+I / Shift+U.
 * - Search is Ctrl+E (Outlook) and `/` (Gmail) in both sets (issue #13 §1): neither key means
 *   anything else in either, and a person who knows one client finds the box with its key.
 */
import type { MessageKey as I18nKey, ParamsOf } from '../../i18n/types';

/** A label without placeholders (every command's name). */
export type LabelKey = { [K in I18nKey]: ParamsOf<K> extends [] ? K : never }[I18nKey];
import { matches, type KeyPress } from './keys';

export type Scheme = 'outlook' | 'gmail';

export const commandIds = [
  'reply',
  'replyAll',
  'forward',
  'markRead',
  'markUnread',
  'toggleFlag',
  'move',
  'copy',
  'archive',
  'junk',
  'notJunk',
  'delete',
  'deletePermanently',
  'undo',
  'newMessage',
  'next',
  'previous',
  'backToList',
  'selectAll',
  'toggleSelect',
  'clearSelection',
  'contextMenu',
  'shortcuts',
  'search',
] as const;

export type CommandId = (typeof commandIds)[number];

export interface CommandSpec {
  id: CommandId;
  label: LabelKey;
  outlook: readonly string[];
  gmail: readonly string[];
}

/** Keys the message list handles itself (moving the active row): listed in the overlay only. */
export interface ListKeySpec {
  label: LabelKey;
  keys: readonly string[];
}

export const commandSpecs: readonly CommandSpec[] = [
  { id: 'reply', label: 'commands.reply', outlook: ['Ctrl+R'], gmail: ['r'] },
  { id: 'replyAll', label: 'commands.replyAll', outlook: ['Ctrl+Shift+R'], gmail: ['a'] },
  { id: 'forward', label: 'commands.forward', outlook: ['Ctrl+F'], gmail: ['f'] },
  { id: 'markRead', label: 'commands.markRead', outlook: ['Ctrl+Q'], gmail: ['Shift+I'] },
  { id: 'markUnread', label: 'commands.markUnread', outlook: ['Ctrl+U'], gmail: ['Shift+U'] },
  { id: 'toggleFlag', label: 'commands.toggleFlag', outlook: ['Insert'], gmail: ['s'] },
  { id: 'move', label: 'commands.move', outlook: ['Ctrl+Shift+V'], gmail: ['m'] },
  { id: 'copy', label: 'commands.copy', outlook: ['Ctrl+Shift+C'], gmail: [] },
  { id: 'archive', label: 'commands.archive', outlook: ['e'], gmail: ['e'] },
  { id: 'junk', label: 'commands.junk', outlook: ['Ctrl+Alt+J'], gmail: ['!'] },
  { id: 'notJunk', label: 'commands.notJunk', outlook: [], gmail: [] },
  { id: 'delete', label: 'commands.delete', outlook: ['Delete'], gmail: ['#', 'Delete'] },
  { id: 'deletePermanently', label: 'commands.deletePermanently', outlook: ['Shift+Delete'], gmail: ['Shift+Delete'] },
  { id: 'undo', label: 'commands.undo', outlook: ['Ctrl+Z'], gmail: ['z', 'Ctrl+Z'] },
  { id: 'newMessage', label: 'commands.newMessage', outlook: ['n'], gmail: ['c'] },
  { id: 'next', label: 'commands.next', outlook: ['Ctrl+.'], gmail: ['j'] },
  { id: 'previous', label: 'commands.previous', outlook: ['Ctrl+,'], gmail: ['k'] },
  { id: 'backToList', label: 'commands.backToList', outlook: [], gmail: ['u'] },
  { id: 'selectAll', label: 'commands.selectAll', outlook: ['Ctrl+A'], gmail: ['Ctrl+A'] },
  { id: 'toggleSelect', label: 'commands.toggleSelect', outlook: ['Ctrl+Space'], gmail: ['x'] },
  { id: 'clearSelection', label: 'commands.clearSelection', outlook: ['Escape'], gmail: ['Escape'] },
  { id: 'contextMenu', label: 'commands.contextMenu', outlook: ['Shift+F10', 'ContextMenu'], gmail: ['Shift+F10', 'ContextMenu'] },
  { id: 'shortcuts', label: 'commands.shortcuts', outlook: ['?'], gmail: ['?'] },
  { id: 'search', label: 'search.command', outlook: ['Ctrl+E', '/'], gmail: ['/', 'Ctrl+E'] },
];

export const listKeys: readonly ListKeySpec[] = [
  { label: 'commands.moveInList', keys: ['ArrowUp', 'ArrowDown', 'Home', 'End'] },
  { label: 'commands.extendSelection', keys: ['Shift+ArrowUp', 'Shift+ArrowDown'] },
  { label: 'commands.open', keys: ['Enter'] },
];

export function keysOf(id: CommandId, scheme: Scheme): readonly string[] {
  return commandSpecs.find((spec) => spec.id === id)?.[scheme] ?? [];
}

/** The command a key press means in the scheme, or null. */
export function commandFor(press: KeyPress, scheme: Scheme): CommandId | null {
  for (const spec of commandSpecs) if (spec[scheme].some((binding) => matches(binding, press))) return spec.id;
  return null;
}

