/**
 * Adding (or editing) an account: email and password first; the server settings are guessed
 * from the address and can be opened and changed. Shown on first start and from Settings.
 */
import { Spinner } from '../../components/Spinner';
import { TextField } from '../../components/Field';
import { platform } from '../../api';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { loginChanged, toSettings } from './accountForm';
import { ConnectionChecks } from './ConnectionChecks';
import { ServerFields } from './ServerFields';
import { useAccountForm } from './useAccountForm';

export function AccountSetup({
  accountId,
  firstRun = false,
  kind,
}: {
  accountId?: string;
  firstRun?: boolean;
  /** 'shared': add a shared mailbox that has its own login (Settings → Add a shared mailbox). */
  kind?: 'shared';
}) {
  const { t } = useI18n();
  const account = useStore((state) => state.accounts?.find((candidate) => candidate.id === accountId) ?? null);
  const showScreen = useStore((state) => state.showScreen);
  const pushToast = useStore((state) => state.pushToast);
  const editing = account !== null;
  const form = useAccountForm({
    account,
    rememberByDefault: platform.host === 'electron',
    kind,
    onSaved: (saved) => {
      pushToast('info', t(editing ? 'setup.saved' : 'setup.added', { email: saved.email }));
      showScreen(editing ? { name: 'settings' } : { name: 'mail' });
    },
  });
  const { values, errors, busy } = form;
  const working = busy === 'testing' || busy === 'saving';
  const progress =
    busy === 'guessing' ? t('setup.guessing')
    : busy === 'testing' ? t('setup.testing')
    : busy === 'saving' ? t(editing ? 'setup.saving' : 'setup.adding')
    : null;

  return (
    <main className="setup">
      <form
        className="setup__card"
        noValidate
        aria-busy={working}
        onSubmit={(event) => {
          event.preventDefault();
          void form.save();
        }}
      >
        <h1 className="setup__title">
          {editing ? t('setup.editTitle', { email: account.email }) : kind === 'shared' ? t('setup.sharedTitle') : t('setup.title')}
        </h1>
        {!editing && <p className="setup__intro">{kind === 'shared' ? t('setup.sharedIntro') : t('setup.intro')}</p>}
        <TextField
          label={t('setup.email')}
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={values.email}
          error={errors.email}
          disabled={working}
          autoFocus
          onChange={(event) => form.setField('email', event.target.value)}
          onBlur={() => void form.guess()}
        />
        <TextField
          label={t('setup.password')}
          type="password"
          autoComplete="current-password"
          value={values.password}
          error={errors.password}
          hint={!editing ? null : loginChanged(account, values) ? t('setup.passwordAgain') : t('setup.passwordKeep')}
          disabled={working}
          onChange={(event) => form.setField('password', event.target.value)}
        />
        <TextField
          label={t('setup.displayName')}
          autoComplete="name"
          value={values.displayName}
          disabled={working}
          onChange={(event) => form.setField('displayName', event.target.value)}
        />
        <div className="field field--checkbox">
          <label>
            <input
              type="checkbox"
              checked={values.rememberPassword}
              disabled={working}
              aria-describedby="remember-hint"
              onChange={(event) => form.setField('rememberPassword', event.target.checked)}
            />
            {t('setup.rememberPassword')}
          </label>
          <p id="remember-hint" className="field__hint">
            {platform.host === 'browser' ? t('setup.rememberHintBrowser') : t('setup.rememberHintElectron')}
          </p>
        </div>
        {form.guessFailed && <p className="setup__note">{t('setup.guessFailed')}</p>}
        <button
          type="button"
          className="disclosure"
          aria-expanded={form.showServer}
          aria-controls="server-settings"
          onClick={() => form.setShowServer(!form.showServer)}
        >
          {t('setup.serverSettings')}
        </button>
        <div id="server-settings" hidden={!form.showServer}>
          <ServerFields values={values} errors={errors} disabled={working} setField={form.setField} />
        </div>
        <p className="setup__progress" role="status">
          {progress && (
            <>
              <Spinner /> {progress}
            </>
          )}
        </p>
        {form.problem && (
          <p className="setup__problem" role="alert">
            {form.problem}
          </p>
        )}
        {form.checks && <ConnectionChecks result={form.checks} settings={toSettings(values)} />}
        <div className="setup__actions">
          {!firstRun && (
            <button type="button" className="button button--ghost" disabled={working} onClick={() => showScreen({ name: 'settings' })}>
              {t('setup.cancel')}
            </button>
          )}
          <button type="button" className="button" disabled={working} onClick={() => void form.test()}>
            {t('setup.test')}
          </button>
          <button type="submit" className="button button--primary" disabled={working}>
            {editing ? t('setup.save') : t('setup.add')}
          </button>
        </div>
      </form>
    </main>
  );
}
