/**
 * Access rights (RFC 4314): what the logged-in member may do in a folder, as the server says
 * with MYRIGHTS (§3.5), turned into what the UI may offer. Only MYRIGHTS is used: it needs no
 * right itself (§4), whereas GETACL needs `a`.
 */
import type { ImapFlow } from 'imapflow';
import { expectOk, mailboxArg, mailboxFromWire, requireCapability, runCommand } from './rawCommand';
import { protocolError, tokenText } from './imapValues';

/** `MYRIGHTS <mailbox>` → the rights string, e.g. `lrwstipekxacd` (full) or `lr`. */
export async function myRights(client: ImapFlow, path: string): Promise<string> {
  requireCapability(client, 'ACL', 'access rights');
  const result = expectOk(
    await runCommand(client, 'MYRIGHTS', [mailboxArg(client, path)], {
      untagged: {
        // * MYRIGHTS <mailbox> <rights> (RFC 4314 §3.8)
        MYRIGHTS: ({ attributes }) => {
          if (attributes.length < 2) throw protocolError('MYRIGHTS mailbox rights', attributes);
          return { path: mailboxFromWire(client, tokenText(attributes[0])), rights: tokenText(attributes[1]) };
        },
      },
    }),
    `Reading your rights on ${path}`,
  );
  const mine = result.untagged.MYRIGHTS.find((r) => r.path === mailboxFromWire(client, mailboxArg(client, path)));
  const answer = mine ?? result.untagged.MYRIGHTS[0];
  if (!answer) throw protocolError('a MYRIGHTS response', null);
  return answer.rights;
}

export { capabilitiesFromRights, parseRights, type FolderCapabilities, type Rights } from '../../../../shared/rights';
