/**
 * Which remote URLs a message's HTML names, for checking `message.remoteImages` requests: main
 * fetches only URLs of the message being shown (issue #10 §4), never whatever a caller lists.
 *
 * The renderer decides which of them are images (components/sanitize: `<img src/srcset>`,
 * `background`, CSS backgrounds and list-style images) from the DOM it parsed; main has no DOM,
 * so it checks the weaker but sufficient property that the requested URL occurs in the HTML as
 * the renderer read it — after HTML character references (in attribute and text mode) and CSS
 * escapes are decoded — standing alone (delimited like an attribute value, a srcset candidate or
 * a CSS url()). A URL the sender did not write is never fetched; content type and magic bytes
 * then keep it to images (remoteImages, imageSniff).
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { decodeCssEscapes } from '../../../shared/text/cssEscapes';

export interface UrlMentions {
  mentions(url: string): boolean;
}

/** Characters that can end a URL in HTML or CSS as the sanitizer reads it. */
const after = /^(?:$|["'\s),<>])/;
/** A URL must not be the tail of a longer one (`xhttp://…`, `//…` inside `https://…`). */
const before = /(?:^|[^A-Za-z0-9+.\-:/])$/;

/**
 * Decoding is deferred to the first question: message.body remembers every message it opens,
 * and most are never asked about (images are shown on consent only), so main's event loop does
 * not decode a large HTML body for nothing.
 */
export function urlMentions(html: string | null): UrlMentions {
  let variants: Set<string> | null = null;
  const decoded = (): Set<string> => {
    if (variants) return variants;
    variants = new Set<string>();
    if (html) {
      for (const text of [html, decodeHTMLAttribute(html), decodeHTML(html)]) {
        variants.add(text);
        if (text.includes('\\')) variants.add(decodeCssEscapes(text));
      }
    }
    return variants;
  };
  const occurs = (needle: string) => {
    for (const text of decoded()) {
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
        if (before.test(text.slice(Math.max(0, at - 1), at)) && after.test(text.slice(at + needle.length, at + needle.length + 1))) return true;
      }
    }
    return false;
  };
  return {
    mentions(url) {
      if (!/^https?:\/\//i.test(url)) return false;
      // The sanitizer reports a scheme-relative `//host/x` as `https://host/x`.
      return occurs(url) || (/^https:/i.test(url) && occurs(url.slice('https:'.length)));
    },
  };
}
