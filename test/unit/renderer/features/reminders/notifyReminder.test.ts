/** Issue #10 §3: a reminder's title, calendar name and location are bidi isolates in its notification. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notifyReminders } from '../../../../../src/renderer/features/reminders/notifyReminder';
import { useStore } from '../../../../../src/renderer/store';
import { dueAlarm } from './reminderTestAlarms';

const shown: { title: string; body: string | undefined }[] = [];

class FakeNotification {
  static permission = 'granted';
  onclick: (() => void) | null = null;
  constructor(title: string, options: { body?: string }) {
    shown.push({ title, body: options.body });
  }
  close(): void {}
}

afterEach(() => {
  vi.unstubAllGlobals();
  shown.length = 0;
});

describe('reminder notifications', () => {
  it('isolate a stranger’s event title, calendar name and location', () => {
    vi.stubGlobal('Notification', FakeNotification);
    useStore.setState({ language: 'en' });
    const alarm = dueAlarm('e1', Date.now(), Date.now() + 15 * 60_000, 'Meeting\u202E');
    (alarm.occurrence.fields as { location: string }).location = 'Room\u202E 4';
    notifyReminders([{ alarm, firedAt: Date.now(), missed: false }], () => 'Team\u202E', Date.now());
    expect(shown).toHaveLength(1);
    expect(shown[0]!.title.startsWith('\u2068Team\u202E\u2069 — \u2068Meeting\u202E\u2069')).toBe(true);
    expect(shown[0]!.body).toBe('\u2068Room\u202E 4\u2069');
  });
});
