/**
 * Folders messages were recently moved or copied to, most recent first (issue #12 §2: the
 * picker offers them first). A convenience kept in this device's localStorage: losing it
 * costs nothing but the order.
 */
const storageKey = 'postvak:recentFolders';
const keep = 8;

export function recentTargets(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string').slice(0, keep) : [];
  } catch {
    return [];
  }
}

/** `key` as the most recent target (a folderKey). */
export function rememberTarget(key: string): void {
  const next = [key, ...recentTargets().filter((other) => other !== key)].slice(0, keep);
  try {
    localStorage.setItem(storageKey, JSON.stringify(next));
  } catch {
    // No storage (a locked-down profile): the picker keeps the tree's order.
  }
}
