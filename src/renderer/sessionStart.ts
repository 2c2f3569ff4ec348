/**
 * When this app session started: the entry module's first evaluation, before the first render.
 * Reminders count "missed while closed" from it (issue #5 §6), whenever their scheduler mounts.
 */
export const sessionStartedAt = Date.now();
