/**
 * CSS from mail (`<style>` blocks and `style` attributes), made inert: no imports, no legacy
 * script hooks, and every `url()` / `image-set()` resolved through the caller's image policy.
 * The output only ever reaches the CSSOM (never HTML), so it cannot break out into markup.
 */

/** Returns the replacement URL for an image reference, or null to drop it. */
export type ImageResolver = (url: string) => string | null;

/**
 * CSS escapes can spell `url(` without those letters (`\75 rl(`): decode escapes that stand
 * for letters and digits first, so the checks below see what the browser will see (CSS Syntax
 * §4.3.7). Escapes of quotes, parentheses and backslashes stay escaped so strings keep their
 * boundaries.
 */
function decodeEscapes(css: string): string {
  return css.replace(/\\([0-9a-fA-F]{1,6})\s?|\\([^0-9a-fA-F\n])/g, (whole, hex: string | undefined, char: string | undefined) => {
    const decoded = hex !== undefined ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd) : (char ?? '');
    return /^[\p{L}\p{N}_-]$/u.test(decoded) ? decoded : whole;
  });
}

function quote(url: string): string {
  return `url("${url.replace(/["\\\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}")`;
}

export function sanitizeCss(input: string, resolveImage: ImageResolver): string {
  let css = decodeEscapes(input.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ''));
  // @import fetches a stylesheet from anywhere (CSS Cascade §6); never allowed.
  css = css.replace(/@import\b[^;]*(?:;|$)/gi, '');
  // Old IE/Gecko script hooks; inert in Chromium, removed so they never matter.
  css = css.replace(/\bexpression\s*\(/gi, 'invalid(').replace(/(?:\bbehavior|-moz-binding)\s*:/gi, 'x-removed:');
  // image-set() may name images as bare strings, without url(): drop it whole.
  css = css.replace(/(?:-webkit-)?image-set\((?:[^()]|\([^()]*\))*\)/gi, 'none');
  // One pass: a well-formed url() goes through the image policy; any other `url(` (unbalanced,
  // odd quoting) is neutralised so the browser cannot read more into it than we did.
  return css.replace(
    /\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|\burl\(/gi,
    (_whole, dq?: string, sq?: string, bare?: string) => {
      if (dq === undefined && sq === undefined && bare === undefined) return 'invalid(';
      const replacement = resolveImage((dq ?? sq ?? bare ?? '').trim());
      return replacement === null ? 'none' : quote(replacement);
    },
  );
}
