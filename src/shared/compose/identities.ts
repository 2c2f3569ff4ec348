/**
 * Identities and send rights (issue #4 §2): which addresses a person may send from, how, and
 * what that means for the message's From/Sender and the SMTP envelope. Pure rules, shared by
 * main (which builds the message and talks SMTP) and the renderer (which shows the picker).
 */
import { AppError } from '../errors';
import type { AccountId, Mailbox } from '../model';
import type { Identity, IdentityConfigEntry, SendMode } from '../model/compose';
import { ownMailboxId } from '../mailboxIds';
import { parseRights } from '../rights';

export interface IdentityAccount {
  id: string;
  email: string;
  displayName: string;
  kind?: 'personal' | 'shared';
}

const lower = (address: string): string => address.trim().toLowerCase();

/** An alias identity's id: stable whatever the spelling of the address. */
export const aliasIdentityId = (accountId: string, address: string): string => `${accountId}:alias:${lower(address)}`;

/**
 * The send mode a mailbox gets when the configuration says nothing. Sending as a shared
 * address is something the server decides (Postfix's sender login maps); the closest thing
 * IMAP tells us is the insert right (RFC 4314 §2.1 `i`): who may put mail into the mailbox is
 * taken to be a member who answers for it. A mailbox added by hand has no rights information
 * (the person asserted it exists), so it is offered; the server's refusal is shown plainly.
 */
export function defaultSendMode(mailbox: Mailbox): SendMode {
  if (mailbox.kind === 'own') return 'sendAs';
  if (mailbox.rights === null) return mailbox.source === 'manual' ? 'sendAs' : 'none';
  return parseRights(mailbox.rights).insert ? 'sendAs' : 'none';
}

/** Entries by lower-cased address; a later entry for the same address adds to / overrides an earlier one. */
function configByAddress(config: IdentityConfigEntry[]): Map<string, IdentityConfigEntry> {
  const byAddress = new Map<string, IdentityConfigEntry>();
  for (const entry of mergeIdentityConfig([], config)) byAddress.set(lower(entry.address), entry);
  return byAddress;
}

const nonEmpty = (text: string | undefined): string | undefined => (text && text.trim() ? text.trim() : undefined);

/**
 * Identities of one account from its mailboxes (as discovered, see Mailbox) and its
 * configuration. One identity per mailbox that is not hidden; configuration entries whose
 * address is no mailbox of the account (hidden ones included) become aliases of the own
 * mailbox. Mailboxes of other accounts are ignored. When the list has no own mailbox at all
 * (not yet discovered), the own identity is still there: SMTP signs in as the person, so their
 * own address can always send. Order: own, shared (as given), aliases (as configured).
 */
export function buildIdentities(account: IdentityAccount, mailboxes: Mailbox[], config: IdentityConfigEntry[]): Identity[] {
  const accountId = account.id as AccountId;
  const entries = configByAddress(config);
  const mine = mailboxes.filter((m) => m.accountId === account.id);
  const ownMailbox: Mailbox = mine.find((m) => m.kind === 'own') ?? {
    id: ownMailboxId(account.id),
    accountId,
    kind: 'own',
    source: 'account',
    address: account.email,
    displayName: account.displayName,
    prefix: '',
    rights: null,
    hidden: false,
    quota: null,
    offlineDays: 0,
  };
  const all = mine.includes(ownMailbox) ? mine : [ownMailbox, ...mine];
  const known = new Set(all.map((m) => lower(m.address)));

  const fromMailbox = (mailbox: Mailbox): Identity => {
    const entry = entries.get(lower(mailbox.address));
    const shared = mailbox.kind === 'shared';
    return {
      id: mailbox.id,
      accountId,
      kind: mailbox.kind,
      mailboxId: mailbox.id,
      address: mailbox.address,
      displayName:
        nonEmpty(entry?.displayName) ??
        nonEmpty(mailbox.displayName) ??
        (shared ? '' : account.displayName),
      sendMode: entry?.sendMode ?? defaultSendMode(mailbox),
      // Issue #4 §5: the team sees a shared mailbox's answers in its Sent; the own address and
      // aliases always copy to the person's own Sent, whatever the configuration says.
      sentCopies: shared ? (entry?.sentCopies ?? 'shared') : 'own',
      source: entry ? 'config' : 'default',
    };
  };

  const own = [ownMailbox].filter((m) => !m.hidden).map(fromMailbox);
  // Public folders (issue #10 §8) have no address to send from.
  const shared = all.filter((m) => m.kind === 'shared' && !m.hidden && !m.public).map(fromMailbox);
  const aliases: Identity[] = [...entries.values()]
    .filter((entry) => !known.has(lower(entry.address)))
    .map((entry) => ({
      id: aliasIdentityId(account.id, entry.address),
      accountId,
      kind: 'alias',
      mailboxId: ownMailbox.id,
      address: entry.address.trim(),
      displayName: nonEmpty(entry.displayName) ?? account.displayName,
      sendMode: entry.sendMode ?? 'sendAs',
      sentCopies: 'own',
      source: 'config',
    }));
  return [...own, ...shared, ...aliases];
}

export interface Envelope {
  from: { name: string; address: string };
  sender: { name: string; address: string } | null;
  envelopeFrom: string;
}

/**
 * From, Sender (RFC 5322 §3.6.2) and the SMTP envelope sender (RFC 5321 §4.1.1.2 MAIL FROM)
 * for sending from an identity. `person` is the signed-in account holder.
 *  - sendAs: From is the identity, no Sender, MAIL FROM the identity (what Postfix's sender
 *    login maps check, so a refusal is the server's answer to "may this person send as …").
 *  - onBehalf: From is the identity, Sender the person, MAIL FROM the person; recipients'
 *    clients show "person on behalf of identity".
 * Sender is never set when it would equal From (RFC 5322 §3.6.2: SHOULD NOT be used then).
 */
export function envelopeFor(identity: Identity, person: { name: string; address: string }): Envelope {
  if (identity.sendMode === 'none') {
    throw new AppError('notPermitted', `You may not send from ${identity.address}: it is set to reading only.`);
  }
  const from = { name: identity.displayName, address: identity.address };
  if (identity.sendMode === 'sendAs' || lower(identity.address) === lower(person.address)) {
    return { from, sender: null, envelopeFrom: identity.address };
  }
  return { from, sender: { name: person.name, address: person.address }, envelopeFrom: person.address };
}

const kindOrder: Record<Identity['kind'], number> = { own: 0, shared: 1, alias: 2 };

/** Only identities that may send (sendMode !== 'none'): own first, then shared (by address), then aliases. */
export function sendableIdentities(identities: Identity[]): Identity[] {
  return identities
    .filter((identity) => identity.sendMode !== 'none')
    .map((identity, index) => ({ identity, index }))
    .sort((a, b) => {
      const byKind = kindOrder[a.identity.kind] - kindOrder[b.identity.kind];
      if (byKind !== 0) return byKind;
      if (a.identity.kind === 'shared') {
        const byAddress = lower(a.identity.address).localeCompare(lower(b.identity.address));
        if (byAddress !== 0) return byAddress;
      }
      return a.index - b.index;
    })
    .map(({ identity }) => identity);
}

/** The fields of an entry that are actually set: an import that leaves one out keeps the current value. */
function definedFields(entry: IdentityConfigEntry): IdentityConfigEntry {
  const result: IdentityConfigEntry = { address: entry.address.trim() };
  if (entry.displayName !== undefined) result.displayName = entry.displayName;
  if (entry.sendMode !== undefined) result.sendMode = entry.sendMode;
  if (entry.sentCopies !== undefined) result.sentCopies = entry.sentCopies;
  return result;
}

/**
 * Merges imported entries into the existing configuration by address (case-insensitive):
 * the imported entry's fields win, fields it leaves out are kept, new addresses are appended.
 * Entries with an empty address are dropped. Returns new objects; the inputs are unchanged.
 */
export function mergeIdentityConfig(current: IdentityConfigEntry[], imported: IdentityConfigEntry[]): IdentityConfigEntry[] {
  const merged: IdentityConfigEntry[] = [];
  const index = new Map<string, number>();
  for (const entry of [...current, ...imported]) {
    const key = lower(entry.address);
    if (!key) continue;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, merged.length);
      merged.push(definedFields(entry));
    } else {
      merged[at] = { ...merged[at], ...definedFields(entry) };
    }
  }
  return merged;
}
