/**
 * State and actions of the account form. "Add account" always tests first and saves nothing
 * when the test fails; the failing check is shown in words with the server's own detail.
 */
import { useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api';
import type { Account, ConnectionTestResult } from '../../../shared/model';
import { api } from '../../api';
import { describeError, toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import {
  applyGuess,
  emptyValues,
  isEmailAddress,
  loginChanged,
  serverFields,
  toSettings,
  validate,
  valuesFromAccount,
  type FieldErrors,
  type FieldName,
  type FormValues,
} from './accountForm';

export type Busy = 'guessing' | 'testing' | 'saving' | null;

export interface AccountFormOptions {
  account: Account | null;
  rememberByDefault: boolean;
  /** 'shared': a shared mailbox with its own login; editing keeps the account's own kind. */
  kind?: Account['kind'];
  onSaved(account: Account): void;
}

export function useAccountForm({ account, rememberByDefault, kind: newKind, onSaved }: AccountFormOptions) {
  const kind = account ? account.kind : newKind;
  const { t } = useI18n();
  const [values, setValues] = useState<FormValues>(() => (account ? valuesFromAccount(account) : emptyValues(rememberByDefault)));
  // The latest values for async actions: "Add account" right after leaving the email field must
  // see the guessed servers, not the values of the render that started it.
  const latest = useRef(values);
  const pendingGuess = useRef<Promise<void> | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState<Busy>(null);
  const [checks, setChecks] = useState<ConnectionTestResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [guessFailed, setGuessFailed] = useState(false);
  const [showServer, setShowServer] = useState(account !== null);
  // Editing: the account's own settings count as typed, so a new guess never overwrites them.
  const touched = useRef(new Set<FieldName>(account ? [...serverFields, 'displayName'] : []));
  const guessedFor = useRef<string | null>(account?.email ?? null);

  function setField<K extends keyof FormValues>(name: K, value: FormValues[K]) {
    if (name !== 'rememberPassword') touched.current.add(name as FieldName);
    latest.current = { ...latest.current, [name]: value };
    setValues(latest.current);
    if (name in errors) setErrors(({ [name as FieldName]: _gone, ...rest }) => rest);
  }

  async function runGuess(email: string) {
    setBusy('guessing');
    setGuessFailed(false);
    const result = await api.call('accounts.guess', { email }).catch((error: unknown) => ({ ok: false as const, error: toApiError(error) }));
    setBusy(null);
    if (result.ok) {
      latest.current = applyGuess(latest.current, result.value, touched.current);
      setValues(latest.current);
    } else {
      setGuessFailed(true);
      setShowServer(true);
    }
  }

  function guess(): Promise<void> {
    const email = latest.current.email.trim();
    if (!isEmailAddress(email) || guessedFor.current === email || pendingGuess.current) return Promise.resolve();
    guessedFor.current = email;
    pendingGuess.current = runGuess(email).finally(() => (pendingGuess.current = null));
    return pendingGuess.current;
  }

  /** Validates; opens the server settings when a field there is wrong. */
  function check(needPassword: boolean): boolean {
    const found = validate(latest.current, needPassword, t);
    setErrors(found);
    if (serverFields.some((name) => found[name])) setShowServer(true);
    return Object.keys(found).length === 0;
  }

  async function runTest(saving: boolean): Promise<boolean> {
    const result = await api
      .call('accounts.test', { settings: toSettings(latest.current, kind), password: latest.current.password })
      .catch((error: unknown) => ({ ok: false as const, error: toApiError(error) }));
    if (!result.ok) {
      setProblem(describeError(t, result.error));
      return false;
    }
    setChecks(result.value);
    if (!result.value.ok) setProblem(saving ? t('setup.testFailed') : t('setup.testNotOk'));
    return result.value.ok;
  }

  async function test() {
    setProblem(null);
    setChecks(null);
    await guess();
    if (!check(true)) return;
    setBusy('testing');
    try {
      await runTest(false);
    } finally {
      setBusy(null);
    }
  }

  async function save() {
    setProblem(null);
    setChecks(null);
    await guess();
    if (!check(account === null || loginChanged(account, latest.current))) return;
    const values = latest.current;
    setBusy('saving');
    try {
      // A new password is proven before it is stored; without one the stored one stays.
      if (values.password !== '' && !(await runTest(true))) return;
      const settings = toSettings(values, kind);
      const result = account
        ? await api.call('accounts.update', {
            id: account.id,
            settings,
            password: values.password === '' ? undefined : values.password,
            rememberPassword: values.rememberPassword,
          })
        : await api.call('accounts.add', { settings, password: values.password, rememberPassword: values.rememberPassword });
      if (!result.ok) {
        setProblem(describeError(t, result.error as ApiError, settings.imap.host));
        return;
      }
      onSaved(result.value);
    } catch (error) {
      setProblem(describeError(t, toApiError(error)));
    } finally {
      setBusy(null);
    }
  }

  return {
    values,
    errors,
    busy,
    checks,
    problem,
    guessFailed,
    showServer,
    setShowServer,
    setField,
    guess,
    test,
    save,
  };
}
