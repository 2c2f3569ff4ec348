/**
 * What the feeder remembers between starts beside the index itself: the newest body (by
 * `fetchedAt`) it indexed and, per folder kept offline, the last UID main gave a text for. Kept
 * in localStorage per cache database (one per profile); forgotten when the engine turns out empty,
 * so a new index takes every body again.
 */
export interface FeederMemory {
  /** Every body stored before `at` is indexed, and `skip` of those stored at `at`. */
  bodies(): { at: number; skip: number };
  setBodies(cursor: { at: number; skip: number }): void;
  offlineAfter(folderKey: string): number;
  setOfflineAfter(folderKey: string, uid: number): void;
  forgetOffline(folderKey: string): void;
  clear(): void;
}

interface Stored {
  bodiesTo: number;
  bodiesSkip: number;
  offline: Record<string, number>;
}

const empty = (): Stored => ({ bodiesTo: 0, bodiesSkip: 0, offline: {} });

function parse(text: string | null): Stored {
  if (!text) return empty();
  try {
    const value = JSON.parse(text) as Partial<Stored>;
    const offline = value.offline && typeof value.offline === 'object' ? value.offline : {};
    const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
    return { bodiesTo: number(value.bodiesTo), bodiesSkip: number(value.bodiesSkip), offline };
  } catch {
    return empty();
  }
}

/** Memory in localStorage under the database's name (in memory only where there is none: Node). */
export function feederMemory(databaseName: string, storage: Storage | undefined = globalThis.localStorage): FeederMemory {
  const key = `postvak.searchFeeder.${databaseName}`;
  let stored = parse(storage?.getItem(key) ?? null);
  const save = () => {
    try {
      storage?.setItem(key, JSON.stringify(stored));
    } catch {
      // Storage full or refused: the next start indexes some bodies again, nothing worse.
    }
  };
  return {
    bodies: () => ({ at: stored.bodiesTo, skip: stored.bodiesSkip }),
    setBodies({ at, skip }) {
      if (at === stored.bodiesTo && skip === stored.bodiesSkip) return;
      stored.bodiesTo = at;
      stored.bodiesSkip = skip;
      save();
    },
    offlineAfter: (folderKey) => stored.offline[folderKey] ?? 0,
    setOfflineAfter(folderKey, uid) {
      if (stored.offline[folderKey] === uid) return;
      stored.offline[folderKey] = uid;
      save();
    },
    forgetOffline(folderKey) {
      if (!(folderKey in stored.offline)) return;
      delete stored.offline[folderKey];
      save();
    },
    clear() {
      stored = empty();
      save();
    },
  };
}
