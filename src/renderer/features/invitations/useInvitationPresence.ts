/**
 * Where an invited event already is: for each calendar, the cached message holding its UID
 * (RFC 5545 §3.8.4.7), highest IMAP UID first. Adding an invitation twice must find the first copy
 * instead of writing a second one.
 */
import type { StoredEvent } from '../../../shared/model/calendar';
import { db } from '../../db/db';
import { loadEventByUid, type CalendarInfo } from '../../db/queries/calendar';
import { useFreshLiveQuery } from '../../db/queries/useFreshLiveQuery';

export type Presence = Record<string, StoredEvent | undefined>;

export function useInvitationPresence(uid: string, calendars: readonly CalendarInfo[] | undefined): Presence | undefined {
  const keys = (calendars ?? []).map((calendar) => calendar.key);
  return useFreshLiveQuery(async () => {
    const found = await Promise.all(keys.map(async (key) => [key, (await loadEventByUid(db, key, uid))[0]] as const));
    return Object.fromEntries(found) as Presence;
  }, [uid, keys]);
}
