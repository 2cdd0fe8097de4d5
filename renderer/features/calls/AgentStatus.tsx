import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AgentState } from '../../../shared/contract/calls';
import { useAgentState, useCallAction, useCallActions } from '../../state';
import { formatClock } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { AGENT_STATE_LABELS, SYSTEM_STATES } from './callText';
import './agent.css';

const CHOOSABLE: AgentState[] = ['ready', 'not_ready', 'break'];

function TimeLeft({ until }: { until: number }) {
  const now = useNow(1000);
  const seconds = Math.ceil((until - now) / 1000);
  return <span className="agent-left">{seconds > 0 ? `${formatClock(seconds)} left` : 'ending…'}</span>;
}

/** Why the advisor is not ready ("team huddle", "coaching"); saved with the state, shown to the supervisor. */
function ReasonForm({ reason }: { reason: string | null }) {
  const [value, setValue] = useState(reason ?? '');
  const { setAgentState } = useCallActions();
  const { busy } = useCallAction('setState');
  const id = useId();
  useEffect(() => setValue(reason ?? ''), [reason]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void setAgentState({ state: 'not_ready', reason: value.trim() || undefined });
  };
  return (
    <form className="agent-reason" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={id}>
        Reason for not ready
      </label>
      <input
        id={id}
        className="agent-reason-input"
        placeholder="Reason (optional)"
        maxLength={80}
        autoComplete="off"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="button button-small agent-reason-save" disabled={busy || value.trim() === (reason ?? '')}>
        Save
      </button>
    </form>
  );
}

/** "My status" in the header: Ready, Not ready, Break; the system's own states appear when it sets them. */
export function AgentStatus() {
  const agent = useAgentState();
  const { setAgentState } = useCallActions();
  const { busy, error, clearError } = useCallAction('setState');
  const id = useId();
  if (!agent) return null;
  const systemState = SYSTEM_STATES.has(agent.state);
  const options = systemState ? [agent.state, ...CHOOSABLE] : CHOOSABLE;

  return (
    <div className="agent-status" data-state={agent.state}>
      <label className="agent-label" htmlFor={id}>
        My status
      </label>
      <span className="agent-dot" aria-hidden="true" />
      <select
        id={id}
        className="agent-select"
        value={agent.state}
        disabled={busy}
        onChange={(e) => void setAgentState({ state: e.target.value as AgentState })}
      >
        {options.map((state) => (
          <option key={state} value={state} disabled={SYSTEM_STATES.has(state)}>
            {AGENT_STATE_LABELS[state]}
          </option>
        ))}
      </select>
      {systemState && agent.until ? <TimeLeft until={agent.until} /> : null}
      {agent.state === 'not_ready' ? <ReasonForm reason={agent.reason} /> : null}
      {error ? (
        <span className="agent-error" role="alert">
          Status not changed: {error.message}
          <button type="button" className="agent-error-close" aria-label="Dismiss" onClick={clearError}>
            ×
          </button>
        </span>
      ) : null}
    </div>
  );
}
