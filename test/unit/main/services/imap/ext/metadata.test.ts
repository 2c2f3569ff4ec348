import { describe, expect, it } from 'vitest';
import { checkEntryName, parseMetadataResponse } from '../../../../../../src/main/services/imap/ext/metadata';

const atom = (value: string) => ({ type: 'ATOM', value });

describe('parseMetadataResponse (RFC 5464 §4.4)', () => {
  it('reads literal, quoted and NIL values', () => {
    const attributes = [
      atom('shared/info@example.test/INBOX/Agenda'),
      [
        atom('/shared/vendor/kolab/folder-type'),
        { type: 'LITERAL', value: Buffer.from('event') },
        atom('/shared/comment'),
        { type: 'STRING', value: 'Ünïcode\r\nline 2' },
        atom('/private/vendor/kolab/folder-type'),
        null,
      ],
    ];
    expect(parseMetadataResponse(attributes)).toEqual({
      mailbox: 'shared/info@example.test/INBOX/Agenda',
      entries: [
        ['/shared/vendor/kolab/folder-type', 'event'],
        ['/shared/comment', 'Ünïcode\r\nline 2'],
        ['/private/vendor/kolab/folder-type', null],
      ],
    });
  });

  it('reads the server entry (empty mailbox name) and the unsolicited form without values', () => {
    expect(parseMetadataResponse([{ type: 'STRING', value: '' }, [atom('/shared/admin'), { type: 'STRING', value: 'x' }]]).mailbox).toBe('');
    expect(parseMetadataResponse([atom('INBOX'), atom('/shared/comment')])).toEqual({ mailbox: 'INBOX', entries: [] });
  });

  it('rejects an odd entry/value list and a list where a value belongs', () => {
    expect(() => parseMetadataResponse([atom('INBOX'), [atom('/shared/comment')]])).toThrow(/pairs/);
    expect(() => parseMetadataResponse([atom('INBOX'), [atom('/shared/comment'), [atom('x')]]])).toThrow(/string or NIL/);
  });
});

describe('checkEntryName (RFC 5464 §3.2)', () => {
  it.each(['/shared/vendor/kolab/folder-type', '/private/comment', '/shared', '/SHARED/Comment'])('accepts %s', (name) => {
    expect(() => checkEntryName(name)).not.toThrow();
  });
  it.each(['/vendor/x', 'shared/comment', '/shared/', '/shared//x', '/shared/*', '/shared/a%b', '/shared/a b', '/shared/é'])('refuses %s', (name) => {
    expect(() => checkEntryName(name)).toThrow(/entry name/);
  });
});
