// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventField, FieldSide } from '../../../../../src/shared/calendar/merge';
import { ConflictDialog } from '../../../../../src/renderer/features/calendar/ConflictDialog';
import { useStore } from '../../../../../src/renderer/store';
import { calendarEvent } from '../../../shared/calendar/eventFixtures';
import { button, render, type Rendered } from '../../support/render';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

describe('the conflict choice', () => {
  it('shows both versions of each field both changed and returns the side chosen per field', async () => {
    useStore.setState({ language: 'en' });
    const mine = calendarEvent({ summary: 'Teamoverleg planning', location: 'Kamer 3' });
    const theirs = calendarEvent({ summary: 'Teamoverleg (verzet)', location: 'Kamer 2', lastModifiedBy: 'alice@example.test', lastModified: Date.UTC(2030, 5, 4, 8, 7) });
    let result: Map<EventField, FieldSide> | null | undefined;
    view = await render(<ConflictDialog mine={mine} theirs={theirs} conflicts={['summary', 'location']} onDone={(choices) => (result = choices)} />);
    const groups = [...view.container.ownerDocument.querySelectorAll('fieldset')];
    expect(groups.map((g) => g.querySelector('legend')?.textContent)).toEqual(['Title', 'Location']);
    const options = groups.map((g) => [...g.querySelectorAll('label')].map((l) => l.textContent));
    expect(options[0]![0]).toBe('Yours: Teamoverleg planning');
    expect(options[0]![1]).toMatch(/^Theirs \(changed by alice@example\.test at .+\): Teamoverleg \(verzet\)$/);
    // Yours is preselected; take theirs for the location only.
    const theirsLocation = groups[1]!.querySelectorAll('input')[1]!;
    await act(async () => theirsLocation.click());
    const doc = view.container.ownerDocument.body;
    await act(async () => button(doc, 'Save').click());
    expect(result).toEqual(new Map([['summary', 'mine'], ['location', 'theirs']]));
  });
});
