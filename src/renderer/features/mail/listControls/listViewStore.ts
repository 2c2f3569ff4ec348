/**
 * The view each list was last seen through (issue #12 §6: "remembered per folder"), keyed by the
 * folder's or unified view's source tag and kept in localStorage like the other UI choices
 * (store/index.ts): it survives a restart and is no mail data. A default view is not stored.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { defaultListView, isDefaultView, normaliseView, type ListView } from '../../../db/index/listView';
import { baseSource, sourceTag, type MessageSource } from '../../../db/index/sourceIndex';

interface ListViewState {
  views: Record<string, ListView>;
  setView(tag: string, view: ListView): void;
}

export const useListViews = create<ListViewState>()(
  persist(
    (set) => ({
      views: {},
      setView: (tag, view) =>
        set((state) => {
          const views = { ...state.views };
          if (isDefaultView(view)) delete views[tag];
          else views[tag] = normaliseView(view);
          return { views };
        }),
    }),
    { name: 'postvak.listViews', version: 1, storage: createJSONStorage(() => localStorage), partialize: (state) => ({ views: state.views }) },
  ),
);

/** The remembered view of a list (the default when none was chosen). */
export function viewOf(source: MessageSource | null, views = useListViews.getState().views): ListView {
  if (!source) return defaultListView;
  const stored = views[sourceTag(baseSource(source))];
  return stored ? normaliseView(stored) : defaultListView;
}

export function setViewOf(source: MessageSource, view: ListView): void {
  useListViews.getState().setView(sourceTag(baseSource(source)), view);
}

/** The source as the person sees it: with its remembered view (for code outside React). */
export function withListView(source: MessageSource | null): MessageSource | null {
  if (!source) return null;
  const view = viewOf(source);
  return isDefaultView(view) ? baseSource(source) : { ...baseSource(source), view };
}

/** The source with its remembered view, as a stable object while neither changes. */
export function useViewedSource(source: MessageSource | null): MessageSource | null {
  const tag = source ? sourceTag(baseSource(source)) : 'none';
  const stored = useListViews((state) => state.views[tag]);
  return useMemo(() => {
    if (!source) return null;
    return stored && !isDefaultView(stored) ? { ...baseSource(source), view: normaliseView(stored) } : baseSource(source);
    // The tag stands for the base source; `source` itself is a new object on every render of some callers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tag, stored]);
}
