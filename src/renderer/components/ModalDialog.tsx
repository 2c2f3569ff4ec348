/**
 * A modal on the native <dialog> (forms, questions, ConfirmDialog): focus moves in and stays,
 * Escape cancels (unless busy), focus returns to where it was when it closes.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  title: string;
  className?: string;
  /** Escape / close: ignored while `busy`. */
  onCancel(): void;
  busy?: boolean;
  role?: 'dialog' | 'alertdialog';
  /** id of the text an alertdialog is read out with (WAI-ARIA aria-describedby). */
  describedBy?: string;
  children: ReactNode;
}

export function ModalDialog({ title, className, onCancel, busy, role, describedBy, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => opener?.focus?.();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
