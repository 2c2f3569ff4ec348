/**
 * The month: weeks of seven days from the locale's week start. An ARIA grid with one tab stop:
 * arrow keys move a day or a week (and past the edge a month), Enter creates an appointment on the
 * focused day. Each day shows its first events as buttons and "+N more", which opens that day.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Occurrence } from '../../calendar/occurrences';
import type { CalendarInfo } from '../../db/queries/calendar';
import { useI18n } from '../../i18n/useI18n';
import { addDays, type Day } from './calendarDates';
import type { CalendarFormat } from './calendarFormat';
import { EventButton } from './EventButton';
import { buildMonth, weeksOf } from './monthModel';

const perCell = 4;

interface MonthGridProps {
  days: Day[];
  anchor: Day;
  occurrences: Occurrence[];
  calendars: Map<string, CalendarInfo>;
  timeZone: string;
  format: CalendarFormat;
  today: Day;
  onOpen(occurrence: Occurrence): void;
  onCreateOn(day: Day): void;
  onShowDay(day: Day): void;
  /** Moving focus outside the month moves the anchor there. */
  onAnchor(day: Day): void;
}

export function MonthGrid(props: MonthGridProps) {
  const { days, anchor, occurrences, calendars, timeZone, format, today, onOpen, onCreateOn, onShowDay, onAnchor } = props;
  const { t } = useI18n();
  const gridRef = useRef<HTMLDivElement>(null);
  const month = anchor.slice(0, 7);
  const [focusDay, setFocusDay] = useState<Day>(anchor);
  const cells = useMemo(() => buildMonth(days, occurrences, timeZone, perCell), [days, occurrences, timeZone]);
  const tabDay = days.includes(focusDay) ? focusDay : anchor;

  const moveTo = (day: Day) => {
    setFocusDay(day);
    if (day.slice(0, 7) !== month) onAnchor(day);
    requestAnimationFrame(() => gridRef.current?.querySelector<HTMLElement>(`[data-day="${day}"]`)?.focus());
  };

  function onKeyDown(event: KeyboardEvent) {
    if (!(event.target instanceof HTMLElement) || event.target.getAttribute('role') !== 'gridcell') return;
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    const step = steps[event.key];
    if (step !== undefined) {
      event.preventDefault();
      moveTo(addDays(tabDay, step));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onCreateOn(tabDay);
    }
  }

  return (
    <div className="month-grid" role="grid" aria-label={format.rangeTitle('month', days)} ref={gridRef} onKeyDown={onKeyDown}>
      <div role="row" className="month-grid__head">
        {days.slice(0, 7).map((day) => (
          <span key={day} role="columnheader" className="month-grid__weekday">
            {format.weekdayShort(day)}
          </span>
        ))}
      </div>
      {weeksOf(cells).map((week) => (
        <div role="row" key={week[0]?.day} className="month-grid__week">
          {week.map((cell) => (
            <div
              key={cell.day}
              role="gridcell"
              data-day={cell.day}
              tabIndex={cell.day === tabDay ? 0 : -1}
              aria-label={format.longDay(cell.day)}
              aria-current={cell.day === today ? 'date' : undefined}
              className={`month-grid__cell${cell.day.slice(0, 7) === month ? '' : ' is-outside'}${cell.day === today ? ' is-today' : ''}`}
              onFocus={(event) => {
                if (event.target === event.currentTarget) setFocusDay(cell.day);
              }}
              onDoubleClick={(event) => {
                if (event.target === event.currentTarget) onCreateOn(cell.day);
              }}
            >
              <span className="month-grid__number" aria-hidden="true">
                {format.dayNumber(cell.day)}
              </span>
              {cell.shown.map((occurrence) => (
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
              {cell.more > 0 && (
                <button type="button" className="month-grid__more" onClick={() => onShowDay(cell.day)}>
                  {t('calendar.more', { count: cell.more })}
                </button>
              )}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
