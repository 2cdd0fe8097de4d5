import { useEffect, useId, useRef } from 'react';
import type { CatalogueItem } from '../../../shared/schemas/catalogue';
import { useCatalogueAction, useCatalogueStore } from '../../state';
import { InlineError } from '../../ui/States';

/**
 * Retiring is asked twice because advisors lose the item at once. It is not a deletion: requests
 * that used it keep it, and it stays listed under Retired. "Keep it" has focus, so Enter is safe.
 */
export function RetireDialog({ item, onClose }: { item: CatalogueItem; onClose(): void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const { busy, error } = useCatalogueAction('retire');
  const retire = useCatalogueStore((s) => s.retireItem);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    keepRef.current?.focus();
    return () => dialog?.close();
  }, []);

  const confirm = async () => {
    if (await retire(item.id)) onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      className="retire-dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={titleId} className="retire-title">
        Retire “{item.name}”?
      </h2>
      <p id={textId}>
        Advisors will no longer be offered it at any site. Requests that already used it keep it, and it stays listed under
        Retired.
      </p>
      {error ? <InlineError error={error} lead="Not retired" /> : null}
      <div className="publish-actions retire-actions">
        <button type="button" className="button button-danger" onClick={() => void confirm()} disabled={busy}>
          {busy ? 'Retiring…' : 'Retire item'}
        </button>
        <button ref={keepRef} type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
          Keep it
        </button>
      </div>
    </dialog>
  );
}
