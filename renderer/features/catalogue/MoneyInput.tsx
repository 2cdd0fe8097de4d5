import { describedBy, Field } from '../../ui/Field';

interface Props {
  id: string;
  label: string;
  hint?: string;
  value: string;
  problem?: string;
  onChange(value: string): void;
}

/** Pounds, typed as text ("12.50") with a £ in front; turned into whole pence only when saved. */
export function MoneyInput({ id, label, hint, value, problem, onChange }: Props) {
  return (
    <Field id={id} label={`${label} (£)`} hint={hint} problem={problem}>
      <span className="money">
        <span className="money-sign" aria-hidden="true">
          £
        </span>
        <input
          className="input money-input"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...describedBy(id, Boolean(hint), problem)}
        />
      </span>
    </Field>
  );
}
