/**
 * How a received message's author is shown (issue #4 §7): with a Sender different from From
 * (RFC 5322 §3.6.2: the Sender is who actually sent it for the From's author), "Ger on behalf
 * of Ontvangstgebouw 32", as Outlook does; otherwise just the From.
 */
import type { Address } from '../model';

export type SenderDisplay = { kind: 'from'; from: Address } | { kind: 'onBehalf'; sender: Address; from: Address } | null;

/** Null when there is no From; `onBehalf` when the first Sender's address differs (case-insensitive) from the first From's. */
export function senderDisplay(from: Address[], sender: Address[]): SenderDisplay {
  const author = from[0];
  if (!author) return null;
  const actual = sender[0];
  if (actual && actual.address.trim().toLowerCase() !== author.address.trim().toLowerCase()) {
    return { kind: 'onBehalf', sender: actual, from: author };
  }
  return { kind: 'from', from: author };
}

/** The name people know an address by: its display name, else the full address. */
export function displayName(a: Address): string {
  return a.name.trim() || a.address;
}
