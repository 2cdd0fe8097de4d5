import { useId, useState, type FormEvent } from 'react';
import type { AgentState } from '../../../shared/contract/calls';
import type { AdvisorOnFloor } from '../../../shared/contract/queues';
import { setAdvisorState, useNotReadyReasons } from '../../state';
import { describedBy, Field } from '../../ui/Field';
import { SaveActions } from '../../ui/SaveActions';
import { useSaving } from '../../ui/useSaving';
import { AGENT_STATE_LABELS } from '../calls/callText';

/** The states a supervisor puts an advisor in from the floor (after-call work follows a call, never a supervisor). */
const CHOICES: AgentState[] = ['ready', 'not_ready', 'break', 'protected_pause'];
const TIMED: AgentState[] = ['break', 'protected_pause'];

/** A supervisor's change to one advisor's state, always with a reason the advisor and the audit log read. */
export function SetAdvisorState({ advisor, onDone }: { advisor: AdvisorOnFloor; onDone(): void }) {
  const id = useId();
  const reasons = useNotReadyReasons();
  const listed = 'data' in reasons && reasons.data ? reasons.data : [];
  const [state, setState] = useState<AgentState>(advisor.state === 'ready' ? 'protected_pause' : 'ready');
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState('10');
  const [problem, setProblem] = useState<string | undefined>();
  const { busy, error, save } = useSaving();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 2) return setProblem('Say why, in a few words: the advisor sees it.');
    setProblem(undefined);
    const timed = TIMED.includes(state) && Number(minutes) > 0 ? { minutes: Math.min(60, Math.round(Number(minutes))) } : {};
    const result = await save(() => setAdvisorState({ userId: advisor.userId, state, reason: reason.trim(), ...timed }));
    if (result.ok) onDone();
  };

  return (
    <form className="floor-set-state" onSubmit={(e) => void submit(e)} noValidate aria-label={`Set ${advisor.name}’s state`}>
      <Field id={`${id}-state`} label="State">
        <select id={`${id}-state`} className="input" value={state} onChange={(e) => setState(e.target.value as AgentState)} autoFocus>
          {CHOICES.map((s) => (
            <option key={s} value={s}>
              {AGENT_STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-reason`} label="Reason" problem={problem}>
        {state === 'not_ready' ? (
          <select {...describedBy(`${id}-reason`, false, problem)} className="input" value={reason} onChange={(e) => setReason(e.target.value)}>
            <option value="">Choose a reason</option>
            {listed.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        ) : (
          <input {...describedBy(`${id}-reason`, false, problem)} className="input" maxLength={80} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
      {TIMED.includes(state) ? (
        <Field id={`${id}-minutes`} label="Minutes">
          <input id={`${id}-minutes`} className="input input-short" inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </Field>
      ) : null}
      <SaveActions busy={busy} error={error} lead="Not changed" label="Set state" busyLabel="Setting…">
        <button type="button" className="button button-secondary button-small" onClick={onDone}>
          Cancel
        </button>
      </SaveActions>
    </form>
  );
}
