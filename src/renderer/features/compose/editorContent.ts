/**
 * What goes in and out of the rich-text editor. Everything passes the one sanitiser
 * (components/sanitize.ts): the original quoted into a reply, a draft written by another
 * member's client, and the editor's own HTML before it is saved or sent.
 */
import { sanitizeMailHtml, styleAttribute } from '../../components/sanitize';

/** Safe HTML to put into the editor. Styles stay parked in `data-pv-style` (the app's CSP forbids inline styles). */
export function editorHtml(html: string): string {
  return sanitizeMailHtml(html, { inlineImages: {} }).html;
}

/** Renames an attribute on every element of an HTML fragment (through the DOM, never by text). */
function renameAttribute(html: string, from: string, to: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const element of template.content.querySelectorAll(`[${from}]`)) {
    element.setAttribute(to, element.getAttribute(from) ?? '');
    element.removeAttribute(from);
  }
  return template.innerHTML;
}

/**
 * The HTML to send: sanitised again (the editor is contentEditable: paste brings anything).
 * Parked styles go back to `style` first so the sanitiser filters them (it drops data-
 * attributes), and once more after, so a quoted original looks to the recipient as it did.
 */
export function outgoingHtml(html: string): string {
  const clean = sanitizeMailHtml(renameAttribute(html, styleAttribute, 'style'), { inlineImages: {} }).html;
  return renameAttribute(clean, styleAttribute, 'style');
}

/** The text a person sees in an element (jsdom has no innerText; textContent is close enough there). */
export function visibleText(element: HTMLElement): string {
  const text = (element as { innerText?: string }).innerText;
  return typeof text === 'string' ? text : (element.textContent ?? '');
}
