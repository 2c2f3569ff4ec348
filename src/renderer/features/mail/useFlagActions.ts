/** The reader's flag actions, wired to the real api, cache and notices. */
import { useCallback } from 'react';
import { api } from '../../api';
import { db } from '../../db/db';
import { flaggedFlag, seenFlag, type MessageKey } from '../../db/rows';
import { describeError } from '../../i18n/errors';
import { currentI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { setMessageFlags } from './flagTasks';

const deps = {
  db,
  api,
  onError: (error: { code: string; message: string }) => {
    const { t } = currentI18n();
    useStore.getState().pushToast('error', t('reader.flagFailed', { error: describeError(t, error) }));
  },
};

export function useFlagActions(key: MessageKey | null) {
  const change = useCallback(
    (add: string[], remove: string[]) => (key ? setMessageFlags(deps, key, add, remove) : Promise.resolve(false)),
    [key],
  );
  return {
    markRead: useCallback(() => change([seenFlag], []), [change]),
    markUnread: useCallback(() => change([], [seenFlag]), [change]),
    flag: useCallback(() => change([flaggedFlag], []), [change]),
    unflag: useCallback(() => change([], [flaggedFlag]), [change]),
  };
}
