/** The event form's fields: calendar (writable ones), title, place, time, zone, repetition, reminder, notes. */
import { useId } from 'react';
import { SelectField, TextField } from '../../components/Field';
import type { CalendarInfo } from '../../db/queries/calendar';
import { useI18n } from '../../i18n/useI18n';
import type { DraftProblem, EventDraft } from './eventDraft';
import { reminderChoices } from './eventDraft';
import { reminderText } from './eventWords';
import { RepeatFields } from './RepeatFields';
import { TimeZoneField } from './TimeZoneField';

interface EventFormFieldsProps {
  draft: EventDraft;
  /** Offered in the calendar picker; null = the calendar cannot change (an existing event). */
  calendars: CalendarInfo[] | null;
  /** Offer repetition (changing it applies to the whole series). */
  repeatable: boolean;
  weekStart: number;
  problems: DraftProblem[];
  onChange(change: Partial<EventDraft>): void;
}

export function EventFormFields({ draft, calendars, repeatable, weekStart, problems, onChange }: EventFormFieldsProps) {
  const { t } = useI18n();
  const descriptionId = useId();
  const problem = (key: DraftProblem) => (problems.includes(key) ? t(`calendar.problem.${key}`) : null);
  const reminders = reminderChoices.includes(draft.reminder as (typeof reminderChoices)[number])
    ? reminderChoices
    : [...reminderChoices, draft.reminder];
  return (
    <div className="event-form__fields">
      {calendars && (
        <SelectField
          label={t('calendar.form.calendar')}
          value={draft.calendarKey}
          options={calendars.map((calendar) => ({ value: calendar.key, label: calendar.address || calendar.name }))}
          onChange={(event) => onChange({ calendarKey: event.target.value })}
        />
      )}
      <TextField
        label={t('calendar.form.title')}
        value={draft.summary}
        error={problem('summaryMissing')}
        autoFocus
        onChange={(event) => onChange({ summary: event.target.value })}
      />
      <TextField label={t('calendar.form.location')} value={draft.location} onChange={(event) => onChange({ location: event.target.value })} />
      <div className="field field--checkbox">
        <label>
          <input type="checkbox" checked={draft.allDay} onChange={(event) => onChange({ allDay: event.target.checked })} />
          {t('calendar.form.allDay')}
        </label>
      </div>
      <div className="event-form__row">
        <TextField
          label={t('calendar.form.startDate')}
          type="date"
          required
          value={draft.startDate}
          onChange={(event) => onChange({ startDate: event.target.value })}
        />
        {!draft.allDay && (
          <TextField label={t('calendar.form.startTime')} type="time" required value={draft.startTime} onChange={(event) => onChange({ startTime: event.target.value })} />
        )}
      </div>
      <div className="event-form__row">
        <TextField
          label={t('calendar.form.endDate')}
          type="date"
          required
          value={draft.endDate}
          error={problem('endBeforeStart')}
          onChange={(event) => onChange({ endDate: event.target.value })}
        />
        {!draft.allDay && (
          <TextField label={t('calendar.form.endTime')} type="time" required value={draft.endTime} onChange={(event) => onChange({ endTime: event.target.value })} />
        )}
      </div>
      {!draft.allDay && <TimeZoneField value={draft.timeZone} onChange={(timeZone) => onChange({ timeZone })} />}
      {repeatable && <RepeatFields draft={draft} weekStart={weekStart} onChange={onChange} />}
      {(['intervalInvalid', 'countInvalid', 'untilBeforeStart'] as const).map(
        (key) =>
          problems.includes(key) && (
            <p key={key} className="field__error" role="alert">
              {t(`calendar.problem.${key}`)}
            </p>
          ),
      )}
      <SelectField
        label={t('calendar.form.reminder')}
        value={draft.reminder === null ? 'none' : String(draft.reminder)}
        options={reminders.map((minutes) => ({ value: minutes === null ? 'none' : String(minutes), label: reminderText(minutes, t) }))}
        onChange={(event) => onChange({ reminder: event.target.value === 'none' ? null : Number(event.target.value) })}
      />
      <div className="field">
        <label className="field__label" htmlFor={descriptionId}>
          {t('calendar.form.description')}
        </label>
        <textarea
          id={descriptionId}
          className="field__input event-form__description"
          rows={4}
          value={draft.description}
          onChange={(event) => onChange({ description: event.target.value })}
        />
      </div>
    </div>
  );
}
