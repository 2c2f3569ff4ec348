/**
 * The summary sync's fast snippet paths (issue #11 §6) give exactly what the plain definition
 * gives: collapse(stripQuotes(decodeCharset(…))). Checked on many generated texts with quotes,
 * CRLF, Unicode spaces, zero-width spaces and surrogate pairs around the 200-character cut.
 */
import { describe, expect, it } from 'vitest';
import { decodeCharset } from '../../../../../src/main/services/mail/charset';
import { collapse, plainSnippet, snippetFromPrefix, stripQuotes } from '../../../../../src/main/services/mail/snippet';

const pieces = ['word', 'Hallo', 'é', '€', '😀', 'x'.repeat(30), ' ', '  ', '\t', '\r\n', '\n', '\n> quoted line', '\n>', '>', '\u00a0', '\u200b', '\u3000', '\ufeff', '\u2028', '\r', '.'];

/** A deterministic pseudo-random text of `n` pieces. */
function text(seed: number, n: number): string {
  let x = seed * 2654435761 + 1;
  let s = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += pieces[x % pieces.length];
  }
  return s;
}

describe('plainSnippet', () => {
  it('equals collapse(stripQuotes(text)) for short, long, quoted and space-only texts', () => {
    const samples = ['', ' ', '>', '> a\n> b', 'a\n>b\nc', '\n\n> x\n', '😀'.repeat(250), `${'a '.repeat(99)}😀😀 b`, `${'a'.repeat(199)}😀b`];
    for (let seed = 0; seed < 3000; seed++) samples.push(text(seed, seed % 200));
    for (const sample of samples) expect(plainSnippet(sample)).toBe(collapse(stripQuotes(sample)));
  });
});

describe('snippetFromPrefix on ASCII bytes', () => {
  it('reads ASCII the same as the charset decoder for every ASCII-compatible label', () => {
    const bytes = Buffer.from('Hallo,\r\n\r\n> old\r\nNew text\there, with\x7f and \x01 controls.\r\n', 'latin1');
    for (const charset of ['us-ascii', 'US-ASCII', '"utf-8"', 'utf8', 'iso-8859-15', 'windows-1252', 'latin1', '']) {
      const expected = collapse(stripQuotes(decodeCharset(bytes, charset, true)));
      expect(snippetFromPrefix(bytes, { partId: '1', kind: 'plain', encoding: '7bit', charset }, true)).toBe(expected);
    }
  });

  it('leaves bytes above 0x80 and ASCII-incompatible charsets to the charset decoder', () => {
    const cp1252 = Buffer.from([0x80, 0x20, 0x93, 0x61, 0x94]);
    expect(snippetFromPrefix(cp1252, { partId: '1', kind: 'plain', encoding: '8bit', charset: 'us-ascii' }, false)).toBe('€ “a”');
    const utf16 = Buffer.from('hi', 'utf16le');
    expect(snippetFromPrefix(utf16, { partId: '1', kind: 'plain', encoding: 'binary', charset: 'utf-16le' }, false)).toBe('hi');
  });
});
