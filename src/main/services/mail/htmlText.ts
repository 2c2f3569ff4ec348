/**
 * HTML to plain text for snippets only: good enough to show "what the mail says" in a list, on
 * a possibly truncated document. Never used to display mail (the renderer sanitises HTML).
 * Character references are decoded by `entities` (the WHATWG table, issue #10 §11).
 */
import { decodeHTML } from 'entities';

export function decodeEntities(text: string): string {
  return decodeHTML(text);
}

export function htmlToSnippetText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
      // Elements whose content is not text; an unclosed one (truncated input) runs to the end.
      .replace(/<(head|style|script|title|template)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
      .replace(/<[^>]*(>|$)/g, ' '),
  );
}
