/**
 * "Addressed to me" (issue #12 §6): which addresses count as the person's for a folder.
 *
 * Decision for shared mailboxes: a message in info@'s folders is "to me" when To or Cc names
 * info@ itself (mail sent to the team's address, not a Bcc, list or forward) or the person's own
 * address or aliases (a customer who wrote to alice and info@ at once). In the own mailbox it is
 * the person's address and aliases. Public folders have no address of their own: only the
 * person's count. Documented in README (List controls).
 */
import type { PostvakDb } from '../schema';
import { viewEnvironment } from './viewEnvironment';

export async function ownAddressesFor(db: PostvakDb, accountId: string, folderPath: string): Promise<Set<string>> {
  const [folder, mailboxes] = await Promise.all([db.folders.get([accountId, folderPath]), db.mailboxes.where('accountId').equals(accountId).toArray()]);
  const addresses = new Set<string>();
  for (const mailbox of mailboxes) {
    const isOwn = mailbox.kind === 'own';
    const isThis = folder !== undefined && mailbox.id === folder.mailboxId && !mailbox.public;
    if (isOwn || isThis) addresses.add(mailbox.address.toLowerCase());
  }
  for (const alias of viewEnvironment().aliases(accountId)) addresses.add(alias.toLowerCase());
  addresses.delete('');
  return addresses;
}
