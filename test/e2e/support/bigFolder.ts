/**
 * Big folders for the list tests of issue #11 ("Done means"): the server's own order of a
 * folder, read over a separate IMAP session (not through the app), and what the message list
 * shows in its viewport, read the way assistive technology does (role=option, its name and
 * aria-posinset/aria-setsize).
 */
import type { Locator } from '@playwright/test';
import type { ImapFlow } from 'imapflow';
import { imapAs, type MailStack } from './fixtures';
import type { User } from '../../integration/services/mailStack';

export interface ServerMessage {
  /** The mailbox address the message belongs to (as a unified row names it). */
  mailbox: string;
  uid: number;
  /** The Date header (ms), else INTERNALDATE — what the list sorts by. */
  date: number;
  /** The row's accessible name, "sender, subject" (messages.rowName). */
  name: string;
  seen: boolean;
}

/** The list's order: newest first, then the higher UID first (issue #11). */
export function byListOrder(a: ServerMessage, b: ServerMessage): number {
  return b.date - a.date || b.uid - a.uid || (a.mailbox < b.mailbox ? -1 : a.mailbox > b.mailbox ? 1 : 0);
}

/** Every message of one IMAP folder as the server holds it (FETCH 1:* UID FLAGS ENVELOPE INTERNALDATE). */
export function serverMessages(stack: MailStack, user: User, path: string, mailbox: string): Promise<ServerMessage[]> {
  return imapAs(stack, user, async (client: ImapFlow) => {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const out: ServerMessage[] = [];
      if (!client.mailbox || client.mailbox.exists === 0) return out;
      for await (const msg of client.fetch('1:*', { uid: true, flags: true, envelope: true, internalDate: true })) {
        const from = msg.envelope?.from?.[0];
        const sender = from ? from.name?.trim() || from.address || '' : '';
        const subject = msg.envelope?.subject?.trim() || '(no subject)';
        const internal = msg.internalDate ? new Date(msg.internalDate).getTime() : 0;
        out.push({
          mailbox,
          uid: msg.uid,
          date: msg.envelope?.date ? new Date(msg.envelope.date).getTime() : internal,
          name: `${sender || '(unknown sender)'}, ${subject}`,
          seen: msg.flags?.has('\\Seen') ?? false,
        });
      }
      return out;
    } finally {
      lock.release();
    }
  });
}

/** True when the dates do not simply rise with the UID: sorting, not arrival order, decides the list. */
export function datesShuffledAgainstUids(messages: readonly ServerMessage[]): boolean {
  const byUid = [...messages].sort((a, b) => a.uid - b.uid);
  let descents = 0;
  for (let i = 1; i < byUid.length; i++) if ((byUid[i] as ServerMessage).date < (byUid[i - 1] as ServerMessage).date) descents++;
  return descents > byUid.length / 4;
}

export interface ShownRow {
  /** aria-posinset: 1-based position in the whole list. */
  position: number;
  setSize: number;
  name: string;
  /** The row's description (unread/flag marks, "In <mailbox>" in a unified view, date). */
  description: string;
}

/** The options inside the listbox's viewport, top to bottom. */
export function shownRows(list: Locator): Promise<ShownRow[]> {
  return list.evaluate((scroller) => {
    const view = scroller.getBoundingClientRect();
    const text = (ids: string | null) =>
      (ids ?? '')
        .split(/\s+/)
        .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
        .join(' ')
        .trim();
    return [...scroller.querySelectorAll('[role="option"]')]
      .map((option) => ({ option, box: option.getBoundingClientRect() }))
      // Fully inside the viewport: what a person actually sees, not the overscan.
      .filter(({ box }) => box.height > 0 && box.top >= view.top - 1 && box.bottom <= view.bottom + 1)
      .sort((a, b) => a.box.top - b.box.top)
      .map(({ option }) => ({
        position: Number(option.getAttribute('aria-posinset')),
        setSize: Number(option.getAttribute('aria-setsize')),
        name: option.getAttribute('aria-label') ?? text(option.getAttribute('aria-labelledby')) ?? option.textContent ?? '',
        description: text(option.getAttribute('aria-describedby')),
      }));
  });
}

/**
 * Why the shown rows are not the expected messages at their positions, or null when they are.
 * Rows must be consecutive positions, top to bottom, at least `minRows` of them, and each the
 * message the server's order puts there. Messages of different mailboxes with the same date
 * (a unified view) may come in either order among themselves; nothing else may differ.
 * `mailboxOf` reads the mailbox from a row (unified view), else every row is `expected`'s one.
 */
export function mismatch(
  shown: readonly ShownRow[],
  expected: readonly ServerMessage[],
  options: { minRows: number; mustShow?: number; mailboxOf?: (row: ShownRow) => string | null },
): string | null {
  if (shown.length < options.minRows) return `only ${shown.length} rows shown: ${JSON.stringify(shown)}`;
  const problems: string[] = [];
  if (options.mustShow !== undefined && !shown.some((row) => row.position === options.mustShow)) {
    problems.push(`position ${options.mustShow} is not in view (shown: ${shown.map((row) => row.position).join(', ')})`);
  }
  const keys = shown.map((row) => `${options.mailboxOf?.(row) ?? ''}\u0000${row.name}`);
  if (new Set(keys).size !== keys.length) problems.push(`a message is shown twice: ${JSON.stringify(shown)}`);
  shown.forEach((row, i) => {
    const first = shown[0] as ShownRow;
    if (row.position !== first.position + i) problems.push(`row ${i} has position ${row.position}, after ${first.position + i - 1}`);
    if (row.setSize !== expected.length) problems.push(`row ${i} says it is one of ${row.setSize}, the server has ${expected.length}`);
    const want = expected[row.position - 1];
    if (!want) return problems.push(`position ${row.position} is past the end (${expected.length})`);
    const mailbox = options.mailboxOf ? options.mailboxOf(row) : want.mailbox;
    if (row.name === want.name && mailbox === want.mailbox) return;
    // A tie on the date between mailboxes: any message of that date (and of another mailbox) is right.
    const tied = expected.filter((m) => m.date === want.date && m.name === row.name && m.mailbox === mailbox && m.mailbox !== want.mailbox);
    if (tied.length > 0) return;
    problems.push(
      `position ${row.position}: shown "${row.name}" (${mailbox ?? '?'}), expected "${want.name}" (${want.mailbox}, uid ${want.uid}, ${new Date(want.date).toISOString()})`,
    );
  });
  return problems.length ? problems.join('\n') : null;
}

/** The mailbox a unified row names in its description ("In info@example.test, …"). */
export function mailboxInDescription(row: ShownRow): string | null {
  return /(?:^|, )In ([^\s,]+@[^\s,]+)/.exec(row.description)?.[1] ?? null;
}

/** Scrolls the listbox so that row `index` (0-based) is in the middle of its viewport, as dragging the scrollbar would. */
export async function scrollToRow(list: Locator, index: number, count: number): Promise<void> {
  await list.evaluate(
    (scroller, [at, total]) => {
      const target = (at / total) * scroller.scrollHeight - scroller.clientHeight / 2;
      scroller.scrollTop = Math.max(0, target);
    },
    [index, count] as const,
  );
}
