/**
 * The account form's values and rules, apart from React: defaults, filling in a guess without
 * overwriting what the person typed, validation in words, and conversion to AccountSettings.
 */
import { sameLogin } from '../../../shared/loginBinding';
import type { Account, AccountSettings, Security } from '../../../shared/model';
import type { Translate } from '../../i18n/types';

export interface FormValues {
  email: string;
  password: string;
  displayName: string;
  username: string;
  imapHost: string;
  imapPort: string;
  imapSecurity: Security;
  smtpHost: string;
  smtpPort: string;
  smtpSecurity: Security;
  rememberPassword: boolean;
}

export type FieldName = Exclude<keyof FormValues, 'rememberPassword'>;
export type FieldErrors = Partial<Record<FieldName, string>>;

export function emptyValues(rememberPassword: boolean): FormValues {
  return {
    email: '',
    password: '',
    displayName: '',
    username: '',
    imapHost: '',
    imapPort: '993',
    imapSecurity: 'tls',
    smtpHost: '',
    smtpPort: '465',
    smtpSecurity: 'tls',
    rememberPassword,
  };
}

export function valuesFromAccount(account: Account): FormValues {
  return {
    email: account.email,
    password: '',
    displayName: account.displayName,
    username: account.username,
    imapHost: account.imap.host,
    imapPort: String(account.imap.port),
    imapSecurity: account.imap.security,
    smtpHost: account.smtp.host,
    smtpPort: String(account.smtp.port),
    smtpSecurity: account.smtp.security,
    rememberPassword: account.rememberPassword,
  };
}

/** Fills the guessed settings into every field the person has not edited themselves. */
export function applyGuess(values: FormValues, guess: AccountSettings, touched: ReadonlySet<FieldName>): FormValues {
  const guessed: Partial<FormValues> = {
    displayName: guess.displayName,
    username: guess.username,
    imapHost: guess.imap.host,
    imapPort: String(guess.imap.port),
    imapSecurity: guess.imap.security,
    smtpHost: guess.smtp.host,
    smtpPort: String(guess.smtp.port),
    smtpSecurity: guess.smtp.security,
  };
  const next = { ...values };
  for (const [name, value] of Object.entries(guessed) as [FieldName, string][]) {
    if (!touched.has(name) && value !== '') (next as Record<FieldName, string>)[name] = value;
  }
  return next;
}

export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

const hostPattern = /^[A-Za-z0-9.\-[\]:]+$/;

function portError(value: string, t: Translate): string | undefined {
  const port = Number(value);
  return /^\d+$/.test(value.trim()) && port >= 1 && port <= 65535 ? undefined : t('validation.port');
}

/** `needPassword`: adding, or testing, needs one; editing without a new password does not. */
export function validate(values: FormValues, needPassword: boolean, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  if (!isEmailAddress(values.email)) errors.email = t('validation.email');
  if (needPassword && values.password === '') errors.password = t('validation.password');
  if (!hostPattern.test(values.imapHost.trim())) errors.imapHost = t('validation.host');
  if (!hostPattern.test(values.smtpHost.trim())) errors.smtpHost = t('validation.host');
  const imapPort = portError(values.imapPort, t);
  if (imapPort) errors.imapPort = imapPort;
  const smtpPort = portError(values.smtpPort, t);
  if (smtpPort) errors.smtpPort = smtpPort;
  return errors;
}

/** `kind: 'shared'` marks a shared mailbox reached through its own login (issue #3). */
export function toSettings(values: FormValues, kind?: AccountSettings['kind']): AccountSettings {
  const email = values.email.trim();
  return {
    email,
    ...(kind ? { kind } : {}),
    displayName: values.displayName.trim(),
    username: values.username.trim() || email,
    imap: { host: values.imapHost.trim(), port: Number(values.imapPort), security: values.imapSecurity },
    smtp: { host: values.smtpHost.trim(), port: Number(values.smtpPort), security: values.smtpSecurity },
  };
}

/** The fields that live behind the "Server settings" disclosure. */
export const serverFields: readonly FieldName[] = ['username', 'imapHost', 'imapPort', 'imapSecurity', 'smtpHost', 'smtpPort', 'smtpSecurity'];

/**
 * Editing: whether the form changes the login the saved password was given for (user name, or
 * a server's host, port or security). Main then forgets that password, so the form asks for it
 * again rather than sending it to another server (issue #10 §6).
 */
export function loginChanged(account: Account | null, values: FormValues): boolean {
  return account !== null && !sameLogin(account, toSettings(values));
}
