/**
 * Limits both sides use that need no schema (issue #13 §3): kept apart from serverSearch.ts so the
 * renderer's index feeder does not pull zod into the window's bundle for one number.
 */

/** Body text per message, as main hands it over and as the index holds it (characters). */
export const offlineTextLimit = 64 * 1024;
