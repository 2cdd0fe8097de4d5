import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useCallAction, useCallActions } from '../../state';
import { InlineError } from '../../ui/States';
import '../../ui/controls.css';

/**
 * "Tell us once": a bereavement is recorded on the customer, every site sees it, and marketing
 * stops. A notification reference (Tell Us Once, Death Notification Service) saves asking again.
 */
export function FlagBereavement({ customerId, customerName }: { customerId: string; customerName: string }) {
  const [open, setOpen] = useState(false);
  const [reference, setReference] = useState('');
  const { markBereaved } = useCallActions();
  const { busy, error, clearError } = useCallAction('markBereaved');
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    setReference('');
    clearError();
    // Focus goes back to the button that opened the form (it is there again once closed).
    setTimeout(() => openerRef.current?.focus(), 0);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // On success the card re-renders without this form: the customer is now flagged.
    if (await markBereaved(customerId, reference)) setReference('');
  };

  if (!open) {
    return (
      <button ref={openerRef} type="button" className="button button-secondary button-small caller-flag" onClick={() => setOpen(true)}>
        Flag bereavement
      </button>
    );
  }
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label="Flag bereavement">
      <p className="inline-form-intro">
        Record that {customerName} has been bereaved. Every site will see it, and marketing and surveys stop.
      </p>
      <div className="field">
        <label className="field-label" htmlFor={inputId}>
          Notification reference (Tell Us Once or DNS)
        </label>
        <span className="field-hint" id={`${inputId}-hint`}>
          Optional. If the caller has one, nobody will need to ask again.
        </span>
        <input
          ref={inputRef}
          id={inputId}
          className="input"
          aria-describedby={`${inputId}-hint`}
          maxLength={40}
          autoComplete="off"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
        />
      </div>
      {error ? (
        <InlineError error={error} />
      ) : null}
      <div className="inline-form-actions">
        <button type="submit" className="button button-small" disabled={busy}>
          {busy ? 'Saving…' : 'Confirm bereavement'}
        </button>
        <button type="button" className="button button-quiet button-small" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
