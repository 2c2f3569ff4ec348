/**
 * CSS escapes can spell `url(` without those letters (`\75 rl(`): decode escapes that stand for
 * letters and digits, so a check sees what the browser will see (CSS Syntax §4.3.7). Escapes of
 * quotes, parentheses and backslashes stay escaped so strings keep their boundaries.
 *
 * Shared by the renderer's CSS sanitiser and main's check of remote image requests against the
 * message (issue #10 §4): both must read a URL in CSS the same way.
 */
export function decodeCssEscapes(css: string): string {
  return css.replace(/\\([0-9a-fA-F]{1,6})\s?|\\([^0-9a-fA-F\n])/g, (whole, hex: string | undefined, char: string | undefined) => {
    const decoded = hex !== undefined ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd) : (char ?? '');
    return /^[\p{L}\p{N}_-]$/u.test(decoded) ? decoded : whole;
  });
}
