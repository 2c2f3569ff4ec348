/**
 * The typed dictionary: en.ts is the source of keys; every other language must have the same
 * shape (a missing or extra key is a type error), and `t()` knows each key's placeholders.
 */
import type { en } from './en';

/** Forms chosen with Intl.PluralRules; `zero` is optional because few languages need it. */
export interface PluralEntry {
  readonly one: string;
  readonly other: string;
}

type Source = typeof en;
export type MessageKey = keyof Source;

/** Another language: same keys as English, plural entries stay plural. */
export type Translation = {
  readonly [K in MessageKey]: Source[K] extends PluralEntry ? PluralEntry : string;
};

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

type EntryParams<E> = E extends PluralEntry
  ? Placeholders<E['one'] | E['other']> | 'count'
  : Placeholders<E>;

export type ParamValue = string | number;

/** `[]` for keys without placeholders, `[params]` naming exactly the placeholders otherwise. */
export type ParamsOf<K extends MessageKey> = [EntryParams<Source[K]>] extends [never]
  ? []
  : [params: Record<EntryParams<Source[K]>, ParamValue>];

export type Translate = <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => string;

export type Language = 'en' | 'nl';
/** What the person chose in settings; `system` follows the operating system. */
export type LanguagePreference = 'system' | Language;
