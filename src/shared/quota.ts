/** Quota warnings (RFC 9208): shared by main (refusing early) and the renderer (warning). */
export type QuotaLevel = 'ok' | 'warn80' | 'warn90' | 'warn95' | 'full';

/** How close a resource is to its limit, for the warning the UI shows. */
export function quotaLevel(usage: number, limit: number): QuotaLevel {
  if (!Number.isFinite(usage) || !Number.isFinite(limit) || usage < 0 || limit < 0) {
    throw new RangeError(`quotaLevel needs non-negative finite numbers, got ${usage}/${limit}`);
  }
  // A limit of 0 (RFC 9208 §5.1) means nothing more may be stored.
  if (usage >= limit) return 'full';
  const ratio = usage / limit;
  if (ratio >= 0.95) return 'warn95';
  if (ratio >= 0.9) return 'warn90';
  if (ratio >= 0.8) return 'warn80';
  return 'ok';
}
