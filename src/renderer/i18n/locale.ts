/**
 * Which language and locale to use. The system language comes from main (`app.info`; empty in
 * the browser host, where the person may sit at another device), else the browser's language;
 * anything starting with `nl` is Dutch, everything else English.
 */
import type { Language, LanguagePreference } from './types';

export function languageOf(tag: string | undefined | null): Language {
  return tag && /^nl\b/i.test(tag) ? 'nl' : 'en';
}

export function resolveLanguage(preference: LanguagePreference, systemLocale: string | null): Language {
  if (preference !== 'system') return preference;
  return languageOf(systemLocale || globalThis.navigator?.language);
}

/**
 * The BCP 47 tag for Intl: the system's own region when it speaks the chosen language
 * (en-GB keeps its dates), else a sensible default for that language.
 */
export function localeTagFor(language: Language, systemLocale: string | null): string {
  const system = systemLocale || globalThis.navigator?.language || '';
  if (languageOf(system) === language && isValidTag(system)) return system;
  return language === 'nl' ? 'nl-NL' : 'en-US';
}

function isValidTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
