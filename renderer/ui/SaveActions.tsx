import type { ReactNode } from 'react';
import type { BridgeError } from '../../shared/contract/envelope';
import { InlineError } from './States';
import './controls.css';

interface SaveActionsProps {
  busy: boolean;
  error: BridgeError | null;
  /** The button's words, and what it says while the hub answers. */
  label: string;
  busyLabel?: string;
  /** The error's first words ("Not saved"). */
  lead?: string;
  /** What was done, read out once it is (left out where the form closes when done). */
  done?: string;
  /** A destructive action's button is red. */
  danger?: boolean;
  /** Beside the button: Cancel, a warning. */
  children?: ReactNode;
  /** The row's layout where a form sits inline (a caller card, a status menu). */
  className?: string;
  disabled?: boolean;
  /** The id of a hint that says what the button will do. */
  describedBy?: string;
}

/** The foot of a form: why it was not saved, the submit button, and what was done. */
export function SaveActions({ busy, error, label, busyLabel = 'Saving…', lead = 'Not saved', done, disabled = false, describedBy, danger = false, children, className = 'form-actions' }: SaveActionsProps) {
  return (
    <>
      {error ? <InlineError error={error} lead={lead} /> : null}
      <div className={className}>
        <button type="submit" className={danger ? 'button button-small button-danger' : 'button button-small'} disabled={busy || disabled} aria-describedby={describedBy}>
          {busy ? busyLabel : label}
        </button>
        {children}
        {done !== undefined ? (
          <span role="status" className="muted">
            {done}
          </span>
        ) : null}
      </div>
    </>
  );
}
