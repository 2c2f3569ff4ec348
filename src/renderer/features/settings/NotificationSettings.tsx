/**
 * Permission for new-mail notifications: asked only when the person presses the button (never
 * on load — browsers penalise and people dismiss prompts that come unasked).
 */
import { useState } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { notificationsSupported } from '../../sync/notifyNewMail';

export function NotificationSettings() {
  const { t } = useI18n();
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(() =>
    notificationsSupported() ? Notification.permission : 'unsupported',
  );
  const words =
    permission === 'granted'
      ? t('settings.notifications.granted')
      : permission === 'denied'
        ? t('settings.notifications.denied')
        : permission === 'unsupported'
          ? t('settings.notifications.unsupported')
          : t('settings.notifications.ask');
  return (
    <section className="settings__section" aria-labelledby="settings-notifications">
      <h2 id="settings-notifications" className="settings__subtitle">
        {t('settings.notifications')}
      </h2>
      <p role="status">{words}</p>
      {permission === 'default' && (
        <button
          type="button"
          className="button"
          onClick={() => void Notification.requestPermission().then(setPermission, () => setPermission(Notification.permission))}
        >
          {t('settings.notifications.allow')}
        </button>
      )}
    </section>
  );
}
