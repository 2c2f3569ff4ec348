/**
 * The one rule for links that leave the app (issue #10 §3, §12): which schemes may be handed to
 * the system browser or mail handler, and what a `mailto:` may carry. Main's checks (the
 * window-open handler, `app.openExternal`), the renderer's link opener, the HTML sanitizer and
 * the plain-text linkifier all ask this module, so the rule is written once.
 *
 * Schemes: http, https and mailto only; anything else (file:, javascript:, smb:, custom
 * protocol handlers) can run code or reach the local machine.
 *
 * mailto: (RFC 6068 §2) is handed on with only the header fields a message starts from: to, cc,
 * bcc, subject, body, in-reply-to. Mail handlers have honoured `attach=` / `attachment=` (and
 * vendor fields) by attaching a local file, so a link in a stranger's mail could make the
 * person send their own files away; those fields, and every field not listed, are dropped.
 */

export const externalSchemes: readonly string[] = ['http:', 'https:', 'mailto:'];

/** RFC 6068 §2 hfields kept on a mailto: link (lower case). */
const mailtoFields = new Set(['to', 'cc', 'bcc', 'subject', 'body', 'in-reply-to']);

export type ExternalUrl = { ok: true; url: string } | { ok: false; reason: 'invalid' | 'scheme'; scheme: string };

/** Percent-decoded text, or the text as it is when its escapes are malformed. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A mailto: URL with only the allowed header fields, each kept as it was written. */
function cleanMailto(url: URL): string {
  const fields = url.search
    .slice(1)
    .split('&')
    .filter((field) => field !== '' && mailtoFields.has(safeDecode(field.split('=')[0] ?? '').trim().toLowerCase()));
  return `mailto:${url.pathname}${fields.length > 0 ? `?${fields.join('&')}` : ''}`;
}

/** The URL as it may be handed on, or why not. */
export function checkExternalUrl(raw: string): ExternalUrl {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'invalid', scheme: '' };
  }
  if (!externalSchemes.includes(url.protocol)) return { ok: false, reason: 'scheme', scheme: url.protocol };
  return { ok: true, url: url.protocol === 'mailto:' ? cleanMailto(url) : url.href };
}

/** The URL as it may be handed on (mailto: without attach= and the like), or null. */
export function safeExternalUrl(raw: string): string | null {
  const checked = checkExternalUrl(raw);
  return checked.ok ? checked.url : null;
}

/**
 * Whether a link target written in a message (an `href`, a URL found in text) may stay a link:
 * an allowed scheme written out (`http://`, `https://`, `mailto:`; not `http:foo`), or an
 * in-page `#anchor`.
 */
export function isLinkTarget(href: string): boolean {
  const text = href.trim();
  if (text.startsWith('#')) return true;
  return /^(?:https?:\/\/|mailto:)/i.test(text) && safeExternalUrl(text) !== null;
}
