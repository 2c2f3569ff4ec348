import { describe, expect, it } from 'vitest';
import { actionLabel, errorWords } from '../../../../../../src/renderer/tasks/actionLabels';
import { createTranslator } from '../../../../../../src/renderer/i18n/translate';

const en = createTranslator('en', 'en');
const nl = createTranslator('nl', 'nl');
const keys: [string, string, number][] = [
  ['a', 'shared/info@example.test/INBOX', 4],
  ['a', 'shared/info@example.test/INBOX', 5],
];

describe('archive and junk without their folder', () => {
  it('says which mailbox has no Archive and that the person may not create one, in English and Dutch', () => {
    const error = { code: 'archiveUnavailable', message: 'info@example.test has no Archive folder', details: { mailbox: 'info@example.test', reason: 'noRight' } };
    expect(actionLabel(en, 'failed', { kind: 'archive', keys }, '', error)).toBe(
      'Could not archive 2 messages: info@example.test has no Archive folder, and you may not create one there. Ask its owner to create it, or move the messages to another folder.',
    );
    expect(errorWords(nl, error)).toBe(
      'info@example.test heeft geen Archief-map en je mag er daar geen maken. Vraag de eigenaar hem aan te maken, of verplaats de berichten naar een andere map.',
    );
  });

  it('gives the server’s words when creating the Junk folder failed for another reason', () => {
    const error = { code: 'junkUnavailable', message: '', details: { mailbox: 'sales@example.test', reason: 'Quota exceeded' } };
    expect(errorWords(en, error)).toBe('sales@example.test has no Junk folder, and the server refused to create one: Quota exceeded');
  });

  it('falls back to the general words when main names no mailbox, and leaves other errors alone', () => {
    expect(errorWords(en, { code: 'archiveUnavailable', message: '' })).toBe(en('error.archiveUnavailable'));
    expect(errorWords(en, { code: 'folderGone', message: '', details: { mailbox: 'info@example.test' } })).toBe(en('error.folderGone'));
  });
});
