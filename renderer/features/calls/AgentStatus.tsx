import { useId, useRef, useState } from 'react';
import type { AgentState } from '../../../shared/contract/calls';
import { useAgentState, useCallAction, useCallActions, useCurrentCall, useNotReadyReasons } from '../../state';
import { useNow } from '../../ui/useNow';
import { agentStatusText, statusValue } from './agentStatusText';
import { AGENT_STATE_LABELS } from './callText';
import { PauseForm } from './PauseForm';
import './agent.css';

const PAUSE = 'protected_pause';

/**
 * "My status" in the header: what the advisor is doing now (On a call, Wrap-up, Ready, Not ready
 * with its reason, Protected pause with the time left) and a menu to change it, with the admin's
 * not-ready reasons and a protected pause available at any time.
 */
export function AgentStatus() {
  const agent = useAgentState();
  const call = useCurrentCall();
  const reasons = useNotReadyReasons();
  const { setAgentState } = useCallActions();
  const { busy, error, clearError } = useCallAction('setState');
  const [pausing, setPausing] = useState(false);
  const selectRef = useRef<HTMLSelectElement>(null);
  const now = useNow(1000);
  const id = useId();
  if (!agent) return null;

  const listed = 'data' in reasons ? (reasons.data ?? []) : [];
  const current = statusValue(agent);
  const notReadyOptions = [...listed, ...(agent.state === 'not_ready' && agent.reason && !listed.includes(agent.reason) ? [agent.reason] : [])];
  const choose = (value: string) => {
    clearError();
    if (value === PAUSE) return setPausing(true);
    if (value.startsWith('not_ready:')) return void setAgentState({ state: 'not_ready', reason: value.slice('not_ready:'.length) });
    void setAgentState({ state: value as AgentState });
  };
  const closePause = () => {
    setPausing(false);
    setTimeout(() => selectRef.current?.focus(), 0);
  };

  return (
    <div className="agent-status" data-state={agent.state}>
      <span className="agent-dot" aria-hidden="true" />
      <span className="agent-now" data-testid="agent-now">
        {agentStatusText(agent, call, now)}
      </span>
      <label className="agent-label" htmlFor={id}>
        My status
      </label>
      <select ref={selectRef} id={id} className="agent-select" value={pausing ? PAUSE : current} disabled={busy} onChange={(e) => choose(e.target.value)}>
        <option value="ready">Ready</option>
        <option value="not_ready">Not ready</option>
        {notReadyOptions.map((r) => (
          <option key={r} value={`not_ready:${r}`}>
            Not ready: {r}
          </option>
        ))}
        <option value="break">Break</option>
        <option value={PAUSE}>{agent.state === PAUSE ? 'Protected pause' : 'Protected pause…'}</option>
        {agent.state === 'after_call_work' ? (
          <option value="after_call_work" disabled>
            {AGENT_STATE_LABELS.after_call_work}
          </option>
        ) : null}
      </select>
      {pausing ? <PauseForm onClose={closePause} /> : null}
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
