/**
 * What the views ask of the calendar screen: open an occurrence, create an appointment at a slot
 * or day, and apply a drag (move/resize) — asking "only this occurrence or the whole series?" for
 * a series — through the one writer with its compare-and-swap and conflict dialog.
 */
import { useCallback, useState, type ReactNode } from 'react';
import type { Occurrence } from '../../calendar/occurrences';
import type { CalendarInfo } from '../../db/queries/calendar';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { addDays, timeOfMinutes, type Day } from './calendarDates';
import { moveOccurrence, type EditScope } from '../../calendar/editing';
import { authorNow, newDraft, stamped } from './eventDraft';
import type { EditorTarget } from './EventEditor';
import { ModalDialog } from '../../components/ModalDialog';
import { changedTimes, type GridChange } from './timeGridModel';
import type { CalendarLocale } from './useCalendarLocale';
import { useCalendarWriter } from './useCalendarWriter';

/** The stored version an occurrence comes from: a drag's preview holds until this changes. */
function versionKey(occurrence: Occurrence): string {
  return `${occurrence.stored.imapUid}:${occurrence.stored.modseq}`;
}

interface MoveQuestion {
  occurrence: Occurrence;
  change: GridChange;
}

export function useCalendarActions(calendars: CalendarInfo[] | undefined, locale: CalendarLocale) {
  const { t } = useI18n();
  const writer = useCalendarWriter();
  const [editor, setEditor] = useState<{ id: number; target: EditorTarget } | null>(null);
  const [moveQuestion, setMoveQuestion] = useState<MoveQuestion | null>(null);
  const [moved, setMoved] = useState<ReadonlyMap<string, { start: number; end: number; version: string }>>(new Map());
  const writable = (calendars ?? []).filter((calendar) => calendar.canWrite && calendar.prefs.visible);
  const defaultKey = (writable[0] ?? (calendars ?? []).find((calendar) => calendar.canWrite))?.key ?? null;

  const open = useCallback((occurrence: Occurrence) => setEditor({ id: Date.now(), target: { kind: 'open', occurrence } }), []);

  const create = useCallback(
    (day: Day, startMin: number, endMin: number, allDay: boolean) => {
      if (!defaultKey) return void useStore.getState().pushToast('info', t('calendar.noWritable'));
      const start = `${day}T${timeOfMinutes(startMin)}`;
      const end = endMin >= 1440 ? `${addDays(day, 1)}T00:00:00` : `${day}T${timeOfMinutes(endMin)}`;
      setEditor({ id: Date.now(), target: { kind: 'new', draft: newDraft(defaultKey, start, end, locale.timeZone, allDay) } });
    },
    [defaultKey, locale.timeZone, t],
  );

  const apply = useCallback(
    async ({ occurrence, change }: MoveQuestion, scope: EditScope) => {
      const calendar = calendars?.find((c) => c.key === occurrence.calendarKey);
      if (!calendar?.canWrite) return;
      const author = authorNow(writer.authorOf(calendar));
      // Whole days and minutes of wall time, as the grid showed them (editing.moveOccurrence).
      const delta = { startMinutes: change.days * 1440 + change.startMinutes, endMinutes: change.days * 1440 + change.endMinutes };
      const event = stamped(moveOccurrence(occurrence, delta, scope), author);
      // The dragged occurrence stays where it was dropped until its new version is synced.
      if (scope === 'occurrence') setMoved((previous) => new Map(previous).set(occurrence.id, { ...changedTimes(occurrence, change, locale.timeZone), version: versionKey(occurrence) }));
      const outcome = await writer.save({ calendar, opened: occurrence.stored, event });
      if (outcome !== 'saved') {
        setMoved((previous) => {
          const next = new Map(previous);
          next.delete(occurrence.id);
          return next;
        });
      }
    },
    [calendars, writer, locale.timeZone],
  );

  /**
   * The occurrences with those just dragged at their new place, until the synced version replaces
   * them; `pending` names those (not draggable again before their new version is in).
   */
  const withMoves = useCallback(
    (occurrences: Occurrence[]): { occurrences: Occurrence[]; pending: ReadonlySet<string> } => {
      if (moved.size === 0) return { occurrences, pending: new Set() };
      const pending = new Set<string>();
      const shown = occurrences.map((occurrence) => {
        const move = moved.get(occurrence.id);
        if (!move || move.version !== versionKey(occurrence)) return occurrence;
        pending.add(occurrence.id);
        return { ...occurrence, start: move.start, end: move.end };
      });
      return { occurrences: shown, pending };
    },
    [moved],
  );

  const change = useCallback(
    (occurrence: Occurrence, gridChange: GridChange) => {
      const question = { occurrence, change: gridChange };
      if (occurrence.occurrenceKey === null) void apply(question, 'occurrence');
      else setMoveQuestion(question);
    },
    [apply],
  );

  let dialog: ReactNode = writer.dialog;
  if (moveQuestion) {
    const answer = (scope: EditScope | null) => {
      setMoveQuestion(null);
      if (scope) void apply(moveQuestion, scope);
    };
    dialog = (
      <>
        {dialog}
        <ModalDialog title={t('calendar.scope.moveQuestion')} onCancel={() => answer(null)}>
          <div className="dialog__actions">
            <button type="button" className="button button--ghost" onClick={() => answer(null)}>
              {t('calendar.cancel')}
            </button>
            <button type="button" className="button" onClick={() => answer('series')}>
              {t('calendar.scope.series')}
            </button>
            <button type="button" className="button button--primary" onClick={() => answer('occurrence')}>
              {t('calendar.scope.this')}
            </button>
          </div>
        </ModalDialog>
      </>
    );
  }
  return { writer, editor, setEditor, open, create, change, withMoves, dialog, canCreate: defaultKey !== null };
}
