/**
 * A message's body: from the cache when it is there, otherwise fetched once from main
 * (`message.body`) and cached, so the next time it opens instantly and offline.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api';
import { api } from '../../api';
import { db } from '../../db/db';
import { cacheBody } from '../../db/localChanges';
import { useCachedBody } from '../../db/queries/bodies';
import type { BodyRow, MessageKey } from '../../db/rows';
import { toApiError } from '../../i18n/errors';

export type BodyState =
  | { status: 'loading' }
  | { status: 'ready'; body: BodyRow }
  | { status: 'failed'; error: ApiError; retry(): void };

export function useMessageBody(key: MessageKey | null): BodyState {
  const cached = useCachedBody(key);
  const [failure, setFailure] = useState<{ tag: string; error: ApiError } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const tag = JSON.stringify(key);
  const needsFetch = key !== null && cached === null;

  useEffect(() => {
    if (!key || !needsFetch) return;
    let cancelled = false;
    const [accountId, folderPath, uid] = key;
    api
      .call('message.body', { accountId, folderPath, uid })
      .then(async (result) => {
        if (cancelled) return;
        if (result.ok) await cacheBody(db, key, result.value);
        else setFailure({ tag, error: result.error });
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailure({ tag, error: toApiError(error) });
      });
    return () => {
      cancelled = true;
    };
    // `tag` stands for `key` (a new array each render); `attempt` re-runs the fetch on retry.
  }, [tag, needsFetch, attempt]); // eslint-disable-line react-hooks/exhaustive-deps

  const retry = useCallback(() => {
    setFailure(null);
    setAttempt((n) => n + 1);
  }, []);

  if (cached) return { status: 'ready', body: cached };
  if (failure && failure.tag === tag) return { status: 'failed', error: failure.error, retry };
  return { status: 'loading' };
}
