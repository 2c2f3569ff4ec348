/**
 * Key bindings as written in the command registry ("Ctrl+Shift+R", "Delete", "j", "#") and
 * whether a key press matches one (issue #12 §5). Pure, so both schemes are tested without a DOM.
 *
 * - `Ctrl` also matches Cmd (metaKey), so the Outlook set works on a Mac keyboard — except the
 *   Mac's own Cmd+Q/W/H/M.
 * - A letter matches case-insensitively, with Shift only when the binding says Shift ("Shift+U").
 * - Another printable character ("#", "?", "!") matches whatever modifier produced it: on a US
 *   keyboard "#" is Shift+3, on others AltGr+3, so Shift and Alt are not compared.
 */

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Binding {
  key: string;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
}

function parse(binding: string): Binding {
  const parts = binding.split('+');
  // "Ctrl++" or "+" would name the plus key itself; no binding uses it.
  const key = parts.pop() ?? '';
  return { key, ctrl: parts.includes('Ctrl'), shift: parts.includes('Shift'), alt: parts.includes('Alt') };
}

const isLetter = (key: string) => key.length === 1 && key.toLowerCase() !== key.toUpperCase();

/** The space bar's `key` is " "; bindings call it Space. */
const keyName = (key: string) => (key === ' ' ? 'Space' : key);

/** Cmd+Q/W/H/M quit, close, hide and minimise on a Mac: never ours, whatever Ctrl+Q means here. */
const macSystemKeys = new Set(['q', 'w', 'h', 'm']);

export function matches(binding: string, press: KeyPress): boolean {
  const want = parse(binding);
  const pressed = keyName(press.key);
  if (press.metaKey && macSystemKeys.has(pressed.toLowerCase())) return false;
  const ctrl = press.ctrlKey || press.metaKey;
  if (ctrl !== want.ctrl) return false;
  if (want.key.length === 1 && !isLetter(want.key)) return pressed === want.key;
  if (press.altKey !== want.alt || press.shiftKey !== want.shift) return false;
  if (isLetter(want.key)) return pressed.toLowerCase() === want.key.toLowerCase();
  return pressed === want.key;
}

/** The binding in WAI-ARIA `aria-keyshortcuts` form ("Control+Shift+R"). */
export function ariaKeys(binding: string): string {
  const { key, ctrl, shift, alt } = parse(binding);
  const name = isLetter(key) ? key.toUpperCase() : key;
  return [ctrl && 'Control', alt && 'Alt', shift && 'Shift', name].filter(Boolean).join('+');
}

/** Whether the key press is typing (a field or an editable area), where no shortcut may fire. */
export function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  // A checkbox or a button-like input takes no text: shortcuts still work there.
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

/** Whether something modal owns the keyboard now: a dialog, an open menu, a listbox popup. */
export function somethingModalOpen(doc: Document): boolean {
  return doc.querySelector('dialog[open], [role="dialog"], [role="alertdialog"], [role="menu"]') !== null;
}
