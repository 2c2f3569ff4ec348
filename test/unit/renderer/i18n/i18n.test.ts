import { describe, expect, expectTypeOf, it } from 'vitest';
import { errorCodes } from '../../../../src/shared/errors';
import { en } from '../../../../src/renderer/i18n/en';
import { connectionErrorCodes, describeConnectionError, describeError } from '../../../../src/renderer/i18n/errors';
import { createFormatters } from '../../../../src/renderer/i18n/format';
import { languageOf, localeTagFor, resolveLanguage } from '../../../../src/renderer/i18n/locale';
import { nl } from '../../../../src/renderer/i18n/nl';
import { createTranslator, dictionaries, placeholdersOf } from '../../../../src/renderer/i18n/translate';
import type { MessageKey, ParamsOf, Translation } from '../../../../src/renderer/i18n/types';

const tEn = createTranslator('en', 'en-US');
const tNl = createTranslator('nl', 'nl-NL');

describe('dictionaries', () => {
  it('Dutch has exactly the English keys, with the same plural shape and placeholders', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(typeof nl[key], key).toBe(typeof en[key]);
      expect(placeholdersOf(nl[key]), key).toEqual(placeholdersOf(en[key]));
      expect(JSON.stringify(nl[key]).length, key).toBeGreaterThan(2);
    }
  });

  it('is enforced by the type: a missing Dutch key does not compile', () => {
    const { 'app.name': _dropped, ...incomplete } = nl;
    // @ts-expect-error 'app.name' is missing
    const broken: Translation = incomplete;
    expect(Object.keys(broken)).not.toContain('app.name');
    expectTypeOf<ParamsOf<'sync.progress'>>().toEqualTypeOf<[params: Record<'folder' | 'done' | 'total', string | number>]>();
    expectTypeOf<ParamsOf<'app.name'>>().toEqualTypeOf<[]>();
    expect(dictionaries.nl).toBe(nl);
  });
});

describe('translate', () => {
  it('fills placeholders and formats numbers for the locale', () => {
    expect(tEn('sync.progress', { folder: 'Inbox', done: 1200, total: 20000 })).toBe('Syncing Inbox… 1,200 of 20,000');
    expect(tNl('sync.progress', { folder: 'Postvak IN', done: 1200, total: 20000 })).toBe('Postvak IN synchroniseren… 1.200 van 20.000');
  });

  it('chooses plural forms with Intl.PluralRules', () => {
    expect(tEn('messages.count', { count: 1 })).toBe('1 message');
    expect(tEn('messages.count', { count: 0 })).toBe('0 messages');
    expect(tEn('messages.count', { count: 2500 })).toBe('2,500 messages');
    expect(tNl('messages.count', { count: 1 })).toBe('1 bericht');
    expect(tNl('messages.count', { count: 3 })).toBe('3 berichten');
    expect(tNl('reader.imagesFailed', { count: 2 })).toBe('2 afbeeldingen konden niet worden geladen.');
    expect(tEn('folders.unread', { name: 'Inbox', count: 3 })).toBe('Inbox, 3 unread');
  });
});

describe('error wording', () => {
  it.each(errorCodes)('words the contract error %s in both languages', (code) => {
    const english = describeError(tEn, { code });
    const dutch = describeError(tNl, { code });
    expect(english).toBe(tEn(`error.${code}`));
    expect(dutch).toBe(tNl(`error.${code}`));
    expect(english).not.toBe(tEn('error.unknown'));
    expect(dutch).not.toBe(english);
  });

  it.each(connectionErrorCodes)('words the connection error %s with the host, in both languages', (code) => {
    const english = describeConnectionError(tEn, code, 'imap.example.test');
    const dutch = describeConnectionError(tNl, code, 'imap.example.test');
    expect(english).toContain('imap.example.test');
    expect(dutch).toContain('imap.example.test');
    expect(dutch).not.toBe(english);
  });

  it('gives every code its own sentence', () => {
    const sentences = [
      ...errorCodes.map((code) => describeError(tEn, { code })),
      ...connectionErrorCodes.map((code) => describeConnectionError(tEn, code, 'h')),
    ];
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it('words the expired certificate the way the issue asks', () => {
    expect(describeConnectionError(tEn, 'tlsCertExpired', 'imap.example.test')).toBe(
      "The server's certificate has expired (imap.example.test). Ask your provider to renew it; Postvak will not connect insecurely.",
    );
    expect(describeConnectionError(tNl, 'tlsCertExpired', 'imap.example.test')).toMatch(/^Het certificaat van de server is verlopen \(imap\.example\.test\)/);
  });

  it('never shows a bare code: unknown codes get a sentence, connection codes without a host too', () => {
    expect(describeError(tEn, { code: 'somethingNew' })).toBe(tEn('error.unknown'));
    expect(describeError(tEn, { code: 'tcpTimeout' })).toBe(tEn('error.connectionFailed'));
    expect(describeError(tEn, { code: 'tcpTimeout' }, 'mail.example.test')).toContain('mail.example.test');
    expect(describeError(tEn, null)).toBe(tEn('error.unknown'));
  });
});

describe('language and formats', () => {
  it('picks Dutch for any nl locale and English otherwise', () => {
    expect(languageOf('nl-BE')).toBe('nl');
    expect(languageOf('nl')).toBe('nl');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('de-DE')).toBe('en');
    expect(resolveLanguage('system', 'nl-NL')).toBe('nl');
    expect(resolveLanguage('en', 'nl-NL')).toBe('en');
    expect(localeTagFor('en', 'en-GB')).toBe('en-GB');
    expect(localeTagFor('en', 'nl-NL')).toBe('en-US');
    expect(localeTagFor('nl', 'de-DE')).toBe('nl-NL');
  });

  it('uses the 24-hour clock in Dutch', () => {
    const afternoon = new Date(2024, 2, 5, 15, 7).getTime();
    const nlFormat = createFormatters('nl', 'nl-NL');
    const enFormat = createFormatters('en', 'en-US');
    expect(nlFormat.fullDate(afternoon)).toContain('15:07');
    expect(nlFormat.fullDate(afternoon)).toContain('maart');
    expect(enFormat.fullDate(afternoon)).toMatch(/3:07\sPM/);
    expect(nlFormat.listDate(afternoon, new Date(2024, 2, 5, 18, 0).getTime())).toBe('15:07');
    expect(nlFormat.listDate(afternoon, new Date(2026, 0, 1).getTime())).toBe('5-3-2024');
  });

  it('formats sizes with units', () => {
    const enFormat = createFormatters('en', 'en-US');
    const nlFormat = createFormatters('nl', 'nl-NL');
    expect(enFormat.size(512)).toBe('512 B');
    expect(enFormat.size(1_500)).toBe('1.5 kB');
    expect(nlFormat.size(2_400_000)).toBe('2,4 MB');
  });
});
