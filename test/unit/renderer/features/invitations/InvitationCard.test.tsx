// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { db } from '../../../../../src/renderer/db/db';
import { InvitationCards } from '../../../../../src/renderer/features/invitations/InvitationCard';
import { useStore } from '../../../../../src/renderer/store';
import type { Account } from '../../../../../src/shared/model';
import type { CalendarInvitation } from '../../../../../src/shared/model/calendar';
import { calendarEvent, storedEvent } from '../../../shared/calendar/eventFixtures';
import { accountA, folder, foldersBatch, mailbox, message, messagesBatch, sharedMailbox } from '../../db/fixtures';
import { button, click, render, settle, type Rendered } from '../../support/render';

const call = vi.fn();
vi.mock('../../../../../src/renderer/api', () => ({
  api: { call: (...args: unknown[]) => call(...args), on: () => () => undefined },
  platform: { host: 'browser', saveFile: async () => undefined, onReconnect: () => () => undefined },
}));

const info = sharedMailbox('info', accountA, { displayName: 'Info desk' });
const sales = sharedMailbox('sales', accountA, { displayName: 'Sales' });
const infoCalendar = 'shared/info@example.test/Calendar';
const salesCalendar = 'shared/sales@example.test/Calendar';
const invited = calendarEvent({ uid: 'overleg-1@klant.example', summary: 'Projectoverleg', sequence: 2 });
let view: Rendered | null = null;

async function show(method: string, event = invited) {
  const invitation: CalendarInvitation = { method, organizer: 'jan@klant.example', events: [event] };
  view = await render(<InvitationCards invitations={[invitation]} />);
  for (let i = 0; i < 20; i++) await settle();
  return view.container;
}

function choose(container: HTMLElement, label: string) {
  const select = container.querySelector('select')!;
  const option = [...select.options].find((o) => o.textContent === label);
  if (!option) throw new Error(`No calendar "${label}" in ${[...select.options].map((o) => o.textContent).join(', ')}`);
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

beforeAll(async () => {
  await applySyncBatch(
    db,
    foldersBatch(
      [
        folder('Calendar', accountA, { role: 'calendar' }),
        folder(infoCalendar, accountA, { role: 'calendar', mailboxId: info.id, rights: 'lrswipkxtecda' }),
        folder(salesCalendar, accountA, { role: 'calendar', mailboxId: sales.id, rights: 'lr' }),
      ],
      accountA,
      [mailbox(), info, sales],
    ),
  );
  // info@'s calendar holds an older copy of the invited event (sequence 1).
  await applySyncBatch(
    db,
    messagesBatch(infoCalendar, {
      upserts: [message(7, { folderPath: infoCalendar, subject: invited.uid })],
      events: [storedEvent({ ...invited, sequence: 1 }, { imapUid: 7, modseq: '42', folderPath: infoCalendar })],
    }),
  );
  useStore.setState({ language: 'en', accounts: [{ id: accountA, email: 'alice@example.test', imap: { host: 'imap.example.test', port: 993, security: 'tls' } } as Account] });
});
beforeEach(() => {
  view?.unmount();
  call.mockReset();
  call.mockResolvedValue({ ok: true, value: { status: 'saved', imapUid: 8 } });
});
afterAll(async () => {
  view?.unmount();
  for (let i = 0; i < 5; i++) await settle();
  await db.delete();
});

describe('the invitation card', () => {
  it('offers the writable calendars, own first, and adds a new event with its own UID', async () => {
    const card = await show('REQUEST');
    expect(card.textContent).toContain('Projectoverleg');
    expect(card.textContent).toContain('jan@klant.example');
    const labels = [...card.querySelectorAll('option')].map((o) => o.textContent);
    expect(labels[0]).toMatch(/\(yours\)$/);
    expect(labels).toContain('Info desk');
    expect(labels).not.toContain('Sales');
    await click(button(card, 'Add to calendar'));
    for (let i = 0; i < 5; i++) await settle();
    expect(call).toHaveBeenCalledWith('calendar.save', expect.objectContaining({ folderPath: 'Calendar', base: null }));
    const saved = call.mock.calls[0]![1] as { event: { uid: string; lastModifiedBy: string } };
    expect(saved.event.uid).toBe(invited.uid);
    expect(saved.event.lastModifiedBy).toBe('alice@example.test');
    expect(card.querySelector('[role="status"]')?.textContent).toMatch(/^Added to /);
  });

  it('updates the copy already in a calendar when the invitation is newer, replacing that version', async () => {
    const card = await show('REQUEST');
    choose(card, 'Info desk');
    for (let i = 0; i < 5; i++) await settle();
    await click(button(card, 'Update in calendar'));
    for (let i = 0; i < 5; i++) await settle();
    expect(call).toHaveBeenCalledWith('calendar.save', expect.objectContaining({ folderPath: infoCalendar, base: { imapUid: 7, modseq: '42' } }));
  });

  it('says it is there already when the copy is as new', async () => {
    const card = await show('REQUEST', { ...invited, sequence: 1 });
    choose(card, 'Info desk');
    for (let i = 0; i < 5; i++) await settle();
    expect(card.textContent).toContain('Already in your calendar (Info desk).');
    expect(() => button(card, 'Add to calendar')).toThrow();
    expect(() => button(card, 'Update in calendar')).toThrow();
  });

  it('offers to remove a cancelled event from the calendar holding it', async () => {
    const card = await show('CANCEL');
    expect(card.textContent).toContain('The organizer cancelled this event.');
    await click(button(card, 'Remove from calendar Info desk'));
    for (let i = 0; i < 5; i++) await settle();
    expect(call).toHaveBeenCalledWith('calendar.delete', { accountId: accountA, folderPath: infoCalendar, base: { imapUid: 7, modseq: '42' } });
  });

  it('speaks Dutch', async () => {
    useStore.setState({ language: 'nl' });
    try {
      const card = await show('REQUEST');
      expect(button(card, 'Aan agenda toevoegen')).toBeTruthy();
      expect(card.textContent).toContain('Organisator');
    } finally {
      useStore.setState({ language: 'en' });
    }
  });
});
