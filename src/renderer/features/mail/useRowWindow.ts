/**
 * The message list's virtual window over fixed-height rows (rowWindow.ts): follows the scroller's
 * scroll position and height, and scrolls a row into view for the keyboard.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import { rowLayout, scrollTopFor, visibleRows, type PlacedRow } from './rowWindow';

export interface RowWindow {
  rows: PlacedRow[];
  canvasPx: number;
  scrollToIndex(index: number, align?: 'auto' | 'start'): void;
}

export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number): RowWindow {
  const [scrollTop, setScrollTop] = useState(0);
  // Until the scroller is measured, assume one screen of rows so the first paint has rows.
  const [viewportPx, setViewportPx] = useState(() => (typeof window === 'undefined' ? rowHeight * 10 : window.innerHeight));

  // The scroller exists only while the list has rows (an empty list shows a note instead).
  const hasRows = count > 0;
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const onScroll = () => setScrollTop(element.scrollTop);
    const measure = () => setViewportPx(element.clientHeight || rowHeight * 10);
    measure();
    onScroll();
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, [scrollRef, rowHeight, hasRows]);

  const scrollToIndex = useCallback(
    (index: number, align: 'auto' | 'start' = 'auto') => {
      const element = scrollRef.current;
      if (!element) return;
      const next = scrollTopFor(index, align, count, rowHeight, element.clientHeight || viewportPx, element.scrollTop);
      if (next === element.scrollTop) return;
      element.scrollTop = next;
      setScrollTop(element.scrollTop);
    },
    [scrollRef, count, rowHeight, viewportPx],
  );

  return {
    rows: visibleRows(count, rowHeight, viewportPx, scrollTop, overscan),
    canvasPx: rowLayout(count, rowHeight, viewportPx, scrollTop).canvasPx,
    scrollToIndex,
  };
}
