/**
 * The appointment dialog (issue #5 §4): a form for a new event or one the person may change, the
 * event read-only with the reason where they may not. For one occurrence of a series, Save and
 * Delete ask "Only this occurrence / The whole series" (an override or EXDATE, or the master).
 * Shows who created and who last changed the event, and exports it as an .ics file.
 */
import { useState } from 'react';
import type { CalendarEvent } from '../../../shared/model/calendar';
import type { Occurrence } from '../../calendar/occurrences';
import { Spinner } from '../../components/Spinner';
import type { CalendarInfo } from '../../db/queries/calendar';
import { useI18n } from '../../i18n/useI18n';
import { daysBetween, addDays } from './calendarDates';
import { changeOccurrence, changeSeries, deleteOccurrence, type EditScope } from '../../calendar/editing';
import { authorNow, changeDraft, draftFields, draftFromEvent, draftRecurrence, newEvent, stamped, validateDraft, type Author, type EventDraft } from './eventDraft';
import { EventDetails } from './EventDetails';
import { EventFormFields } from './EventFormFields';
import { personText } from './eventWords';
import { ModalDialog } from '../../components/ModalDialog';
import { isValidZone } from './TimeZoneField';
import { useCalendarLocale } from './useCalendarLocale';
import type { useCalendarWriter } from './useCalendarWriter';
import { useEventExport } from './useEventExport';

export type EditorTarget = { kind: 'new'; draft: EventDraft } | { kind: 'open'; occurrence: Occurrence };

interface EventEditorProps {
  target: EditorTarget;
  calendars: CalendarInfo[];
  writer: ReturnType<typeof useCalendarWriter>;
  onClose(): void;
}

type Question = null | 'saveScope' | 'deleteConfirm' | 'deleteScope';

/** The form's dates moved from the occurrence's day to the series' first day, keeping times. */
function toSeriesDates(draft: EventDraft, occurrenceDate: string, seriesDate: string): EventDraft {
  const shift = daysBetween(occurrenceDate, seriesDate);
  return { ...draft, startDate: addDays(draft.startDate, shift), endDate: addDays(draft.endDate, shift) };
}

export function EventEditor({ target, calendars, writer, onClose }: EventEditorProps) {
  const { t, localeTag } = useI18n();
  const locale = useCalendarLocale();
  const occurrence = target.kind === 'open' ? target.occurrence : null;
  const calendarKey = occurrence?.calendarKey ?? (target.kind === 'new' ? target.draft.calendarKey : '');
  const [draft, setDraft] = useState<EventDraft>(() =>
    occurrence ? draftFromEvent(calendarKey, occurrence.fields, occurrence.master.recurrence) : (target as { draft: EventDraft }).draft,
  );
  const [showProblems, setShowProblems] = useState(false);
  const [question, setQuestion] = useState<Question>(null);
  const exportEvent = useEventExport();
  const calendar = calendars.find((c) => c.key === (occurrence ? calendarKey : draft.calendarKey));
  const writable = calendars.filter((c) => c.canWrite);
  const canEdit = occurrence ? (calendar?.canWrite ?? false) : writable.length > 0;
  const recurring = occurrence?.occurrenceKey != null;
  const problems = [...validateDraft(draft)];
  const zoneOk = draft.allDay || isValidZone(draft.timeZone);
  const busy = writer.busy;

  const change = (partial: Partial<EventDraft>) => setDraft((previous) => changeDraft(previous, partial));
  const author = (): Author => authorNow(calendar ? writer.authorOf(calendar) : '');

  async function write(event: CalendarEvent) {
    if (!calendar) return;
    const outcome = await writer.save({ calendar, opened: occurrence?.stored ?? null, event });
    if (outcome === 'saved') onClose();
    else setQuestion(null);
  }

  /** The master with the form's fields and repetition (exceptions move along, editing.changeSeries). */
  function seriesWith(master: CalendarEvent, form: EventDraft): CalendarEvent {
    const fields = draftFields(form, locale.timeZone, master.alarms);
    return changeSeries(master, { ...fields, recurrence: draftRecurrence(form, master.recurrence, fields.start) });
  }

  function save(scope: EditScope | null) {
    if (problems.length > 0 || !zoneOk) return setShowProblems(true);
    const who = author();
    if (!occurrence) return void write(newEvent(draft, locale.timeZone, who));
    const master = occurrence.master;
    if (!recurring) return void write(stamped(seriesWith(master, draft), who));
    if (scope === null) return setQuestion('saveScope');
    if (scope === 'occurrence') {
      const fields = stamped({ ...occurrence.fields, ...draftFields(draft, locale.timeZone, occurrence.fields.alarms) }, who);
      return void write(stamped(changeOccurrence(master, occurrence.occurrenceKey ?? '', fields), who));
    }
    const opened = draftFromEvent(calendarKey, occurrence.fields, master.recurrence);
    const first = draftFromEvent(calendarKey, master, master.recurrence);
    return void write(stamped(seriesWith(master, toSeriesDates(draft, opened.startDate, first.startDate)), who));
  }

  async function remove(scope: EditScope) {
    if (!occurrence || !calendar) return;
    if (scope === 'occurrence' && recurring) return write(stamped(deleteOccurrence(occurrence.master, occurrence.occurrenceKey ?? ''), author()));
    if ((await writer.remove(calendar, occurrence.stored)) === 'saved') onClose();
    else setQuestion(null);
  }

  const title = !occurrence ? t('calendar.form.newTitle') : canEdit ? t('calendar.form.editTitle') : occurrence.fields.summary || t('calendar.untitled');
  const master = occurrence?.master;
  const when = occurrence
    ? new Intl.DateTimeFormat(localeTag, { dateStyle: 'medium', timeStyle: 'short', ...(locale.hour12 ? { hour12: true } : { hourCycle: 'h23' as const }) }).format(
        new Date(occurrence.fields.lastModified),
      )
    : '';

  return (
    <ModalDialog title={title} className="dialog--wide event-editor" busy={busy} onCancel={onClose}>
      {occurrence && !canEdit && (
        <p className="event-editor__reason" role="note">
          {t('calendar.readOnlyReason', { address: calendar?.address || calendar?.name || '' })}
        </p>
      )}
      {canEdit ? (
        <form
          className="event-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save(null);
          }}
        >
          <EventFormFields
            draft={draft}
            calendars={occurrence ? null : writable}
            repeatable
            weekStart={locale.weekStart}
            problems={showProblems ? problems : []}
            onChange={change}
          />
        </form>
      ) : (
        occurrence && (
          <EventDetails fields={occurrence.fields} recurrence={occurrence.master.recurrence} calendarName={calendar?.address || calendar?.name || ''} hour12={locale.hour12} />
        )
      )}
      {master && (
        <p className="event-editor__authors">
          {t('calendar.form.authors', { created: personText(master.createdBy, t), changed: personText(occurrence.fields.lastModifiedBy, t), time: when })}
        </p>
      )}
      <p className="dialog__progress" role="status">
        {busy && (
          <>
            <Spinner /> {t('calendar.saving')}
          </>
        )}
      </p>
      {question === 'saveScope' || question === 'deleteScope' ? (
        <div className="dialog__actions event-editor__question" role="group" aria-label={t(question === 'saveScope' ? 'calendar.scope.saveQuestion' : 'calendar.scope.deleteQuestion')}>
          <p className="event-editor__question-text">{t(question === 'saveScope' ? 'calendar.scope.saveQuestion' : 'calendar.scope.deleteQuestion')}</p>
          <button type="button" className="button button--ghost" disabled={busy} onClick={() => setQuestion(null)}>
            {t('calendar.cancel')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => (question === 'saveScope' ? save('series') : void remove('series'))}>
            {t('calendar.scope.series')}
          </button>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => (question === 'saveScope' ? save('occurrence') : void remove('occurrence'))}>
            {t('calendar.scope.this')}
          </button>
        </div>
      ) : question === 'deleteConfirm' ? (
        <div className="dialog__actions event-editor__question" role="group" aria-label={t('calendar.deleteQuestion')}>
          <p className="event-editor__question-text">{t('calendar.deleteQuestion')}</p>
          <button type="button" className="button button--ghost" disabled={busy} onClick={() => setQuestion(null)}>
            {t('calendar.cancel')}
          </button>
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void remove('series')}>
            {t('calendar.delete')}
          </button>
        </div>
      ) : (
        <div className="dialog__actions">
          {occurrence && calendar && (
            <button type="button" className="button button--ghost" onClick={() => void exportEvent(calendar, occurrence.master)}>
              {t('calendar.exportIcs')}
            </button>
          )}
          {occurrence && canEdit && (
            <button type="button" className="button button--danger-ghost button--ghost" disabled={busy} onClick={() => setQuestion(recurring ? 'deleteScope' : 'deleteConfirm')}>
              {t('calendar.delete')}
            </button>
          )}
          <button type="button" className="button button--ghost" disabled={busy} onClick={onClose}>
            {canEdit ? t('calendar.cancel') : t('calendar.close')}
          </button>
          {canEdit && (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => save(null)}>
              {t('calendar.save')}
            </button>
          )}
        </div>
      )}
    </ModalDialog>
  );
}
