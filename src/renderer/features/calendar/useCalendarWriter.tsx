/**
 * Saving and deleting events with compare-and-swap (issue #5 §5). A save sends the version the
 * person opened; when another member saved first the main side answers `conflict` with the
 * server's version, and nothing is lost: fields only one side changed merge silently
 * (mergeEvents), fields both changed are put to the person (ConflictDialog), and the result is
 * saved against the server's version — again, until it goes through. An event deleted meanwhile
 * can be saved as new or discarded. When the server's version is the person's own previous save
 * (saved again before it came back through sync) it is no conflict: their new values are saved
 * over it at once (ownSaves.ts).
 */
import { useCallback, useState, type ReactNode } from 'react';
import { applyChoices, mergeEvents, type EventField, type FieldSide } from '../../../shared/calendar/merge';
import type { CalendarEvent, CalendarWriteResult, EventVersion, StoredEvent } from '../../../shared/model/calendar';
import { api } from '../../api';
import type { CalendarInfo } from '../../db/queries/calendar';
import { toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { calendarErrorText } from './calendarErrors';
import { ConflictDialog, DeletedDialog } from './ConflictDialog';
import { isOwnSave, rememberOwnSave } from './ownSaves';

export type WriteOutcome = 'saved' | 'cancelled' | 'failed';

type Pending =
  | { kind: 'conflict'; mine: CalendarEvent; theirs: CalendarEvent; conflicts: EventField[]; resolve(choices: Map<EventField, FieldSide> | null): void }
  | { kind: 'deleted'; resolve(saveAsNew: boolean): void };

export interface SaveRequest {
  calendar: CalendarInfo;
  /** The stored version the person opened; null for a new event. */
  opened: StoredEvent | null;
  event: CalendarEvent;
}

/** The version written after a merge: newer than both (SEQUENCE, RFC 5545 §3.8.7.4), changed by the person saving. */
function stampMerged(event: CalendarEvent, mine: CalendarEvent, theirs: CalendarEvent, by: string): CalendarEvent {
  return { ...event, sequence: Math.max(mine.sequence, theirs.sequence + 1), lastModified: Date.now(), lastModifiedBy: by };
}

/** The second of two own saves over the first: the merge with every field both changed taken from the second. */
function ownMerge(base: CalendarEvent, second: CalendarEvent, first: CalendarEvent): CalendarEvent {
  const { merged, conflicts } = mergeEvents(base, second, first);
  if (conflicts.length === 0) return merged;
  return applyChoices(merged, second, first, new Map(conflicts.map((field) => [field, 'mine' as const])), base);
}

function versionOf(stored: StoredEvent): EventVersion {
  return { imapUid: stored.imapUid, modseq: stored.modseq };
}

async function call(calendar: CalendarInfo, event: CalendarEvent, base: EventVersion | null): Promise<CalendarWriteResult> {
  const result = await api.call('calendar.save', { accountId: calendar.accountId, folderPath: calendar.folderPath, event, base });
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code, details: result.error.details });
  return result.value;
}

export function useCalendarWriter() {
  const { t } = useI18n();
  const accounts = useStore((state) => state.accounts);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  const authorOf = useCallback(
    (calendar: CalendarInfo) => accounts?.find((account) => account.id === calendar.accountId)?.email ?? calendar.address,
    [accounts],
  );

  const save = useCallback(
    async ({ calendar, opened, event }: SaveRequest): Promise<WriteOutcome> => {
      setBusy(true);
      try {
        let base: CalendarEvent | null = opened?.event ?? null;
        let version: EventVersion | null = opened ? versionOf(opened) : null;
        let mine = event;
        for (;;) {
          const result = await call(calendar, mine, version);
          if (result.status === 'saved') {
            rememberOwnSave(calendar.key, mine.uid, result.imapUid);
            return 'saved';
          }
          const current = result.current;
          if (current?.event && isOwnSave(calendar.key, mine.uid, current.imapUid)) {
            // Only the person changed it since they opened it: what they changed in their first
            // save stays, and where both saves changed a field the newer one wins, without a question.
            const own = current.event;
            const next = base ? ownMerge(base, mine, own) : mine;
            mine = stampMerged(next, mine, own, authorOf(calendar));
            base = own;
            version = versionOf(current);
            continue;
          }
          if (!current?.event || !base) {
            const asNew = await new Promise<boolean>((resolve) => setPending({ kind: 'deleted', resolve }));
            if (!asNew) return 'cancelled';
            base = null;
            version = null;
            continue;
          }
          const theirs = current.event;
          const { merged, conflicts } = mergeEvents(base, mine, theirs);
          let next = merged;
          if (conflicts.length > 0) {
            const choices = await new Promise<Map<EventField, FieldSide> | null>((resolve) =>
              setPending({ kind: 'conflict', mine, theirs, conflicts, resolve }),
            );
            if (!choices) return 'cancelled';
            next = applyChoices(merged, mine, theirs, choices, base);
          }
          mine = stampMerged(next, mine, theirs, authorOf(calendar));
          base = theirs;
          version = versionOf(current);
        }
      } catch (error) {
        const apiError = toApiError(error);
        useStore.getState().pushToast('error', t('calendar.saveFailed', { error: calendarErrorText(t, apiError, calendar.address) }));
        return 'failed';
      } finally {
        setPending(null);
        setBusy(false);
      }
    },
    [t, authorOf],
  );

  /** Deletes a whole event (or series) as the person opened it. */
  const remove = useCallback(
    async (calendar: CalendarInfo, opened: StoredEvent): Promise<WriteOutcome> => {
      setBusy(true);
      try {
        const result = await api.call('calendar.delete', {
          accountId: calendar.accountId,
          folderPath: calendar.folderPath,
          base: versionOf(opened),
          // With the UID, `current: null` means deleted, not "replaced by someone" (api.ts).
          ...(opened.event ? { eventUid: opened.event.uid } : {}),
        });
        if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
        // Already deleted by someone else: the person's wish came true.
        if (result.value.status === 'saved' || result.value.current === null) return 'saved';
        useStore.getState().pushToast('error', t('calendar.deleteChanged'));
        return 'failed';
      } catch (error) {
        useStore.getState().pushToast('error', t('calendar.deleteFailed', { error: calendarErrorText(t, toApiError(error), calendar.address) }));
        return 'failed';
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  let dialog: ReactNode = null;
  if (pending?.kind === 'conflict') {
    dialog = (
      <ConflictDialog
        mine={pending.mine}
        theirs={pending.theirs}
        conflicts={pending.conflicts}
        onDone={(choices) => {
          setPending(null);
          pending.resolve(choices);
        }}
      />
    );
  } else if (pending?.kind === 'deleted') {
    dialog = (
      <DeletedDialog
        onChoose={(asNew) => {
          setPending(null);
          pending.resolve(asNew);
        }}
      />
    );
  }
  return { save, remove, busy, dialog, authorOf };
}
