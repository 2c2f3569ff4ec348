// @vitest-environment jsdom
/**
 * Issue #13 §5: "Save search" beside the box, as a person uses it — the name prefilled with
 * the query, an empty or taken name refused in words in the dialog, Save stores it and the
 * search on screen becomes the saved one (the tree marks it).
 */
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../src/renderer/db/db';
import { listSavedSearches, saveSearch } from '../../../../src/renderer/db/queries/savedSearches';
import { SaveSearchButton } from '../../../../src/renderer/features/savedSearches/SaveSearchButton';
import { useStore } from '../../../../src/renderer/store';
import { button, field, render, type, type Rendered } from '../support/render';

const QUERY = 'mailbox:info@ -is:answered';
const scope = { kind: 'mailbox', mailboxId: 'acc-a:shared:info@example.test' } as const;
let view: Rendered | null = null;

beforeEach(async () => {
  await db.open();
  useStore.setState({ language: 'en', search: { text: QUERY, scope }, toasts: [] });
});
afterEach(async () => {
  view?.unmount();
  view = null;
  await db.delete();
});

const dialog = () => document.querySelector('dialog');
const submit = (form: HTMLFormElement) =>
  act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
const errorText = () => dialog()?.querySelector('.field__error')?.textContent ?? null;

describe('Save search (issue #13 §5)', () => {
  it('is offered only while a search is on screen', async () => {
    useStore.setState({ search: null });
    view = await render(<SaveSearchButton />);
    expect(() => button(view!.container, 'Save search')).toThrow();
    await act(async () => useStore.setState({ search: { text: 'from:jansen', scope: { kind: 'all' } } }));
    expect(button(view.container, 'Save search')).toBeTruthy();
  });

  it('saves under a checked name, and the search on screen becomes the saved one', async () => {
    await saveSearch(db, { name: 'Flagged', query: 'is:flagged', scope: { kind: 'all' } });
    view = await render(<SaveSearchButton />);
    await act(async () => button(view!.container, 'Save search').click());
    const name = field(dialog()!, 'Name') as HTMLInputElement;
    expect(name.value).toBe(QUERY);
    expect(dialog()!.textContent).toContain(`Finds: ${QUERY}`);
    const form = dialog()!.querySelector('form')!;

    await type(name, '   ');
    await submit(form);
    expect(errorText()).toBe('Give the search a name.');
    await type(name, 'flagged ');
    await vi.waitFor(() => expect(errorText()).toBe('There is already a saved search called “flagged”.'), { timeout: 10_000 });
    await submit(form);
    expect((await listSavedSearches(db)).map((row) => row.name)).toEqual(['Flagged']);

    await type(name, ' Unanswered in info@ ');
    await submit(form);
    await vi.waitFor(() => expect(dialog()).toBeNull(), { timeout: 10_000 });
    const rows = await listSavedSearches(db);
    const saved = rows.find((row) => row.name === 'Unanswered in info@');
    expect(saved).toMatchObject({ query: QUERY, scope });
    expect(useStore.getState().search).toEqual({ text: QUERY, scope, savedId: saved!.id });
    expect(useStore.getState().toasts.map((toast) => toast.text)).toContain('“Unanswered in info@” is now under Saved searches.');
  });
});
