import { describe, expect, it } from 'vitest';
import type { Account, AccountId, AccountSettings } from '../../../../../src/shared/model';
import { accountSettingsSchema } from '../../../../../src/shared/api';
import { applyGuess, emptyValues, loginChanged, toSettings, validate, valuesFromAccount } from '../../../../../src/renderer/features/accounts/accountForm';
import { createTranslator } from '../../../../../src/renderer/i18n/translate';

const t = createTranslator('en', 'en-US');
const guess: AccountSettings = {
  email: 'alice@example.test',
  displayName: 'Alice',
  username: 'alice@example.test',
  imap: { host: 'imap.example.test', port: 993, security: 'tls' },
  smtp: { host: 'smtp.example.test', port: 587, security: 'starttls' },
};

describe('account form', () => {
  it('fills a guess into untouched fields only', () => {
    const typed = { ...emptyValues(true), email: 'alice@example.test', imapPort: '143' };
    const filled = applyGuess(typed, guess, new Set(['imapPort']));
    expect(filled).toMatchObject({ imapHost: 'imap.example.test', imapPort: '143', smtpPort: '587', smtpSecurity: 'starttls', displayName: 'Alice' });
  });

  it('explains every wrong field in words', () => {
    const errors = validate({ ...emptyValues(false), email: 'alice', imapPort: '70000', smtpHost: 'smtp example' }, true, t);
    expect(errors).toEqual({
      email: t('validation.email'),
      password: t('validation.password'),
      imapHost: t('validation.host'),
      smtpHost: t('validation.host'),
      imapPort: t('validation.port'),
    });
    expect(validate({ ...emptyValues(false), email: 'alice@example.test' }, false, t).password).toBeUndefined();
  });

  it('produces settings the contract accepts, with the email as default user name', () => {
    const values = applyGuess({ ...emptyValues(true), email: ' alice@example.test ', password: 'x' }, { ...guess, username: '' }, new Set());
    const settings = toSettings(values);
    expect(settings.username).toBe('alice@example.test');
    expect(accountSettingsSchema.parse(settings)).toEqual(settings);
  });

  it('editing: asks for the password again when the login changes, not for other edits (issue #10 §6)', () => {
    const account: Account = { ...guess, id: 'acc-1' as AccountId, hasPassword: true, rememberPassword: true };
    const values = valuesFromAccount(account);
    expect(loginChanged(null, values)).toBe(false);
    expect(loginChanged(account, values)).toBe(false);
    expect(loginChanged(account, { ...values, displayName: 'Alice B', imapHost: 'IMAP.example.test' })).toBe(false);
    for (const change of [{ imapHost: 'imap.evil.test' }, { imapPort: '143' }, { smtpSecurity: 'tls' as const }, { username: 'alice2' }]) {
      expect(loginChanged(account, { ...values, ...change })).toBe(true);
    }
  });
});
