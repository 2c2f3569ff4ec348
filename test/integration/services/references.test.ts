/**
 * Issue #12 §4: the summary FETCH brings each message's References (BODY.PEEK[HEADER.FIELDS
 * (REFERENCES)]) so the conversation index can thread from the cache — folded, with junk, and
 * bounded — against the real Dovecot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImap } from '../../../src/main/services/imap/ImapFlowSession';
import { fetchSummaries } from '../../../src/main/services/sync/fetchSummaries';
import type { AccountId } from '../../../src/shared/model';
import { keptReferences } from '../../../src/shared/mail/messageIds';
import { startMailStack, stopMailStack, type MailStack } from './mailStack';
import { withImap } from './serverView';

const FOLDER = 'Threads';
let stack: MailStack;

function message(id: string, references: string | null, subject: string): string {
  return [
    'From: Customer <customer@elsewhere.test>',
    'To: info@example.test',
    `Subject: ${subject}`,
    'Date: Mon, 07 Dec 2026 10:00:00 +0000',
    `Message-ID: <${id}>`,
    ...(references === null ? [] : [`References: ${references}`]),
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Body of ${subject}`,
    '',
  ].join('\r\n');
}

beforeAll(async () => {
  stack = await startMailStack();
  const long = Array.from({ length: 60 }, (_, i) => `<chain${i}@x.test>`).join('\r\n ');
  await withImap(stack, 'alice', async (client) => {
    await client.mailboxCreate(FOLDER);
    await client.append(FOLDER, message('root@x.test', null, 'First'));
    await client.append(FOLDER, message('reply@x.test', '<root@x.test>\r\n (a comment) <root@x.test> junk\r\n\t<mid@x.test>', 'Second'));
    await client.append(FOLDER, message('long@x.test', long, 'Third'));
  });
});

afterAll(async () => {
  await stopMailStack(stack);
});

describe('References in the summary FETCH', () => {
  it('come back parsed and bounded, and a message without them has none', async () => {
    const u = stack.users.alice;
    const session = await openImap({ host: stack.host, port: stack.ports.imaps, security: 'tls', username: u.email }, u.password, { extraCa: [stack.caPem] });
    try {
      const rows = await session.inFolder(FOLDER, async (folder) => fetchSummaries(u.email as AccountId, folder, await folder.searchUids()));
      const bySubject = new Map(rows.map((row) => [row.subject, row]));
      expect(bySubject.get('First')?.references).toBeUndefined();
      expect(bySubject.get('Second')?.references).toEqual(['<root@x.test>', '<mid@x.test>']);
      const third = bySubject.get('Third')?.references ?? [];
      expect(third).toHaveLength(keptReferences);
      expect(third[0]).toBe('<chain0@x.test>');
      expect(third.at(-1)).toBe('<chain59@x.test>');
      expect(bySubject.get('Second')?.messageId).toBe('<reply@x.test>');
    } finally {
      await session.close();
    }
  });
});
