/**
 * The reader's flag actions, as mail actions (src/renderer/tasks/mailActions.ts): a notice with
 * Undo, Ctrl+Z. `quiet` for the mark-read that opening a message does: no notice, and the undo
 * of the person's last action stays.
 */
import { useCallback } from 'react';
import { flaggedFlag, seenFlag, type MessageKey } from '../../db/rows';
import { runAction } from '../../tasks/mailActions';

export interface FlagActionOptions {
  quiet?: boolean;
}

export function useFlagActions(key: MessageKey | null) {
  const change = useCallback(
    async (add: string[], remove: string[], options?: FlagActionOptions) =>
      key ? (await runAction({ kind: 'setFlags', keys: [key], add, remove }, { quiet: options?.quiet ?? false })).ok : false,
    [key],
  );
  return {
    markRead: useCallback((options?: FlagActionOptions) => change([seenFlag], [], options), [change]),
    markUnread: useCallback((options?: FlagActionOptions) => change([], [seenFlag], options), [change]),
    flag: useCallback((options?: FlagActionOptions) => change([flaggedFlag], [], options), [change]),
    unflag: useCallback((options?: FlagActionOptions) => change([], [flaggedFlag], options), [change]),
  };
}
