/**
 * Issue #10 §3 "Names cannot lie", through the UI: hostile messages appended to alice's Inbox
 * in the test itself. The reader warns calmly where the sender is not what it seems, names and
 * file names are bidi isolates with a file name's override made visible, and a reply to an
 * address-like display name reaches the real address's mailbox.
 */
import type { Page } from '@playwright/test';
import { composer, openMessage, typeAtTop, withSubject } from './support/compose';
import { expect, imapAs, screenshot, test, type MailStack } from './support/fixtures';

const stamp = Date.now().toString(36);
const subjects = {
  nameIsAddress: `Your account ${stamp}`,
  lookAlike: `Payment received ${stamp}`,
  spoofedOwn: `Urgent transfer ${stamp}`,
  otherAuthserv: `Team lunch ${stamp}`,
  rlo: `Invoice attached ${stamp}`,
};

/** A message as sent: the given headers, a plain-text type unless one is given, and the body. */
function raw(headers: string[], body: string): string {
  const type = headers.some((h) => /^content-type:/i.test(h)) ? [] : ['Content-Type: text/plain; charset=utf-8'];
  const id = `Message-ID: <${Math.random().toString(36).slice(2)}@evil.test>`;
  return [...headers, ...type, 'MIME-Version: 1.0', `Date: ${new Date().toUTCString()}`, id, '', body].join('\r\n');
}

/** Appends the hostile messages to alice's Inbox, as if delivered (the server's own Authentication-Results on top). */
async function seed(stack: MailStack): Promise<void> {
  const rloName = Buffer.from('factuur\u202Efdp.exe').toString('base64');
  const messages = [
    raw(['From: "info@bank.example" <x@evil.test>', 'To: alice@example.test', `Subject: ${subjects.nameIsAddress}`], 'Please confirm your account.'),
    raw([`From: =?UTF-8?B?${Buffer.from('P\u0430yPal').toString('base64')}?= <service@paypal.example>`, 'To: alice@example.test', `Subject: ${subjects.lookAlike}`], 'You received money.'),
    raw(
      [
        // The own server's verdict (authserv-id example.test, the address's domain), above a forged pass by the sender.
        'Authentication-Results: example.test; spf=fail smtp.mailfrom=evil.test; dkim=none; dmarc=fail header.from=example.test',
        'Authentication-Results: mx.evil.test; dmarc=pass header.from=example.test',
        'From: Info <info@example.test>',
        'To: alice@example.test',
        `Subject: ${subjects.spoofedOwn}`,
      ],
      'Please pay the attached invoice today.',
    ),
    raw(['Authentication-Results: mx.evil.test; dmarc=fail header.from=example.test', 'From: Info <info@example.test>', 'To: alice@example.test', `Subject: ${subjects.otherAuthserv}`], 'Lunch at noon.'),
    raw(
      ['From: "attacker\u202E" <evil@evil.test>', 'To: alice@example.test', `Subject: ${subjects.rlo}`, 'Content-Type: multipart/mixed; boundary="b1"'],
      [
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'See the invoice.',
        '--b1',
        `Content-Type: application/octet-stream; name="=?UTF-8?B?${rloName}?="`,
        `Content-Disposition: attachment; filename="=?UTF-8?B?${rloName}?="`,
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('MZ fake').toString('base64'),
        '--b1--',
        '',
      ].join('\r\n'),
    ),
  ];
  await imapAs(stack, 'alice', async (client) => {
    for (const message of messages) await client.append('INBOX', Buffer.from(message));
  });
}

const senderNotes = (page: Page) => page.getByRole('list', { name: 'About the sender' });

test('the reader warns calmly where a sender is not what it seems, and shows a disguised file name as it is', async ({ page, app, stack, signIn }) => {
  await seed(stack);
  await signIn('alice');
  await page.goto(app.url);

  await openMessage(page, subjects.nameIsAddress);
  await expect(senderNotes(page)).toHaveText('The name shows info@bank.example, but this message comes from x@evil.test.');

  await openMessage(page, subjects.lookAlike);
  await expect(senderNotes(page)).toContainText('The name “P\u0430yPal” mixes letters of different alphabets (Latin, Cyrillic)');

  await openMessage(page, subjects.spoofedOwn);
  await expect(senderNotes(page)).toHaveText(
    'This message says it is from info@example.test, but your mail server could not confirm that (DMARC failed). Be careful with links and requests in it.',
  );
  await screenshot(page, 'sender-warning-own-address');

  // The same claim judged by another server's id is not the own server's word: nothing said.
  await openMessage(page, subjects.otherAuthserv);
  await expect(page.getByRole('heading', { name: subjects.otherAuthserv })).toBeVisible();
  await expect(senderNotes(page)).toHaveCount(0);

  await openMessage(page, subjects.rlo);
  const attachments = page.getByRole('region', { name: '1 attachment' });
  await expect(attachments.getByText('factuur⟨RLO⟩fdp.exe', { exact: true })).toBeVisible();
  await expect(attachments).toContainText('hidden direction characters');
  await expect(attachments.getByRole('button', { name: 'Save factuur⟨RLO⟩fdp.exe' })).toBeVisible();
  // The override in the sender's name is isolated: it ends before the real address.
  const from = page.locator('.reader__meta-row', { has: page.getByText('From', { exact: true }) }).locator('dd');
  await expect(from.locator('bdi')).toHaveText(['attacker\u202E', 'evil@evil.test']);
  await screenshot(page, 'disguised-file-name');
});

test('a reply to "Info <info@example.test>" <phish@evil.test> is sent to phish@evil.test', async ({ page, app, stack, signIn }) => {
  const subject = `Invoice ${stamp}`;
  await imapAs(stack, 'alice', (client) =>
    client.append('INBOX', Buffer.from(raw(['From: "Info <info@example.test>" <phish@evil.test>', 'To: alice@example.test', `Subject: ${subject}`], 'Please reply with your details.'))),
  );
  await signIn('alice');
  await page.goto(app.url);
  await openMessage(page, subject);
  await page.getByRole('button', { name: 'Reply', exact: true }).click();
  const reply = composer(page, 'Reply');
  await expect(reply.getByRole('textbox', { name: 'To' })).toHaveValue(/"Info <info@example\.test>" <phish@evil\.test>/);
  await typeAtTop(page, reply, 'No, thank you.');
  await reply.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(reply).toHaveCount(0);
  // evil.test is no local domain: the stack's catch-all is that recipient's mailbox; info@ gets nothing.
  await expect.poll(async () => (await withSubject(stack, 'catchall', 'INBOX', `Re: ${subject}`)).length, { timeout: 30_000 }).toBe(1);
  const [received] = await withSubject(stack, 'catchall', 'INBOX', `Re: ${subject}`);
  expect(received!.to).toEqual(['phish@evil.test']);
  expect(await withSubject(stack, 'alice', 'shared/info@example.test/INBOX', `Re: ${subject}`)).toEqual([]);
});
