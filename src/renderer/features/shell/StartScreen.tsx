/** Shown until the account list arrives; offers a retry when it could not be loaded. */
import { describeError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { Spinner } from '../../components/Spinner';

export function StartScreen({ onRetry }: { onRetry?: () => void }) {
  const { t } = useI18n();
  const startError = useStore((state) => state.startError);
  return (
    <main className="start-screen">
      <h1 className="start-screen__title">{t('app.name')}</h1>
      {startError ? (
        <div role="alert" className="start-screen__error">
          <p>{t('app.startFailed', { error: describeError(t, startError) })}</p>
          {onRetry && (
            <button type="button" className="button button--primary" onClick={onRetry}>
              {t('app.retry')}
            </button>
          )}
        </div>
      ) : (
        <p className="start-screen__loading">
          <Spinner /> {t('app.loading')}
        </p>
      )}
    </main>
  );
}
