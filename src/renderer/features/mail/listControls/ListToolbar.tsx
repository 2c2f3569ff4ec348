/**
 * Above the message list (issue #12 §6, §4): filter buttons (each a named toggle with
 * aria-pressed), the sort (by and order, two native selects: keyboard and screen readers know
 * them), the Conversations switch for a folder, what the filter leaves ("Filtered: Unread — 12 of
 * 3,401" with Clear filters) and, while a big folder's view is read from the pages, how far it is.
 * The choice is remembered per folder (listViewStore.ts).
 */
import { useId } from 'react';
import { defaultListView, listFilters, sortKeys, type ListFilter, type ListView, type SortKey } from '../../../db/index/listView';
import { baseSource, type MessageSource } from '../../../db/index/sourceIndex';
import { useMessageCount, useViewProgress } from '../../../db/queries/messages';
import { useI18n } from '../../../i18n/useI18n';
import { setViewOf } from './listViewStore';
import { setupListViews } from './setupListViews';
import './listControls.css';

setupListViews();

/** The order a person expects first when choosing a sort: newest, A to Z, largest. */
const naturalDescending: Record<SortKey, boolean> = { date: true, sender: false, subject: false, size: true };

export function orderWords(by: SortKey, descending: boolean): `listControls.order.${'date' | 'size' | 'text'}.${'asc' | 'desc'}` {
  const kind = by === 'date' ? 'date' : by === 'size' ? 'size' : 'text';
  return `listControls.order.${kind}.${descending ? 'desc' : 'asc'}`;
}

export function ListToolbar({ source, count }: { source: MessageSource; count: number | undefined }) {
  const { t, fmt } = useI18n();
  const sortId = useId();
  const view = source.view ?? defaultListView;
  const total = useMessageCount(baseSource(source));
  const progress = useViewProgress(source);
  const update = (change: Partial<ListView>) => setViewOf(source, { ...view, ...change });
  const toggle = (filter: ListFilter) =>
    update({ filters: view.filters.includes(filter) ? view.filters.filter((one) => one !== filter) : [...view.filters, filter] });
  const filtered = view.filters.length > 0;

  return (
    <div className="list-controls" role="group" aria-label={t('listControls.label')}>
      <div className="list-controls__filters" role="group" aria-label={t('listControls.filters')}>
        {listFilters.map((filter) => (
          <button
            key={filter}
            type="button"
            className="button button--small list-controls__filter"
            aria-pressed={view.filters.includes(filter)}
            onClick={() => toggle(filter)}
          >
            {t(`listControls.filter.${filter}`)}
          </button>
        ))}
      </div>
      <div className="list-controls__sort">
        <label htmlFor={sortId}>{t('listControls.sortBy')}</label>
        <select
          id={sortId}
          value={view.sort.by}
          onChange={(event) => {
            const by = event.target.value as SortKey;
            update({ sort: { by, descending: naturalDescending[by] } });
          }}
        >
          {sortKeys.map((by) => (
            <option key={by} value={by}>
              {t(`listControls.sort.${by}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('listControls.order')}
          value={view.sort.descending ? 'desc' : 'asc'}
          onChange={(event) => update({ sort: { by: view.sort.by, descending: event.target.value === 'desc' } })}
        >
          {[naturalDescending[view.sort.by], !naturalDescending[view.sort.by]].map((descending) => (
            <option key={String(descending)} value={descending ? 'desc' : 'asc'}>
              {t(orderWords(view.sort.by, descending))}
            </option>
          ))}
        </select>
      </div>
      {source.kind === 'folder' && (
        <button
          type="button"
          role="switch"
          aria-checked={view.conversations}
          className="button button--small list-controls__switch"
          onClick={() => update({ conversations: !view.conversations })}
        >
          {t('listControls.conversations')}
        </button>
      )}
      {filtered && count !== undefined && total !== undefined && (
        <p className="list-controls__status" role="status">
          <span>
            {t('listControls.filtered', {
              filters: view.filters.map((filter) => t(`listControls.filter.${filter}`)).join(', '),
              shown: fmt.number(count),
              total: fmt.number(total),
            })}
          </span>
          <button type="button" className="button button--small button--ghost" onClick={() => update({ filters: [] })}>
            {t('listControls.clear')}
          </button>
        </p>
      )}
      {progress && (
        <p className="list-controls__status" role="status">
          <span>{t('listControls.reading', { done: fmt.number(progress.done), total: fmt.number(progress.total) })}</span>
          <progress className="list-controls__progress" max={progress.total} value={progress.done} />
        </p>
      )}
    </div>
  );
}
