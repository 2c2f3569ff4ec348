/**
 * `t(key, params)`: looks the key up in the language's dictionary, picks the plural form with
 * Intl.PluralRules when the entry is plural, and fills `{placeholders}`. Numbers are formatted
 * for the locale (1,200 / 1.200). Output is plain text: React escapes it where it is shown.
 */
import { en } from './en';
import { nl } from './nl';
import type { Language, MessageKey, ParamValue, PluralEntry, Translate, Translation } from './types';

export const dictionaries: Record<Language, Translation> = { en, nl };

function isPlural(entry: string | PluralEntry): entry is PluralEntry {
  return typeof entry === 'object';
}

export function createTranslator(language: Language, localeTag: string): Translate {
  const dictionary = dictionaries[language];
  const plurals = new Intl.PluralRules(localeTag);
  const numbers = new Intl.NumberFormat(localeTag);
  const translate = (key: MessageKey, params?: Record<string, ParamValue>): string => {
    const entry = dictionary[key] ?? en[key];
    let template: string;
    if (isPlural(entry)) {
      const count = Number(params?.['count'] ?? 0);
      const form = plurals.select(count);
      template = form === 'one' ? entry.one : entry.other;
    } else {
      template = entry;
    }
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params?.[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
  return translate as Translate;
}

/** The placeholder names a template uses; the i18n test compares them across languages. */
export function placeholdersOf(entry: string | PluralEntry): string[] {
  const text = isPlural(entry) ? `${entry.one} ${entry.other}` : entry;
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}
