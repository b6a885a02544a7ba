import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons, right-aligned under the content. */
  footer: ReactNode;
  /** A form dialog submits with Enter; the handler receives no event. */
  onSubmit?: () => void;
  /** An extra class, e.g. for a backdrop that hides what is behind (the lock screen). */
  className?: string;
  /** What the dialog is for, in a sentence under its title (announced with it). */
  purpose?: string | undefined;
}

/**
 * A modal on the native <dialog>: the browser traps focus and closes it with Escape, which a
 * hand-made overlay gets wrong for keyboard-only officers.
 */
export function Dialog({ title, onClose, children, footer, onSubmit, className, purpose }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const purposeId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-label={title}
      aria-describedby={purpose ? purposeId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit?.();
        }}
      >
        <h2 className="dialog-title">{title}</h2>
        {purpose ? (
          <p className="dialog-purpose" id={purposeId}>
            {purpose}
          </p>
        ) : null}
        <div className="dialog-body">{children}</div>
        <div className="dialog-footer">{footer}</div>
      </form>
    </dialog>
  );
}
