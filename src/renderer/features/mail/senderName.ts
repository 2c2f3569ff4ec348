import type { Address } from '../../../shared/model';

/** The name to show for a sender: the display name, else the address. */
export function senderName(from: readonly Address[]): string {
  const first = from[0];
  return first ? first.name.trim() || first.address : '';
}
