/** The composer's attachments: name and size, removable, and the "Attach files" picker. */
import { useRef } from 'react';
import type { OutgoingAttachment } from '../../../shared/model/compose';
import { revealBidiControls } from '../../../shared/text/bidi';
import { Isolated } from '../../components/Isolated';
import { useI18n } from '../../i18n/useI18n';

interface ComposerAttachmentsProps {
  attachments: OutgoingAttachment[];
  onAdd(files: File[]): void;
  onRemove(id: string): void;
}

export function ComposerAttachments({ attachments, onAdd, onRemove }: ComposerAttachmentsProps) {
  const { t, fmt } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="compose-attachments">
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) onAdd(files);
        }}
      />
      <button type="button" className="button button--small" onClick={() => input.current?.click()}>
        <svg className="icon icon--small" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10h-1.5Z" />
        </svg>
        {t('compose.attach')}
      </button>
      {attachments.length > 0 && (
        <ul className="compose-attachments__list" aria-label={t('compose.attachments')}>
          {attachments.map((attachment) => (
            <li key={attachment.id} className="compose-attachments__item">
              {/* Issue #10 §3: a forwarded file's direction controls shown, not obeyed. */}
              <Isolated className="compose-attachments__name" text={revealBidiControls(attachment.filename).text} />
              <span className="compose-attachments__size">{fmt.size(attachment.size)}</span>
              <button
                type="button"
                className="toast__close"
                aria-label={t('compose.removeAttachment', { filename: attachment.filename })}
                onClick={() => onRemove(attachment.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
