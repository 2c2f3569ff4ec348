/**
 * A pane divider that can be dragged or moved with the arrow keys (WAI-ARIA "window splitter"
 * pattern: a focusable separator with a value).
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange(value: number): void;
}

const keyStep = 16;

export function Splitter({ label, value, min, max, onChange }: SplitterProps) {
  const drag = useRef<{ startX: number; startValue: number } | null>(null);

  function onKeyDown(event: KeyboardEvent) {
    const next =
      event.key === 'ArrowLeft' ? value - keyStep
      : event.key === 'ArrowRight' ? value + keyStep
      : event.key === 'Home' ? min
      : event.key === 'End' ? max
      : null;
    if (next === null) return;
    event.preventDefault();
    onChange(next);
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startValue: value };
  }

  function onPointerMove(event: PointerEvent) {
    if (drag.current) onChange(drag.current.startValue + event.clientX - drag.current.startX);
  }

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
    />
  );
}
