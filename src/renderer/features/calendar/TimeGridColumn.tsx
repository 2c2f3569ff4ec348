/**
 * One day of the time grid's event layer: its timed events placed by start/end and overlap
 * column, the current-time line when it is today, and the preview of a drag in progress.
 */
import type { PointerEvent } from 'react';
import type { Occurrence } from '../../calendar/occurrences';
import type { CalendarInfo } from '../../db/queries/calendar';
import { useI18n } from '../../i18n/useI18n';
import { minutesInDay } from './calendarDates';
import type { CalendarFormat } from './calendarFormat';
import { segmentBox } from './dayLayout';
import { EventButton } from './EventButton';
import { changedTimes, type GridDay } from './timeGridModel';
import type { GridDragState } from './useGridDrag';

interface TimeGridColumnProps {
  column: GridDay;
  dayIndex: number;
  calendars: Map<string, CalendarInfo>;
  timeZone: string;
  format: CalendarFormat;
  isToday: boolean;
  now: number;
  drag: GridDragState | null;
  pending: ReadonlySet<string>;
  onOpen(occurrence: Occurrence): void;
  onDragStart(occurrence: Occurrence, mode: 'move' | 'resize', event: PointerEvent): void;
}

const percent = (minutes: number) => `${(minutes / 1440) * 100}%`;

/** Where the dragged event or the new range would land in this column, if anywhere. */
function preview(drag: GridDragState | null, column: GridDay, dayIndex: number, timeZone: string) {
  if (!drag) return null;
  if (drag.kind === 'create') return drag.day === dayIndex ? { from: drag.fromMin, to: drag.toMin, start: null, end: null } : null;
  const { start, end } = changedTimes(drag.occurrence, drag.change, timeZone);
  const from = minutesInDay(start, column.day, timeZone);
  const to = minutesInDay(end, column.day, timeZone);
  return to > from ? { from, to, start, end } : null;
}

export function TimeGridColumn(props: TimeGridColumnProps) {
  const { column, dayIndex, calendars, timeZone, format, isToday, now, drag, pending, onOpen, onDragStart } = props;
  const { t } = useI18n();
  const ghost = preview(drag, column, dayIndex, timeZone);
  const draggedId = drag && drag.kind !== 'create' ? drag.occurrence.id : null;
  return (
    <div className={`time-grid__column${isToday ? ' is-today' : ''}`} role="group" aria-label={format.longDay(column.day)}>
      {column.timed.map((segment) => {
        const calendar = calendars.get(segment.occurrence.calendarKey);
        const box = segmentBox(segment);
        const writable = (calendar?.canWrite ?? false) && !pending.has(segment.occurrence.id);
        return (
          <EventButton
            key={`${segment.occurrence.id}`}
            occurrence={segment.occurrence}
            calendar={calendar}
            format={format}
            timeZone={timeZone}
            variant="timed"
            dragging={segment.occurrence.id === draggedId}
            compact={segment.endMin - segment.startMin < 45}
            resizable={writable && segment.isEnd}
            style={{ top: `${box.top}%`, height: `${box.height}%`, left: `${box.left}%`, width: `${box.width}%` }}
            onOpen={onOpen}
            onDragStart={writable ? onDragStart : undefined}
          />
        );
      })}
      {isToday && (
        <div className="time-grid__now" style={{ top: percent(minutesInDay(now, column.day, timeZone)) }} aria-hidden="true">
          <span className="visually-hidden">{t('calendar.now')}</span>
        </div>
      )}
      {ghost && (
        <div className="time-grid__ghost" style={{ top: percent(ghost.from), height: percent(ghost.to - ghost.from) }} aria-hidden="true">
          {ghost.start !== null && ghost.end !== null
            ? `${format.time(ghost.start)}–${format.time(ghost.end)}`
            : `${format.clock(ghost.from)}–${format.clock(ghost.to)}`}
        </div>
      )}
    </div>
  );
}
