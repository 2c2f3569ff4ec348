/** Settings → "Keyboard shortcuts": Outlook's set (the default) or Gmail's (issue #12 §5), remembered. */
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';

export function ShortcutSchemeSetting() {
  const { t } = useI18n();
  const scheme = useStore((state) => state.shortcutScheme);
  const setShortcutScheme = useStore((state) => state.setShortcutScheme);
  return (
    <section className="settings__section" aria-labelledby="settings-shortcuts">
      <h2 id="settings-shortcuts" className="settings__subtitle">
        {t('settings.shortcuts')}
      </h2>
      <label className="mailbox-list__notify">
        {t('settings.shortcuts.label')}
        <select value={scheme} onChange={(event) => setShortcutScheme(event.target.value === 'gmail' ? 'gmail' : 'outlook')}>
          <option value="outlook">{t('settings.shortcuts.outlook')}</option>
          <option value="gmail">{t('settings.shortcuts.gmail')}</option>
        </select>
      </label>
      <p className="field__hint">{t('settings.shortcuts.hint')}</p>
    </section>
  );
}
