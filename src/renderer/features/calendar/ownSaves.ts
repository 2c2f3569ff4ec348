/**
 * The IMAP UID of the person's own last save per event, in memory only. A second save of the
 * same event within the ~1 s before the first comes back through sync is compared against the
 * version the person opened, so the server answers `conflict` with the version they just wrote
 * themselves — not someone else's change, so no field-by-field choice (useCalendarWriter).
 */
const lastOwnSave = new Map<string, number>();

const keyOf = (calendarKey: string, eventUid: string) => `${calendarKey}\n${eventUid}`;

export function rememberOwnSave(calendarKey: string, eventUid: string, imapUid: number | null): void {
  // Without a UID (no UIDPLUS) the version cannot be told apart: such a conflict is put to the person.
  if (imapUid === null) lastOwnSave.delete(keyOf(calendarKey, eventUid));
  else lastOwnSave.set(keyOf(calendarKey, eventUid), imapUid);
}

/** Whether the server's current version of an event is the one the person themselves saved last. */
export function isOwnSave(calendarKey: string, eventUid: string, imapUid: number): boolean {
  return lastOwnSave.get(keyOf(calendarKey, eventUid)) === imapUid;
}
