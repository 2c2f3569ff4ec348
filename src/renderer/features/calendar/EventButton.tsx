/**
 * One occurrence on screen: a real button (focusable, Enter opens it) named with title, time and
 * calendar. In the time grid it carries the drag hooks (move; the bottom edge resizes) when the
 * person may change the calendar; the handle is for pointers only — the form is the keyboard way.
 */
import type { CSSProperties, PointerEvent } from 'react';
import type { Occurrence } from '../../calendar/occurrences';
import { useI18n } from '../../i18n/useI18n';
import type { CalendarInfo } from '../../db/queries/calendar';
import type { CalendarFormat } from './calendarFormat';
import { occurrenceLabel, occurrenceTime, occurrenceTitle } from './eventLabel';

interface EventButtonProps {
  occurrence: Occurrence;
  calendar: CalendarInfo | undefined;
  format: CalendarFormat;
  timeZone: string;
  variant: 'timed' | 'chip' | 'agenda';
  style?: CSSProperties;
  /** Draggable edges in the time grid (writable calendars only). */
  resizable?: boolean;
  dragging?: boolean;
  /** Too short for two lines: title and time side by side. */
  compact?: boolean;
  onOpen(occurrence: Occurrence): void;
  onDragStart?(occurrence: Occurrence, mode: 'move' | 'resize', event: PointerEvent): void;
}

export function EventButton(props: EventButtonProps) {
  const { occurrence, calendar, format, timeZone, variant, style, resizable, dragging, compact, onOpen, onDragStart } = props;
  const { t } = useI18n();
  const colour = calendar?.colour ?? '#59626e';
  const name = calendar?.address || calendar?.name || '';
  const label = occurrenceLabel(occurrence, name, format, timeZone, t);
  const time = occurrenceTime(occurrence, format, timeZone, t);
  return (
    <button
      type="button"
      className={`cal-event cal-event--${variant}${dragging ? ' is-dragging' : ''}${compact ? ' is-compact' : ''}`}
      style={{ ...style, ['--cal-colour' as string]: colour }}
      aria-label={label}
      title={label}
      data-occurrence={occurrence.id}
      onPointerDown={onDragStart ? (event) => onDragStart(occurrence, 'move', event) : undefined}
      onClick={(event) => {
        // A drag ends with a click on the same button; the drag already did its work.
        if (event.currentTarget.dataset['dragged'] === '1') {
          delete event.currentTarget.dataset['dragged'];
          return;
        }
        onOpen(occurrence);
      }}
    >
      {variant === 'chip' && !occurrence.allDay && <span className="cal-event__time">{format.time(occurrence.start)}</span>}
      <span className="cal-event__title">{occurrenceTitle(occurrence, t)}</span>
      {variant !== 'chip' && !occurrence.allDay && <span className="cal-event__time">{time}</span>}
      {variant === 'agenda' && occurrence.fields.location && <span className="cal-event__location">{occurrence.fields.location}</span>}
      {resizable && onDragStart && (
        <span
          className="cal-event__resize"
          aria-hidden="true"
          onPointerDown={(event) => {
            event.stopPropagation();
            onDragStart(occurrence, 'resize', event);
          }}
        />
      )}
    </button>
  );
}
