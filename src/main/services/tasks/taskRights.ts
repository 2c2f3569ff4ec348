/**
 * Which rights a task needs (RFC 4314 §4, per command), checked in main before anything is sent:
 * the renderer hides what a person may not do, but main is the one that must not do it. Pure.
 */
import { parseRights } from '../../../shared/rights';

/**
 * STORE (RFC 4314 §4): `s` for \Seen, `t` for \Deleted, `w` for every other flag and keyword.
 * Returns the flags the rights do not allow; `null` rights (no ACL extension) allow all.
 */
export function flagsRefusedByRights(rights: string | null, flags: readonly string[]): string[] {
  if (rights === null) return [];
  const r = parseRights(rights);
  return flags.filter((flag) => {
    const lower = flag.toLowerCase();
    if (lower === '\\seen') return !r.seen;
    if (lower === '\\deleted') return !r.deleteMessages;
    return !r.write;
  });
}

export type DeletePlan = { mode: 'trash'; trashPath: string } | { mode: 'expunge' } | { mode: 'noTrash' };

/**
 * How a delete goes: into the mailbox's own Trash, or — from Trash itself, or asked for
 * (`permanent`, after the person confirmed) — \Deleted + UID EXPUNGE (RFC 4315 §2.1). A shared
 * mailbox's message goes to that mailbox's Trash, never the person's own (issue #3), so
 * `trashPath` is the Trash of the source's mailbox. A mailbox without a Trash is `noTrash`: an
 * ordinary Delete must never remove mail for good unasked (issue #12 §7), so main refuses and the
 * person can delete for good on purpose.
 */
export function deletePlan(sourcePath: string, trashPath: string | null, permanent = false): DeletePlan {
  if (permanent || trashPath === sourcePath) return { mode: 'expunge' };
  return trashPath ? { mode: 'trash', trashPath } : { mode: 'noTrash' };
}

/**
 * What is missing for the delete, in words, or `null`. Both ways remove the message from the
 * source: STORE \Deleted needs `t`, EXPUNGE `e` (MOVE needs the same, RFC 6851 §3.3); into
 * Trash it also needs `i` there (COPY/MOVE target, RFC 4314 §4).
 */
export function deleteRefusal(plan: DeletePlan, sourceRights: string | null, trashRights: string | null): string | null {
  const source = sourceRights === null ? null : parseRights(sourceRights);
  if (source && !(source.deleteMessages && source.expunge)) return 'delete messages';
  if (plan.mode === 'trash' && trashRights !== null && !parseRights(trashRights).insert) return 'put messages into the Trash';
  return null;
}
