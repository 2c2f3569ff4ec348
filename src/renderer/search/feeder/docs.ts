/**
 * A cached message as the search index holds it (issue #13 §3): the words of its subject, its
 * senders' and recipients' names and addresses, its attachment names and snippet, and the text
 * of its body when the body is on this device.
 */
import type { Address } from '../../../shared/model';
import { offlineTextLimit } from '../../../shared/search/textLimits';
import type { StoredSummary } from '../../db/pages/pageRows';
import type { BodyRow } from '../../db/rows';
import type { IndexDoc } from '../engine/engineTypes';

const addresses = (list: readonly Address[] | undefined): string =>
  (list ?? [])
    .flatMap((entry) => [entry.name, entry.address])
    .filter(Boolean)
    .join(' ');

export function toIndexDoc(uid: number, bits: number, item: StoredSummary, body: string | null): IndexDoc {
  return {
    uid,
    date: item.date,
    bits,
    size: item.size,
    attachment: item.hasAttachments,
    subject: item.subject ?? '',
    from: [addresses(item.from), addresses(item.sender)].filter(Boolean).join(' '),
    to: addresses(item.to),
    cc: addresses(item.cc),
    filenames: (item.attachmentNames ?? []).join(' '),
    snippet: item.snippet ?? '',
    body,
  };
}

/** The most HTML read to find the text: a stranger's message decides its size (HOUSE_STYLE). */
const htmlReadLimit = 8 * offlineTextLimit;

/** The text a body contributes to the index: its plain text, else its HTML reduced to text; cut at 64 KB. */
export function bodyText(body: Pick<BodyRow, 'text' | 'html'>): string | null {
  const text = body.text?.trim() ? body.text : body.html ? htmlToText(body.html.slice(0, htmlReadLimit)) : '';
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed ? collapsed.slice(0, offlineTextLimit) : null;
}

/**
 * HTML → text. DOMParser documents are inert (no scripts run, nothing loads: HTML spec,
 * "DOMParser"), so mail HTML can be parsed safely; where it is missing (the unit tests' Node), a
 * tag strip does. Style and script contents are not words of the message.
 */
export function htmlToText(html: string): string {
  if (typeof DOMParser !== 'undefined') {
    const document = new DOMParser().parseFromString(html, 'text/html');
    for (const element of document.querySelectorAll('script, style, template, head')) element.remove();
    // Block ends become spaces, so words of adjacent cells or paragraphs do not run together.
    for (const element of document.querySelectorAll('br, p, div, td, th, li, tr, h1, h2, h3, h4, h5, h6')) element.append(' ');
    return document.body?.textContent ?? '';
  }
  return html
    .replace(/<(script|style|head|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(br|p|div|td|th|li|tr|table|h[1-6]|blockquote|pre|hr)\b[^>]*>/gi, ' ')
    // Inline tags (b, span, a…) may sit inside a word: `<b>zonne</b>bloem` is one word.
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#(\d{1,7});/g, (_, code: string) => (Number(code) <= 0x10ffff ? String.fromCodePoint(Number(code)) : ' '));
}
