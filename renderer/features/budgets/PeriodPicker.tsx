import { useEffect, useState, type FormEvent } from 'react';
import { thisMonth, type MonthRange } from '../../state';
import { QUICK_PERIODS, sameRange } from './periods';
import '../../ui/controls.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

interface PeriodPickerProps {
  range: MonthRange | null;
  onChange: (range: MonthRange) => void;
  now: number;
}

/** Quick picks for the usual questions, and any run of whole months for the rest. */
export function PeriodPicker({ range, onChange, now }: PeriodPickerProps) {
  const latest = thisMonth(now);
  const [from, setFrom] = useState(range?.from ?? latest);
  const [to, setTo] = useState(range?.to ?? latest);
  const [problem, setProblem] = useState<string | null>(null);

  // A quick pick moves the custom fields too, so they always say what is on screen.
  useEffect(() => {
    if (!range) return;
    setFrom(range.from);
    setTo(range.to);
    setProblem(null);
  }, [range]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!MONTH.test(from) || !MONTH.test(to)) return setProblem('Choose a month for both ends of the period.');
    if (from > to) return setProblem('The period starts after it ends.');
    if (to > latest) return setProblem('The period cannot end after this month.');
    setProblem(null);
    onChange({ from, to });
  };

  return (
    <div className="spend-periods">
      <div className="spend-quick" role="group" aria-label="Period">
        {QUICK_PERIODS.map((p) => {
          const pressed = sameRange(range, p.range(now));
          return (
            <button
              key={p.id}
              type="button"
              className={pressed ? 'button button-small spend-quick-on' : 'button button-small button-secondary'}
              aria-pressed={pressed}
              onClick={() => onChange(p.range(now))}
            >
              {p.label}
            </button>
          );
        })}
      </div>
      <form className="spend-custom" onSubmit={submit} aria-label="Choose months" noValidate>
        <label className="spend-custom-field">
          <span>From</span>
          <input
            className="input"
            type="month"
            value={from}
            max={latest}
            onChange={(e) => setFrom(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'spend-period-problem' : undefined}
          />
        </label>
        <label className="spend-custom-field">
          <span>To</span>
          <input
            className="input"
            type="month"
            value={to}
            max={latest}
            onChange={(e) => setTo(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'spend-period-problem' : undefined}
          />
        </label>
        <button type="submit" className="button button-small button-secondary">
          Show
        </button>
      </form>
      {problem ? (
        <p className="field-problem spend-period-problem" id="spend-period-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
