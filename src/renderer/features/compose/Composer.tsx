/**
 * The composer (issue #4 §1): From, To/Cc/Bcc with completion, subject, a rich or plain body,
 * attachments by picker or drag-and-drop; autosaved as a draft; sent through the outbox.
 * A region named by what it writes ("New message", "Reply", "Forward").
 */
import { useState, type DragEvent } from 'react';
import { formatAddress } from '../../../shared/compose';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { describeError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import type { ComposerSession } from '../../store/composeSlice';
import { AddressInput } from './AddressInput';
import { ComposerAttachments } from './ComposerAttachments';
import { RichEditor } from './RichEditor';
import { useComposer, type ComposerState } from './useComposer';

const titleKey = {
  new: 'compose.title.new',
  reply: 'compose.title.reply',
  replyAll: 'compose.title.reply',
  forward: 'compose.title.forward',
  forwardAsAttachment: 'compose.title.forward',
} as const;

function StatusLine({ composer }: { composer: ComposerState }) {
  const { t } = useI18n();
  const { status } = composer;
  const words =
    status.kind === 'saving'
      ? t('compose.saving')
      : status.kind === 'saved'
        ? t(status.fellBackToOwn ? 'compose.savedOwn' : 'compose.saved')
        : status.kind === 'local'
          ? t('compose.savedLocally', { error: describeError(t, status.error) })
          : status.kind === 'failed'
            ? t('compose.saveFailed', { error: describeError(t, status.error) })
            : '';
  return (
    <p className={`composer__status${status.kind === 'failed' ? ' is-error' : ''}`} role="status" aria-live="polite">
      {words}
    </p>
  );
}

export function Composer({ session, onClosed, standalone }: { session: ComposerSession; onClosed(): void; standalone?: boolean }) {
  const { t } = useI18n();
  const composer = useComposer(session, onClosed);
  const [dragging, setDragging] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const title = t(titleKey[session.situation.intent]);
  const carriesFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');

  return (
    <section
      className={`composer${dragging ? ' is-dropping' : ''}`}
      aria-label={title}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        composer.addFiles([...event.dataTransfer.files]);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          composer.send();
        }
      }}
    >
      <header className="composer__head">
        <h2 className="composer__title">{title}</h2>
        {!standalone && (
          <button type="button" className="button button--small button--ghost" onClick={composer.openInWindow}>
            {t('compose.openInWindow')}
          </button>
        )}
        <button type="button" className="button button--small button--ghost" onClick={composer.close}>
          {t('compose.close')}
        </button>
      </header>
      <div className="composer__fields">
        <div className="compose-field">
          <label className="compose-field__label" htmlFor="compose-from">
            {t('compose.from')}
          </label>
          <select
            id="compose-from"
            className="compose-field__input"
            value={composer.identity ? composer.identityId : ''}
            onChange={(event) => composer.setIdentity(event.target.value)}
          >
            {!composer.identity && <option value="">{t('compose.chooseFrom')}</option>}
            {composer.sendable.map((identity) => (
              <option key={identity.id} value={identity.id}>
                {formatAddress({ name: identity.displayName, address: identity.address })}
              </option>
            ))}
          </select>
        </div>
        <div className="composer__to">
          <AddressInput
            label={t('compose.to')}
            value={composer.texts.to}
            error={composer.errorFor('to')}
            onChange={(value) => composer.setText('to', value)}
            onBlur={() => composer.touch('to')}
          />
          {!composer.showCopies && (
            <button type="button" className="button button--small button--ghost" onClick={composer.revealCopies}>
              {t('compose.showCopies')}
            </button>
          )}
        </div>
        {composer.showCopies &&
          (['cc', 'bcc'] as const).map((name) => (
            <AddressInput
              key={name}
              label={t(`compose.${name}`)}
              value={composer.texts[name]}
              error={composer.errorFor(name)}
              onChange={(value) => composer.setText(name, value)}
              onBlur={() => composer.touch(name)}
            />
          ))}
        <div className="compose-field">
          <label className="compose-field__label" htmlFor="compose-subject">
            {t('compose.subject')}
          </label>
          <input
            id="compose-subject"
            className="compose-field__input"
            type="text"
            value={composer.subject}
            onChange={(event) => composer.setSubject(event.target.value)}
          />
        </div>
      </div>
      <div className="composer__body">
        {composer.mode === 'rich' ? (
          <RichEditor editorRef={composer.editorRef} initialHtml={composer.richSeed} label={t('compose.message')} onInput={composer.bodyChanged} />
        ) : (
          <textarea
            className="compose-editor__plain"
            aria-label={t('compose.message')}
            value={composer.plainText}
            onChange={(event) => composer.setPlainText(event.target.value)}
          />
        )}
        <button type="button" className="button button--small button--ghost composer__mode" aria-pressed={composer.mode === 'plain'} onClick={composer.switchMode}>
          {t('compose.plainText')}
        </button>
      </div>
      <ComposerAttachments attachments={composer.attachments} onAdd={composer.addFiles} onRemove={composer.removeAttachment} />
      {dragging && <p className="composer__drop">{t('compose.dropFiles')}</p>}
      <footer className="composer__foot">
        <button type="button" className="button button--primary" disabled={composer.busy} onClick={composer.send}>
          {t('compose.send')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setConfirmDiscard(true)}>
          {t('compose.discard')}
        </button>
        <StatusLine composer={composer} />
      </footer>
      {composer.question && (
        <ConfirmDialog
          alert
          title={t('compose.sharedTitle')}
          confirmLabel={t('compose.sendAnyway')}
          cancelLabel={t('compose.cancel')}
          busyLabel={t('compose.sending')}
          busy={false}
          onConfirm={composer.confirmSend}
          onCancel={composer.cancelQuestion}
        >
          <p>
            {t(session.situation.intent === 'new' ? 'compose.sharedQuestionNew' : 'compose.sharedQuestion', composer.question)}
          </p>
        </ConfirmDialog>
      )}
      {confirmDiscard && (
        <ConfirmDialog
          title={t('compose.discardTitle')}
          confirmLabel={t('compose.discardConfirm')}
          cancelLabel={t('compose.cancel')}
          busyLabel={t('compose.discarding')}
          busy={false}
          danger
          onConfirm={() => {
            setConfirmDiscard(false);
            composer.discard();
          }}
          onCancel={() => setConfirmDiscard(false)}
        >
          <p>{t('compose.discardText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
