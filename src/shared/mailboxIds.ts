/**
 * Mailbox ids (`Mailbox.id`), built in one place (issue #10 §12) for main and the renderer: the
 * cache groups folders under them, identities and remembered From choices point at them, and
 * settings (hidden, offline days) are stored by them — so they must come out the same everywhere
 * and across restarts. Each is the account's id and what names the mailbox on its server.
 */

/** The account's own mailbox (its personal namespace, RFC 2342). */
export function ownMailboxId(accountId: string): string {
  return `${accountId}:own`;
}

/** Another user's mailbox found in the other-users namespace, by its address (lower case). */
export function sharedMailboxId(accountId: string, address: string): string {
  return `${accountId}:shared:${address.trim().toLowerCase()}`;
}

/** A public folder (the shared namespace, issue #10 §8): it has no address, only its prefix. */
export function publicMailboxId(accountId: string, prefix: string): string {
  return `${accountId}:public:${prefix}`;
}

/** A mailbox added by hand under a folder prefix (Settings → Add a shared mailbox). */
export function manualMailboxId(accountId: string, prefix: string): string {
  return `${accountId}:manual:${prefix}`;
}
