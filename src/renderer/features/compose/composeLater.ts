/**
 * The composer's entry points for the views of the first screen (the top bar, the mail view's
 * `n` key, unsent drafts, the outbox). Issue #11 §4 "a smaller entry bundle": openComposer.ts —
 * with the draft and From rules and DOMPurify (through the sanitizer) — loads as its own chunk
 * the first time a person writes, not before the first rows are on screen.
 */
type OpenComposer = typeof import('./openComposer');

const load = (): Promise<OpenComposer> => import('./openComposer');

export async function composeNew(): Promise<void> {
  return (await load()).composeNew();
}

export async function reopen(...args: Parameters<OpenComposer['reopen']>): Promise<void> {
  return (await load()).reopen(...args);
}
