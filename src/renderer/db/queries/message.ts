/** One message for the reader, read live from its page (issue #11 §1). */
import { db } from '../db';
import { getMessage } from '../pages/messageRows';
import type { MessageKey, MessageRow } from '../rows';
import { useFreshLiveQuery } from './useFreshLiveQuery';

/** One message by key; `null` once it is known not to be cached (removed meanwhile). */
export function useMessage(key: MessageKey | null): MessageRow | null | undefined {
  return useFreshLiveQuery(async () => (key ? ((await getMessage(db, key)) ?? null) : null), [key]);
}
