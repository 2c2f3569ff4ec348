/**
 * Issue #10 §7 "never twice": a reply that was sent came back as an "unsent draft" (banner →
 * Open → the full reply, ready to send again), once in a series of three quick sends. The race:
 * Send waits for an autosave still on its way (a slow IMAP APPEND), and meanwhile the next
 * autosave's timer fires — that save then lands after the send. Here the IMAP link is paused
 * (fault proxy) while the second reply is saved and sent, and the page's clock runs past the
 * autosave delay (Playwright's clock, no sleeping). All three replies reach the recipient
 * exactly once, and after a reload nothing of them is offered as a draft: no banner, no local
 * draft in the profile, no copy in Drafts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFaultProxy } from '../../support/faultProxy.mjs';
import { expect, screenshot, test } from '../support/fixtures';
import { atDesk } from '../support/desk';
import { composer, openMessage, typeAtTop, withSubject } from '../support/compose';
import { messageList, openMailboxInbox } from '../support/session';

const ALICE = 'alice@example.test';
/** Seeded at the top of alice's INBOX from senders outside example.test: the replies land in catchall. */
const ORIGINALS = ['Lunch vrijdag?', 'Kun je even bellen?', 'Quick question about the API'];
/** The default "Undo send" window is 5 s; delivery through Postfix and LMTP adds a little. */
const DELIVERY = { timeout: 30_000 };
/** Past the composer's autosave delay (useComposer.autosaveDelayMs, 3 s). */
const PAST_AUTOSAVE_MS = 3_500;

/** Local drafts in the profile that still hold `text` (sent markers hold no message). */
function localDraftsWith(profile: string, text: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(profile, 'drafts'));
  } catch {
    return [];
  }
  return names.filter((name) => readFileSync(join(profile, 'drafts', name), 'utf8').includes(text));
}

test('three quick replies are each delivered once and none comes back as an unsent draft', async ({ browser, stack }) => {
  const proxy = await startFaultProxy({ targetPort: stack.ports.imaps });
  const alice = await atDesk(browser, stack, 'alice', { imapPort: proxy.port });
  const { page } = alice;
  const stamp = Date.now();
  const line = (n: number) => `Antwoord ${n} van ${stamp}.`;
  try {
    await page.clock.install();
    await page.reload();
    await openMailboxInbox(page, ALICE);
    for (const [index, original] of ORIGINALS.entries()) {
      await openMessage(page, original);
      await page.getByRole('button', { name: 'Reply', exact: true }).click();
      const reply = composer(page, 'Reply');
      await typeAtTop(page, reply, line(index + 1));
      if (index === 1) {
        // The autosave starts and hangs on the paused IMAP link; she writes on and presses Send
        // (which waits for that save); the next autosave's time comes while Send waits.
        proxy.pause();
        await page.clock.runFor(PAST_AUTOSAVE_MS);
        await expect(reply.getByRole('status')).toHaveText('Saving the draft…');
        await page.keyboard.type('Tot zondag!');
        await reply.getByRole('button', { name: 'Send', exact: true }).click();
        await page.clock.runFor(PAST_AUTOSAVE_MS);
        proxy.resume();
      } else {
        await reply.getByRole('button', { name: 'Send', exact: true }).click();
      }
      await expect(reply).toHaveCount(0);
    }

    for (const [index, original] of ORIGINALS.entries()) {
      await expect.poll(async () => (await withSubject(stack, 'catchall', 'INBOX', `Re: ${original}`)).length, DELIVERY).toBe(1);
      const [delivered] = await withSubject(stack, 'catchall', 'INBOX', `Re: ${original}`);
      expect(delivered!.text).toContain(line(index + 1));
    }
    for (const original of ORIGINALS) expect(await withSubject(stack, 'alice', 'Drafts', `Re: ${original}`)).toEqual([]);
    for (const n of [1, 2, 3]) expect(localDraftsWith(alice.profile, line(n))).toEqual([]);

    await page.reload();
    await openMailboxInbox(page, ALICE);
    await expect(messageList(page).getByText(ORIGINALS[0]!, { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Unsent drafts' })).toHaveCount(0);
    await screenshot(page, 'after-three-quick-replies');
    // Still exactly once each, after the sent items' Sent copies and flags were done.
    for (const original of ORIGINALS) expect(await withSubject(stack, 'catchall', 'INBOX', `Re: ${original}`)).toHaveLength(1);
  } finally {
    await alice.close();
    await proxy.close();
  }
});
