/** Binary search in ascending UIDs: the position of `uid`, or `-(insertion point) - 1` when absent. */
export function searchUids(uids: ArrayLike<number>, uid: number): number {
  let low = 0;
  let high = uids.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = uids[mid] as number;
    if (value === uid) return mid;
    if (value < uid) low = mid + 1;
    else high = mid - 1;
  }
  return -low - 1;
}
