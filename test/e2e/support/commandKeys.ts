/**
 * The keys of the app's commands as Playwright presses them, read from the command registry
 * (src/renderer/features/commands/registry.ts, issue #12 §5) — the same table the `?` overlay
 * shows a person — so a test presses what the app offers in the default (Outlook) scheme.
 */
import { keysOf, type CommandId, type Scheme } from '../../../src/renderer/features/commands/registry';

/** "Ctrl+Shift+R" → "Control+Shift+R"; a lone letter without Shift is pressed in lower case ("e"). */
export function playwrightKey(binding: string): string {
  const parts = binding.split('+');
  const key = parts.pop() ?? '';
  const modifiers = parts.map((part) => (part === 'Ctrl' ? 'Control' : part));
  const letter = key.length === 1 && key.toLowerCase() !== key.toUpperCase();
  return [...modifiers, letter && !modifiers.includes('Shift') ? key.toLowerCase() : key].join('+');
}

/** The first key of `command` in `scheme`, as Playwright presses it. */
export function commandKey(command: CommandId, scheme: Scheme = 'outlook'): string {
  const binding = keysOf(command, scheme)[0];
  if (!binding) throw new Error(`no ${scheme} key for the ${command} command`);
  return playwrightKey(binding);
}
