/** System / English / Nederlands; remembered across restarts. */
import { SelectField } from '../../components/Field';
import { i18nFor } from '../../i18n/i18n';
import type { LanguagePreference } from '../../i18n/types';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';

export function LanguageSelect() {
  const { t } = useI18n();
  const preference = useStore((state) => state.language);
  const setLanguage = useStore((state) => state.setLanguage);
  const systemLocale = useStore((state) => state.appInfo?.systemLocale ?? null);
  const systemLanguage = i18nFor('system', systemLocale).language;
  const options = [
    { value: 'system', label: t('settings.language.system', { language: t(`settings.language.${systemLanguage}`) }) },
    { value: 'en', label: t('settings.language.en') },
    { value: 'nl', label: t('settings.language.nl') },
  ];
  return (
    <section className="settings__section">
      <SelectField
        label={t('settings.language')}
        value={preference}
        options={options}
        onChange={(event) => setLanguage(event.target.value as LanguagePreference)}
      />
    </section>
  );
}
