import { beforeEach, describe, expect, it } from 'vitest';
import { useReminderPanel } from '../../../../../src/renderer/features/reminders/reminderPanelStore';
import { dueAlarm } from './reminderTestAlarms';

const T = Date.UTC(2030, 2, 13, 8, 45);

describe('the reminder panel list', () => {
  beforeEach(() => useReminderPanel.setState({ entries: [] }));

  it('replaces an older firing of the same alarm and removes dismissed ones', () => {
    const a = dueAlarm('a|0', T);
    const b = dueAlarm('b|0', T);
    useReminderPanel.getState().add([{ alarm: a, firedAt: T, missed: false }, { alarm: b, firedAt: T, missed: true }]);
    useReminderPanel.getState().add([{ alarm: a, firedAt: T + 300_000, missed: false }]);
    expect(useReminderPanel.getState().entries.map((e) => [e.alarm.id, e.firedAt])).toEqual([
      ['b|0', T],
      ['a|0', T + 300_000],
    ]);
    useReminderPanel.getState().remove(['b|0']);
    expect(useReminderPanel.getState().entries.map((e) => e.alarm.id)).toEqual(['a|0']);
  });

  it('follows the cache: a deleted event leaves, a renamed one shows its new name', () => {
    useReminderPanel.getState().add([
      { alarm: dueAlarm('a|0', T, T + 900_000, 'Klantbezoek'), firedAt: T, missed: false },
      { alarm: dueAlarm('b|0', T), firedAt: T, missed: false },
    ]);
    const renamed = dueAlarm('a|0', T, T + 900_000, 'Klantbezoek Jansen');
    useReminderPanel.getState().refresh(new Map([['a|0', renamed]]));
    const entries = useReminderPanel.getState().entries;
    expect(entries.map((e) => [e.alarm.id, e.alarm.occurrence.fields.summary, e.firedAt])).toEqual([['a|0', 'Klantbezoek Jansen', T]]);
  });
});
