import { describe, expect, it } from 'vitest';
import { ftsExpression } from '../../../../../src/renderer/search/engine/compileQuery';

const text = (value: string, phrase = false, field: 'any' | 'subject' = 'any') => ({ kind: 'text' as const, field, value, phrase });

describe('FTS5 expressions of what people type', () => {
  it('asks for the listed forms of a long prefix, newest-first readable, instead of a prefix merge', () => {
    const forms = (prefix: string) => (prefix === 'factuur' ? ['factuur', 'factuurnummer'] : prefix === 'verz' ? null : []);
    expect(ftsExpression(text('Factuur'), forms)).toBe('("factuur" OR "factuurnummer")');
    expect(ftsExpression(text('de.factuur', false, 'subject'), forms)).toBe('{subject} : ("de factuur" OR "de factuurnummer")');
    // Too many forms to list, a short prefix, a phrase: FTS5's own syntax, the value one quoted string.
    expect(ftsExpression(text('verz'), forms)).toBe('"verz"*');
    expect(ftsExpression(text('fac'), forms)).toBe('"fac"*');
    expect(ftsExpression(text('a "b" c', true), forms)).toBe('"a ""b"" c"');
    // A word the index does not list is still looked for as typed.
    expect(ftsExpression(text('kozijn'), forms)).toBe('"kozijn"');
    expect(ftsExpression(text('*^:'), forms)).toBeNull();
  });
});
