/**
 * Day, work week and week: an all-day row over a 24-hour grid of half-hour slots. The slots are
 * an ARIA grid with one tab stop (arrow keys move a day or half an hour, Enter creates an
 * appointment there); events lie over it as buttons, side by side where they overlap, with a
 * line at the current time in today's column. Pointer drags create, move and resize (useGridDrag).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Occurrence } from '../../calendar/occurrences';
import type { CalendarInfo } from '../../db/queries/calendar';
import { useI18n } from '../../i18n/useI18n';
import { AllDayRow } from './AllDayRow';
import type { Day } from './calendarDates';
import type { CalendarFormat } from './calendarFormat';
import { TimeGridColumn } from './TimeGridColumn';
import { buildTimeGrid, type GridChange } from './timeGridModel';
import { useGridDrag } from './useGridDrag';

export const slotMinutes = 30;
const slotCount = 1440 / slotMinutes;
/** Where the grid opens: early morning, so a working day is in view. */
const firstVisibleHour = 7;

export interface TimeGridProps {
  days: Day[];
  occurrences: Occurrence[];
  calendars: Map<string, CalendarInfo>;
  timeZone: string;
  format: CalendarFormat;
  today: Day;
  now: number;
  /** Occurrences just dragged whose new version is not synced yet: not draggable again. */
  pending: ReadonlySet<string>;
  onOpen(occurrence: Occurrence): void;
  /** A new appointment on `day` from `startMin` to `endMin` (minutes since midnight), or all day. */
  onCreate(day: Day, startMin: number, endMin: number, allDay: boolean): void;
  onChange(occurrence: Occurrence, change: GridChange): void;
  /** Arrow keys past the first or last day move a period. */
  onStep(direction: 1 | -1): void;
}

export function TimeGrid(props: TimeGridProps) {
  const { days, occurrences, calendars, timeZone, format, today, now, pending, onOpen, onCreate, onChange, onStep } = props;
  const { t } = useI18n();
  const bodyRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState({ day: Math.max(0, days.indexOf(today)), slot: firstVisibleHour * 2 + 4 });
  const model = useMemo(() => buildTimeGrid(days, occurrences, timeZone), [days, occurrences, timeZone]);

  const create = useCallback(
    (day: number, startMin: number, endMin: number) => {
      const target = days[day];
      if (target) onCreate(target, startMin, endMin, false);
    },
    [days, onCreate],
  );
  const { drag, startCreate, startChange } = useGridDrag({ bodyRef, dayCount: days.length, slotMinutes, onCreate: create, onChange });

  useEffect(() => {
    const scroller = scrollRef.current;
    if (scroller) scroller.scrollTop = (scroller.scrollHeight / 24) * firstVisibleHour;
  }, []);

  const focusCell = (day: number, slot: number) => {
    setFocus({ day, slot });
    bodyRef.current?.querySelector<HTMLElement>(`[data-cell="${day}-${slot}"]`)?.focus();
  };

  function onKeyDown(event: KeyboardEvent) {
    const { day, slot } = focus;
    const moves: Record<string, () => void> = {
      ArrowUp: () => focusCell(day, Math.max(0, slot - 1)),
      ArrowDown: () => focusCell(day, Math.min(slotCount - 1, slot + 1)),
      ArrowLeft: () => (day > 0 ? focusCell(day - 1, slot) : onStep(-1)),
      ArrowRight: () => (day < days.length - 1 ? focusCell(day + 1, slot) : onStep(1)),
      Home: () => focusCell(0, slot),
      End: () => focusCell(days.length - 1, slot),
      Enter: () => create(day, slot * slotMinutes, Math.min(1440, slot * slotMinutes + 60)),
      ' ': () => create(day, slot * slotMinutes, Math.min(1440, slot * slotMinutes + 60)),
    };
    const move = moves[event.key];
    if (!move || event.target !== event.currentTarget.querySelector(`[data-cell="${day}-${slot}"]`)) return;
    event.preventDefault();
    move();
  }

  const focusDay = Math.min(focus.day, days.length - 1);
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    <div className="time-grid" style={{ ['--cal-days' as string]: days.length }}>
      <div className="time-grid__header">
        <span className="time-grid__corner" />
        {days.map((day) => (
          <span key={day} className={`time-grid__day-name${day === today ? ' is-today' : ''}`} aria-hidden="true">
            {format.dayHeader(day)}
          </span>
        ))}
      </div>
      <AllDayRow days={days} model={model} calendars={calendars} timeZone={timeZone} format={format} onOpen={onOpen} onCreate={(day) => onCreate(day, 0, 1440, true)} />
      <div className="time-grid__scroller" ref={scrollRef}>
        <div className="time-grid__canvas">
          <div className="time-grid__gutter" aria-hidden="true">
            {hours.map((h) => (
              <span key={h} className="time-grid__hour">
                {h === 0 ? '' : format.hour(h)}
              </span>
            ))}
          </div>
          <div className="time-grid__body" ref={bodyRef}>
            <div role="grid" className="time-grid__slots" aria-label={t('calendar.slots')} onKeyDown={onKeyDown}>
              {Array.from({ length: slotCount }, (_, slot) => (
                <div role="row" key={slot} className="time-grid__row">
                  {days.map((day, index) => (
                    <div
                      key={day}
                      role="gridcell"
                      data-cell={`${index}-${slot}`}
                      className={`time-grid__slot${slot % 2 === 1 ? ' is-half' : ''}`}
                      tabIndex={index === focusDay && slot === focus.slot ? 0 : -1}
                      aria-label={`${format.longDay(day)}, ${format.clock(slot * slotMinutes)}`}
                      onFocus={() => setFocus({ day: index, slot })}
                      onPointerDown={(event) => startCreate(event, index, slot)}
                    />
                  ))}
                </div>
              ))}
            </div>
            <div className="time-grid__events">
              {model.map((column, index) => (
                <TimeGridColumn
                  key={column.day}
                  column={column}
                  dayIndex={index}
                  calendars={calendars}
                  timeZone={timeZone}
                  format={format}
                  isToday={column.day === today}
                  now={now}
                  drag={drag}
                  pending={pending}
                  onOpen={onOpen}
                  onDragStart={startChange}
                />
              ))}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
