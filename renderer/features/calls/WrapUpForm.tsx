import { useId, useState, type FormEvent } from 'react';
import type { CallView } from '../../../shared/contract/calls';
import { useCallAction, useCallActions } from '../../state';
import { formatClock } from '../../ui/format';
import { InlineError } from '../../ui/States';
import { useNow } from '../../ui/useNow';
import { ProtectedPauseOffer } from './ProtectedPauseOffer';
import '../../ui/controls.css';
import { FieldProblem } from '../../ui/Field';

type WrapUp = NonNullable<CallView['wrapUp']>;

/** After the call: a code for reporting, an optional last note, and a time box the core enforces. */
export function WrapUpForm({ view, wrapUp }: { view: CallView; wrapUp: WrapUp }) {
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { wrapUp: finish } = useCallActions();
  const { busy, error } = useCallAction('wrapUp');
  const now = useNow(1000);
  const id = useId();
  const secondsLeft = Math.ceil((wrapUp.deadline - now) / 1000);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code) {
      setProblem('Choose a wrap-up code.');
      document.getElementById(`${id}-code`)?.focus();
      return;
    }
    setProblem(null);
    // Done: the caret goes to the call bar, which now says the advisor is free for the next call.
    if (await finish(view.call.callId, code, note)) requestAnimationFrame(() => document.getElementById('call-idle')?.focus());
  };

  return (
    <section className="wrap-up" aria-label="Wrap-up">
      <div className="call-panel-head">
        <h3 className="call-panel-title">Wrap-up</h3>
        <span className="wrap-up-clock" data-testid="wrap-up-countdown">
          {secondsLeft > 0 ? `Wrap-up ends in ${formatClock(secondsLeft)}` : 'After-call time is over: the wrap-up waits for its code'}
        </span>
      </div>
      <form className="wrap-up-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-code`}>
            Wrap-up code
          </label>
          <select
            id={`${id}-code`}
            data-shortcut="wrap-up"
            className="input"
            value={code}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(e) => {
              setCode(e.target.value);
              setProblem(null);
            }}
          >
            <option value="">Choose a code…</option>
            {wrapUp.codes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          <FieldProblem id={id} problem={problem} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-note`}>
            Note <span className="field-optional">(optional)</span>
          </label>
          <textarea id={`${id}-note`} className="input wrap-up-note" rows={3} maxLength={10_000} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {error ? (
          <InlineError error={error} />
        ) : null}
        <div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Finishing…' : 'Finish wrap-up'}
          </button>
        </div>
      </form>
      {view.protectedPauseOffered ? <ProtectedPauseOffer /> : null}
    </section>
  );
}
