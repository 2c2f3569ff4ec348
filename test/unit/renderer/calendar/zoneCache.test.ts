import { describe, expect, it } from 'vitest';
import { instantIn } from '../../../../src/renderer/calendar/zoneCache';
import { utcMillis } from '../../../../src/shared/calendar/zoneTime';

describe('instantIn', () => {
  it('gives utcMillis’s answer every quarter hour around both DST changes, gap and overlap included', () => {
    for (const zone of ['Europe/Amsterdam', 'America/New_York', 'Australia/Lord_Howe', 'UTC']) {
      for (const day of ['2026-03-08', '2026-03-29', '2026-04-05', '2026-10-04', '2026-10-25', '2026-11-01']) {
        for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
          const local = `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
          expect([zone, local, instantIn(local, zone)]).toEqual([zone, local, utcMillis(local, zone)]);
        }
      }
    }
  });
});
