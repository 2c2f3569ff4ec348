/**
 * The app's Saved searches section (issue #13 §5): the window's search engine (one per window,
 * search/engine/client.ts) and the app's planner (enginePlanner.ts).
 */
import { useMemo } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { getSearchEngine } from '../../search/engine/client';
import type { SearchEngine } from '../../search/engine/engineTypes';
import type { TreeNode } from '../mail/folderTree';
import { enginePlanner } from './enginePlanner';
import { useSavedSearchTree } from './useSavedSearchTree';

/** The window's engine; none where it cannot start (no Worker): then no numbers, no error. */
function engineOf(): SearchEngine | null {
  try {
    return getSearchEngine();
  } catch {
    return null;
  }
}

export function useSavedSearchSection(): TreeNode | null {
  const { localeTag } = useI18n();
  const plan = useMemo(() => enginePlanner(localeTag), [localeTag]);
  return useSavedSearchTree(engineOf, plan);
}
