import { describe, expect, it } from 'vitest';
import { decodeCharset } from '../../../../../src/main/services/mail/charset';
import { decodeEntities, htmlToSnippetText } from '../../../../../src/main/services/mail/htmlText';
import { collapse, snippetFromPrefix } from '../../../../../src/main/services/mail/snippet';
import { decodeBase64Prefix, decodeQuotedPrintable, decodeTransfer } from '../../../../../src/main/services/mail/transferDecode';

const part = (encoding: string, charset = 'utf-8', kind: 'plain' | 'html' = 'plain') => ({ partId: '1', kind, encoding, charset });

describe('transfer decoding of truncated parts', () => {
  it('decodes whole base64 quanta and drops a cut-off tail', () => {
    const full = Buffer.from('Hallo wereld, dit is een test.').toString('base64');
    for (let cut = 0; cut <= full.length; cut += 1) {
      const decoded = decodeBase64Prefix(Buffer.from(full.slice(0, cut))).toString('utf8');
      expect('Hallo wereld, dit is een test.'.startsWith(decoded)).toBe(true);
    }
  });

  it('ignores line breaks and garbage inside base64', () => {
    expect(decodeBase64Prefix(Buffer.from('SGVs\r\nbG8g\r\n!!d29y\nbGQ=')).toString()).toBe('Hello world');
  });

  it('decodes quoted-printable escapes and soft line breaks', () => {
    expect(decodeQuotedPrintable(Buffer.from('Caf=C3=A9 =\r\nau lait=\nx')).toString('utf8')).toBe('Café au laitx');
  });

  it('drops a quoted-printable escape cut off at the end', () => {
    expect(decodeQuotedPrintable(Buffer.from('ab=C3=A')).toString('latin1')).toBe('ab\u00c3');
    expect(decodeQuotedPrintable(Buffer.from('ab=')).toString()).toBe('ab');
  });

  it('keeps an `=` that starts no escape', () => {
    expect(decodeQuotedPrintable(Buffer.from('a=zz b')).toString()).toBe('a=zz b');
  });

  it('passes 7bit, 8bit, binary and unknown encodings through', () => {
    const raw = Buffer.from([0x41, 0xe9, 0x42]);
    for (const enc of ['7bit', '8bit', 'binary', 'x-uuencode']) expect(decodeTransfer(raw, enc).equals(raw)).toBe(true);
  });
});

describe('decodeCharset', () => {
  it.each([
    ['iso-8859-1', [0x63, 0x61, 0x66, 0xe9], 'café'],
    ['windows-1252', [0x80], '€'],
    ['ISO-8859-15', [0xa4], '€'],
    ['"utf-8"', [0xc3, 0xa9], 'é'],
    ['koi8-r', [0xf0, 0xd2, 0xc9], 'При'],
    ['shift_jis', [0x82, 0xa0], 'あ'],
    ['gb2312', [0xc4, 0xe3], '你'],
  ])('%s', (charset, bytes, text) => {
    expect(decodeCharset(Buffer.from(bytes), charset)).toBe(text);
  });

  it('guesses UTF-8, then windows-1252, for an unknown label', () => {
    expect(decodeCharset(Buffer.from('Grüße', 'utf8'), 'x-unknown-charset')).toBe('Grüße');
    expect(decodeCharset(Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65]), 'bogus')).toBe('Grüße');
  });

  it('drops a multi-byte character cut in half at the end of a truncated prefix', () => {
    const bytes = Buffer.from('héé', 'utf8').subarray(0, 4);
    expect(decodeCharset(bytes, 'utf-8', true)).toBe('hé');
    expect(decodeCharset(bytes, 'utf-8', false)).toBe('hé\uFFFD');
  });
});

describe('HTML to snippet text', () => {
  it('drops head, style, script and comments, keeps text', () => {
    const html = '<html><head><title>T</title><style>p{color:red}</style></head><body><!-- x --><p>Hello&nbsp;<b>world</b></p><script>alert(1)</script></body></html>';
    expect(collapse(htmlToSnippetText(html))).toBe('Hello world');
  });

  it('copes with a document cut off inside a style block or a tag', () => {
    expect(collapse(htmlToSnippetText('<p>Intro</p><style>.a{color:'))).toBe('Intro');
    expect(collapse(htmlToSnippetText('<p>Intro</p><a href="http://exa'))).toBe('Intro');
  });

  it('decodes entities, numeric and named, and leaves unknown ones', () => {
    // NUL and lone surrogates become U+FFFD, as the HTML standard's tokenizer does (§13.2.5.80).
    expect(decodeEntities('&lt;&#233;&#x20AC;&amp;&bogus;&#0;&#xD800;')).toBe('<é€&&bogus;\uFFFD\uFFFD');
  });

  it('knows the whole named-reference table, not a handful (issue #10 §11)', () => {
    expect(decodeEntities('&Ccedil;a&nbsp;va &oslash; &hearts; &frac12; &NotEqualTilde;')).toBe('Ça\u00a0va ø ♥ ½ ≂̸');
  });
});

describe('snippetFromPrefix', () => {
  it('decodes base64 UTF-8 text and collapses whitespace', () => {
    const raw = Buffer.from(Buffer.from('Beste Jan,\r\n\r\n  De vergadering is verzet.').toString('base64'));
    expect(snippetFromPrefix(raw, part('base64'), false)).toBe('Beste Jan, De vergadering is verzet.');
  });

  it('decodes quoted-printable latin-1', () => {
    expect(snippetFromPrefix(Buffer.from('Caf=E9 om tien uur'), part('quoted-printable', 'iso-8859-1'), false)).toBe('Café om tien uur');
  });

  it('strips HTML for an HTML part', () => {
    const raw = Buffer.from('<div style="x">Nieuwsbrief <i>juni</i></div>');
    expect(snippetFromPrefix(raw, part('7bit', 'utf-8', 'html'), false)).toBe('Nieuwsbrief juni');
  });

  it('leaves out quoted reply lines', () => {
    expect(snippetFromPrefix(Buffer.from('Prima!\n> Zullen we om 10 uur?\n> Groet'), part('7bit'), false)).toBe('Prima!');
  });

  it('cuts at 200 characters without splitting a surrogate pair', () => {
    const text = '😀'.repeat(300);
    const out = snippetFromPrefix(Buffer.from(text), part('8bit'), true);
    expect([...out]).toHaveLength(200);
    expect(out).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it('survives a truncated base64 part in a multi-byte charset', () => {
    const b64 = Buffer.from('日本語のテキスト'.repeat(50), 'utf8').toString('base64');
    const out = snippetFromPrefix(Buffer.from(b64.slice(0, 2047)), part('base64'), true);
    expect(out.startsWith('日本語のテキスト')).toBe(true);
    expect(out).not.toContain('\uFFFD');
  });
});

describe('collapse cuts at 200 code points', () => {
  it('counts an emoji as one character and never splits its surrogate pair', () => {
    const text = `${'a'.repeat(199)}😀😀 tail`;
    const out = collapse(text);
    expect([...out]).toHaveLength(200);
    expect(out.endsWith('a😀')).toBe(true);
  });

  it('keeps a short text whole and trims a trailing space at the cut', () => {
    expect(collapse('  kort   bericht \n')).toBe('kort bericht');
    expect(collapse(`${'b'.repeat(199)} ccc`)).toBe('b'.repeat(199));
  });

  it('decodes windows-1252 high bytes (€, curly quotes) and leaves Latin-1 letters alone', () => {
    expect(decodeCharset(Buffer.from([0x80, 0x20, 0x93, 0x63, 0x61, 0x66, 0xe9, 0x94]), 'iso-8859-1')).toBe('€ “café”');
  });
});
