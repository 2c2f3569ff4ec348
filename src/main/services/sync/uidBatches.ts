/**
 * Splitting UIDs into fetch batches. Newest first: the top of the message list is what the user
 * looks at, so it reaches the screen before the old mail does.
 */

/**
 * Batches of at most `size` UIDs, highest UIDs in the first batch; each batch ascending. The
 * first batch may be smaller (`firstSize`): it is what the user waits for to see the top of the
 * list, while the later, bigger batches cost fewer round trips and cache transactions.
 */
export function newestFirstBatches(uids: readonly number[], size: number, firstSize = size): number[][] {
  if (size < 1 || firstSize < 1) throw new RangeError('batch size must be at least 1');
  const sorted = [...new Set(uids)].sort((a, b) => b - a);
  const batches: number[][] = [];
  for (let i = 0; i < sorted.length; ) {
    const n = batches.length === 0 ? firstSize : size;
    batches.push(sorted.slice(i, i + n).reverse());
    i += n;
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
