/**
 * Searches the person committed (Enter, a suggestion taken), most recent first (issue #13 §1:
 * "Recent searches remembered"). Kept in this profile's localStorage — each profile has its own
 * storage (its own Electron user-data folder, its own browser-host origin) — and offered when
 * the box is empty and focused. A convenience: losing it costs nothing but the list.
 */
const storageKey = 'postvak:recentSearches';
export const recentSearchLimit = 8;

/** The kept searches, newest first (at most recentSearchLimit, never empty strings). */
export function recentSearches(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string[] {
  try {
    const value: unknown = JSON.parse(storage?.getItem(storageKey) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter((text): text is string => typeof text === 'string' && text.trim() !== '').slice(0, recentSearchLimit);
  } catch {
    return [];
  }
}

/** Same search typed with other spacing or case is one entry: the newest spelling wins. */
const sameSearch = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/** Puts `text` first; returns the new list. */
export function rememberSearch(text: string, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return recentSearches(storage);
  const next = [trimmed, ...recentSearches(storage).filter((other) => !sameSearch(other, trimmed))].slice(0, recentSearchLimit);
  try {
    storage?.setItem(storageKey, JSON.stringify(next));
  } catch {
    // No storage (a locked-down profile): nothing is remembered, the search itself still runs.
  }
  return next;
}

/** Drops one remembered search (its option's remove button). */
export function forgetSearch(text: string, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): string[] {
  const next = recentSearches(storage).filter((other) => !sameSearch(other, text));
  try {
    storage?.setItem(storageKey, JSON.stringify(next));
  } catch {
    // As above: forgetting is best effort.
  }
  return next;
}
