import { db } from '../db';
import type { BodyRow, MessageKey } from '../rows';
import { useFreshLiveQuery } from './useFreshLiveQuery';

/** The cached body of a message: `null` when not cached yet, `undefined` while looking. */
export function useCachedBody(key: MessageKey | null): BodyRow | null | undefined {
  return useFreshLiveQuery(async () => (key ? ((await db.bodies.get(key)) ?? null) : null), [key]);
}
