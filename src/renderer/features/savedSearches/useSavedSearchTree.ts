/**
 * The Saved searches section for the folder tree (issue #13 §5): the saved rows (live, from any
 * window), each counted by the local index and recounted as it changes (SavedSearchCounter),
 * and again when the folders change (the catalog: `mailbox:info@` gains a folder).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSavedSearches, useSearchCatalogLive } from '../../db/queries/savedSearches';
import type { SavedSearchRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import type { SearchEngine } from '../../search/engine/engineTypes';
import type { TreeNode } from '../mail/folderTree';
import { countTargets, type EnginePlanner } from './countTargets';
import { SavedSearchCounter, type SavedCounts } from './savedSearchCounter';
import { savedSearchesNode } from './savedSearchTree';

const noCounts: SavedCounts = new Map();

/**
 * Counts of the saved searches; empty until the engine has answered. The engine is asked for
 * (`engineOf`) only once there is a saved search to count.
 */
export function useSavedSearchCounts(rows: readonly SavedSearchRow[] | undefined, engineOf: () => SearchEngine | null, plan: EnginePlanner): SavedCounts {
  const catalog = useSearchCatalogLive();
  const [counts, setCounts] = useState<SavedCounts>(noCounts);
  const counter = useRef<SavedSearchCounter | null>(null);
  const wanted = (rows?.length ?? 0) > 0;
  const targets = useMemo(() => (rows && catalog ? countTargets(rows, catalog, plan) : null), [rows, catalog, plan]);
  useEffect(() => {
    const engine = wanted ? engineOf() : null;
    if (!engine) return;
    const created = new SavedSearchCounter(engine, setCounts);
    counter.current = created;
    return () => {
      created.dispose();
      counter.current = null;
    };
  }, [wanted, engineOf]);
  // After the effect above (same commit when `wanted` changes): the new counter gets the targets.
  useEffect(() => {
    if (targets) counter.current?.setTargets(targets);
  }, [targets, wanted, engineOf]);
  return counts;
}

/** The section node, or null while there are no saved searches. */
export function useSavedSearchTree(engineOf: () => SearchEngine | null, plan: EnginePlanner): TreeNode | null {
  const { t, localeTag } = useI18n();
  const rows = useSavedSearches(localeTag);
  const counts = useSavedSearchCounts(rows, engineOf, plan);
  return useMemo(() => savedSearchesNode(rows ?? [], counts, t), [rows, counts, t]);
}
