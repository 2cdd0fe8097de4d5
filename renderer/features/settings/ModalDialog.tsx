import { useEffect, useId, useRef, type ReactNode } from 'react';
import './settings.css';

/**
 * A native modal dialog with a title and a Close button: Esc or Close shuts it and the rest of the
 * page is inert while it is open. Closing the dialog before telling the owner lets the browser put
 * focus back on the control that opened it.
 */
export function ModalDialog({
  title,
  open = true,
  onClose,
  className,
  children,
}: {
  title: string;
  open?: boolean;
  onClose(): void;
  className?: string;
  children: ReactNode;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  useEffect(() => {
    const dialog = dialogRef.current;
    return () => dialog?.close();
  }, []);

  const close = () => {
    dialogRef.current?.close();
    onClose();
  };
  return (
    <dialog
      ref={dialogRef}
      className={className ? `settings ${className}` : 'settings'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <div className="settings-head">
        <h2 id={titleId} className="settings-title">
          {title}
        </h2>
        <button type="button" className="button button-quiet button-small" onClick={close}>
          Close
        </button>
      </div>
      {children}
    </dialog>
  );
}
