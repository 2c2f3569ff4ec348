/**
 * Which rows of a fixed-height list are on screen, for any number of rows (issue #11 §2, §6).
 *
 * Browsers cap an element's height (Chromium near 33.5 million px, Firefox near 17.9 million),
 * and a million messages of 76 px need 76 million: with a canvas of the true height the list
 * could not scroll past about message 440,000 (measured by `npm run bench -- --scale`). So the
 * canvas is at most `maxCanvasPx` high, and the scroll position maps proportionally onto the
 * true list: scrolling to the middle of the bar shows the middle of the folder, to the end the
 * end. Keyboard steps still move one row (scrollTopFor); a wheel step moves `factor` times as
 * far (about 9× at a million rows). Below the cap (105,000 rows of 76 px) the mapping is the
 * identity and every row sits at `index × rowHeight`.
 */
export const maxCanvasPx = 8_000_000;

export interface RowLayout {
  /** Height of the scrollable canvas. */
  canvasPx: number;
  /** True list pixels per canvas pixel of scrolling (1 below the cap). */
  factor: number;
  /** The true list offset at the top of the viewport. */
  virtualTop: number;
}

export function rowLayout(count: number, rowHeight: number, viewportPx: number, scrollTop: number, maxPx = maxCanvasPx): RowLayout {
  const totalPx = count * rowHeight;
  if (totalPx <= maxPx || viewportPx >= maxPx) return { canvasPx: totalPx, factor: 1, virtualTop: scrollTop };
  const factor = (totalPx - viewportPx) / (maxPx - viewportPx);
  return { canvasPx: maxPx, factor, virtualTop: Math.min(totalPx - viewportPx, Math.max(0, scrollTop * factor)) };
}

export interface PlacedRow {
  index: number;
  /** Position on the canvas. */
  top: number;
}

/** The rows in or near the viewport (`overscan` more on each side), placed on the canvas. */
export function visibleRows(count: number, rowHeight: number, viewportPx: number, scrollTop: number, overscan: number, maxPx = maxCanvasPx): PlacedRow[] {
  if (count === 0) return [];
  const layout = rowLayout(count, rowHeight, viewportPx, scrollTop, maxPx);
  const first = Math.max(0, Math.floor(layout.virtualTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((layout.virtualTop + Math.max(viewportPx, rowHeight)) / rowHeight) + overscan);
  const shift = scrollTop - layout.virtualTop;
  const rows: PlacedRow[] = [];
  for (let index = first; index <= last; index++) rows.push({ index, top: index * rowHeight + (layout.factor === 1 ? 0 : shift) });
  return rows;
}

/**
 * The scrollTop that brings row `index` fully into view with the least movement (nothing when
 * it already is), or puts it at the top with `align: 'start'`.
 */
export function scrollTopFor(index: number, align: 'auto' | 'start', count: number, rowHeight: number, viewportPx: number, scrollTop: number, maxPx = maxCanvasPx): number {
  const layout = rowLayout(count, rowHeight, viewportPx, scrollTop, maxPx);
  const rowTop = index * rowHeight;
  let target = layout.virtualTop;
  if (align === 'start' || rowTop < layout.virtualTop) target = rowTop;
  else if (rowTop + rowHeight > layout.virtualTop + viewportPx) target = rowTop + rowHeight - viewportPx;
  if (target === layout.virtualTop) return scrollTop;
  const real = target / layout.factor;
  return Math.min(Math.max(0, layout.canvasPx - viewportPx), Math.max(0, real));
}
