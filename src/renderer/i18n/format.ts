/**
 * Dates, numbers and sizes through Intl, for the chosen locale. Dutch uses the 24-hour clock.
 */
import type { Language } from './types';

export interface Formatters {
  /** Compact date for the message list: time today, day and month this year, else the date. */
  listDate(epochMs: number, now?: number): string;
  /** Full date and time for the reader header. */
  fullDate(epochMs: number): string;
  number(value: number): string;
  /** Bytes as B / kB / MB / GB with one decimal where useful. */
  size(bytes: number): string;
}

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

export function createFormatters(language: Language, localeTag: string): Formatters {
  const hour12 = language === 'nl' ? { hourCycle: 'h23' as const } : {};
  const time = new Intl.DateTimeFormat(localeTag, { hour: 'numeric', minute: '2-digit', ...hour12 });
  const dayMonth = new Intl.DateTimeFormat(localeTag, { day: 'numeric', month: 'short' });
  const numeric = new Intl.DateTimeFormat(localeTag, { day: 'numeric', month: 'numeric', year: 'numeric' });
  const full = new Intl.DateTimeFormat(localeTag, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...hour12,
  });
  const numbers = new Intl.NumberFormat(localeTag);
  const sizes = units.map(
    (unit) =>
      new Intl.NumberFormat(localeTag, {
        style: 'unit',
        unit,
        unitDisplay: 'short',
        maximumFractionDigits: unit === 'byte' ? 0 : 1,
      }),
  );

  return {
    listDate(epochMs, now = Date.now()) {
      const date = new Date(epochMs);
      const today = new Date(now);
      if (date.toDateString() === today.toDateString()) return time.format(date);
      if (date.getFullYear() === today.getFullYear()) return dayMonth.format(date);
      return numeric.format(date);
    },
    fullDate: (epochMs) => full.format(new Date(epochMs)),
    number: (value) => numbers.format(value),
    size(bytes) {
      let value = Math.max(0, bytes);
      let index = 0;
      while (value >= 1000 && index < units.length - 1) {
        value /= 1000;
        index += 1;
      }
      // Intl's short unit for a byte is the word ("668 byte"); people read "668 B".
      return index === 0 ? `${numbers.format(Math.round(value))} B` : (sizes[index] ?? sizes[0]!).format(value);
    },
  };
}
