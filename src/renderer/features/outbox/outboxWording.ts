/**
 * The outbox in words (issue #4 §4, §6): each message's state, and a refusal said plainly with
 * what to do — the server's own words are shown below it, never instead of it. Pure, so every
 * state and error code is tested without rendering.
 */
import type { OutboxItem } from '../../../shared/model/compose';
import type { Formatters } from '../../i18n/format';
import type { Translate } from '../../i18n/types';

/** Items the person still has to wait for or act on (a sent one is kept briefly only to show it went). */
export function pendingItems(items: readonly OutboxItem[]): OutboxItem[] {
  return items.filter((item) => item.state !== 'sent');
}

export function outboxStateText(item: OutboxItem, t: Translate, fmt: Formatters): string {
  switch (item.state) {
    case 'waiting':
    case 'queued':
      return t('outbox.state.waiting');
    case 'sending':
      return t('outbox.state.sending');
    case 'accepted':
      return t('outbox.state.accepted');
    case 'sent':
      return t('outbox.state.sent');
    case 'retrying':
      return item.nextAttemptAt !== null
        ? t('outbox.state.retrying', { time: fmt.listDate(item.nextAttemptAt) })
        : t('outbox.state.retryingSoon');
    case 'refused':
      return t('outbox.state.refused', { reason: item.error ? shortReason(item, t) : t('outbox.reason.unknown') });
  }
}

/** A few words for the state line; the full explanation is outboxErrorText. */
function shortReason(item: OutboxItem, t: Translate): string {
  return t(`outbox.reason.${item.error?.code ?? 'unknown'}`);
}

/**
 * The size limit in a server's SIZE refusal, when it says one (Postfix: "exceeds size limit
 * 10240000"; RFC 1870 §6 gives no format, so this only looks for a number after "limit").
 */
export function sizeLimitFrom(message: string): number | null {
  const match = /(?:limit|allowed|maximum|max)\D{0,20}(\d{4,})/i.exec(message);
  return match?.[1] ? Number(match[1]) : null;
}

/** The refusal or failure in the person's language with what to do; null when there is none. */
export function outboxErrorText(item: OutboxItem, t: Translate, fmt: Formatters): string | null {
  const error = item.error;
  if (!error) return null;
  const from = item.from.address;
  switch (error.code) {
    case 'senderRefused':
      return t('outbox.error.senderRefused', { from });
    case 'recipientRefused':
      return error.recipients && error.recipients.length > 0
        ? t('outbox.error.recipientRefused', { recipients: error.recipients.join(', ') })
        : t('outbox.error.recipientRefusedUnnamed');
    case 'messageTooLarge': {
      const limit = sizeLimitFrom(error.message);
      return limit !== null ? t('outbox.error.messageTooLargeLimit', { limit: fmt.size(limit) }) : t('outbox.error.messageTooLarge');
    }
    default:
      return t(`outbox.error.${error.code}`);
  }
}
