/** Issue #10 §3: names, subjects and file names cannot reorder what is around them. */
import { describe, expect, it } from 'vitest';
import { balanceBidi, hasBidiControls, isolate, revealBidiControls, stripBidiControls } from '../../../../src/shared/text/bidi';

/** Isolate depth after each character (UAX #9 BD8/BD9): where the outer isolate closes. */
function outerCloses(text: string): number {
  let depth = 0;
  let i = 0;
  for (const c of text) {
    if (c === '\u2066' || c === '\u2067' || c === '\u2068') depth += 1;
    else if (c === '\u2069' && depth > 0) {
      depth -= 1;
      if (depth === 0) return i;
    }
    i += 1;
  }
  return -1;
}

describe('isolate', () => {
  it('wraps a name in FSI … PDI', () => {
    expect(isolate('Anna Jansen')).toBe('\u2068Anna Jansen\u2069');
    expect(isolate('')).toBe('');
  });

  it('an RLO inside a display name is closed before the address that follows', () => {
    const shown = `${isolate('attacker\u202E')} <evil@example.test>`;
    // The isolate closes right after the name: the address is outside it.
    expect(outerCloses(shown)).toBe([...isolate('attacker\u202E')].length - 1);
  });

  it('a stray PDI cannot close the isolate early', () => {
    const hostile = 'x\u2069\u202Egnp.exe';
    const shown = isolate(hostile);
    expect(outerCloses(shown)).toBe([...shown].length - 1);
    expect(shown).toBe('\u2068x\u202Egnp.exe\u2069');
  });

  it('an isolate left open inside is closed, so it cannot swallow the outer PDI', () => {
    const shown = isolate('a\u2067b');
    expect(outerCloses(shown)).toBe([...shown].length - 1);
    expect(balanceBidi('a\u2067b')).toBe('a\u2067b\u2069');
  });

  it('keeps matched isolates and ordinary right-to-left text as they are', () => {
    expect(balanceBidi('\u2067שלום\u2069 ok')).toBe('\u2067שלום\u2069 ok');
    expect(isolate('مرحبا')).toBe('\u2068مرحبا\u2069');
  });
});

describe('file names with bidi controls', () => {
  it('shows "factuur\\u202Efdp.exe" with a visible marker and its real extension', () => {
    const shown = revealBidiControls('factuur\u202Efdp.exe');
    expect(shown).toEqual({ text: 'factuur⟨RLO⟩fdp.exe', hadControls: true });
    expect(shown.text.endsWith('.exe')).toBe(true);
  });

  it('names every kind of control', () => {
    expect(revealBidiControls('\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069').text).toBe(
      '⟨ALM⟩⟨LRM⟩⟨RLM⟩⟨LRE⟩⟨RLE⟩⟨PDF⟩⟨LRO⟩⟨LRI⟩⟨RLI⟩⟨FSI⟩⟨PDI⟩',
    );
  });

  it('leaves an ordinary name alone, Hebrew and Arabic included', () => {
    expect(revealBidiControls('rapport מסמך.pdf')).toEqual({ text: 'rapport מסמך.pdf', hadControls: false });
    expect(hasBidiControls('rapport.pdf')).toBe(false);
    expect(hasBidiControls('a\u202Eb')).toBe(true);
  });

  it('strips them for a name written to disk', () => {
    expect(stripBidiControls('factuur\u202Efdp.exe')).toBe('factuurfdp.exe');
  });
});
