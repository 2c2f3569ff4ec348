/** Settings → "Undo send": how long a sent message waits before it goes (issue #4 §6). */
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { undoSendChoices } from '../../store/preferencesSlice';

export function UndoSendSetting() {
  const { t } = useI18n();
  const seconds = useStore((state) => state.undoSendSeconds);
  const setUndoSendSeconds = useStore((state) => state.setUndoSendSeconds);
  return (
    <section className="settings__section" aria-labelledby="settings-undo-send">
      <h2 id="settings-undo-send" className="settings__subtitle">
        {t('settings.undoSend')}
      </h2>
      <label className="mailbox-list__notify">
        {t('settings.undoSend.label')}
        <select value={String(seconds)} onChange={(event) => setUndoSendSeconds(Number(event.target.value))}>
          {undoSendChoices.map((choice) => (
            <option key={choice} value={String(choice)}>
              {choice === 0 ? t('settings.undoSend.off') : t('settings.undoSend.seconds', { count: choice })}
            </option>
          ))}
        </select>
      </label>
      <p className="field__hint">{t('settings.undoSend.hint')}</p>
    </section>
  );
}
