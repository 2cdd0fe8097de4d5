import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useCallAction, useCallActions } from '../../state';
import { SaveActions } from '../../ui/SaveActions';

const MINUTES = [5, 10, 15] as const;

/** A protected pause from the status menu, at any time: how long, and why (recorded with it). */
export function PauseForm({ onClose }: { onClose(): void }) {
  const id = useId();
  const [minutes, setMinutes] = useState<number>(10);
  const [reason, setReason] = useState('');
  const { setAgentState } = useCallActions();
  const { busy } = useCallAction('setState');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (await setAgentState({ state: 'protected_pause', minutes, reason: trimmed || 'Protected pause taken by the advisor' })) onClose();
  };

  return (
    <form className="agent-pause" aria-label="Start a protected pause" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <p className="agent-pause-intro">No calls arrive during a protected pause. Your supervisor sees the reason.</p>
      <fieldset className="pause-minutes">
        <legend className="field-label">How long?</legend>
        {MINUTES.map((m, i) => (
          <label key={m} className="choice">
            <input ref={i === 0 ? first : undefined} type="radio" name={`${id}-minutes`} value={m} checked={minutes === m} onChange={() => setMinutes(m)} />
            {m} minutes
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-reason`}>
          Reason <span className="field-optional">(optional)</span>
        </label>
        <input id={`${id}-reason`} className="input" maxLength={80} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <SaveActions busy={busy} error={null} label="Start protected pause" busyLabel="Starting…" className="agent-pause-actions">
        <button type="button" className="button button-quiet button-small" onClick={onClose}>
          Cancel
        </button>
      </SaveActions>
    </form>
  );
}
