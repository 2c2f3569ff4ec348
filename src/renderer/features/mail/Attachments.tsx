/** The message's attachments, each with a Save button (fetched by main only when saved). */
import { useState } from 'react';
import type { AttachmentInfo } from '../../../shared/model';
import { api } from '../../api';
import { Spinner } from '../../components/Spinner';
import type { BodyRow, MessageKey } from '../../db/rows';
import { describeError, toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { AttachmentName, shownFileName } from './AttachmentName';

/**
 * The browser host answers a one-time address on itself that streams the part (issue #10 §1);
 * the browser downloads it under the attachment's name.
 */
function download(url: string, filename: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

/** Inline images shown in the HTML are part of the message, not attachments to save. */
export function listedAttachments(body: BodyRow): AttachmentInfo[] {
  const shownInline = new Set(body.html ? Object.keys(body.inlineImages) : []);
  return body.attachments.filter((a) => !(a.inline && a.contentId && shownInline.has(a.contentId)));
}

function AttachmentItem({ messageKey, attachment }: { messageKey: MessageKey; attachment: AttachmentInfo }) {
  const { t, fmt } = useI18n();
  const [saving, setSaving] = useState(false);
  const [accountId, folderPath, uid] = messageKey;
  const filename = attachment.filename || 'attachment';

  async function save() {
    setSaving(true);
    try {
      // Streamed by main to disk or as a download: never through here as data (issue #10 §1).
      const result = await api.call('message.saveAttachment', { accountId, folderPath, uid, partId: attachment.partId });
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      if (result.value.kind === 'download') download(result.value.url, filename);
    } catch (error) {
      const words = describeError(t, toApiError(error));
      useStore.getState().pushToast('error', t('reader.saveFailed', { filename, error: words }));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <AttachmentName filename={filename} />
      <span className="attachment__size">{fmt.size(attachment.size)}</span>
      <button
        type="button"
        className="button button--small"
        aria-label={t('reader.saveAttachment', { filename: shownFileName(filename) })}
        aria-busy={saving}
        disabled={saving}
        onClick={() => void save()}
      >
        {saving && <Spinner />}
        {saving ? t('reader.saving') : t('reader.save')}
      </button>
    </>
  );
}

export function Attachments({ messageKey, body }: { messageKey: MessageKey; body: BodyRow }) {
  const { t } = useI18n();
  const attachments = listedAttachments(body);
  if (attachments.length === 0) return null;
  return (
    <section className="attachments" aria-label={t('reader.attachments', { count: attachments.length })}>
      <h3 className="attachments__title">{t('reader.attachments', { count: attachments.length })}</h3>
      <ul className="attachments__list">
        {attachments.map((attachment) => (
          <li key={attachment.partId} className="attachments__item">
            <AttachmentItem messageKey={messageKey} attachment={attachment} />
          </li>
        ))}
      </ul>
    </section>
  );
}
