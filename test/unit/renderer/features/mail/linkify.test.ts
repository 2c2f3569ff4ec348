import { describe, expect, it } from 'vitest';
import { linkify, quoteRuns } from '../../../../../src/renderer/features/mail/linkify';

describe('linkify', () => {
  it('turns http(s) and mailto URLs into links and leaves sentence punctuation outside', () => {
    expect(linkify('See https://example.test/a?b=1, or mail mailto:bob@example.test.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.test/a?b=1', href: 'https://example.test/a?b=1' },
      { kind: 'text', text: ', or mail ' },
      { kind: 'link', text: 'mailto:bob@example.test', href: 'mailto:bob@example.test' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps balanced parentheses and drops an unbalanced closing one', () => {
    expect(linkify('(https://en.example.test/wiki/Mail_(protocol))')).toEqual([
      { kind: 'text', text: '(' },
      { kind: 'link', text: 'https://en.example.test/wiki/Mail_(protocol)', href: 'https://en.example.test/wiki/Mail_(protocol)' },
      { kind: 'text', text: ')' },
    ]);
  });

  it('never links other schemes', () => {
    expect(linkify('javascript:alert(1) data:text/html,x file:///etc/passwd')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) data:text/html,x file:///etc/passwd' },
    ]);
  });

  it('links an internationalised host and a URL in angle brackets, and no bare domain (issue #10 §11)', () => {
    expect(linkify('<https://bücher.example.test/a> or www.example.test')).toEqual([
      { kind: 'text', text: '<' },
      { kind: 'link', text: 'https://bücher.example.test/a', href: 'https://bücher.example.test/a' },
      { kind: 'text', text: '> or www.example.test' },
    ]);
  });

  it('does not link a bare scheme', () => {
    expect(linkify('try https:// later')).toEqual([{ kind: 'text', text: 'try https:// later' }]);
  });
});

describe('quoteRuns', () => {
  it('groups lines by quote depth', () => {
    expect(quoteRuns('Hi\r\n> quoted\n>> deeper\n> back\nme')).toEqual([
      { depth: 0, lines: ['Hi'] },
      { depth: 1, lines: ['quoted'] },
      { depth: 2, lines: ['deeper'] },
      { depth: 1, lines: ['back'] },
      { depth: 0, lines: ['me'] },
    ]);
  });
});
