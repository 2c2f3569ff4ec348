/**
 * Settings → Identities as data: an account's identities back into the configuration entries
 * `identities.update` replaces (issue #4 §2), with one identity's change applied.
 */
import type { Identity, IdentityConfigEntry, SendMode, SentCopyPolicy } from '../../../shared/model/compose';

export function toConfigEntry(identity: Identity): IdentityConfigEntry {
  const entry: IdentityConfigEntry = { address: identity.address, sendMode: identity.sendMode };
  // A name someone configured is kept; a default one stays derived from the mailbox.
  if (identity.source === 'config' && identity.displayName.trim()) entry.displayName = identity.displayName;
  if (identity.kind === 'shared') entry.sentCopies = identity.sentCopies;
  return entry;
}

/** The full entry list for the account, with `change` applied to the identity `id`. */
export function entriesWithChange(
  identities: readonly Identity[],
  accountId: string,
  id: string,
  change: { sendMode?: SendMode; sentCopies?: SentCopyPolicy },
): IdentityConfigEntry[] {
  return identities
    .filter((identity) => identity.accountId === accountId)
    .map((identity) => toConfigEntry(identity.id === id ? { ...identity, ...change } : identity));
}
