import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { callRequestArgs } from '../../../shared/contract/calls';
import '../../ui/controls.css';

interface TransferFormProps {
  busy: boolean;
  onTransfer(target: string): Promise<boolean>;
  onClose(): void;
}

const targetRule = callRequestArgs['calls.transfer'].shape.target;

/** A queue name ("funeralcare") or an extension ("2041"): the hub transfers only the advisor's own call. */
export function TransferForm({ busy, onTransfer, onClose }: TransferFormProps) {
  const [target, setTarget] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = target.trim().toLowerCase();
    if (!targetRule.safeParse(value).success) {
      setProblem('Enter a queue name (letters, digits, dashes) or an extension of 2 to 8 digits.');
      inputRef.current?.focus();
      return;
    }
    setProblem(null);
    if (await onTransfer(value)) onClose();
  };

  return (
    <form
      className="inline-form transfer-form"
      aria-label="Transfer the call"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="field">
        <label className="field-label" htmlFor={id}>
          Queue name or extension
        </label>
        <input
          ref={inputRef}
          id={id}
          className="input"
          autoComplete="off"
          spellCheck={false}
          placeholder="membership or 2041"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
        {problem ? (
          <span className="field-problem" id={`${id}-problem`}>
            {problem}
          </span>
        ) : null}
      </div>
      <div className="inline-form-actions">
        <button type="submit" className="button button-small" disabled={busy}>
          {busy ? 'Transferring…' : 'Transfer'}
        </button>
        <button type="button" className="button button-quiet button-small" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
