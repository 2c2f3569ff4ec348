/** The connection test, step by step: which server, which step, OK or failed and why. */
import type { AccountSettings, ConnectionTestResult } from '../../../shared/model';
import { describeConnectionError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';

export function ConnectionChecks({ result, settings }: { result: ConnectionTestResult; settings: AccountSettings }) {
  const { t } = useI18n();
  return (
    <section className="checks" aria-label={t('setup.checks')}>
      <h2 className="checks__title">{t('setup.checks')}</h2>
      <ul className="checks__list">
        {result.checks.map((check) => {
          const host = check.server === 'imap' ? settings.imap.host : settings.smtp.host;
          const line = t('setup.check', {
            server: t(`setup.server.${check.server}`),
            step: t(`setup.step.${check.step}`),
            result: check.ok ? t('setup.checkOk') : t('setup.checkFailed'),
          });
          return (
            <li key={`${check.server}-${check.step}`} className={`checks__item ${check.ok ? 'is-ok' : 'is-failed'}`}>
              <span className="checks__mark" aria-hidden="true">
                {check.ok ? '✓' : '✕'}
              </span>
              <div>
                <p className="checks__line">{line}</p>
                {!check.ok && <p className="checks__why">{describeConnectionError(t, check.code, host)}</p>}
                {!check.ok && check.detail && <p className="checks__detail">{t('setup.serverSaid', { detail: check.detail })}</p>}
              </div>
            </li>
          );
        })}
      </ul>
      {result.ok && <p className="checks__summary">{t('setup.testOk')}</p>}
    </section>
  );
}
