import { describe, expect, it } from 'vitest';
import { addressSchema } from '../../../../src/shared/composeSchemas';
import { isValidAddress, parseAddressField, quoteDisplayName } from '../../../../src/shared/compose/addressField';
import { formatAddress } from '../../../../src/shared/compose/replyDraft';

describe('isValidAddress', () => {
  it.each([
    'ann@x.nl',
    'first.last+tag@sub.example.test',
    "o'brien@example.test",
    'a_b-c@x-y.example.co',
    `${'a'.repeat(64)}@example.test`,
  ])('accepts %s', (address) => {
    expect(isValidAddress(address)).toBe(true);
  });

  it.each([
    ['no at', 'ann.x.nl'],
    ['empty local part', '@x.nl'],
    ['no dot in the domain', 'ann@localhost'],
    ['a space', 'ann @x.nl'],
    ['two dots', 'ann..b@x.nl'],
    ['a leading dot', '.ann@x.nl'],
    ['a trailing dot in the local part', 'ann.@x.nl'],
    ['an empty label', 'ann@x..nl'],
    ['a label ending in a hyphen', 'ann@x-.nl'],
    ['a numeric top-level label', 'ann@1.2.3.4'],
    ['a one-letter top-level label', 'ann@x.n'],
    ['a local part over 64', `${'a'.repeat(65)}@example.test`],
    ['a label over 63', `a@${'b'.repeat(64)}.test`],
    ['over 254 characters', `a@${['b', 'c', 'd', 'e'].map((c) => c.repeat(63)).join('.')}.test`],
    ['two at signs', 'a@b@x.nl'],
    ['angle brackets', '<ann@x.nl>'],
    ['non-ASCII (the contract refuses it)', 'jörg@x.nl'],
    ['an empty string', ''],
  ])('refuses %s', (_why, address) => {
    expect(isValidAddress(address)).toBe(false);
  });

  it('accepts nothing the contract’s address schema refuses', () => {
    const samples = ['ann@x.nl', "o'brien@example.test", 'a+b@x.co', 'x_y@a-b.example.test', 'a-@x.nl', '1@2.nl'];
    for (const address of samples.filter(isValidAddress)) {
      expect(addressSchema.safeParse({ name: '', address }).success, address).toBe(true);
    }
  });
});

describe('parseAddressField', () => {
  it('parses names with and without quotes, bare and angle-only addresses', () => {
    expect(parseAddressField('Ann <ann@x.nl>, bob@y.com; "Doe, J" <j@d.nl>, <solo@z.nl>')).toEqual({
      addresses: [
        { name: 'Ann', address: 'ann@x.nl' },
        { name: '', address: 'bob@y.com' },
        { name: 'Doe, J', address: 'j@d.nl' },
        { name: '', address: 'solo@z.nl' },
      ],
      invalid: [],
    });
  });

  it('keeps semicolons and escaped quotes inside quoted names', () => {
    expect(parseAddressField('"Smith; \\"Jr\\"" <s@x.nl>').addresses).toEqual([{ name: 'Smith; "Jr"', address: 's@x.nl' }]);
  });

  it('keeps non-ASCII names', () => {
    expect(parseAddressField('Jörg Müller <joerg@customer.test>, "Zoë 李" <zoe@x.nl>').addresses).toEqual([
      { name: 'Jörg Müller', address: 'joerg@customer.test' },
      { name: 'Zoë 李', address: 'zoe@x.nl' },
    ]);
  });

  it('strips single quotes pasted from Outlook', () => {
    expect(parseAddressField("'Ann' <ann@x.nl>").addresses).toEqual([{ name: 'Ann', address: 'ann@x.nl' }]);
  });

  it('accepts a name followed by a bare address', () => {
    expect(parseAddressField('Ann Smith ann@x.nl').addresses).toEqual([{ name: 'Ann Smith', address: 'ann@x.nl' }]);
  });

  it('marks two addresses without a separator instead of dropping one', () => {
    expect(parseAddressField('ann@x.nl bob@y.nl')).toEqual({ addresses: [], invalid: ['ann@x.nl bob@y.nl'] });
  });

  it('ignores whitespace, new lines and trailing or repeated separators', () => {
    expect(parseAddressField('  ann@x.nl ,\n\n bob@y.nl;; ,  ')).toEqual({
      addresses: [
        { name: '', address: 'ann@x.nl' },
        { name: '', address: 'bob@y.nl' },
      ],
      invalid: [],
    });
    expect(parseAddressField('   ')).toEqual({ addresses: [], invalid: [] });
  });

  it('returns the pieces that are not addresses', () => {
    expect(parseAddressField('ann@x.nl, bob, Carol <carol@>, "Unclosed <d@x.nl>, e@y, Name <f@x.nl> trailing')).toEqual({
      addresses: [{ name: '', address: 'ann@x.nl' }],
      invalid: ['bob', 'Carol <carol@>', '"Unclosed <d@x.nl>, e@y, Name <f@x.nl> trailing'],
    });
    expect(parseAddressField('Name <f@x.nl> trailing').invalid).toEqual(['Name <f@x.nl> trailing']);
    expect(parseAddressField('a <b@x.nl> <c@x.nl>').invalid).toEqual(['a <b@x.nl> <c@x.nl>']);
  });

  it('keeps the first of repeated addresses, case-insensitively', () => {
    expect(parseAddressField('Ann <ann@x.nl>, ANN@X.NL, "A." <Ann@x.nl>').addresses).toEqual([{ name: 'Ann', address: 'ann@x.nl' }]);
  });

  it('marks a field ending inside a quoted name with a lone backslash', () => {
    expect(parseAddressField('ann@x.nl, "Bob \\')).toEqual({ addresses: [{ name: '', address: 'ann@x.nl' }], invalid: ['"Bob \\'] });
  });

  it('does not split at commas inside angle brackets', () => {
    expect(parseAddressField('<a,b@x.nl>')).toEqual({ addresses: [], invalid: ['<a,b@x.nl>'] });
  });
});

describe('names that look like addresses or hold CR/LF (issue #10 §3)', () => {
  it('reads a quoted name with angle brackets, @ and commas as one name and the real address', () => {
    expect(parseAddressField('"Info <info@example.test>" <phish@evil.test>, "Doe, J (\\"Jo\\")" <j@d.nl>')).toEqual({
      addresses: [
        { name: 'Info <info@example.test>', address: 'phish@evil.test' },
        { name: 'Doe, J ("Jo")', address: 'j@d.nl' },
      ],
      invalid: [],
    });
  });

  it('still marks two unquoted angle brackets as not an address', () => {
    expect(parseAddressField('Info <info@example.test> <phish@evil.test>').invalid).toEqual(['Info <info@example.test> <phish@evil.test>']);
  });

  it.each([
    ['an address-like name', { name: 'Info <info@example.test>', address: 'phish@evil.test' }, '"Info <info@example.test>" <phish@evil.test>'],
    ['a name with a comma and quotes', { name: 'Doe, "J"', address: 'j@d.nl' }, '"Doe, \\"J\\"" <j@d.nl>'],
    ['a name with a backslash', { name: 'a\\b', address: 'j@d.nl' }, '"a\\\\b" <j@d.nl>'],
    ['a name that is another address', { name: 'info@bank.example', address: 'x@evil.test' }, '"info@bank.example" <x@evil.test>'],
    ['a plain name in any language', { name: 'Jörg Müller-Ñandú', address: 'j@d.nl' }, 'Jörg Müller-Ñandú <j@d.nl>'],
  ])('formats %s so that it reads back as the same address', (_, address, text) => {
    expect(formatAddress(address)).toBe(text);
    expect(parseAddressField(formatAddress(address))).toEqual({ addresses: [address], invalid: [] });
  });

  it('folds CR/LF in a name to a space, so the reply to it can be sent', () => {
    const text = formatAddress({ name: 'Evil\r\nBcc: victim@example.test', address: 'evil@evil.test' });
    expect(text).toBe('"Evil Bcc: victim@example.test" <evil@evil.test>');
    expect(parseAddressField(text)).toEqual({ addresses: [{ name: 'Evil Bcc: victim@example.test', address: 'evil@evil.test' }], invalid: [] });
    expect(quoteDisplayName('Ann\n\nJansen')).toBe('Ann Jansen');
  });
});
