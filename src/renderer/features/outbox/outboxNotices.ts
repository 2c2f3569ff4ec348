/**
 * What the outbox says by itself when it changes (issue #4 §5, §6): a refusal that needs the
 * person, and a Sent copy that had to go to their own Sent folder — each once per message.
 */
import type { OutboxItem } from '../../../shared/model/compose';
import type { Translate } from '../../i18n/types';

export interface OutboxNotice {
  tone: 'info' | 'error';
  text: string;
}

const subjectOf = (item: OutboxItem, t: Translate) => item.subject.trim() || t('messages.noSubject');

/** Notices for `next`; `told` remembers what was said already (per message and kind) and is updated. */
export function outboxNotices(next: readonly OutboxItem[], told: Set<string>, t: Translate): OutboxNotice[] {
  const notices: OutboxNotice[] = [];
  for (const item of next) {
    const refusedKey = `refused:${item.id}:${item.attempts}`;
    if (item.state === 'refused' && !told.has(refusedKey)) {
      told.add(refusedKey);
      notices.push({ tone: 'error', text: t('outbox.notice.refused', { subject: subjectOf(item, t) }) });
    }
    const copyKey = `copy:${item.id}`;
    if (item.copyFellBackToOwn && !told.has(copyKey)) {
      told.add(copyKey);
      notices.push({ tone: 'info', text: t('outbox.notice.copyFellBack', { subject: subjectOf(item, t), from: item.from.address }) });
    }
  }
  return notices;
}
