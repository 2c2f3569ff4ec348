import { describe, expect, it } from 'vitest';
import { maxCanvasPx, rowLayout, scrollTopFor, visibleRows } from '../../../../../src/renderer/features/mail/rowWindow';

const row = 76;
const viewport = 760; // ten rows

describe('rowWindow below the browser height cap', () => {
  it('places each row at index × row height and shows the rows under the scroll position', () => {
    const rows = visibleRows(1_000, row, viewport, 76 * 500, 0);
    expect(rows[0]).toEqual({ index: 500, top: 500 * row });
    expect(rows.at(-1)!.index).toBe(510);
    expect(rowLayout(1_000, row, viewport, 0).canvasPx).toBe(76_000);
  });

  it('scrolls a row just into view, and not at all when it is visible', () => {
    expect(scrollTopFor(5, 'auto', 1_000, row, viewport, 0)).toBe(0);
    expect(scrollTopFor(10, 'auto', 1_000, row, viewport, 0)).toBe(11 * row - viewport);
    expect(scrollTopFor(3, 'auto', 1_000, row, viewport, 10 * row)).toBe(3 * row);
  });
});

describe('rowWindow for a million rows (past the cap)', () => {
  const count = 1_000_000;
  const lastScroll = maxCanvasPx - viewport;

  it('keeps the canvas under the cap and reaches the middle and the very end', () => {
    expect(rowLayout(count, row, viewport, 0).canvasPx).toBe(maxCanvasPx);
    const middle = visibleRows(count, row, viewport, lastScroll / 2, 0);
    const middleIndex = middle[0]!.index;
    expect(Math.abs(middleIndex - (count - 10) / 2)).toBeLessThanOrEqual(1);
    const end = visibleRows(count, row, viewport, lastScroll, 0);
    expect(end.at(-1)!.index).toBe(count - 1);
  });

  it('puts the rows under the viewport, the last one flush with its bottom', () => {
    const end = visibleRows(count, row, viewport, lastScroll, 0);
    const last = end.at(-1)!;
    expect(last.top + row).toBeCloseTo(lastScroll + viewport, 6);
    for (const [i, placed] of end.entries()) if (i > 0) expect(placed.top - end[i - 1]!.top).toBe(row);
  });

  it('keyboard steps bring the next row into view and End/Home reach both ends', () => {
    const start = lastScroll / 3;
    const shown = visibleRows(count, row, viewport, start, 0);
    const below = shown.at(-1)!.index + 1;
    const next = scrollTopFor(below, 'auto', count, row, viewport, start);
    const after = visibleRows(count, row, viewport, next, 0);
    const placed = after.find((r) => r.index === below)!;
    expect(placed.top + row).toBeLessThanOrEqual(next + viewport + 1e-6);
    expect(placed.top).toBeGreaterThanOrEqual(next - 1e-6);
    expect(scrollTopFor(count - 1, 'auto', count, row, viewport, 0)).toBe(lastScroll);
    expect(scrollTopFor(0, 'auto', count, row, viewport, lastScroll)).toBe(0);
  });
});
