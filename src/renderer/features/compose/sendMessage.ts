/**
 * Sending from the composer (issue #4 §6): the message is queued as a `send` task that waits
 * in main's durable outbox for the undo window, the From choice is remembered for the
 * situation (issue #4 §3), and a notice offers "Undo" while the window lasts.
 */
import { rememberFrom, type FromChoice, type FromSituation } from '../../../shared/compose';
import type { ApiError } from '../../../shared/api';
import type { DraftSaveResult, OutgoingMessage } from '../../../shared/model/compose';
import { api } from '../../api';
import { db } from '../../db/db';
import { loadFromMemory, storeFromMemory } from '../../db/queries/fromMemory';
import { describeError, toApiError } from '../../i18n/errors';
import { currentI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { reopen } from './openComposer';

export type DraftStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; fellBackToOwn: boolean }
  | { kind: 'local'; error: ApiError }
  | { kind: 'failed'; error: ApiError };

/** Saves a draft; the status says where it is now (always on this device once main answered). */
export async function saveDraft(message: OutgoingMessage): Promise<{ status: DraftStatus; server: DraftSaveResult['server'] }> {
  const result = await api.call('drafts.save', { message }).catch((error: unknown) => ({ ok: false as const, error: toApiError(error) }));
  if (!result.ok) return { status: { kind: 'failed', error: result.error }, server: null };
  const { server, error, fellBackToOwn } = result.value;
  if (!server) return { status: { kind: 'local', error: error ?? { code: 'unknown', message: '' } }, server: null };
  return { status: { kind: 'saved', fellBackToOwn }, server };
}

/**
 * Whether sending from `chosenId` still needs the "Send anyway?" question: not when the person's
 * memory already holds that choice for the situation (`remembered` is chooseFrom with the memory).
 */
export function needsSharedQuestion(warning: unknown, remembered: FromChoice | null, chosenId: string): boolean {
  if (!warning) return false;
  const fromMemory = remembered?.reason === 'rememberedConversation' || remembered?.reason === 'rememberedMailbox';
  return !(fromMemory && remembered?.identityId === chosenId);
}

async function remember(situation: FromSituation, choice: FromChoice | null, chosenId: string): Promise<void> {
  const before = await loadFromMemory(db);
  const after = rememberFrom(before, situation, choice?.identityId ?? chosenId, chosenId, choice?.ruleIdentityId);
  await storeFromMemory(db, before, after);
}

/** Takes a waiting message back out of the outbox and reopens it in the composer. */
export async function undoSend(id: string, previous?: { situation: FromSituation; choice: FromChoice | null }): Promise<boolean> {
  const { t } = currentI18n();
  const result = await api.call('outbox.cancel', { id }).catch((error: unknown) => ({ ok: false as const, error: toApiError(error) }));
  if (!result.ok) {
    const words = result.error.code === 'alreadySending' ? t('compose.undoTooLate') : describeError(t, result.error);
    useStore.getState().pushToast('error', t('compose.undoFailed', { error: words }));
    return false;
  }
  await reopen(result.value, previous);
  return true;
}

/** Queues the message; null when main took it, else the error (the composer stays open). */
export async function sendMessage(message: OutgoingMessage, situation: FromSituation, choice: FromChoice | null): Promise<ApiError | null> {
  const delaySeconds = useStore.getState().undoSendSeconds;
  const result = await api
    .call('tasks.queue', { task: { type: 'send', message, delaySeconds } })
    .catch((error: unknown) => ({ ok: false as const, error: toApiError(error) }));
  if (!result.ok) return result.error;
  await remember(situation, choice, message.identityId).catch(() => undefined);
  const { t } = currentI18n();
  const store = useStore.getState();
  if (delaySeconds === 0) {
    store.pushToast('info', t('compose.sendingNow'));
  } else {
    store.pushToast('info', t('compose.sendingIn', { seconds: delaySeconds }), {
      durationMs: delaySeconds * 1000,
      action: { label: t('compose.undo'), run: () => void undoSend(message.id, { situation, choice }) },
    });
  }
  return null;
}
