import { useState } from 'react';
import { useAgentState, useCallAction, useCallActions } from '../../state';
import { formatTime } from '../../ui/format';
import { InlineError } from '../../ui/States';
import '../../ui/controls.css';

const MINUTES = [5, 10, 15] as const;

/**
 * After a bereavement call the advisor may take a short, protected pause: the PBX sends them no
 * calls until it ends. Offered gently, never forced.
 */
export function ProtectedPauseOffer() {
  const [minutes, setMinutes] = useState<number>(10);
  const agent = useAgentState();
  const { setAgentState } = useCallActions();
  const { busy, error } = useCallAction('setState');

  if (agent?.state === 'protected_pause') {
    return (
      <section className="pause-offer" aria-label="Protected pause">
        <h4 className="pause-title">Protected pause started</h4>
        <p className="pause-text">
          {agent.until ? `Until ${formatTime(agent.until)}. ` : ''}No calls will arrive until it ends. Finish the wrap-up when you are ready.
        </p>
      </section>
    );
  }

  return (
    <section className="pause-offer" aria-label="Protected pause">
      <h4 className="pause-title">Take a protected pause</h4>
      <p className="pause-text">
        That was a difficult call. A few minutes away from the phone can help. No calls will arrive during the pause.
      </p>
      <fieldset className="pause-minutes">
        <legend className="field-label">How long?</legend>
        {MINUTES.map((m) => (
          <label key={m} className="choice">
            <input type="radio" name="pause-minutes" value={m} checked={minutes === m} onChange={() => setMinutes(m)} />
            {m} minutes
          </label>
        ))}
      </fieldset>
      {error ? (
        <InlineError error={error} />
      ) : null}
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={busy}
        onClick={() => void setAgentState({ state: 'protected_pause', minutes })}
      >
        {busy ? 'Starting…' : 'Start protected pause'}
      </button>
    </section>
  );
}
