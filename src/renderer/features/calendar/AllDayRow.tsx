/** The time grid's all-day row: all-day and multi-day events per day; a click on empty space creates an all-day event. */
import type { Occurrence } from '../../calendar/occurrences';
import type { CalendarInfo } from '../../db/queries/calendar';
import { useI18n } from '../../i18n/useI18n';
import type { Day } from './calendarDates';
import type { CalendarFormat } from './calendarFormat';
import { EventButton } from './EventButton';
import type { GridDay } from './timeGridModel';

interface AllDayRowProps {
  days: Day[];
  model: GridDay[];
  calendars: Map<string, CalendarInfo>;
  timeZone: string;
  format: CalendarFormat;
  onOpen(occurrence: Occurrence): void;
  onCreate(day: Day): void;
}

export function AllDayRow({ days, model, calendars, timeZone, format, onOpen, onCreate }: AllDayRowProps) {
  const { t } = useI18n();
  return (
    <div className="time-grid__allday">
      <span className="time-grid__allday-label">{t('calendar.allDay')}</span>
      {days.map((day, index) => (
        <div
          key={day}
          className="time-grid__allday-cell"
          role="group"
          aria-label={t('calendar.allDayOf', { day: format.longDay(day) })}
          onClick={(event) => {
            if (event.target === event.currentTarget) onCreate(day);
          }}
        >
          {(model[index]?.allDay ?? []).map((occurrence) => (
            <EventButton
              key={occurrence.id}
              occurrence={occurrence}
              calendar={calendars.get(occurrence.calendarKey)}
              format={format}
              timeZone={timeZone}
              variant="chip"
              onOpen={onOpen}
            />
          ))}
        </div>
      ))}
    </div>
  );
}
