/**
 * Mail HTML → markup that is safe to show. The only module that imports DOMPurify.
 *
 * An allowlist, in the spirit of Mailspring's sanitize-transformer: start from DOMPurify's HTML
 * profile (no SVG/MathML), forbid everything that runs code, submits, navigates or fetches,
 * then police every URL that is left:
 *  - links: http, https, mailto and in-page anchors only; they open in a new window without
 *    opener or referrer;
 *  - images — `<img src/srcset>`, the `background` attribute, and CSS `url()` in background,
 *    background-image, list-style and list-style-image only (sanitizeCss): `cid:` becomes the
 *    inline part's data URL, `data:image/*` stays, remote URLs are removed and reported
 *    (privacy: a remote image tells the sender when and where the mail was read) unless the
 *    person allowed them, in which case main's data URL replaces them; anything else is dropped.
 *    Consent means images (issue #10 §4): a url() of a font, cursor, mask or script hook, a src
 *    on anything but an image, and a URL in text or in markup the parser did not make into one
 *    of these is never reported, so it is never fetched.
 *
 * Styles never stay in the markup: the frame document inherits the app's `style-src 'self'`, so
 * inline styles would be blocked. `style` attributes move to `data-pv-style` and `<style>` text
 * is returned as `css`; MessageFrame applies both through the CSSOM, which CSP allows.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { isLinkTarget, safeDecode } from '../../shared/links';
import { sanitizeCss } from './sanitizeCss';

export interface SanitizeOptions {
  /** Content-ID (no angle brackets) → data: URL, from MessageBody.inlineImages. */
  inlineImages: Record<string, string>;
  /** Remote URL → data: URL (or null: could not be loaded), once the person allowed images. */
  remoteImages?: Record<string, string | null>;
}

export interface SanitizedMail {
  html: string;
  css: string;
  /** Remote image URLs that were removed, each once: `<style>` blocks' first, then the elements'. */
  blockedUrls: string[];
}

export const styleAttribute = 'data-pv-style';

const forbiddenTags = [
  // Code and plugins.
  'script', 'noscript', 'template', 'object', 'embed', 'applet', 'portal',
  // Other documents and navigation.
  'iframe', 'frame', 'frameset', 'meta', 'link', 'base',
  // Forms: nothing in a mail may submit anything.
  'form', 'input', 'button', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'output',
  // Media fetches by itself and has no place in a no-script frame.
  'audio', 'video', 'source', 'track',
  // Captured into `css` by the hook below, then removed with its content.
  'style',
  'svg', 'math', 'dialog', 'slot',
];

/** Attributes that fetch or ping, beyond what the HTML profile already drops. */
const forbiddenAttributes = ['ping', 'lowsrc', 'dynsrc', 'poster', 'formaction', 'action', 'srcdoc', 'http-equiv'];

const config: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: forbiddenTags,
  FORBID_ATTR: forbiddenAttributes,
  ALLOW_DATA_ATTR: false,
  // Keeps a leading <style> (and the rest of a <head>) in the body instead of losing it.
  FORCE_BODY: true,
  // DOMPurify's default pattern with only the schemes mail needs; the hooks decide per attribute.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|cid):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

interface Pass {
  options: SanitizeOptions;
  blocked: Set<string>;
  css: string[];
  /**
   * Blocked URLs of each element's attributes, reported only if the element is in the result:
   * DOMPurify also sanitises nodes it then discards (a forbidden <template>'s content), and
   * consent must not fetch an image nobody will see.
   */
  byElement: Map<Element, string[]>;
  /** Where resolveImage reports a blocked URL: an element's list, or straight to `blocked`. */
  report: (url: string) => void;
}
let current: Pass | null = null;
let purifier: Purifier | null = null;

function isRemote(url: string): boolean {
  return /^(?:https?:)?\/\//i.test(url);
}

/** The policy for every image reference, in attributes and in CSS alike. */
function resolveImage(raw: string): string | null {
  const pass = current;
  const url = raw.trim();
  if (!pass || url === '') return null;
  if (/^cid:/i.test(url)) {
    const id = safeDecode(url.slice(4)).replace(/^<|>$/g, '');
    return pass.options.inlineImages[id] ?? null;
  }
  if (/^data:image\/[a-z0-9.+-]+[;,]/i.test(url)) return url;
  if (isRemote(url)) {
    // A URL holding whitespace, quotes or angle brackets is markup the parser recovered from
    // (an attribute left open runs on into the next tags), not an image (issue #10 §4).
    if (/[\s"'<>\\`{}|^]/.test(url)) return null;
    const absolute = url.startsWith('//') ? `https:${url}` : url;
    const allowed = pass.options.remoteImages?.[absolute];
    if (typeof allowed === 'string' && allowed.startsWith('data:image/')) return allowed;
    if (allowed === undefined) pass.report(absolute);
    return null;
  }
  return null;
}

function cleanAttributes(element: Element): void {
  const pass = current;
  if (!pass) return;
  const found: string[] = [];
  pass.report = (url) => found.push(url);
  try {
    cleanElement(element);
  } finally {
    pass.report = (url) => pass.blocked.add(url);
  }
  if (found.length > 0) pass.byElement.set(element, found);
}

function cleanElement(element: Element): void {
  // Images come from <img src/srcset> and the legacy `background` attribute (body, table, td…)
  // only; a src or srcset left on anything else never loads (issue #10 §4).
  const isImg = element.localName === 'img';
  if (element.hasAttribute('srcset')) {
    // Candidates are "url descriptor, …" (HTML §4.8.4.3.1); keep the first usable one as src.
    const candidates = (element.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)[0] ?? '');
    element.removeAttribute('srcset');
    const usable = isImg ? candidates.map(resolveImage).find((url): url is string => url !== null) : undefined;
    if (usable && !element.getAttribute('src')) element.setAttribute('src', usable);
  }
  for (const name of ['src', 'background']) {
    const value = element.getAttribute(name);
    if (value === null) continue;
    const replacement = name === 'src' && !isImg ? null : resolveImage(value);
    if (replacement === null) element.removeAttribute(name);
    else element.setAttribute(name, replacement);
  }
  const href = element.getAttribute('href');
  if (href !== null) {
    if (!isLinkTarget(href)) element.removeAttribute('href');
    else if (!href.trim().startsWith('#')) {
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer');
    }
  }
  const style = element.getAttribute('style');
  if (style !== null) {
    element.removeAttribute('style');
    const css = sanitizeCss(style, resolveImage).trim();
    if (css) element.setAttribute(styleAttribute, css);
  }
}

function getPurifier(): Purifier {
  if (purifier) return purifier;
  const instance = DOMPurify(window);
  instance.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && current && (node as Element).namespaceURI === 'http://www.w3.org/1999/xhtml') {
      current.css.push(sanitizeCss(node.textContent ?? '', resolveImage));
    }
  });
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType === 1) cleanAttributes(node as Element);
  });
  purifier = instance;
  return instance;
}

/**
 * Renames `on…=` attributes inside tags before parsing. Not a security measure (DOMPurify drops
 * event handlers either way, and a DOMParser document never runs them): Chromium reports a CSP
 * violation for every inline handler it parses, even in an inert document (cure53/DOMPurify
 * #107), which would flood the console with each hostile mail. The renamed attribute is a
 * `data-` one, which the config drops.
 */
function defuseHandlers(html: string): string {
  return html.replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/([\s"'/])on([a-z]+\s*=)/gi, '$1data-x-on$2'));
}

export function sanitizeMailHtml(html: string, options: SanitizeOptions): SanitizedMail {
  const instance = getPurifier();
  const blocked = new Set<string>();
  const pass: Pass = { options, blocked, css: [], byElement: new Map(), report: (url) => blocked.add(url) };
  current = pass;
  try {
    const body = instance.sanitize(defuseHandlers(html), { ...config, RETURN_DOM: true });
    for (const [element, urls] of pass.byElement) if (body.contains(element)) for (const url of urls) blocked.add(url);
    return { html: body.innerHTML, css: pass.css.join('\n'), blockedUrls: [...blocked] };
  } finally {
    current = null;
  }
}
