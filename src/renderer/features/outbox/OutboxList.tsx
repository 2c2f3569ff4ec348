/**
 * The Outbox (issue #4 §6): every message main has not finished sending, with its state in
 * words, a refusal explained (and the server's own words below it), and Retry, Edit and
 * Cancel sending. Edit and Cancel take the message out of the outbox first (`outbox.cancel`).
 */
import { useState } from 'react';
import type { OutboxItem } from '../../../shared/model/compose';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { describeError, toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { reopen } from '../compose/composeLater';
import { outboxErrorText, outboxStateText, pendingItems } from './outboxWording';

async function call<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>) {
  return promise.catch((error: unknown) => ({ ok: false as const, error: toApiError(error) }));
}

function OutboxEntry({ item, onCancel }: { item: OutboxItem; onCancel(item: OutboxItem): void }) {
  const { t, fmt } = useI18n();
  const pushToast = useStore((state) => state.pushToast);
  const [busy, setBusy] = useState(false);
  const subject = item.subject.trim() || t('messages.noSubject');
  const error = outboxErrorText(item, t, fmt);
  const canAct = item.state !== 'sending' && item.state !== 'accepted' && item.state !== 'sent';
  const canRetry = item.state === 'retrying' || item.state === 'refused' || item.state === 'queued';
  const fail = (e: { code: string }) => pushToast('error', t('outbox.actionFailed', { error: describeError(t, e) }));

  async function retry() {
    setBusy(true);
    const result = await call(api.call('outbox.retry', { id: item.id }));
    setBusy(false);
    if (!result.ok) fail(result.error);
  }
  async function edit() {
    setBusy(true);
    const result = await call(api.call('outbox.cancel', { id: item.id }));
    setBusy(false);
    if (!result.ok) return fail(result.error);
    await reopen(result.value);
  }

  return (
    <li className={`outbox-item outbox-item--${item.state}`} aria-labelledby={`outbox-${item.id}`}>
      <p id={`outbox-${item.id}`} className="outbox-item__subject">
        {subject}
      </p>
      <p className="outbox-item__meta">
        {t('outbox.to', { recipients: item.recipients.map((r) => r.address).join(', ') })}
        <br />
        {item.sender
          ? t('outbox.fromOnBehalf', { from: item.from.address, sender: item.sender.address })
          : t('outbox.from', { from: item.from.address })}
      </p>
      <p className="outbox-item__state">{outboxStateText(item, t, fmt)}</p>
      {error && (
        <div className="outbox-item__error">
          <p>{error}</p>
          {item.error?.message && <p className="outbox-item__server">{t('outbox.serverSaid', { words: item.error.message })}</p>}
        </div>
      )}
      {canAct && (
        <div className="outbox-item__actions">
          {canRetry && (
            <button type="button" className="button button--small" disabled={busy} onClick={() => void retry()}>
              {t('outbox.retry')}
            </button>
          )}
          <button type="button" className="button button--small" disabled={busy} onClick={() => void edit()}>
            {t('outbox.edit')}
          </button>
          <button type="button" className="button button--small button--danger-ghost" disabled={busy} onClick={() => onCancel(item)}>
            {t('outbox.cancel')}
          </button>
        </div>
      )}
    </li>
  );
}

export function OutboxList() {
  const { t } = useI18n();
  const items = useStore((state) => state.outbox);
  const pushToast = useStore((state) => state.pushToast);
  const [cancelling, setCancelling] = useState<OutboxItem | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = pendingItems(items);

  async function cancel(item: OutboxItem) {
    setBusy(true);
    const taken = await call(api.call('outbox.cancel', { id: item.id }));
    // Cancelled for good: the local and server drafts go too, so it is not offered again at start.
    const discarded = taken.ok ? await call(api.call('drafts.discard', { id: item.id })) : taken;
    setBusy(false);
    setCancelling(null);
    if (!discarded.ok) pushToast('error', t('outbox.actionFailed', { error: describeError(t, discarded.error) }));
    else pushToast('info', t('outbox.cancelled', { subject: item.subject.trim() || t('messages.noSubject') }));
  }

  return (
    <div className="outbox">
      <h2 className="outbox__title">{t('outbox.title')}</h2>
      {shown.length === 0 ? (
        <p className="pane__note">{t('outbox.empty')}</p>
      ) : (
        <ul className="outbox__list" aria-label={t('outbox.title')}>
          {shown.map((item) => (
            <OutboxEntry key={item.id} item={item} onCancel={setCancelling} />
          ))}
        </ul>
      )}
      {cancelling && (
        <ConfirmDialog
          title={t('outbox.cancelTitle')}
          confirmLabel={t('outbox.cancelConfirm')}
          cancelLabel={t('outbox.keep')}
          busyLabel={t('outbox.cancelling')}
          busy={busy}
          danger
          onConfirm={() => void cancel(cancelling)}
          onCancel={() => setCancelling(null)}
        >
          <p>{t('outbox.cancelText', { subject: cancelling.subject.trim() || t('messages.noSubject') })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
