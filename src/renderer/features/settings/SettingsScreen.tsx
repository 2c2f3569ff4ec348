/** Settings: the accounts (add, edit, remove), their mailboxes, identities, undo send, notifications and the language. */
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { AccountList } from './AccountList';
import { CalendarSettings } from './CalendarSettings';
import { IdentitySettings } from './IdentitySettings';
import { LanguageSelect } from './LanguageSelect';
import { MailboxList } from './MailboxList';
import { NotificationSettings } from './NotificationSettings';
import { SenderCheckSetting } from './SenderCheckSetting';
import { ShortcutSchemeSetting } from './ShortcutSchemeSetting';
import { UndoSendSetting } from './UndoSendSetting';

export function SettingsScreen() {
  const { t } = useI18n();
  const showScreen = useStore((state) => state.showScreen);
  return (
    <main className="settings">
      <div className="settings__card">
        <div className="settings__head">
          <h1 className="settings__title">{t('settings.title')}</h1>
          <button type="button" className="button button--ghost" onClick={() => showScreen({ name: 'mail' })}>
            {t('settings.back')}
          </button>
        </div>
        <AccountList />
        <MailboxList />
        <CalendarSettings />
        <IdentitySettings />
        <UndoSendSetting />
        <NotificationSettings />
        <SenderCheckSetting />
        <ShortcutSchemeSetting />
        <LanguageSelect />
      </div>
    </main>
  );
}
