import { useLiveQuery } from 'dexie-react-hooks';

/**
 * useLiveQuery keeps showing the previous result while a query with new deps runs. That is
 * right for scrolling, wrong for "which message is open": this variant returns `undefined`
 * until the result for the current deps has arrived.
 */
export function useFreshLiveQuery<T>(querier: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const tag = JSON.stringify(deps);
  const result = useLiveQuery(async () => ({ tag, value: await querier() }), [tag]);
  return result && result.tag === tag ? result.value : undefined;
}
