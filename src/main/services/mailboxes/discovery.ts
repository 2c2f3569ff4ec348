/**
 * Which mailboxes an account holds (issue #3 "auto-mapping" on open standards), as a pure
 * function of what the server said: NAMESPACE (RFC 2342), LIST (RFC 9051 §6.3.9) and MYRIGHTS
 * (RFC 4314 §3.5), plus the mailboxes the person added by hand and the ones they hid.
 *
 * A shared mailbox is one owner in the other-users namespace (`shared/info@example.test/…` on
 * Dovecot, `Other Users/bob/…` elsewhere, RFC 2342 §3) or one top-level entry of the shared
 * namespace (RFC 2342 §4, public folders). It shows in LIST only while the person has the
 * `l` right on something in it (RFC 4314 §4), which is how a revocation is noticed.
 */
import type { AccountId, Mailbox } from '../../../shared/model';
import { manualMailboxId, ownMailboxId, publicMailboxId, sharedMailboxId } from '../../../shared/mailboxIds';

export interface ManualMailbox {
  /** Path prefix including the trailing delimiter, e.g. `Shared Folders/info/`. */
  prefix: string;
  address: string;
  displayName: string;
}

/** What the account's configuration says about its mailboxes. */
export interface MailboxConfig {
  accountId: AccountId;
  email: string;
  displayName: string;
  kind?: 'personal' | 'shared';
  manual: readonly ManualMailbox[];
  /** Ids of mailboxes the person hid. */
  hidden: readonly string[];
  /** Mailbox id → days of mail kept offline; a missing id is 0 (off). */
  offline?: Readonly<Record<string, number>>;
  /**
   * Issue #10 §7: the account a shared mailbox (by address) is used through when that is
   * another signed-in account (MailboxRoutes.ts); null or absent = this one.
   */
  via?: (address: string) => AccountId | null;
}

export interface NamespaceRoot {
  prefix: string;
  delimiter: string | null;
  /** Which NAMESPACE section (imap/ext/namespace.ts); absent = other users'. */
  kind?: 'personal' | 'otherUsers' | 'shared';
}

/** A mailbox seen in LIST below a namespace: its path prefix and the owner segment. */
export interface SharedOwner {
  prefix: string;
  owner: string;
  /** Public folders (the shared namespace, RFC 2342 §4): no person's or team's mailbox, no address. */
  public?: boolean;
}

/**
 * Owners of the listed paths below the other-users and shared namespaces, in first-seen order.
 * The namespace roots themselves (`shared`, the prefix without its delimiter) name no owner.
 *
 * A shared namespace with an empty prefix (Cyrus without altnamespace: `NAMESPACE (("INBOX."
 * ".")) (("user." ".")) (("" "."))`) holds every top-level name that is neither the INBOX nor
 * inside another namespace: `shared.team` is the public folder tree `shared`.
 */
export function sharedOwners(namespaces: readonly NamespaceRoot[], paths: readonly string[]): SharedOwner[] {
  const byPrefix = new Map<string, SharedOwner>();
  const prefixed = namespaces.filter((ns) => ns.prefix !== '');
  const topLevel = namespaces.find((ns) => ns.prefix === '' && ns.kind === 'shared' && ns.delimiter);
  for (const path of paths) {
    const ns = prefixed.find((n) => path.startsWith(n.prefix));
    if (ns) {
      const tail = path.slice(ns.prefix.length);
      const cut = ns.delimiter ? tail.indexOf(ns.delimiter) : -1;
      const owner = cut < 0 ? tail : tail.slice(0, cut);
      if (!owner) continue;
      const prefix = `${ns.prefix}${owner}${ns.delimiter ?? ''}`;
      if (!byPrefix.has(prefix)) byPrefix.set(prefix, { prefix, owner, ...(ns.kind === 'shared' ? { public: true } : {}) });
      continue;
    }
    if (!topLevel || isNamespaceRoot(namespaces, path)) continue;
    const owner = path.split(topLevel.delimiter!)[0]!;
    if (!owner || owner.toUpperCase() === 'INBOX') continue;
    const prefix = `${owner}${topLevel.delimiter}`;
    if (!byPrefix.has(prefix)) byPrefix.set(prefix, { prefix, owner, public: true });
  }
  return [...byPrefix.values()];
}

/** Paths that are only a namespace's root (`shared` for `shared/`): no mailbox of their own. */
export function isNamespaceRoot(namespaces: readonly NamespaceRoot[], path: string): boolean {
  return namespaces.some((ns) => ns.prefix !== '' && (path === ns.prefix || `${path}${ns.delimiter ?? ''}` === ns.prefix));
}

/** The owner name as an address: as is when it is one, else in the account's own domain. */
export function addressFor(owner: string, accountEmail: string): string {
  if (owner.includes('@')) return owner.toLowerCase();
  const domain = accountEmail.slice(accountEmail.lastIndexOf('@') + 1);
  return `${owner}@${domain}`.toLowerCase();
}

/** "info@example.test" → "Info": the local part, first letter capitalised. */
export function displayNameFor(address: string): string {
  const local = address.includes('@') ? address.slice(0, address.lastIndexOf('@')) : address;
  return local ? local.charAt(0).toLocaleUpperCase() + local.slice(1) : address;
}

/**
 * Every mailbox of the account, without server facts yet (rights, quota, a stored display name):
 * the own one first, then discovered ones in LIST order, then manual ones. A manual prefix that
 * discovery also found is shown once, as discovered.
 */
export function mailboxSkeletons(config: MailboxConfig, owners: readonly SharedOwner[]): Mailbox[] {
  const hidden = new Set(config.hidden);
  const base = (id: string) => ({ id, accountId: config.accountId, rights: null, hidden: hidden.has(id), quota: null, offlineDays: config.offline?.[id] ?? 0 });
  const own: Mailbox = {
    ...base(ownMailboxId(config.accountId)),
    kind: config.kind === 'shared' ? 'shared' : 'own',
    source: 'account',
    address: config.email,
    displayName: config.displayName || displayNameFor(config.email),
    prefix: '',
  };
  // The own mailbox cannot be hidden: it is the account itself.
  own.hidden = false;
  const discovered = owners.map((o): Mailbox => {
    // Issue #10 §8: public folders are named by their folder, never given an invented address.
    if (o.public) return { ...base(publicMailboxId(config.accountId, o.prefix)), kind: 'shared', source: 'discovered', public: true, address: o.owner, displayName: displayNameFor(o.owner), prefix: o.prefix };
    const address = addressFor(o.owner, config.email);
    return { ...base(sharedMailboxId(config.accountId, address)), kind: 'shared', source: 'discovered', address, displayName: displayNameFor(address), prefix: o.prefix };
  });
  const taken = new Set(discovered.map((m) => m.prefix));
  const manual = config.manual
    .filter((m) => !taken.has(m.prefix))
    .map((m): Mailbox => ({
      ...base(manualMailboxId(config.accountId, m.prefix)),
      kind: 'shared',
      source: 'manual',
      address: m.address,
      displayName: m.displayName || displayNameFor(m.address),
      prefix: m.prefix,
    }));
  return [own, ...discovered, ...manual].map((m) => routed(m, config.via));
}

/** A shared mailbox used through another account: listed as `via` it, and not synced here (hidden). */
function routed(mailbox: Mailbox, via: MailboxConfig['via']): Mailbox {
  const through = mailbox.source === 'account' ? null : (via?.(mailbox.address) ?? null);
  return through ? { ...mailbox, via: through, hidden: true } : mailbox;
}

/**
 * The mailbox a folder belongs to: the longest prefix that contains it. A mailbox's own
 * container (`shared/info@example.test`, the prefix without its delimiter) belongs to it too.
 */
export function mailboxOf<M extends Pick<Mailbox, 'prefix'>>(path: string, mailboxes: readonly M[]): M | null {
  let best: M | null = null;
  for (const m of mailboxes) {
    const container = m.prefix.length > 1 ? m.prefix.slice(0, -1) : null;
    const inside = path.startsWith(m.prefix) || (container !== null && path === container);
    if (inside && (best === null || m.prefix.length > best.prefix.length)) best = m;
  }
  return best;
}
