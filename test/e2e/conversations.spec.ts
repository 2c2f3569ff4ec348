/**
 * Issue #12 §4 "Done means": the conversation view shows the customer's message and bob's reply
 * from info@'s Sent in one thread, in order. A customer writes to info@ (delivered over SMTP by
 * the stack's Postfix); bob's answer is the team's Sent copy, APPENDed into info@'s Sent by a
 * separate IMAP session with In-Reply-To and References as a mail client writes them (RFC 5322
 * §3.6.4). Alice opens the customer's mail in info@'s Inbox and reads both, oldest first; and an
 * action on the conversation (Archive) takes its messages in the Inbox along, never the Sent copy.
 */
import { expect, screenshot, test, imapAs, type MailStack } from './support/fixtures';
import { commandKey } from './support/commandKeys';
import { subjectsIn } from './support/mailboxFolders';
import { atDesk } from './support/desk';
import { messageList, openMailboxInbox } from './support/session';

const INFO = 'info@example.test';

/** Anna's question to info@ (over SMTP) and bob's answer as info@'s Sent copy (APPEND); → the subject. */
async function questionAndAnswer(stack: MailStack): Promise<{ subject: string; questionId: string; stamp: number }> {
  const stamp = Date.now();
  const subject = `Kapotte verwarming ${stamp}`;
  const questionId = `<vraag.${stamp}@klant.example>`;
  const { deliver } = await import('../mailstack/mailstack.mjs');
  const asked = new Date(stamp - 60 * 60_000);
  await deliver(stack, {
    from: 'anna@klant.example',
    to: INFO,
    raw: [
      `From: Anna Jansen <anna@klant.example>`,
      `To: ${INFO}`,
      `Subject: ${subject}`,
      `Date: ${asked.toUTCString()}`,
      `Message-ID: ${questionId}`,
      '',
      'De verwarming in kamer 4 doet het niet meer.',
      '',
    ].join('\r\n'),
  });
  const answered = new Date(stamp - 10 * 60_000);
  await imapAs(stack, 'bob', (client) =>
    client.append(
      `shared/${INFO}/Sent`,
      [
        `From: Info <${INFO}>`,
        `Sender: Bob <bob@example.test>`,
        `To: Anna Jansen <anna@klant.example>`,
        `Subject: Re: ${subject}`,
        `Date: ${answered.toUTCString()}`,
        `Message-ID: <antwoord.${stamp}@example.test>`,
        `In-Reply-To: ${questionId}`,
        `References: ${questionId}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Morgen komt er iemand langs om de verwarming te maken.',
        '',
      ].join('\r\n'),
      ['\\Seen'],
      answered,
    ),
  );

  return { subject, questionId, stamp };
}

test('alice reads the customer’s mail and bob’s answer from info@’s Sent as one conversation, in order', async ({ browser, stack }) => {
  const { subject } = await questionAndAnswer(stack);
  const alice = await atDesk(browser, stack, 'alice');
  try {
    const { page } = alice;
    await openMailboxInbox(page, INFO);
    await messageList(page).getByRole('option', { name: new RegExp(subject) }).first().click();

    const conversation = page.getByRole('region', { name: 'Conversation' });
    await expect(conversation).toBeVisible({ timeout: 30_000 });
    await expect(conversation.getByText('2 messages in this conversation')).toBeVisible();
    const headings = conversation.getByRole('heading', { level: 3 });
    await expect(headings).toHaveCount(2);
    // Oldest first: Anna's question, then the team's answer, which says it lives in Sent.
    await expect(headings.nth(0)).toContainText('Anna Jansen');
    await expect(headings.nth(0)).not.toContainText('In Sent');
    await expect(headings.nth(1)).toContainText('Bob on behalf of Info');
    await expect(headings.nth(1)).toContainText('In Sent');
    await expect(conversation.getByText('De verwarming in kamer 4 doet het niet meer.')).toBeVisible({ timeout: 20_000 });
    await expect(conversation.getByText('Morgen komt er iemand langs om de verwarming te maken.')).toBeVisible({ timeout: 20_000 });
    await screenshot(page, 'conversation-question-and-answer');

    // By keyboard: the question's heading button folds it to one line with its snippet, and opens it again.
    const question = headings.nth(0).getByRole('button');
    await question.focus();
    await page.keyboard.press('Enter');
    await expect(question).toHaveAttribute('aria-expanded', 'false');
    await expect(conversation.getByText('De verwarming in kamer 4 doet het niet meer.')).toBeVisible();
    await expect(conversation.getByText('Morgen komt er iemand langs om de verwarming te maken.')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(question).toHaveAttribute('aria-expanded', 'true');
    await screenshot(page, 'conversation-keyboard');
  } finally {
    await alice.close();
  }
});

test('archiving a conversation in the conversation view archives its messages in info@’s Inbox and leaves the Sent copy', async ({ browser, stack }) => {
  const { subject, questionId, stamp } = await questionAndAnswer(stack);
  const { deliver } = await import('../mailstack/mailstack.mjs');
  // Anna writes again in the same conversation; an unrelated customer writes too.
  await deliver(stack, {
    from: 'anna@klant.example',
    to: INFO,
    raw: [
      `From: Anna Jansen <anna@klant.example>`,
      `To: ${INFO}`,
      `Subject: Re: ${subject}`,
      `Date: ${new Date(stamp - 5 * 60_000).toUTCString()}`,
      `Message-ID: <nogmaals.${stamp}@klant.example>`,
      `In-Reply-To: <antwoord.${stamp}@example.test>`,
      `References: ${questionId} <antwoord.${stamp}@example.test>`,
      '',
      'Dank u, ik ben morgen de hele dag thuis.',
      '',
    ].join('\r\n'),
  });
  const other = `Andere vraag ${stamp}`;
  await deliver(stack, {
    from: 'piet@elders.example',
    to: INFO,
    raw: [`From: Piet <piet@elders.example>`, `To: ${INFO}`, `Subject: ${other}`, `Date: ${new Date(stamp - 2 * 60_000).toUTCString()}`, '', 'Iets anders.', ''].join('\r\n'),
  });

  const alice = await atDesk(browser, stack, 'alice');
  try {
    const { page } = alice;
    await openMailboxInbox(page, INFO);
    const switchButton = page.getByRole('switch', { name: 'Conversations' });
    await switchButton.click();
    await expect(switchButton).toHaveAttribute('aria-checked', 'true');
    // One row for Anna's conversation (her two messages here and the answer in Sent), its newest message shown.
    const thread = messageList(page).getByRole('option', { name: new RegExp(`Re: ${subject}`) });
    await expect(thread).toHaveAccessibleDescription(/3 messages in this conversation/, { timeout: 30_000 });
    await expect(messageList(page).getByRole('option', { name: new RegExp(subject) })).toHaveCount(1);
    await thread.click();
    await page.keyboard.press(commandKey('archive'));
    await expect(thread).toHaveCount(0);
    await expect(messageList(page).getByRole('option', { name: new RegExp(other) })).toBeVisible();
    await screenshot(page, 'conversation-archived');

    // On the server (a separate IMAP session): both of Anna's mails in info@'s Archive, the answer still in Sent.
    const mine = (subjects: string[]) => subjects.filter((s) => s.includes(subject) || s === other).sort();
    await expect.poll(async () => mine(await subjectsIn(stack, 'bob', `shared/${INFO}/Archive`)), { timeout: 15_000 }).toEqual([`Re: ${subject}`, subject].sort());
    expect(mine(await subjectsIn(stack, 'bob', `shared/${INFO}/INBOX`))).toEqual([other]);
    expect(mine(await subjectsIn(stack, 'bob', `shared/${INFO}/Sent`))).toEqual([`Re: ${subject}`]);
  } finally {
    await alice.close();
  }
});
