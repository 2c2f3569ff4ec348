/**
 * Text a stranger chose (display names, subjects, file names, folder names) next to text we
 * chose (addresses, labels) must not be able to reorder what is around it (issue #10 §3): an
 * RLO (U+202E) in "factuur\u202Efdp.exe" shows it as "factuurexe.pdf", and one in a display name
 * runs on over the real address after it.
 *
 * Unicode's answer is isolation (UAX #9 §2.4, §2.7): a first-strong isolate (FSI U+2068) …
 * pop-directional-isolate (PDI U+2069) pair, or `<bdi>` / `dir="auto"` in the DOM, keeps
 * everything inside from affecting what is outside. That holds only when the pair matches:
 * a stray PDI inside the text would close our isolate early, and an unclosed isolate initiator
 * inside would swallow our PDI. `balanceBidi` makes every isolate inside the text matched, so
 * the outer pair always matches (UAX #9 BD9, X6a: a PDI also closes every embedding and
 * override opened after its initiator, so those need no balancing).
 */

/** ALM, LRM, RLM, the embeddings and overrides (LRE RLE PDF LRO RLO) and the isolates (LRI RLI FSI PDI). */
const controlNames: Readonly<Record<string, string>> = {
  '\u061C': 'ALM',
  '\u200E': 'LRM',
  '\u200F': 'RLM',
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

const controlPattern = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export const FSI = '\u2068';
export const PDI = '\u2069';

/** Whether the text holds any bidirectional formatting character. */
export function hasBidiControls(text: string): boolean {
  controlPattern.lastIndex = 0;
  return controlPattern.test(text);
}

/**
 * The text with its isolates matched: a PDI without an initiator before it is dropped, and
 * initiators left open at the end are closed, so that the text can sit inside an isolate of
 * its own without breaking out of it.
 */
export function balanceBidi(text: string): string {
  let open = 0;
  let result = '';
  for (const c of text) {
    if (c === '\u2066' || c === '\u2067' || c === FSI) open += 1;
    else if (c === PDI) {
      if (open === 0) continue;
      open -= 1;
    }
    result += c;
  }
  return result + PDI.repeat(open);
}

/**
 * For plain-text places (notification titles and bodies, the window title): the text as a
 * first-strong isolate. Empty text stays empty.
 */
export function isolate(text: string): string {
  return text === '' ? '' : `${FSI}${balanceBidi(text)}${PDI}`;
}

/**
 * A file name as it may be shown: every bidi control replaced by a visible marker such as
 * "⟨RLO⟩", so "factuur\u202Efdp.exe" reads "factuur⟨RLO⟩fdp.exe" — its real extension in
 * sight. A file name has no business with direction controls (its letters' own directions
 * are kept by isolation), so any one of them is reason to warn.
 */
export function revealBidiControls(text: string): { text: string; hadControls: boolean } {
  let hadControls = false;
  const shown = text.replace(controlPattern, (c) => {
    hadControls = true;
    return `⟨${controlNames[c] ?? 'U+' + (c.codePointAt(0) ?? 0).toString(16).toUpperCase()}⟩`;
  });
  return { text: shown, hadControls };
}

/** The text without any bidi control: for a name written to disk, where no marker belongs. */
export function stripBidiControls(text: string): string {
  return text.replace(controlPattern, '');
}
