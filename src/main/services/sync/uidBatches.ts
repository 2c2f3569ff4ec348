/**
 * Splitting UIDs into fetch batches. Newest first: the top of the message list is what the user
 * looks at, so it reaches the screen before the old mail does.
 */

/** Batches of at most `size` UIDs, highest UIDs in the first batch; each batch ascending. */
export function newestFirstBatches(uids: readonly number[], size: number): number[][] {
  if (size < 1) throw new RangeError('batch size must be at least 1');
  const sorted = [...new Set(uids)].sort((a, b) => b - a);
  const batches: number[][] = [];
  for (let i = 0; i < sorted.length; i += size) {
    batches.push(sorted.slice(i, i + size).reverse());
  }
  return batches;
}

/** Splits a list into chunks of at most `size` items, order kept. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('chunk size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
