import { describe, expect, it } from 'vitest';
import { layoutDay, segmentBox, slotAt } from '../../../../../src/renderer/features/calendar/dayLayout';

const seg = (id: string, from: string, to: string) => {
  const min = (hhmm: string) => +hhmm.slice(0, 2) * 60 + +hhmm.slice(3);
  return { id, startMin: min(from), endMin: min(to) };
};
const columns = (placed: ReturnType<typeof layoutDay>) => Object.fromEntries(placed.map((p) => [p.id, `${p.column}/${p.columns}`]));

describe('laying out one day of timed events', () => {
  it('gives events that do not overlap the whole width', () => {
    expect(columns(layoutDay([seg('a', '09:00', '10:00'), seg('b', '10:00', '11:00')]))).toEqual({ a: '0/1', b: '0/1' });
  });

  it('puts overlapping events side by side, and a chain of overlaps shares one column count', () => {
    // a overlaps b, b overlaps c, a and c do not: c reuses a's column, all three are in 2 columns.
    const placed = layoutDay([seg('a', '09:00', '10:00'), seg('b', '09:30', '11:00'), seg('c', '10:00', '10:30'), seg('d', '12:00', '13:00')]);
    expect(columns(placed)).toEqual({ a: '0/2', b: '1/2', c: '0/2', d: '0/1' });
  });

  it('puts three events at the same time in three columns, longest first', () => {
    const placed = layoutDay([seg('short', '10:00', '10:30'), seg('long', '10:00', '12:00'), seg('mid', '10:00', '11:00')]);
    expect(columns(placed)).toEqual({ long: '0/3', mid: '1/3', short: '2/3' });
  });

  it('treats a very short event as if it lasted the minimum, so its label does not hide the next one', () => {
    const placed = layoutDay([seg('a', '09:00', '09:05'), seg('b', '09:10', '09:40')]);
    expect(columns(placed)).toEqual({ a: '0/2', b: '1/2' });
    const box = segmentBox(placed.find((p) => p.id === 'a')!);
    expect(box.height).toBeCloseTo((20 / 1440) * 100);
  });

  it('positions by minutes of the day and splits the width by column', () => {
    const [a, b] = layoutDay([seg('a', '06:00', '12:00'), seg('b', '06:00', '07:00')]);
    expect(segmentBox(a!)).toEqual({ top: 25, height: 25, left: 0, width: 50 });
    expect(segmentBox(b!).left).toBe(50);
  });

  it('finds the slot under a vertical position', () => {
    expect(slotAt(0, 30)).toBe(0);
    expect(slotAt(0.5, 30)).toBe(24);
    expect(slotAt(1, 30)).toBe(47);
  });
});
