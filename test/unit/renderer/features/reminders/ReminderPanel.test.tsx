// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../../src/renderer/db/db';
import { loadReminderState } from '../../../../../src/renderer/db/queries/reminderState';
import { announceReminders } from '../../../../../src/renderer/features/reminders/notifyReminder';
import { ReminderPanel } from '../../../../../src/renderer/features/reminders/ReminderPanel';
import { useReminderPanel } from '../../../../../src/renderer/features/reminders/reminderPanelStore';
import { useStore } from '../../../../../src/renderer/store';
import { button, click, render, settle, type Rendered } from '../../support/render';
import { dueAlarm } from './reminderTestAlarms';

vi.mock('../../../../../src/renderer/api', () => ({
  api: { call: async () => ({ ok: true, value: undefined }), on: () => () => undefined },
  platform: { host: 'browser', saveFile: async () => undefined, onReconnect: () => () => undefined },
}));

const now = Date.now();
const visit = dueAlarm('visit|0', now - 60_000, now + 14 * 60_000, 'Klantbezoek Jansen');
const call = dueAlarm('call|0', now - 3_600_000, now - 2_700_000, 'Offerte nabellen');
let view: Rendered | null = null;

async function showPanel() {
  useReminderPanel.setState({ entries: [{ alarm: visit, firedAt: visit.alarmAt, missed: false }, { alarm: call, firedAt: call.alarmAt, missed: true }] });
  view = await render(<ReminderPanel calendarName={() => 'info@example.test'} />);
  return view.container;
}

beforeEach(async () => {
  view?.unmount();
  await db.reminderState.clear();
  useStore.setState({ language: 'en', announcement: '' });
});
afterAll(async () => {
  view?.unmount();
  await db.delete();
});

describe('the Reminders panel', () => {
  it('lists due reminders, marks the missed one, and dismisses per reminder into the local state', async () => {
    const panel = await showPanel();
    expect(panel.querySelector('[role="region"]')?.getAttribute('aria-labelledby')).toBeTruthy();
    const items = [...panel.querySelectorAll('li')];
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual(['Klantbezoek Jansen', 'Offerte nabellen']);
    expect(items[0]!.textContent).toContain('info@example.test');
    expect(items[0]!.textContent).not.toContain('Missed');
    expect(items[1]!.textContent).toContain('Missed');

    await click(button(panel, 'Dismiss Offerte nabellen'));
    for (let i = 0; i < 5; i++) await settle();
    expect(useReminderPanel.getState().entries.map((entry) => entry.alarm.id)).toEqual(['visit|0']);
    const state = await loadReminderState(db);
    expect(state.alarms['call|0']?.dismissedAt).toBeGreaterThan(0);
    expect(state.alarms['visit|0']).toBeUndefined();
  });

  it('snoozes for the chosen time', async () => {
    const panel = await showPanel();
    const before = Date.now();
    await click(button(panel, 'Snooze Klantbezoek Jansen for 15 min'));
    for (let i = 0; i < 5; i++) await settle();
    const snoozed = (await loadReminderState(db)).alarms['visit|0'];
    expect(snoozed?.snoozedUntil).toBeGreaterThanOrEqual(before + 15 * 60_000);
    expect(snoozed?.dismissedAt).toBeNull();
    expect(useReminderPanel.getState().entries.map((entry) => entry.alarm.id)).toEqual(['call|0']);
  });

  it('dismisses all, speaks Dutch, and announces new reminders for screen readers', async () => {
    useStore.setState({ language: 'nl' });
    const panel = await showPanel();
    expect(panel.textContent).toContain('Herinneringen');
    expect(panel.textContent).toContain('Gemist');
    expect(button(panel, 'Klantbezoek Jansen 1 uur uitstellen')).toBeTruthy();
    announceReminders(useReminderPanel.getState().entries, now);
    expect(useStore.getState().announcement).toMatch(/^Herinnering: Klantbezoek Jansen, \d{2}:\d{2}\. 1 herinnering gemist terwijl Postvak dicht was\.$/);
    await click(button(panel, 'Alles sluiten'));
    for (let i = 0; i < 5; i++) await settle();
    expect(useReminderPanel.getState().entries).toEqual([]);
    expect(Object.keys((await loadReminderState(db)).alarms).sort()).toEqual(['call|0', 'visit|0']);
  });
});
