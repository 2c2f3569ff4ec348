/**
 * Splits what the person typed into the search box into tokens (issue #13 §2). Never throws:
 * every input, however broken (lone quotes, stray dashes, 10,000 characters), gives tokens.
 *
 * - Words end at white space, parentheses, `|` and `"`. Parentheses are separators: the query
 *   model is an AND of OR-clauses, so `(a OR b) c` reads as `a OR b c` (the same thing); a
 *   group after an operator (`from:(jan OR piet)`) applies the operator to each word in it.
 * - `"…"` is a phrase; a quote left open runs to the end (the person is still typing it).
 * - `-` in front of a word, phrase or operator negates it; a lone `-` is dropped.
 * - `name:value` is an operator token when `name` is one the parser knows (any case); the value
 *   may be quoted (`from:"Jan de Vries"`). Anything else with a colon (`Re:`, `10:30`,
 *   `http://x`) stays a word.
 * - `OR` (upper case, as in Gmail) and `|` join; `AND` is the default and dropped; `NOT` negates.
 */

export type Token =
  | { kind: 'or' }
  | { kind: 'not' }
  | { kind: 'word'; negated: boolean; value: string; quoted: boolean }
  /** `name` lower-cased as typed (an alias, not yet canonical); `typed` keeps its case. */
  | { kind: 'op'; negated: boolean; name: string; typed: string; value: string; quoted: boolean };

/** Longer input is cut: nobody types more, and the work per keystroke stays bounded. */
export const maxQueryChars = 10_000;

/**
 * Invisible characters that would make a word match nothing: controls (NUL breaks IMAP),
 * soft hyphen, zero-width space, direction marks and embeddings (RTL text pasted with its
 * marks), word joiner, BOM. ZWJ/ZWNJ stay: they belong to some scripts' words.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const invisible = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
const space = /\s/u;
const wordEnd = /[\s()|"]/u;

export function cleanInput(text: string): string {
  return (text.length > maxQueryChars ? text.slice(0, maxQueryChars) : text).replace(invisible, '');
}

/**
 * @param isOperator whether a lower-cased name before a colon is a known operator.
 */
export function lex(input: string, isOperator: (name: string) => boolean): Token[] {
  const s = cleanInput(input);
  const tokens: Token[] = [];
  let i = 0;
  const n = s.length;

  const readQuoted = (): string => {
    // s[i] is the opening quote.
    const close = s.indexOf('"', i + 1);
    const end = close < 0 ? n : close;
    const value = s.slice(i + 1, end);
    i = close < 0 ? n : close + 1;
    return value;
  };

  while (i < n) {
    const c = s.charAt(i);
    if (space.test(c) || c === '(' || c === ')') {
      i++;
      continue;
    }
    if (c === '|') {
      tokens.push({ kind: 'or' });
      i++;
      continue;
    }
    let negated = false;
    if (c === '-') {
      negated = true;
      i++;
      if (i >= n || space.test(s.charAt(i)) || s.charAt(i) === '(' || s.charAt(i) === ')' || s.charAt(i) === '|') continue;
    }
    if (s.charAt(i) === '"') {
      tokens.push({ kind: 'word', negated, value: readQuoted(), quoted: true });
      continue;
    }
    const start = i;
    while (i < n && !wordEnd.test(s.charAt(i))) i++;
    const run = s.slice(start, i);
    const colon = run.indexOf(':');
    const name = colon > 0 ? run.slice(0, colon).toLowerCase() : '';
    if (colon > 0 && isOperator(name)) {
      let value = run.slice(colon + 1);
      let quoted = false;
      if (value === '' && s.charAt(i) === '"') {
        value = readQuoted();
        quoted = true;
      } else if (value === '' && s.charAt(i) === '(') {
        const close = s.indexOf(')', i + 1);
        const inner = s.slice(i + 1, close < 0 ? n : close);
        i = close < 0 ? n : close + 1;
        tokens.push(...group(lex(inner, () => false), name, run.slice(0, colon), negated));
        continue;
      }
      tokens.push({ kind: 'op', negated, name, typed: run.slice(0, colon), value, quoted });
      continue;
    }
    if (!negated && run === 'OR') tokens.push({ kind: 'or' });
    else if (!negated && run === 'NOT') tokens.push({ kind: 'not' });
    else if (negated || run !== 'AND') tokens.push({ kind: 'word', negated, value: run, quoted: false });
  }
  return tokens;
}

/**
 * Gmail's `subject:(a b)` / `from:(jan OR piet)`: the operator applies to each word of the
 * group. A negated group follows De Morgan — `-subject:(a b)` is "not both" (-a OR -b) and
 * `-from:(jan OR piet)` "neither" (-jan -piet); a negated group mixing AND and OR is read as
 * if it were all AND (the model has no nested groups).
 */
function group(inner: Token[], name: string, typed: string, negated: boolean): Token[] {
  const out: Token[] = [];
  let not = false;
  let sawOr = false;
  let atoms = 0;
  for (const tok of inner) {
    if (tok.kind === 'or') {
      sawOr = true;
      if (!negated) out.push(tok);
      continue;
    }
    if (tok.kind === 'not') {
      not = !not;
      continue;
    }
    if (tok.kind !== 'word') continue;
    if (negated && atoms > 0 && !sawOr) out.push({ kind: 'or' });
    sawOr = false;
    atoms++;
    out.push({ kind: 'op', negated: tok.negated !== not !== negated, name, typed, value: tok.value, quoted: tok.quoted });
    not = false;
  }
  return out;
}
