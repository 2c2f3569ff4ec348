/**
 * How names are compared when people type them (issue #13 §2: "case never matters", "cafe"
 * finds "café"): compatibility-decomposed, combining marks dropped, lower case, single-spaced.
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}
