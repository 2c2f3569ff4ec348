/**
 * Short notices; errors are alerts (read out at once), the rest wait politely. A notice with a
 * button (Undo, issue #12 §1) stays while the pointer is over it or focus is in it, so a person
 * who reaches it by keyboard or reads slowly does not lose it (WCAG 2.2.1 timing adjustable).
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import type { Toast } from '../../store/toastSlice';
import { useUndoShortcut } from '../../tasks/useUndoShortcut';

const infoTimeoutMs = 5000;

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useI18n();
  const dismiss = useStore((state) => state.dismissToast);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = hovered || focused;
  useEffect(() => {
    // Errors stay until dismissed: a person must be able to read them at their own pace.
    if (toast.tone !== 'info' || toast.sticky || held) return;
    const timer = setTimeout(() => dismiss(toast.id), toast.durationMs ?? infoTimeoutMs);
    return () => clearTimeout(timer);
  }, [toast, dismiss, held]);
  return (
    <li
      className={`toast toast--${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
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
  useUndoShortcut();
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
