/**
 * CSS from mail (`<style>` blocks and `style` attributes), made inert: no imports, no legacy
 * script hooks, and every `url()` / `image-set()` resolved through the caller's image policy.
 * The output only ever reaches the CSSOM (never HTML), so it cannot break out into markup.
 */

import { decodeCssEscapes } from '../../shared/text/cssEscapes';

/** Returns the replacement URL for an image reference, or null to drop it. */
export type ImageResolver = (url: string) => string | null;

function quote(url: string): string {
  return `url("${url.replace(/["\\\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}")`;
}

/**
 * The only properties whose url() may load an image once the person allowed images (issue #10
 * §4: consent means images). Backgrounds and list markers are how mail shows pictures in CSS;
 * fonts (`@font-face { src }`), cursors, `content`, masks, filters, border images and the old
 * script hooks (`behavior`, `-moz-binding`) are not pictures in the message, so their url() is
 * dropped without being reported — they are never fetched, with or without consent.
 */
const imageProperties = new Set(['background', 'background-image', 'list-style', 'list-style-image']);

/**
 * The property whose value contains position `at`: the text since the last `;`, `{` or `}` must
 * be `name:`. A url() anywhere else (an at-rule prelude, a selector, a declaration broken by
 * odd quoting) has no property and is dropped.
 */
function propertyAt(css: string, at: number): string | null {
  const start = Math.max(css.lastIndexOf(';', at), css.lastIndexOf('{', at), css.lastIndexOf('}', at)) + 1;
  const match = /^\s*([-a-zA-Z]+)\s*:/.exec(css.slice(start, at));
  return match ? match[1]!.toLowerCase() : null;
}

export function sanitizeCss(input: string, resolveImage: ImageResolver): string {
  let css = decodeCssEscapes(input.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ''));
  // @import fetches a stylesheet from anywhere (CSS Cascade §6); never allowed.
  css = css.replace(/@import\b[^;]*(?:;|$)/gi, '');
  // Old IE/Gecko script hooks; inert in Chromium, removed so they never matter.
  css = css.replace(/\bexpression\s*\(/gi, 'invalid(').replace(/(?:\bbehavior|-moz-binding)\s*:/gi, 'x-removed:');
  // image-set() may name images as bare strings, without url(): drop it whole.
  css = css.replace(/(?:-webkit-)?image-set\((?:[^()]|\([^()]*\))*\)/gi, 'none');
  // One pass: a well-formed url() of an image property goes through the image policy; any other
  // url() is dropped, and any other `url(` (unbalanced, odd quoting) is neutralised so the
  // browser cannot read more into it than we did.
  return css.replace(
    /\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|\burl\(/gi,
    (_whole, dq: string | undefined, sq: string | undefined, bare: string | undefined, offset: number) => {
      if (dq === undefined && sq === undefined && bare === undefined) return 'invalid(';
      const property = propertyAt(css, offset);
      if (property === null || !imageProperties.has(property)) return 'none';
      const replacement = resolveImage((dq ?? sq ?? bare ?? '').trim());
      return replacement === null ? 'none' : quote(replacement);
    },
  );
}
