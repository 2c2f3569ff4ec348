/** A modal confirmation: a question, Cancel (focused first) and the confirming button. */
import { useId, type ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';
import { Spinner } from './Spinner';
interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busyLabel: string;
  busy: boolean;
  danger?: boolean;
  /** An alertdialog (WAI-ARIA): a question that interrupts, its text read out with the title. */
  alert?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, children, confirmLabel, cancelLabel, busyLabel, busy, danger, alert, onConfirm, onCancel } = props;
  const bodyId = useId();
  return (
    <ModalDialog title={title} onCancel={onCancel} busy={busy} role={alert ? 'alertdialog' : 'dialog'} describedBy={alert ? bodyId : undefined}>
      <div id={bodyId} className="dialog__body">
        {children}
      </div>
      <p className="dialog__progress" role="status">
        {busy && (
          <>
            <Spinner /> {busyLabel}
          </>
        )}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" disabled={busy} onClick={onCancel} autoFocus>
          {cancelLabel}
        </button>
        <button type="button" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
