/** Short notices; errors are alerts (read out at once), the rest wait politely. */
import { useEffect } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import type { Toast } from '../../store/toastSlice';

const infoTimeoutMs = 5000;

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useI18n();
  const dismiss = useStore((state) => state.dismissToast);
  useEffect(() => {
    // Errors stay until dismissed: a person must be able to read them at their own pace.
    if (toast.tone !== 'info') return;
    const timer = setTimeout(() => dismiss(toast.id), toast.durationMs ?? infoTimeoutMs);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <li className={`toast toast--${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <span className="toast__text">{toast.text}</span>
      {toast.action && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            dismiss(toast.id);
            toast.action?.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast__close" aria-label={t('app.dismiss')} onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </li>
  );
}

export function Toasts() {
  const { t } = useI18n();
  const toasts = useStore((state) => state.toasts);
  return (
    <section className="toasts" aria-label={t('app.notifications')}>
      <ul className="toasts__list">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} />
        ))}
      </ul>
    </section>
  );
}
