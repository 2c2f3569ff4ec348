/**
 * Shows new-mail notifications with the web Notification API (Electron's renderer and the
 * browser host alike), named by mailbox: "info@example.test — New message from Anna Jansen".
 * Permission is only ever asked for by a button in Settings, never on load. Clicking one
 * focuses the window and opens the message. Names and subjects are a stranger's text: each goes
 * in as a bidi isolate (FSI … PDI, issue #10 §3), so an override cannot reorder the rest.
 */
import type { SyncBatch } from '../../shared/api';
import { isolate } from '../../shared/text/bidi';
import { syncBatchTables } from '../db/applySyncBatch';
import type { PostvakDb } from '../db/schema';
import { ownMailboxFor } from '../features/mail/folderTree';
import type { Translate } from '../i18n/types';
import { currentI18n } from '../i18n/useI18n';
import { useStore } from '../store';
import { notifiesFor } from '../store/preferencesSlice';
import { detectNewMail, type NewMail, type NewMailContext } from './newMail';

/** More new messages than this in one batch for one mailbox become one summary notification. */
const maxSingleNotifications = 3;

export function notificationsSupported(): boolean {
  return typeof Notification !== 'undefined';
}

/** Reads, before a batch is written, what the detection needs to know about the state before it. */
export async function readNewMailContext(db: PostvakDb, batch: SyncBatch): Promise<NewMailContext | null> {
  if (batch.kind !== 'messages' || batch.reset || batch.upserts.length === 0) return null;
  const [folder, previousCursor] = await Promise.all([
    db.folders.get([batch.accountId, batch.folderPath]),
    db.cursors.get([batch.accountId, batch.folderPath]),
  ]);
  const account = useStore.getState().accounts?.find((candidate) => candidate.id === batch.accountId);
  const mailbox = folder
    ? ((await db.mailboxes.get(folder.mailboxId)) ?? (account ? ownMailboxFor(account) : undefined))
    : undefined;
  return {
    folder,
    mailbox,
    previousCursor,
    notifyEnabled: (mailboxId) => notifiesFor(useStore.getState().mailboxNotify, mailboxId),
  };
}

function open(mail: NewMail): void {
  window.focus();
  const store = useStore.getState();
  store.showScreen({ name: 'mail' });
  store.selectFolder(mail.key[0], mail.key[1]);
  store.selectMessage(mail.key);
}

/** Title and body of one message's notification (or of a mailbox's summary, when `count` is set). */
export function newMailText(mail: NewMail, t: Translate, count?: number): { title: string; body: string } {
  const mailbox = isolate(mail.mailboxAddress);
  const title =
    count !== undefined
      ? t('notify.titleMany', { mailbox, count })
      : t('notify.title', { mailbox, sender: mail.sender ? isolate(mail.sender) : t('messages.unknownSender') });
  return { title, body: mail.subject ? isolate(mail.subject) : t('messages.noSubject') };
}

export function showNewMail(mails: readonly NewMail[]): void {
  if (!notificationsSupported() || Notification.permission !== 'granted' || mails.length === 0) return;
  const { t } = currentI18n();
  const byMailbox = new Map<string, NewMail[]>();
  for (const mail of mails) byMailbox.set(mail.mailboxId, [...(byMailbox.get(mail.mailboxId) ?? []), mail]);
  for (const list of byMailbox.values()) {
    const shown = list.length > maxSingleNotifications ? [list[list.length - 1] as NewMail] : list;
    for (const mail of shown) {
      const { title, body } = newMailText(mail, t, list.length > maxSingleNotifications ? list.length : undefined);
      const notification = new Notification(title, {
        body,
        // One notification per message: a resent batch replaces it instead of stacking a copy.
        tag: `postvak:${mail.key.join(':')}`,
      });
      notification.onclick = () => {
        open(mail);
        notification.close();
      };
    }
  }
}

/**
 * Wraps the cache's batch writer: detect against the state before, notify after success. The
 * reads and the write share one transaction (the writer's joins it, Dexie nests them): new mail
 * waits for one IndexedDB round trip less on its way to the screen, and nothing can change in
 * between.
 */
export function withNewMailNotifications(
  db: PostvakDb,
  apply: (batch: SyncBatch) => Promise<void>,
): (batch: SyncBatch) => Promise<void> {
  return async (batch) => {
    if (batch.kind !== 'messages' || batch.reset || batch.upserts.length === 0) {
      await apply(batch);
      return;
    }
    const context = await db.transaction('rw', syncBatchTables(db), async () => {
      const before = await readNewMailContext(db, batch);
      await apply(batch);
      return before;
    });
    if (context) showNewMail(detectNewMail(batch, context));
  };
}
