/**
 * Pointer drags in the time grid (issue #5 §4): across empty slots to create, on an event to
 * move it (days and minutes), on its bottom edge to resize. Pointer Events with listeners on the
 * window for the drag's duration, so leaving the grid does not lose the drag. Times snap to
 * 15 minutes; a press that moves less than a few pixels is a click.
 */
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { Occurrence } from '../../calendar/occurrences';
import type { GridChange } from './timeGridModel';

export const snapMinutes = 15;
const clickTolerancePx = 4;

export type GridDragState =
  | { kind: 'create'; day: number; fromMin: number; toMin: number }
  | { kind: 'move' | 'resize'; occurrence: Occurrence; change: GridChange };

interface Position {
  day: number;
  minutes: number;
}

interface Options {
  bodyRef: RefObject<HTMLElement | null>;
  dayCount: number;
  slotMinutes: number;
  onCreate(day: number, startMin: number, endMin: number): void;
  onChange(occurrence: Occurrence, change: GridChange): void;
}

function snap(minutes: number): number {
  return Math.round(minutes / snapMinutes) * snapMinutes;
}

export function useGridDrag({ bodyRef, dayCount, slotMinutes, onCreate, onChange }: Options) {
  const [drag, setDrag] = useState<GridDragState | null>(null);
  const cleanup = useRef<(() => void) | null>(null);
  useEffect(() => () => cleanup.current?.(), []);

  const positionOf = useCallback(
    (clientX: number, clientY: number): Position | null => {
      const rect = bodyRef.current?.getBoundingClientRect();
      if (!rect || rect.width === 0 || rect.height === 0) return null;
      const day = Math.max(0, Math.min(dayCount - 1, Math.floor(((clientX - rect.left) / rect.width) * dayCount)));
      const minutes = Math.max(0, Math.min(1440, ((clientY - rect.top) / rect.height) * 1440));
      return { day, minutes };
    },
    [bodyRef, dayCount],
  );

  const track = useCallback(
    (down: ReactPointerEvent, onMove: (at: Position, moved: boolean) => void, onUp: (at: Position, moved: boolean) => void) => {
      const x0 = down.clientX;
      const y0 = down.clientY;
      let moved = false;
      const move = (event: PointerEvent) => {
        if (!moved && Math.hypot(event.clientX - x0, event.clientY - y0) < clickTolerancePx) return;
        moved = true;
        const at = positionOf(event.clientX, event.clientY);
        if (at) onMove(at, moved);
      };
      const up = (event: PointerEvent) => {
        stop();
        const at = positionOf(event.clientX, event.clientY);
        if (at) onUp(at, moved);
        setDrag(null);
      };
      const cancel = () => {
        stop();
        setDrag(null);
      };
      const stop = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        window.removeEventListener('pointercancel', cancel);
        cleanup.current = null;
      };
      cleanup.current?.();
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
      window.addEventListener('pointercancel', cancel);
      cleanup.current = stop;
    },
    [positionOf],
  );

  /** A press on an empty slot: a click creates an hour there, a drag the range it covered. */
  const startCreate = useCallback(
    (event: ReactPointerEvent, day: number, slot: number) => {
      if (event.button !== 0) return;
      event.preventDefault();
      const fromMin = slot * slotMinutes;
      const range = (at: Position) => {
        const toSlot = Math.floor(Math.min(at.minutes, 1439) / slotMinutes);
        const a = Math.min(fromMin, toSlot * slotMinutes);
        const b = Math.max(fromMin, toSlot * slotMinutes) + slotMinutes;
        return { a, b };
      };
      track(
        event,
        (at) => {
          const { a, b } = range(at);
          setDrag({ kind: 'create', day, fromMin: a, toMin: b });
        },
        (at, moved) => {
          if (!moved) return onCreate(day, fromMin, Math.min(1440, fromMin + 60));
          const { a, b } = range(at);
          onCreate(day, a, b);
        },
      );
    },
    [slotMinutes, track, onCreate],
  );

  /** A press on an event (mode move) or its bottom edge (mode resize). */
  const startChange = useCallback(
    (occurrence: Occurrence, mode: 'move' | 'resize', event: ReactPointerEvent) => {
      if (event.button !== 0) return;
      const origin = positionOf(event.clientX, event.clientY);
      if (!origin) return;
      const button = (event.target as HTMLElement).closest('button');
      const changeAt = (at: Position): GridChange => {
        const minutes = snap(at.minutes - origin.minutes);
        return mode === 'move'
          ? { days: at.day - origin.day, startMinutes: minutes, endMinutes: minutes }
          : { days: 0, startMinutes: 0, endMinutes: minutes };
      };
      track(
        event,
        (at) => setDrag({ kind: mode, occurrence, change: changeAt(at) }),
        (at, moved) => {
          if (!moved) return;
          // The click that follows the drag must not open the form (see EventButton).
          if (button) {
            button.dataset['dragged'] = '1';
            setTimeout(() => delete button.dataset['dragged'], 0);
          }
          const change = changeAt(at);
          if (change.days !== 0 || change.startMinutes !== 0 || change.endMinutes !== 0) onChange(occurrence, change);
        },
      );
    },
    [positionOf, track, onChange],
  );

  return { drag, startCreate, startChange };
}
