/**
 * An event shown without edit controls: for a calendar the person may only read (issue #5 §4:
 * "a read-only member sees but cannot change; the form says why").
 */
import type { EventFields, Recurrence } from '../../../shared/model/calendar';
import { useI18n } from '../../i18n/useI18n';
import { recurrenceText, reminderText, timeText } from './eventWords';

interface EventDetailsProps {
  fields: EventFields;
  recurrence: Recurrence | null;
  calendarName: string;
  hour12: boolean;
}

export function EventDetails({ fields, recurrence, calendarName, hour12 }: EventDetailsProps) {
  const { t, localeTag } = useI18n();
  const rows: [string, string][] = [
    [t('calendar.form.title'), fields.summary || t('calendar.untitled')],
    [t('calendar.form.when'), timeText(fields, localeTag, hour12, t)],
    [t('calendar.form.location'), fields.location],
    [t('calendar.form.calendar'), calendarName],
    [t('calendar.form.repeat'), recurrence ? recurrenceText(recurrence, t) : ''],
    [t('calendar.form.reminder'), reminderText(fields.alarms[0]?.minutesBefore ?? null, t)],
    [t('calendar.form.description'), fields.description],
  ];
  return (
    <dl className="event-details">
      {rows
        .filter(([, value]) => value !== '')
        .map(([label, value]) => (
          <div key={label} className="event-details__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
