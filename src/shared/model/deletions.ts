/** Issue #12 §7: who moved messages of a shared mailbox into its Trash (deletions.list). */
import type { Address } from './index';

export interface DeletionEntry {
  /** The messages in Trash this record covers, as a UID set (`5:7,9`, shared/uidSet.ts). */
  uids: string;
  /** Who deleted them, as that member's client wrote it. */
  by: Address;
  /** When, epoch ms. */
  at: number;
  /** The folder they were deleted from, as a path of this account (Restore puts them back there). */
  fromPath: string;
}
