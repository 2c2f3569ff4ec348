/** The agenda: the coming weeks as a list, one heading per day that has events. */
import { useMemo } from 'react';
import type { Occurrence } from '../../calendar/occurrences';
import type { CalendarInfo } from '../../db/queries/calendar';
import { useI18n } from '../../i18n/useI18n';
import type { Day } from './calendarDates';
import type { CalendarFormat } from './calendarFormat';
import { EventButton } from './EventButton';
import { buildMonth } from './monthModel';

interface AgendaListProps {
  days: Day[];
  occurrences: Occurrence[];
  calendars: Map<string, CalendarInfo>;
  timeZone: string;
  format: CalendarFormat;
  today: Day;
  onOpen(occurrence: Occurrence): void;
}

export function AgendaList({ days, occurrences, calendars, timeZone, format, today, onOpen }: AgendaListProps) {
  const { t } = useI18n();
  const cells = useMemo(
    () => buildMonth(days, occurrences, timeZone, Number.POSITIVE_INFINITY).filter((cell) => cell.shown.length > 0),
    [days, occurrences, timeZone],
  );
  if (cells.length === 0) return <p className="pane__note pane__note--center">{t('calendar.agendaEmpty')}</p>;
  return (
    <div className="agenda">
      {cells.map((cell) => (
        <section key={cell.day} className="agenda__day" aria-labelledby={`agenda-${cell.day}`}>
          <h3 id={`agenda-${cell.day}`} className={`agenda__heading${cell.day === today ? ' is-today' : ''}`}>
            {format.longDay(cell.day)}
          </h3>
          <ul className="agenda__list">
            {cell.shown.map((occurrence) => (
              <li key={occurrence.id}>
                <EventButton
                  occurrence={occurrence}
                  calendar={calendars.get(occurrence.calendarKey)}
                  format={format}
                  timeZone={timeZone}
                  variant="agenda"
                  onOpen={onOpen}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
