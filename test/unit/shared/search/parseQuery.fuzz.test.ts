/**
 * Random mixes of the language's pieces (issue #13 §2: malformed input gives a usable query):
 * every one parses into what the contract carries, and its canonical text reads back to the
 * same query (chips, recents and saved searches store that text). Seeded: the same mixes each run.
 */
import { expect, it } from 'vitest';
import { parseQuery, queryToText } from '../../../../src/shared/search/parseQuery';
import { searchQuerySchema } from '../../../../src/shared/search/queryModel';

const pieces = [
  'a', 'b', 'Jan', ' ', ' ', '"', '-', '(', ')', '|', 'OR', 'NOT', 'AND', 'from:', 'in:', 'is:', 'unread', 'larger:', '2M',
  'before:', '7-12-2026', 'older_than:', '2d', ':', 'é', '\u200f', '.', 'has:', 'attachment', 'mailbox:', 'info@', 'subject:',
  'x:y', '10:30', 'Re:', '\u0000', '😀', 'van:', 'map:', 'groter:', '1,5MB',
];
const options = { locale: 'nl-NL', now: Date.UTC(2026, 11, 7, 13), timeZone: 'Europe/Amsterdam' };

it('parses 5,000 random mixes into valid queries whose text reads back the same', () => {
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const differ: string[] = [];
  for (let k = 0; k < 5000; k++) {
    let text = '';
    for (let j = 1 + Math.floor(random() * 10); j > 0; j--) text += pieces[Math.floor(random() * pieces.length)];
    const query = parseQuery(text, options);
    expect(searchQuerySchema.safeParse(query).success, text).toBe(true);
    const canonical = queryToText(query);
    if (JSON.stringify(parseQuery(canonical, options)) !== JSON.stringify(query)) differ.push(`${JSON.stringify(text)} → ${canonical}`);
  }
  expect(differ).toEqual([]);
});
