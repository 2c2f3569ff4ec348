/**
 * File names for what Postvak writes to disk or hands to a browser download — saved
 * attachments, exported calendars, forwarded messages, attachments added to a draft — cleaned
 * in one place (issue #10 §12) for main and the renderer. The name comes from a stranger (a
 * MIME filename parameter, a subject) or a person, and must stay one harmless path component on
 * Linux, macOS and Windows:
 * - no path separators or characters Windows refuses (`\ / : * ? " < > |`): each becomes `_`;
 * - no control characters (C0, DEL, C1) and no bidirectional controls, which would let
 *   "factuur\u202Efdp.exe" be listed as "factuurexe.pdf" (issue #10 §3; see text/bidi.ts);
 * - no leading or trailing dots and spaces (a hidden file, or one Windows renames), no device
 *   names Windows reserves (CON, NUL, COM1 …);
 * - at most 255 bytes of UTF-8 (ext4, APFS, NTFS limits), cut before the extension so
 *   "report.pdf" stays a .pdf;
 * - a name without a letter or digit left is no name: the fallback is used.
 */

import { stripBidiControls } from './text/bidi';

const separatorsAndReserved = /[\\/:*?"<>|]/g;
// Control characters (\p{Cc}: C0, DEL, C1); the bidi controls go through text/bidi.ts.
const controls = /\p{Cc}/gu;
const windowsDevice = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
const MAX_BYTES = 255;

/** `name` as a safe single file name, or `fallback` when nothing meaningful is left. */
export function safeFileName(name: string, fallback = 'attachment', maxBytes = MAX_BYTES): string {
  const cleaned = stripBidiControls(name)
    .replace(controls, '')
    .replace(separatorsAndReserved, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (!/[\p{L}\p{N}]/u.test(cleaned)) return fallback;
  const safe = windowsDevice.test(cleaned) ? `_${cleaned}` : cleaned;
  return withinBytes(safe, maxBytes);
}

/** `name` cut to `maxBytes` of UTF-8 without splitting a character, keeping a short extension. */
function withinBytes(name: string, maxBytes: number): string {
  const bytes = (text: string) => new TextEncoder().encode(text).length;
  if (bytes(name) <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  let stem = '';
  for (const character of name.slice(0, name.length - extension.length)) {
    if (bytes(stem + character + extension) > maxBytes) break;
    stem += character;
  }
  return stem.replace(/[.\s]+$/, '') + extension;
}
