/**
 * Drafts main holds on this device that no composer has open (issue #4 §1: nothing a person
 * writes is lost, also not after a crash): offered once at start to reopen or discard.
 */
import { useEffect, useState } from 'react';
import type { OutgoingMessage } from '../../../shared/model/compose';
import { api } from '../../api';
import { describeError, toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { reopen } from './composeLater';

export function UnsentDrafts() {
  const { t } = useI18n();
  const openId = useStore((state) => state.composer?.message.id ?? null);
  const pushToast = useStore((state) => state.pushToast);
  const [drafts, setDrafts] = useState<OutgoingMessage[]>([]);

  useEffect(() => {
    let cancelled = false;
    void api.call('drafts.local', {}).then((result) => {
      if (!cancelled && result.ok) setDrafts(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const shown = drafts.filter((draft) => draft.id !== openId);
  if (shown.length === 0) return null;
  const forget = (id: string) => setDrafts((list) => list.filter((d) => d.id !== id));

  async function discard(draft: OutgoingMessage) {
    const result = await api.call('drafts.discard', { id: draft.id }).catch((error: unknown) => ({ ok: false as const, error: toApiError(error) }));
    if (result.ok) forget(draft.id);
    else pushToast('error', t('compose.discardFailed', { error: describeError(t, result.error) }));
  }

  return (
    <section className="unsent-drafts" aria-labelledby="unsent-drafts-title">
      <h2 id="unsent-drafts-title" className="unsent-drafts__title">
        {t('compose.unsent.title')}
      </h2>
      <ul className="unsent-drafts__list">
        {shown.map((draft) => {
          const subject = draft.subject.trim() || t('messages.noSubject');
          return (
            <li key={draft.id} className="unsent-drafts__item">
              <span className="unsent-drafts__subject">{subject}</span>
              <button
                type="button"
                className="button button--small"
                aria-label={t('compose.unsent.openNamed', { subject })}
                onClick={() => {
                  forget(draft.id);
                  void reopen(draft);
                }}
              >
                {t('compose.unsent.open')}
              </button>
              <button
                type="button"
                className="button button--small button--ghost"
                aria-label={t('compose.unsent.discardNamed', { subject })}
                onClick={() => void discard(draft)}
              >
                {t('compose.unsent.discard')}
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button button--small button--ghost" onClick={() => setDrafts([])}>
        {t('compose.unsent.later')}
      </button>
    </section>
  );
}
