// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, useMemo } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeIndexes } from '../../../../../../src/renderer/db/index/registry';
import { sourceOfTag, sourceTag, type MessageSource } from '../../../../../../src/renderer/db/index/sourceIndex';
import { db } from '../../../../../../src/renderer/db/db';
import { ListToolbar } from '../../../../../../src/renderer/features/mail/listControls/ListToolbar';
import { useListViews, useViewedSource, withListView } from '../../../../../../src/renderer/features/mail/listControls/listViewStore';
import { useStore } from '../../../../../../src/renderer/store';
import { button, click, render, settle, type Rendered } from '../../../support/render';

const inbox: MessageSource = { kind: 'folder', accountId: 'acc-a', folderPath: 'INBOX' };
const projects: MessageSource = { kind: 'folder', accountId: 'acc-a', folderPath: 'Projects|2026' };

/** The toolbar as the list mounts it: over the folder's remembered view. */
function Toolbar({ base, count }: { base: MessageSource; count?: number }) {
  const stable = useMemo(() => base, [base]);
  return <ListToolbar source={useViewedSource(stable) as MessageSource} count={count} />;
}

let view: Rendered | undefined;
beforeEach(() => {
  localStorage.clear();
  useListViews.setState({ views: {} });
  useStore.setState({ language: 'en' });
});
afterEach(() => {
  view?.unmount();
  view = undefined;
  closeIndexes(db);
});

const select = (container: HTMLElement, name: string) => {
  const labelled = [...container.querySelectorAll('label')].find((l) => l.textContent === name)?.htmlFor;
  const found = [...container.querySelectorAll('select')].find((s) => s.getAttribute('aria-label') === name || (labelled !== undefined && s.id === labelled));
  if (!found) throw new Error(`No select named ${name}`);
  return found;
};
async function choose(element: HTMLSelectElement, value: string) {
  await act(async () => {
    element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('ListToolbar', () => {
  it('a filter button toggles, says it is pressed, and is remembered for that folder only', async () => {
    view = await render(<Toolbar base={inbox} />);
    expect(button(view.container, 'Unread').getAttribute('aria-pressed')).toBe('false');
    await click(button(view.container, 'Unread'));
    expect(button(view.container, 'Unread').getAttribute('aria-pressed')).toBe('true');
    expect(withListView(inbox)).toMatchObject({ view: { filters: ['unread'] } });
    expect(withListView(projects)).toEqual(projects);
    // What a restart reads back: the stored choice, keyed by the folder.
    expect(JSON.parse(localStorage.getItem('postvak.listViews') ?? '{}').state.views[sourceTag(inbox)].filters).toEqual(['unread']);
    await click(button(view.container, 'Unread'));
    expect(withListView(inbox)).toEqual(inbox);
  });

  it('choosing a sort starts in the order a person expects and the order can be flipped', async () => {
    view = await render(<Toolbar base={projects} />);
    await choose(select(view.container, 'Sort by'), 'sender');
    expect(withListView(projects)?.view?.sort).toEqual({ by: 'sender', descending: false });
    expect(select(view.container, 'Order').selectedOptions[0]?.textContent).toBe('A to Z');
    await choose(select(view.container, 'Order'), 'desc');
    expect(withListView(projects)?.view?.sort).toEqual({ by: 'sender', descending: true });
    await choose(select(view.container, 'Sort by'), 'size');
    expect(select(view.container, 'Order').selectedOptions[0]?.textContent).toBe('Largest first');
  });

  it('shows how many of the folder the filter leaves, and Clear filters brings all back', async () => {
    useListViews.getState().setView(sourceTag(inbox), { filters: ['unread', 'flagged'], sort: { by: 'date', descending: true }, conversations: false });
    view = await render(<Toolbar base={inbox} count={0} />);
    for (let i = 0; i < 20 && !view.container.textContent?.includes('Filtered'); i++) await settle();
    expect(view.container.querySelector('[role=status]')?.textContent).toContain('Filtered: Unread, Flagged — 0 of 0');
    await click(button(view.container, 'Clear filters'));
    expect(withListView(inbox)).toEqual(inbox);
  });

  it('offers the Conversations switch on a folder, not on a unified view', async () => {
    view = await render(<Toolbar base={inbox} />);
    const conversations = view.container.querySelector('[role=switch]');
    expect(conversations?.textContent).toBe('Conversations');
    await click(conversations as HTMLElement);
    expect(conversations?.getAttribute('aria-checked')).toBe('true');
    expect(withListView(inbox)?.view?.conversations).toBe(true);
    view.unmount();
    view = await render(<Toolbar base={{ kind: 'unified', role: 'inbox' }} />);
    expect(view.container.querySelector('[role=switch]')).toBeNull();
  });
});

describe('source tags with a view', () => {
  it('read back as the same source, also for a folder name with a bar in it', () => {
    const viewed: MessageSource = { ...projects, view: { filters: ['toMe', 'attachments'], sort: { by: 'subject', descending: true }, conversations: true } };
    expect(sourceOfTag(sourceTag(viewed))).toEqual({ ...viewed, view: { ...viewed.view, filters: ['attachments', 'toMe'] } });
    expect(sourceOfTag(sourceTag(projects))).toEqual(projects);
    expect(sourceOfTag(sourceTag({ kind: 'unified', role: 'sent', view: viewed.view }))).toMatchObject({ kind: 'unified', role: 'sent', view: { conversations: true } });
  });
});
