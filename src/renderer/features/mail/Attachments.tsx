/** The message's attachments, each with a Save button (fetched through main on demand). */
import { useState } from 'react';
import type { AttachmentInfo } from '../../../shared/model';
import { api, platform } from '../../api';
import { Spinner } from '../../components/Spinner';
import type { BodyRow, MessageKey } from '../../db/rows';
import { describeError, toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { AttachmentName, shownFileName } from './AttachmentName';

function fromBase64(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
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
      const result = await api.call('message.attachment', { accountId, folderPath, uid, partId: attachment.partId });
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      const { dataBase64, contentType } = result.value;
      await platform.saveFile(filename, fromBase64(dataBase64), contentType || attachment.contentType);
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
