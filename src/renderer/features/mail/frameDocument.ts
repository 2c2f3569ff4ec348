/**
 * The document inside the mail frame. Its own CSP forbids everything but data: images, fonts
 * and styles; it also inherits the app's policy (srcdoc documents do), which blocks inline
 * styles — so styles are applied from here through the CSSOM: constructed stylesheets for the
 * base style and the mail's <style> text, `element.style` for each sanitised style attribute.
 */
import { styleAttribute } from '../../components/sanitize';

export const frameCsp = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";

/** Mail is written for a light page, so the frame stays light (like most mail clients). */
export const frameBaseCss = `
:root { color-scheme: light; }
html { background: #ffffff; }
body {
  margin: 0;
  padding: 20px 24px;
  color: #1f2329;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  overflow-wrap: anywhere;
}
img { max-width: 100%; height: auto; }
table { max-width: 100%; }
pre { white-space: pre-wrap; }
blockquote { margin: 0.5em 0; padding-left: 1em; border-left: 3px solid #c9ced6; color: #4a5260; }
a { color: #1a5fd0; }
`;

export function buildSrcdoc(bodyHtml: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${frameCsp}">` +
    '<meta name="referrer" content="no-referrer">' +
    `</head><body>${bodyHtml}</body></html>`
  );
}

/** Applies the base style, the mail's CSS and its per-element styles to a loaded frame. */
export function applyFrameStyles(doc: Document, mailCss: string): void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view && 'adoptedStyleSheets' in doc) {
    // A constructed sheet must come from the frame's own realm to be adopted there.
    const base = new view.CSSStyleSheet();
    base.replaceSync(frameBaseCss);
    const mail = new view.CSSStyleSheet();
    mail.replaceSync(mailCss);
    doc.adoptedStyleSheets = [base, mail];
  }
  for (const element of doc.querySelectorAll<HTMLElement>(`[${styleAttribute}]`)) {
    element.style.cssText = element.getAttribute(styleAttribute) ?? '';
    element.removeAttribute(styleAttribute);
  }
}
