// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CalendarEvent, CalendarWriteResult, EventVersion } from '../../../../../src/shared/model/calendar';
import type { CalendarInfo } from '../../../../../src/renderer/db/queries/calendar';
import { useCalendarWriter, type WriteOutcome } from '../../../../../src/renderer/features/calendar/useCalendarWriter';
import { useStore } from '../../../../../src/renderer/store';
import { calendarEvent, storedEvent } from '../../../shared/calendar/eventFixtures';
import { render, settle, type Rendered } from '../../support/render';

interface SaveCall {
  event: CalendarEvent;
  base: EventVersion | null;
}

/** The main side as the writer sees it: each calendar.save answered from `answers` in turn. */
const server = vi.hoisted(() => ({ calls: [] as SaveCall[], answers: [] as CalendarWriteResult[] }));
vi.mock('../../../../../src/renderer/api', () => ({
  api: {
    call: async (method: string, params: SaveCall) => {
      if (method !== 'calendar.save') throw new Error(`unexpected ${method}`);
      server.calls.push({ event: params.event, base: params.base });
      const answer = server.answers.shift();
      if (!answer) throw new Error('no answer left');
      return { ok: true, value: answer };
    },
    on: () => () => undefined,
  },
  platform: { host: 'browser', saveFile: async () => undefined, onReconnect: () => () => undefined },
}));

const calendar: CalendarInfo = {
  key: 'acc-a|Calendar',
  accountId: 'acc-a',
  folderPath: 'Calendar',
  mailboxId: 'acc-a:own',
  name: 'bob@example.test',
  address: 'bob@example.test',
  colour: '#1f6feb',
  kind: 'own',
  rights: null,
  canWrite: true,
  prefs: { visible: true, reminders: true },
};

let writer: ReturnType<typeof useCalendarWriter> | null = null;
let view: Rendered | null = null;

function Harness() {
  const current = useCalendarWriter();
  writer = current;
  return <>{current.dialog}</>;
}

beforeEach(async () => {
  useStore.setState({ language: 'en' });
  server.calls = [];
  server.answers = [];
  view = await render(<Harness />);
});
afterEach(() => view?.unmount());

const dialogTitle = () => view?.container.querySelector('dialog h2')?.textContent ?? null;

describe('saving an event twice before the first save came back through sync', () => {
  it('saves the second version over the person’s own first one without asking, keeping what only the first changed', async () => {
    const opened = storedEvent(calendarEvent({ uid: 'twice-1', summary: 'Overleg', location: 'Kamer 1' }), { imapUid: 10, modseq: '100' });
    const first = { ...opened.event!, summary: 'Overleg klant', description: 'Agenda volgt', sequence: 1 };
    server.answers.push({ status: 'saved', imapUid: 11 });
    let outcome: WriteOutcome | undefined;
    await act(async () => void (outcome = await writer!.save({ calendar, opened, event: first })));
    expect(outcome).toBe('saved');

    // Reopened from the cache, which still holds version 10: the same field changed again.
    const second = { ...opened.event!, summary: 'Overleg klant Jansen', location: 'Kamer 2', sequence: 1 };
    server.answers.push({ status: 'conflict', current: storedEvent(first, { imapUid: 11, modseq: '101' }) }, { status: 'saved', imapUid: 12 });
    await act(async () => void (outcome = await writer!.save({ calendar, opened, event: second })));
    expect(outcome).toBe('saved');
    expect(dialogTitle()).toBeNull();

    expect(server.calls).toHaveLength(3);
    const resaved = server.calls[2]!;
    expect(resaved.base).toEqual({ imapUid: 11, modseq: '101' });
    expect(resaved.event).toMatchObject({ uid: 'twice-1', summary: 'Overleg klant Jansen', location: 'Kamer 2', description: 'Agenda volgt' });
    expect(resaved.event.sequence).toBeGreaterThan(first.sequence);
  });

  it('still puts a change by someone else to the person, field by field', async () => {
    const opened = storedEvent(calendarEvent({ uid: 'other-1', summary: 'Overleg' }), { imapUid: 20, modseq: '200' });
    server.answers.push({ status: 'saved', imapUid: 21 });
    await act(async () => void (await writer!.save({ calendar, opened, event: { ...opened.event!, summary: 'Mijn titel' } })));

    // Someone else saved over bob's version 21 (it is now 22): that is a real conflict.
    const theirs = { ...opened.event!, summary: 'Hun titel', lastModifiedBy: 'alice@example.test', sequence: 2 };
    server.answers.push({ status: 'conflict', current: storedEvent(theirs, { imapUid: 22, modseq: '202' }) });
    let outcome: Promise<WriteOutcome> | undefined;
    await act(async () => {
      outcome = writer!.save({ calendar, opened: storedEvent({ ...opened.event!, summary: 'Mijn titel' }, { imapUid: 21, modseq: '201' }), event: { ...opened.event!, summary: 'Nog een titel' } });
    });
    for (let i = 0; i < 3; i++) await settle();
    expect(dialogTitle()).toBe('Someone else changed this appointment');
    expect(server.calls).toHaveLength(2);
    const cancel = [...view!.container.querySelectorAll('button')].find((b) => b.textContent === 'Keep editing');
    await act(async () => cancel!.click());
    expect(await outcome).toBe('cancelled');
  });
});
