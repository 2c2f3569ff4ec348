/**
 * What the UI says about a mailbox and may offer in a folder: its colour, whether it is
 * read-only (MYRIGHTS, RFC 4314 §2.1), and its storage use with the warning from `quotaLevel`
 * (RFC 9208). Pure, so the wording per level is tested without rendering.
 */
import { capabilitiesFromRights, parseRights, type FolderCapabilities } from '../../../shared/rights';
import { quotaLevel, type QuotaLevel } from '../../../shared/quota';
import type { Mailbox } from '../../../shared/model';
import type { Translate } from '../../i18n/types';

/**
 * Swatch colours: distinct hues, each with at least 3:1 contrast on the light and dark pane
 * backgrounds (WCAG 1.4.11, non-text contrast). The address is always shown next to it, so no
 * meaning rests on colour alone.
 */
export const mailboxPalette = ['#1f6feb', '#c2410c', '#15803d', '#a21caf', '#0e7490', '#b91c1c', '#6d28d9', '#a16207'] as const;

/** A mailbox's preferred palette index: the same on every start and every device (FNV-1a over its id). */
function preferredIndex(mailboxId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < mailboxId.length; i++) {
    hash ^= mailboxId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % mailboxPalette.length;
}

/** The preferred colour alone; use `mailboxColours` wherever several mailboxes are shown together. */
export function mailboxColor(mailboxId: string): string {
  return mailboxPalette[preferredIndex(mailboxId)] ?? mailboxPalette[0];
}

export type ColourCandidate = Pick<Mailbox, 'id' | 'kind' | 'address'>;

/** Own mailboxes first, then the others by address (id breaks ties): who gets first pick. */
function pickOrder(a: ColourCandidate, b: ColourCandidate): number {
  if (a.kind !== b.kind) return a.kind === 'own' ? -1 : 1;
  return a.address.localeCompare(b.address, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * A colour per mailbox, distinct among the person's mailboxes (issue #5 §3: own and shared
 * calendars overlaid "with a colour each"), hidden ones included so hiding one changes no other.
 * First every mailbox in pick order claims its hash-preferred colour if no one before it did;
 * then those left take the next free colour after their preferred one. So adding a mailbox
 * changes others only where it wins a preferred colour or takes a free one before them. Only
 * with more than 8 mailboxes do two share a colour (a new round of the palette starts).
 */
export function mailboxColours(mailboxes: readonly ColourCandidate[]): Map<string, string> {
  const size = mailboxPalette.length;
  const ordered = [...new Map(mailboxes.map((mailbox) => [mailbox.id, mailbox])).values()].sort(pickOrder);
  const result = new Map<string, string>();
  for (let round = 0; round * size < ordered.length; round++) {
    const group = ordered.slice(round * size, (round + 1) * size);
    const taken = new Set<number>();
    const left: ColourCandidate[] = [];
    for (const mailbox of group) {
      const preferred = preferredIndex(mailbox.id);
      if (taken.has(preferred)) left.push(mailbox);
      else {
        taken.add(preferred);
        result.set(mailbox.id, mailboxPalette[preferred] ?? mailboxPalette[0]);
      }
    }
    for (const mailbox of left) {
      const preferred = preferredIndex(mailbox.id);
      let index = preferred;
      for (let step = 1; step < size && taken.has(index); step++) index = (preferred + step) % size;
      taken.add(index);
      result.set(mailbox.id, mailboxPalette[index] ?? mailboxPalette[0]);
    }
  }
  return result;
}

/** One mailbox's colour from `mailboxColours`, its preferred colour where it was not in the list. */
export function colourOf(colours: ReadonlyMap<string, string>, mailboxId: string): string {
  return colours.get(mailboxId) ?? mailboxColor(mailboxId);
}

/** What may be done in a folder; `null` rights = the person's own folder, everything allowed. */
export function folderCapabilities(rights: string | null): FolderCapabilities {
  return capabilitiesFromRights(parseRights(rights ?? 'lrswipkxtea'));
}

export function isReadOnly(rights: string | null): boolean {
  return rights !== null && folderCapabilities(rights).readOnly;
}

/** Quota sizes in the binary megabytes servers count in (Dovecot's `50M` is 50 × 1024² bytes). */
export function formatKiB(kib: number, localeTag: string): string {
  const mib = kib / 1024;
  const unit = mib >= 1024 ? 'gigabyte' : mib >= 1 ? 'megabyte' : 'kilobyte';
  const value = unit === 'gigabyte' ? mib / 1024 : unit === 'megabyte' ? mib : kib;
  return new Intl.NumberFormat(localeTag, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/**
 * "12.3 MB of 50 MB used"; "storage use not shown by your server" where the server does not
 * tell: no QUOTA, or a shared mailbox's quota that it shows only to the owner (Dovecot refuses
 * members GETQUOTAROOT, issue #10 §9).
 */
export function quotaUsage(quota: Mailbox['quota'], t: Translate, localeTag: string): string {
  if (!quota) return t('quota.notShown');
  return t('quota.used', { used: formatKiB(quota.usedKiB, localeTag), limit: formatKiB(quota.limitKiB, localeTag) });
}

export interface QuotaWarning {
  level: Exclude<QuotaLevel, 'ok'>;
  /** 80/90 % inform (role=status); 95 % and full need attention now (role=alert). */
  urgent: boolean;
  text: string;
}

/** The warning for a mailbox at 80 % or more of its storage, in words; null below that. */
export function quotaWarning(mailbox: Pick<Mailbox, 'address' | 'quota'>, t: Translate): QuotaWarning | null {
  const { quota } = mailbox;
  if (!quota) return null;
  const level = quotaLevel(quota.usedKiB, quota.limitKiB);
  if (level === 'ok') return null;
  const percent = quota.limitKiB > 0 ? Math.floor((quota.usedKiB / quota.limitKiB) * 100) : 100;
  const text =
    level === 'full' ? t('quota.full', { address: mailbox.address }) : t('quota.warning', { address: mailbox.address, percent });
  return { level, urgent: level === 'warn95' || level === 'full', text };
}
