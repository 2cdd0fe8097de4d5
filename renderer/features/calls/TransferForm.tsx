import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTelephonyDirectory } from '../../state';
import { AGENT_STATE_LABELS } from './callText';
import '../../ui/controls.css';
import { FieldProblem } from '../../ui/Field';

interface TransferFormProps {
  busy: boolean;
  /** This advisor's own extension: not someone to pass the call to. */
  ownExtension: string | null;
  onTransfer(target: string): Promise<boolean>;
  onClose(): void;
}

/** Pass the call to a colleague or a queue chosen from the directory; the hub transfers only the advisor's own call. */
export function TransferForm({ busy, ownExtension, onTransfer, onClose }: TransferFormProps) {
  const directory = useTelephonyDirectory();
  const [target, setTarget] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  useEffect(() => selectRef.current?.focus(), []);
  const data = 'data' in directory ? directory.data : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) {
      setProblem('Choose a colleague or a queue.');
      selectRef.current?.focus();
      return;
    }
    setProblem(null);
    if (await onTransfer(target)) onClose();
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
          Transfer to
        </label>
        <select
          ref={selectRef}
          id={id}
          className="input"
          value={target}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => {
            setTarget(e.target.value);
            setProblem(null);
          }}
        >
          {/* Short enough to read whole in the call column at 1280×720 (about 200px for the text). */}
          <option value="">{data ? 'Colleague or queue…' : directory.status === 'error' ? 'Directory unavailable' : 'Loading directory…'}</option>
          {data ? (
            <>
              <optgroup label="Queues">
                {data.queues.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Colleagues">
                {data.advisors
                  .filter((a) => a.extension !== ownExtension)
                  .map((a) => (
                    <option key={a.extension} value={a.extension}>
                      {a.name} ({a.extension}, {a.siteName}) – {AGENT_STATE_LABELS[a.state]}
                    </option>
                  ))}
              </optgroup>
            </>
          ) : null}
        </select>
        <FieldProblem id={id} problem={problem} />
      </div>
      <div className="inline-form-actions">
        <button type="submit" className="button button-small" disabled={busy || !data}>
          {busy ? 'Transferring…' : 'Transfer'}
        </button>
        <button type="button" className="button button-quiet button-small" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
