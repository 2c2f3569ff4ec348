/**
 * message.answers (issue #4 §5): who answered or forwarded a message, read from the Sent copies
 * of the message's mailbox and of the person's own mailbox: copies whose In-Reply-To or
 * References (RFC 5322 §3.6.4) name the message's Message-ID. The writer is Postvak's
 * X-Postvak-Author header (send-as copies), else Sender (send on behalf), else From.
 */
import type { AnswerInfo } from '../../../shared/model/compose';
import type { ServicesContext } from '../context';
import { toAppError } from '../imap/imapErrors';
import { messageStore } from '../imap/storeOps';
import { parseAnswerHeaders, type AnswerHeaders } from '../mail/parseMessage';
import { folderWithRole, mailboxOfPath, ownMailbox } from './directory';

/** What reading the answers to a message uses. */
export type AnswerDeps = Pick<ServicesContext, 'accounts' | 'identities' | 'inFolder' | 'log' | 'ops' | 'password'>;

const fields = ['from', 'sender', 'date', 'x-postvak-author', 'x-postvak-intent'];

export function answerFrom(headers: AnswerHeaders, folderPath: string, uid: number): AnswerInfo | null {
  if (!headers.from) return null;
  return {
    by: headers.author ?? headers.sender ?? headers.from,
    from: headers.from,
    date: headers.date ?? 0,
    kind: headers.intent === 'forward' ? 'forward' : 'reply',
    folderPath,
    uid,
  };
}

/** Who answered or forwarded the message (message.answers), oldest first. */
export async function findAnswers(ctx: AnswerDeps, { accountId, folderPath, uid }: { accountId: string; folderPath: string; uid: number }): Promise<AnswerInfo[]> {
  const [summary] = await ctx.inFolder(accountId, folderPath, (folder) => folder.fetchSummaries([uid]));
  const messageId = summary?.envelope?.messageId ?? null;
  if (!messageId) return [];
  const directory = await ctx.identities.directory(accountId);
  const mailbox = mailboxOfPath(directory, folderPath);
  const own = ownMailbox(directory);
  const sentPaths = [mailbox, own]
    .map((m) => (m ? (folderWithRole(directory, m.id, 'sent')?.path ?? null) : null))
    .filter((p, i, all): p is string => p !== null && all.indexOf(p) === i);
  const account = await ctx.accounts.get(accountId);
  const answers: AnswerInfo[] = [];
  try {
    for (const path of sentPaths) {
      const blocks = await ctx.ops.use(accountId, async (session) => {
        const store = messageStore(session);
        const uids = await store.searchHeader(path, [
          { name: 'In-Reply-To', value: messageId },
          { name: 'References', value: messageId },
        ]);
        return store.headerFields(path, uids, fields);
      });
      for (const [copyUid, block] of blocks) {
        const answer = answerFrom(await parseAnswerHeaders(block), path, copyUid);
        if (answer) answers.push(answer);
      }
    }
  } catch (error) {
    throw toAppError(error, account.imap.host, await ctx.password(accountId), ctx.log);
  }
  // With the `both` policy one answer has a copy in each Sent: show it once.
  const unique = answers.filter(
    (a, i) => answers.findIndex((o) => o.date === a.date && o.from.address === a.from.address && o.by?.address === a.by?.address) === i,
  );
  return unique.sort((a, b) => a.date - b.date);
}
