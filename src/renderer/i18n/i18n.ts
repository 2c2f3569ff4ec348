/**
 * The active language bundle (translator + formatters), memoised per language and locale so
 * components and the sync loop share one instance.
 */
import { createFormatters, type Formatters } from './format';
import { localeTagFor, resolveLanguage } from './locale';
import { createTranslator } from './translate';
import type { Language, LanguagePreference, Translate } from './types';

export interface I18n {
  language: Language;
  localeTag: string;
  t: Translate;
  fmt: Formatters;
}

const cache = new Map<string, I18n>();

export function i18nFor(preference: LanguagePreference, systemLocale: string | null): I18n {
  const language = resolveLanguage(preference, systemLocale);
  const localeTag = localeTagFor(language, systemLocale);
  const cacheKey = `${language}|${localeTag}`;
  let bundle = cache.get(cacheKey);
  if (!bundle) {
    bundle = { language, localeTag, t: createTranslator(language, localeTag), fmt: createFormatters(language, localeTag) };
    cache.set(cacheKey, bundle);
  }
  return bundle;
}
