/**
 * Issue #12 §4 "Done means": the conversation view shows the customer's message and bob's reply
 * from info@'s Sent in one thread, in order. A customer writes to info@ (delivered over SMTP by
 * the stack's Postfix); bob's answer is the team's Sent copy, APPENDed into info@'s Sent by a
 * separate IMAP session with In-Reply-To and References as a mail client writes them (RFC 5322
 * §3.6.4). Alice opens the customer's mail in info@'s Inbox and reads both, oldest first.
 */
import { expect, screenshot, test, imapAs } from './support/fixtures';
import { atDesk } from './support/desk';
import { messageList, openMailboxInbox } from './support/session';

const INFO = 'info@example.test';

test('alice reads the customer’s mail and bob’s answer from info@’s Sent as one conversation, in order', async ({ browser, stack }) => {
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
